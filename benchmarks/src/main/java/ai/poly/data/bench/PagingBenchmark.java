package ai.poly.data.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 3. Paging: every one of 20,000 conversations, listed in pages of 100 from a loopback server.
 * The score is conversations per second; the heap it holds is measured by {@link PagingHeap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PagingBenchmark {
  static final int TOTAL = 20_000;
  static final int PAGE = 100;

  @Param({"ours", "limit", "stock"})
  public String client;

  private BenchServer server;
  private BenchClient bench;

  @Setup
  public void setUp() {
    server = BenchServer.start(new byte[0], TOTAL, 0);
    bench = BenchClient.create(client, server.url(), null);
  }

  @TearDown
  public void tearDown() {
    bench.close();
    server.close();
  }

  @Benchmark
  @OperationsPerInvocation(TOTAL)
  public void listAll(Blackhole blackhole) throws Exception {
    int[] seen = new int[1];
    bench.listAll(
        Payloads.AGENT,
        PAGE,
        conversation -> {
          blackhole.consume(conversation);
          seen[0]++;
        });
    if (seen[0] != TOTAL) {
      throw new IllegalStateException("listed " + seen[0] + " of " + TOTAL);
    }
    server.forgetRequests();
  }
}
