package ai.poly.data.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 3b. The heap {@code listAll} holds while it pages through 20,000 conversations: the live heap
 * (after a full GC) sampled in the middle of every fourth page, less the live heap once the listing
 * is over (the requests the loopback server records are dropped before each measurement); the
 * median and the largest of the 50 samples. The yardstick is one page: the live heap of all 20,000
 * summaries collected in a list, divided by the 200 pages. Run in its own JVM, one client per run,
 * with SerialGC so that the used heap after {@code System.gc()} is exact.
 *
 * <p>Prints one line: {@code paging-heap client=... heldMedianBytes=... heldMaxBytes=...
 * pageBytes=... allBytes=...}.
 */
public final class PagingHeap {
  private PagingHeap() {}

  public static void main(String[] args) throws Exception {
    String client = args[0];
    int total = PagingBenchmark.TOTAL;
    int pageSize = PagingBenchmark.PAGE;
    try (BenchServer server = BenchServer.start(new byte[0], total, 0);
        BenchClient bench = BenchClient.create(client, server.url(), null)) {
      bench.listAll(Payloads.AGENT, pageSize, conversation -> {}); // Warms up both ends.
      server.forgetRequests();

      List<Long> samples = new ArrayList<>();
      int[] seen = {0};
      bench.listAll(
          Payloads.AGENT,
          pageSize,
          conversation -> {
            seen[0]++;
            if (seen[0] % (4 * pageSize) == pageSize / 2) {
              server.forgetRequests();
              samples.add(liveHeap());
            }
          });
      check(seen[0], total);
      server.forgetRequests();
      long idle = liveHeap();
      List<Long> held = new ArrayList<>();
      samples.forEach(sample -> held.add(sample - idle));
      held.sort(null);

      List<Object> all = new ArrayList<>(total);
      long beforeAll = liveHeap();
      bench.listAll(Payloads.AGENT, pageSize, all::add);
      server.forgetRequests();
      long allBytes = liveHeap() - beforeAll;
      check(all.size(), total);
      System.out.printf(
          Locale.ROOT,
          "paging-heap client=%s heldMedianBytes=%d heldMaxBytes=%d pageBytes=%d allBytes=%d%n",
          client,
          held.get(held.size() / 2),
          held.get(held.size() - 1),
          allBytes / (total / pageSize),
          allBytes);
    }
  }

  private static void check(int seen, int total) {
    if (seen != total) {
      throw new IllegalStateException("listed " + seen + " of " + total);
    }
  }

  private static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
