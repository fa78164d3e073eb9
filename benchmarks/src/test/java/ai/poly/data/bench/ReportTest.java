package ai.poly.data.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @Test
  void latencyPercentilesAreTakenOverTheSamplesOfEveryRound(@TempDir Path folder) throws Exception {
    // Ours: round 1 has two slow calls in 100 (its own p99 is 500 µs), round 2 none in 300 (100
    // µs). Over the 400 calls of both rounds, the 99th percentile is 100 µs; the median of the two
    // rounds' percentiles would be 300.
    Files.writeString(
        folder.resolve("jmh-1.json"),
        "["
            + latency("ours", "[[[[100.0, 98], [500.0, 2]]]]")
            + ","
            + latency("limit", "[[[[100.0, 100]]]]")
            + "]");
    Files.writeString(
        folder.resolve("jmh-2.json"),
        "["
            + latency("ours", "[[[[100.0, 300]]]]")
            + ","
            + latency("limit", "[[[[100.0, 100]]]]")
            + "]");

    Report.main(new String[] {folder.toString()});

    String table = Files.readString(folder.resolve("results.md"));
    assertTrue(
        table.contains(
            "| Get, sync: p99 latency (µs) | 100 | 100 |  | 1.00× |  | ≤ 1.1× limit | yes |"),
        table);
    assertTrue(table.contains("| Get, sync: p50 latency (µs) | 100 | 100 |"), table);
  }

  @Test
  void aPercentileIsTheValueOfItsRankAmongAllSamples(@TempDir Path folder) throws Exception {
    // 300 samples over two rounds, the second in two forks, the last of them in two iterations:
    // the 297th in order (the 99th percentile) is the first at 700.
    Files.writeString(
        folder.resolve("jmh-1.json"),
        "["
            + latency("ours", "[[[[100.0, 150]]]]")
            + ","
            + latency("limit", "[[[[100.0, 200]]]]")
            + "]");
    Files.writeString(
        folder.resolve("jmh-2.json"),
        "["
            + latency("ours", "[[[[200.0, 100]]], [[[200.0, 46], [700.0, 1]], [[700.0, 3]]]]")
            + ","
            + latency("limit", "[[[[100.0, 100]]]]")
            + "]");

    Report.main(new String[] {folder.toString()});

    String table = Files.readString(folder.resolve("results.md"));
    assertTrue(
        table.contains(
            "| Get, sync: p99 latency (µs) | 700 | 100 |  | 7.00× |  | ≤ 1.1× limit | **no** |"),
        table);
    // The 150th of 300 is the last at 100.
    assertTrue(table.contains("| Get, sync: p50 latency (µs) | 100 | 100 |"), table);
  }

  /**
   * A SampleTime result as JMH writes it; {@code histogram} holds, for each fork, for each
   * iteration, its [value, count] buckets.
   */
  private static String latency(String client, String histogram) {
    return "{\"benchmark\": \"ai.poly.data.bench.GetBenchmark.getSyncLatency\","
        + " \"params\": {\"client\": \""
        + client
        + "\"},"
        + " \"primaryMetric\": {\"score\": 1.0, \"rawDataHistogram\": "
        + histogram
        + "}}";
  }
}
