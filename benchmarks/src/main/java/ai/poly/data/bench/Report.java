package ai.poly.data.bench;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okio.Okio;

/**
 * Writes the table of BENCHMARKS.md from one run's results: JMH's {@code jmh*.json} (one per round;
 * each figure is the median of the rounds, but latency percentiles, which are taken over the
 * samples of all the rounds together), and the lines
 * {@link PagingHeap}, {@code ColdStart} and {@link Footprint} print, all in one folder. Every figure
 * is shown absolute for each client, then as a ratio against the references, then against its
 * target.
 *
 * <p>Usage: {@code Report RESULTS_FOLDER}; prints the Markdown table and writes it to {@code
 * results.md} in that folder.
 */
public final class Report {
  private final List<Map<String, Object>> jmh;
  private final Map<String, Map<String, String>> lines = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  private Report(Path folder) throws IOException {
    this.jmh = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith("jmh") && name.endsWith(".json")) {
          jmh.addAll(readJmh(file));
        }
      }
    }
    for (String file : List.of("paging-heap.txt", "cold-start.txt", "footprint.txt")) {
      Path path = folder.resolve(file);
      if (Files.exists(path)) {
        for (String line : Files.readAllLines(path)) {
          String[] words = line.trim().split(" ");
          Map<String, String> values = new HashMap<>();
          for (int i = 1; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            values.put(pair[0], pair.length > 1 ? pair[1] : "");
          }
          lines.put(words[0] + " " + values.getOrDefault("client", ""), values);
        }
      }
    }
  }

  public static void main(String[] args) throws IOException {
    Path folder = Paths.get(args[0]);
    Report report = new Report(folder);
    report.write();
    Files.writeString(folder.resolve("results.md"), report.out);
    System.out.print(report.out);
  }

  private void write() {
    out.append("| Measure | Ours | Limit | Stock | Ours ÷ limit | Ours ÷ stock | Target | Met |\n");
    out.append("|---|--:|--:|--:|--:|--:|---|:-:|\n");
    for (String turns : List.of("20", "1000")) {
      String benchmark = "ParseBenchmark.parse";
      Map<String, String> p = Map.of("turns", turns);
      row("Parse, " + turns + " turns (µs/op)", benchmark, p, Metric.SCORE, 1, false, 1.5, 1.0);
      row("Parse, " + turns + " turns: allocated (kB/op)", benchmark, p, Metric.ALLOC, 1, false,
          0, 0);
      Double untyped = score(benchmark, withClient(p, "stock-untyped"), Metric.SCORE);
      if (untyped != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "| Parse, %s turns: stock client alone, turns left as Gson maps (µs/op) | | | %s"
                    + " | | | | |\n",
                turns,
                format(untyped, 1)));
      }
    }
    row("Get, sync: throughput (calls/s)", "GetBenchmark.getSync", Map.of(), Metric.SCORE, 0,
        true, 0.9, 0);
    row("Get, sync: p50 latency (µs)", "GetBenchmark.getSyncLatency", Map.of(), Metric.P50, 0,
        false, 0, 0);
    row("Get, sync: p99 latency (µs)", "GetBenchmark.getSyncLatency", Map.of(), Metric.P99, 0,
        false, 1.1, 0);
    row("Get, async, 16 in flight: throughput (calls/s)", "GetBenchmark.getAsync16", Map.of(),
        Metric.SCORE, 0, true, 0.9, 0);
    row("listAll, 20,000 in pages of 100 (conversations/s)", "PagingBenchmark.listAll", Map.of(),
        Metric.SCORE, 0, true, 0.9, 0);
    pagingHeap();
    audio();
    coldStart();
    footprint();
  }

  private enum Metric {
    SCORE,
    ALLOC,
    P50,
    P99
  }

  /**
   * One row of a JMH result. {@code higherIsBetter} sets the direction of the target ratio against
   * the limit ({@code limitTarget}) and the stock client ({@code stockTarget}); 0 means none.
   */
  private void row(
      String label,
      String benchmark,
      Map<String, String> params,
      Metric metric,
      int decimals,
      boolean higherIsBetter,
      double limitTarget,
      double stockTarget) {
    Double ours = score(benchmark, withClient(params, "ours"), metric);
    Double limit = score(benchmark, withClient(params, "limit"), metric);
    Double stock = score(benchmark, withClient(params, "stock"), metric);
    if (ours == null && limit == null && stock == null) {
      return;
    }
    List<String> targets = new ArrayList<>();
    Boolean met = null;
    String comparison = higherIsBetter ? "≥" : "≤";
    if (limitTarget > 0) {
      targets.add(comparison + " " + limitTarget + "× limit");
      met = meets(ours, limit, limitTarget, higherIsBetter);
    }
    if (stockTarget > 0) {
      targets.add("< stock");
      Boolean stockMet = ours == null || stock == null ? null : ours < stock;
      met = met == null ? stockMet : (stockMet == null ? null : met && stockMet);
    }
    cells(label, format(ours, decimals), format(limit, decimals), format(stock, decimals),
        ratio(ours, limit), ratio(ours, stock), String.join(", ", targets), met);
  }

  private void pagingHeap() {
    Map<String, String> ours = lines.get("paging-heap ours");
    Map<String, String> limit = lines.get("paging-heap limit");
    Map<String, String> stock = lines.get("paging-heap stock");
    if (ours == null && limit == null && stock == null) {
      return;
    }
    Double page = kilobytes(ours, "pageBytes");
    Double o = kilobytes(ours, "heldMedianBytes");
    Boolean met = o == null || page == null ? null : o <= page * 1.5;
    cells("listAll: live heap held while paging, median of 50 samples (kB)", format(o, 0),
        format(kilobytes(limit, "heldMedianBytes"), 0), format(kilobytes(stock, "heldMedianBytes"), 0),
        "", "", "≤ one page (" + format(page, 0) + " kB) + 50%", met);
    cells("listAll: live heap held while paging, largest sample (kB)",
        format(kilobytes(ours, "heldMaxBytes"), 0), format(kilobytes(limit, "heldMaxBytes"), 0),
        format(kilobytes(stock, "heldMaxBytes"), 0), "", "", "", null);
    cells("listAll: live heap of one page of 100 summaries (kB); all 20,000 held: "
            + format(kilobytes(ours, "allBytes"), 0) + " kB", format(page, 0),
        format(kilobytes(limit, "pageBytes"), 0), format(kilobytes(stock, "pageBytes"), 0),
        "", "", "", null);
  }

  private void audio() {
    Double ours = score("AudioBenchmark.download", Map.of("client", "ours"), Metric.SCORE);
    Double limit = score("AudioBenchmark.download", Map.of("client", "limit"), Metric.SCORE);
    Double stock = score("AudioBenchmark.download", Map.of("client", "stock"), Metric.SCORE);
    if (ours == null && limit == null) {
      return;
    }
    Double o = megabytesPerSecond(ours);
    Double l = megabytesPerSecond(limit);
    Double s = megabytesPerSecond(stock);
    cells("Audio, 256 MB to a file with -Xmx64m (MB/s; limit = raw OkHttp copy)", format(o, 0),
        format(l, 0), format(s, 0), ratio(o, l), ratio(o, s), "completes, ≥ 0.9× limit",
        meets(o, l, 0.9, true));
  }

  private void coldStart() {
    Double ours = number(lines.get("cold-start ours"), "medianMs");
    Double limit = number(lines.get("cold-start limit"), "medianMs");
    Double stock = number(lines.get("cold-start stock"), "medianMs");
    if (ours == null) {
      return;
    }
    String runs = lines.get("cold-start ours").get("runs");
    cells("Cold start: first get in a fresh JVM, whole process (ms, median of " + runs + ")",
        format(ours, 0), format(limit, 0), format(stock, 0), ratio(ours, limit),
        ratio(ours, stock), "≤ 1.2× limit", meets(ours, limit, 1.2, false));
  }

  private void footprint() {
    Map<String, String> f = lines.get("footprint ");
    if (f == null) {
      return;
    }
    Double own = number(f, "ownBytes") / 1000;
    Double stockOwn = number(f, "stockOwnBytes") / 1000;
    cells("Footprint: our jars / the stock client's generated jar (kB)", format(own, 0), "",
        format(stockOwn, 0), "", ratio(own, stockOwn), "< 250 kB", own < 250);
    Double closure = number(f, "oursClosureBytes") / 1000;
    Double stockClosure = number(f, "stockClosureBytes") / 1000;
    cells(
        "Footprint: whole runtime closure (kB; "
            + f.get("oursJars")
            + " jars / "
            + f.get("stockJars")
            + " jars)",
        format(closure, 0), "", format(stockClosure, 0), "", ratio(closure, stockClosure),
        "≤ stock", closure <= stockClosure);
  }

  private void cells(
      String label,
      String ours,
      String limit,
      String stock,
      String ratioLimit,
      String ratioStock,
      String target,
      Boolean met) {
    out.append("| ")
        .append(String.join(" | ", label, ours, limit, stock, ratioLimit, ratioStock, target))
        .append(" | ")
        .append(met == null ? "" : met ? "yes" : "**no**")
        .append(" |\n");
  }

  private static Boolean meets(Double ours, Double reference, double target, boolean higher) {
    if (ours == null || reference == null) {
      return null;
    }
    double ratio = ours / reference;
    return higher ? ratio >= target : ratio <= target;
  }

  /**
   * The median over the rounds of the run (one JMH result file per round); a latency percentile is
   * taken over the samples of every round at once. One fork's percentile moves by 10-30% from fork
   * to fork, and the median of three such figures still by about 10%.
   */
  private Double score(String benchmark, Map<String, String> params, Metric metric) {
    List<Double> scores = new ArrayList<>();
    TreeMap<Double, Long> samples = new TreeMap<>();
    for (Map<String, Object> result : jmh) {
      String name = (String) result.get("benchmark");
      Map<?, ?> resultParams = (Map<?, ?>) result.getOrDefault("params", Map.of());
      if (name.endsWith("." + benchmark) && resultParams.entrySet().containsAll(params.entrySet())) {
        if (metric == Metric.P50 || metric == Metric.P99) {
          addSamples(result, samples);
          continue;
        }
        Double score = score(result, metric);
        if (score != null) {
          scores.add(score);
        }
      }
    }
    if (!samples.isEmpty()) {
      return percentile(samples, metric == Metric.P50 ? 50 : 99);
    }
    if (scores.isEmpty()) {
      return null;
    }
    scores.sort(null);
    int n = scores.size();
    return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
  }

  /** Adds a SampleTime result's samples, JMH's histogram of every iteration of every fork. */
  private static void addSamples(Map<String, Object> result, Map<Double, Long> samples) {
    Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
    for (Object fork : (List<?>) primary.get("rawDataHistogram")) {
      for (Object iteration : (List<?>) fork) {
        for (Object bucket : (List<?>) iteration) {
          List<?> pair = (List<?>) bucket;
          double value = ((Number) pair.get(0)).doubleValue();
          samples.merge(value, ((Number) pair.get(1)).longValue(), Long::sum);
        }
      }
    }
  }

  /** The nearest-rank percentile of samples held as value to count, in order. */
  private static double percentile(TreeMap<Double, Long> samples, double p) {
    long total = 0;
    for (long count : samples.values()) {
      total += count;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100 * total));
    long seen = 0;
    for (Map.Entry<Double, Long> entry : samples.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return samples.lastKey();
  }

  private static Double score(Map<String, Object> result, Metric metric) {
    Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
    switch (metric) {
      case SCORE:
        return ((Number) primary.get("score")).doubleValue();
      default: // ALLOC; percentiles are pooled over the rounds by the caller.
        Map<?, ?> secondary = (Map<?, ?>) result.get("secondaryMetrics");
        Map<?, ?> alloc = secondary == null ? null : (Map<?, ?>) secondary.get("gc.alloc.rate.norm");
        return alloc == null ? null : ((Number) alloc.get("score")).doubleValue() / 1000;
    }
  }

  private static Map<String, String> withClient(Map<String, String> params, String client) {
    Map<String, String> copy = new HashMap<>(params);
    copy.put("client", client);
    return copy;
  }

  private static Double megabytesPerSecond(Double millisPerOp) {
    return millisPerOp == null ? null : AudioBenchmark.SIZE / 1e6 / (millisPerOp / 1000);
  }

  private static Double kilobytes(Map<String, String> values, String key) {
    Double bytes = number(values, key);
    return bytes == null ? null : bytes / 1000;
  }

  private static Double number(Map<String, String> values, String key) {
    return values == null || !values.containsKey(key) ? null : Double.valueOf(values.get(key));
  }

  private static String ratio(Double ours, Double reference) {
    return ours == null || reference == null
        ? ""
        : String.format(Locale.ROOT, "%.2f×", ours / reference);
  }

  private static String format(Double value, int decimals) {
    if (value == null) {
      return "";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> readJmh(Path path) throws IOException {
    if (!Files.exists(path)) {
      return List.of();
    }
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(path)))) {
      return (List<Map<String, Object>>) reader.readJsonValue();
    }
  }
}
