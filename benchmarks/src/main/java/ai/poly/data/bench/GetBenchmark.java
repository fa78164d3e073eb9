package ai.poly.data.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 2. End to end: {@code get} of a 20-turn conversation from a loopback server over a kept-alive
 * connection. Sync: throughput, and latency percentiles in SampleTime mode. Async: a window of 16
 * calls kept in flight, each completion letting the next call start. Ten warm-up seconds: with
 * five, the async figures of every client were still climbing through the measured iterations (ours
 * from 6,000 to 10,000 calls/s within one fork) as the JIT and G1's young generation settled.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GetBenchmark {
  static final int IN_FLIGHT = 16;

  @Param({"ours", "limit", "stock"})
  public String client;

  private BenchServer server;
  private BenchClient bench;
  private final Semaphore window = new Semaphore(IN_FLIGHT);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  @Setup
  public void setUp() {
    server = BenchServer.start(Payloads.conversation(20), 0, 0);
    bench = BenchClient.create(client, server.url(), null);
  }

  @TearDown(Level.Iteration)
  public void afterIteration() throws InterruptedException {
    window.acquire(IN_FLIGHT);
    window.release(IN_FLIGHT);
    server.forgetRequests();
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("an async call failed", t);
    }
  }

  @TearDown
  public void tearDown() {
    bench.close();
    server.close();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object getSync() throws Exception {
    return bench.get(Payloads.AGENT, Payloads.CONVERSATION);
  }

  /** The same call, each one timed: the percentiles of its latency. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object getSyncLatency() throws Exception {
    return bench.get(Payloads.AGENT, Payloads.CONVERSATION);
  }

  /** One call started once one of the 16 in flight completes: ops/s is completed calls/s. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void getAsync16() throws InterruptedException {
    window.acquire();
    bench
        .getAsync(Payloads.AGENT, Payloads.CONVERSATION)
        .whenComplete(
            (conversation, t) -> {
              if (t != null || conversation == null) {
                failure.compareAndSet(null, t != null ? t : new NullPointerException());
              }
              window.release();
            });
  }
}
