package ai.poly.data.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * The calling thread's CPU time, allocation and wall time per call, for ours and the limit in
 * alternating blocks in one JVM against one loopback server: {@code get} of the 20-turn
 * conversation, {@code listAll} of 20,000 conversations in pages of 100, and {@code getAsync} with
 * 16 in flight, whose work runs on OkHttp's threads and is measured as the whole process's CPU. JMH
 * runs each client in a fork of its own, minutes apart, so a machine shared with other work moves
 * its ratios by 10-20%; blocks taking turns within seconds of each other see the same machine, and
 * thread CPU time leaves out the time the thread waited. The {@code get} blocks also time every
 * call, for latency percentiles of the two clients on the same machine at the same moments (JMH's
 * figure comes from one fork per client, whose percentiles move by 10-30% from fork to fork).
 * Writes Markdown tables to standard output.
 */
public final class CpuPerCall {
  private static final String[] CLIENTS = {"ours", "limit"};
  private static final int WARMUP_ROUNDS = 6;
  private static final int ROUNDS = 16;
  private static final int GET_CALLS = 2_000;

  private CpuPerCall() {}

  public static void main(String[] args) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.println(
        "| Per call, alternating blocks (median of "
            + ROUNDS
            + ") | Ours CPU (µs) | Limit CPU (µs) | CPU, ours ÷ limit | Ours allocated (kB) | Limit"
            + " allocated (kB) | Ours wall (µs) | Limit wall (µs) | Throughput, ours ÷ limit |");
    System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    long[][] latencies = new long[2][ROUNDS * GET_CALLS];
    for (String what : new String[] {"get", "listAll", "getAsync"}) {
      boolean get = what.equals("get");
      boolean async = what.equals("getAsync");
      int calls = get ? GET_CALLS : async ? 10_000 : 2;
      long[][] cpu = new long[2][ROUNDS];
      long[][] wall = new long[2][ROUNDS];
      long[][] allocated = new long[2][ROUNDS];
      try (BenchServer server = BenchServer.start(Payloads.conversation(20), 20_000, 0)) {
        BenchClient[] clients = new BenchClient[2];
        for (int c = 0; c < 2; c++) {
          clients[c] = BenchClient.create(CLIENTS[c], server.url(), null);
        }
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
          for (int c = 0; c < 2; c++) {
            long cpuStart = async ? process.getProcessCpuTime() : threads.getCurrentThreadCpuTime();
            long allocatedStart = threads.getCurrentThreadAllocatedBytes();
            long wallStart = System.nanoTime();
            if (async) {
              Semaphore window = new Semaphore(GetBenchmark.IN_FLIGHT);
              for (int i = 0; i < calls; i++) {
                window.acquire();
                clients[c]
                    .getAsync(Payloads.AGENT, Payloads.CONVERSATION)
                    .whenComplete((conversation, failure) -> window.release());
              }
              window.acquire(GetBenchmark.IN_FLIGHT);
            }
            for (int i = 0; i < calls && !async; i++) {
              if (get) {
                long start = System.nanoTime();
                clients[c].get(Payloads.AGENT, Payloads.CONVERSATION);
                if (round >= 0) {
                  latencies[c][round * calls + i] = System.nanoTime() - start;
                }
              } else {
                clients[c].listAll(Payloads.AGENT, PagingBenchmark.PAGE, each -> {});
              }
            }
            if (round >= 0) {
              wall[c][round] = (System.nanoTime() - wallStart) / calls;
              long cpuEnd = async ? process.getProcessCpuTime() : threads.getCurrentThreadCpuTime();
              cpu[c][round] = (cpuEnd - cpuStart) / calls;
              // The calls' work runs on OkHttp's threads: their allocation is not counted.
              allocated[c][round] =
                  async ? 0 : (threads.getCurrentThreadAllocatedBytes() - allocatedStart) / calls;
            }
            server.forgetRequests();
          }
        }
        for (BenchClient client : clients) {
          client.close();
        }
      }
      String unit =
          get
              ? "get of 20 turns"
              : async
                  ? "getAsync of 20 turns, 16 in flight (CPU of the whole process)"
                  : "listAll of 20,000";
      System.out.printf(
          Locale.ROOT,
          "| %s | %,.1f | %,.1f | %.2f× | %s | %s | %,.1f | %,.1f | %.2f× |%n",
          unit,
          median(cpu[0]) / 1e3,
          median(cpu[1]) / 1e3,
          median(cpu[0]) / median(cpu[1]),
          async ? "" : String.format(Locale.ROOT, "%,.1f", median(allocated[0]) / 1e3),
          async ? "" : String.format(Locale.ROOT, "%,.1f", median(allocated[1]) / 1e3),
          median(wall[0]) / 1e3,
          median(wall[1]) / 1e3,
          // As throughput: calls per second of ours over the limit's.
          median(wall[1]) / median(wall[0]));
    }
    printLatencies(latencies);
    System.exit(0); // OkHttp's pools keep non-daemon threads a while.
  }

  /** Percentiles of every measured {@code get}, each client's calls pooled over the rounds. */
  private static void printLatencies(long[][] latencies) {
    double[] percentiles = {50, 90, 99};
    System.out.println();
    System.out.println(
        "| Sync get latency, alternating blocks (all calls of the "
            + ROUNDS
            + " rounds) | Ours (µs) | Limit (µs) | Ours ÷ limit |");
    System.out.println("|---|--:|--:|--:|");
    long[][] sorted = {latencies[0].clone(), latencies[1].clone()};
    for (long[] values : sorted) {
      Arrays.sort(values);
    }
    for (double p : percentiles) {
      double ours = percentile(sorted[0], p);
      double limit = percentile(sorted[1], p);
      System.out.printf(
          Locale.ROOT,
          "| p%.0f | %,.0f | %,.0f | %.2f× |%n",
          p,
          ours / 1e3,
          limit / 1e3,
          ours / limit);
    }
  }

  /** The nearest-rank percentile of sorted values. */
  private static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
