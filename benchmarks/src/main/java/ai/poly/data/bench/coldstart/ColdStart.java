package ai.poly.data.bench.coldstart;

import ai.poly.data.bench.BenchServer;
import ai.poly.data.bench.Payloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 5. Cold start: the wall time of a whole JVM process, from launch to exit, whose only work is the
 * first {@code get} of a 20-turn conversation from a loopback server running here. Each client runs
 * on its own runtime closure. The clients take turns, so that a change in the machine's load falls
 * on all of them alike, after one untimed run each to warm the file cache.
 *
 * <p>Usage: {@code ColdStart RUNS OURS_CLASSPATH LIMIT_CLASSPATH STOCK_CLASSPATH}. Prints one line
 * per client: {@code cold-start client=... medianMs=... minMs=... maxMs=... runs=...}.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("ours", command(args[1], OursFirstGet.class));
    commands.put("limit", command(args[2], LimitFirstGet.class));
    commands.put("stock", command(args[3], StockFirstGet.class));
    Map<String, long[]> times = new LinkedHashMap<>();
    commands.keySet().forEach(client -> times.put(client, new long[runs]));
    try (BenchServer server = BenchServer.start(Payloads.conversation(20), 0, 0)) {
      for (List<String> command : commands.values()) {
        run(command, server.url());
      }
      List<String> clients = new ArrayList<>(commands.keySet());
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < clients.size(); i++) {
          String client = clients.get((r + i) % clients.size());
          times.get(client)[r] = run(commands.get(client), server.url());
        }
      }
    }
    times.forEach(
        (client, nanos) -> {
          Arrays.sort(nanos);
          System.out.printf(
              Locale.ROOT,
              "cold-start client=%s medianMs=%.1f minMs=%.1f maxMs=%.1f runs=%d%n",
              client,
              median(nanos) / 1e6,
              nanos[0] / 1e6,
              nanos[nanos.length - 1] / 1e6,
              nanos.length);
        });
  }

  private static List<String> command(String classpath, Class<?> main) {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-cp", classpath, main.getName());
  }

  /** Runs one process to its exit; returns its wall time in nanoseconds. */
  private static long run(List<String> command, String url) throws IOException, InterruptedException {
    List<String> withUrl = new ArrayList<>(command);
    withUrl.add(url);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(withUrl).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    long elapsed = System.nanoTime() - start;
    if (exit != 0 || !output.trim().equals("20")) {
      throw new IllegalStateException(command.get(command.size() - 1) + " failed: " + output);
    }
    return elapsed;
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
