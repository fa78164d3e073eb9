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
    String table =
        report(
            folder,
            round("[[[[100.0, 98], [500.0, 2]]]]", "[[[[100.0, 100]]]]"),
            round("[[[[100.0, 300]]]]", "[[[[100.0, 100]]]]"));

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
    String table =
        report(
            folder,
            round("[[[[100.0, 150]]]]", "[[[[100.0, 200]]]]"),
            round(
                "[[[[200.0, 100]]], [[[200.0, 46], [700.0, 1]], [[700.0, 3]]]]",
                "[[[[100.0, 100]]]]"));

    assertTrue(
        table.contains(
            "| Get, sync: p99 latency (µs) | 700 | 100 |  | 7.00× |  | ≤ 1.1× limit | **no** |"),
        table);
    // The 150th of 300 is the last at 100.
    assertTrue(table.contains("| Get, sync: p50 latency (µs) | 100 | 100 |"), table);
  }

  /** Writes one JMH result file per round, runs the report on them, and returns its table. */
  private static String report(Path folder, String... rounds) throws Exception {
    for (int i = 0; i < rounds.length; i++) {
      Files.writeString(folder.resolve("jmh-" + (i + 1) + ".json"), rounds[i]);
    }
    Report.main(new String[] {folder.toString()});
    return Files.readString(folder.resolve("results.md"));
  }

  /** One round's results: the latency histograms of ours and of the limit. */
  private static String round(String ours, String limit) {
    return "[" + latency("ours", ours) + "," + latency("limit", limit) + "]";
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
