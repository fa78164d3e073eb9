package ai.poly.data.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * 1. Parse: a conversation's bytes, in memory, to the typed values a user reads, through each
 * client's real call path on an OkHttp client that answers from memory ({@link InMemory}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
  @Param({"20", "1000"})
  public int turns;

  @Param({"ours", "limit", "stock", "stock-untyped"})
  public String client;

  private BenchClient bench;

  @Setup
  public void setUp() {
    bench = BenchClient.create(client, InMemory.BASE_URL, InMemory.answering(Payloads.conversation(turns)));
  }

  @TearDown
  public void tearDown() {
    bench.close();
  }

  @Benchmark
  public Object parse() throws Exception {
    return bench.get(Payloads.AGENT, Payloads.CONVERSATION);
  }
}
