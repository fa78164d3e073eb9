package ai.poly.data.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * 4. Audio: a 256 MB recording streamed from a loopback server to a file, in a JVM of 64 MB heap.
 * The limit is a raw OkHttp copy of the body to the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class AudioBenchmark {
  static final long SIZE = 256L * 1024 * 1024;

  @Param({"ours", "limit", "stock"})
  public String client;

  private BenchServer server;
  private BenchClient bench;
  private Path directory;
  private Path target;

  @Setup
  public void setUp() throws IOException {
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (maxHeap > 64L * 1024 * 1024) {
      throw new IllegalStateException("the audio benchmark needs -Xmx64m; max heap is " + maxHeap);
    }
    server = BenchServer.start(new byte[0], 0, SIZE);
    bench = BenchClient.create(client, server.url(), null);
    directory = Files.createTempDirectory("polyai-audio-bench");
    target = directory.resolve("recording.wav");
  }

  @TearDown(Level.Invocation)
  public void deleteRecording() throws IOException {
    Files.deleteIfExists(target);
    server.forgetRequests();
  }

  @TearDown
  public void tearDown() throws IOException {
    bench.close();
    server.close();
    Files.deleteIfExists(directory);
  }

  @Benchmark
  public long download() throws Exception {
    long size = bench.downloadAudio(Payloads.AGENT, Payloads.CONVERSATION, target);
    if (size != SIZE || Files.size(target) != SIZE) {
      throw new IllegalStateException("wrote " + Files.size(target) + " bytes of " + SIZE);
    }
    return size;
  }
}
