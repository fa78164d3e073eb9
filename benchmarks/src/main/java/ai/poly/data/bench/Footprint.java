package ai.poly.data.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 6. Footprint: the bytes of the jars each client ships with. Ours: the runtime classpath Maven
 * resolves for polyai-data-client, our own jars being the {@code polyai-data-*} ones. The stock
 * client: its generated classes in a jar of their own, and the runtime classpath Maven resolves from
 * the pom.xml the generator writes beside them (the dependencies and versions it names).
 *
 * <p>Usage: {@code Footprint OURS_CLASSPATH STOCK_CLASSPATH STOCK_JAR}. Prints one line per jar
 * ({@code jar client=... bytes=... name=...}) and a {@code footprint ...} line of totals.
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) throws IOException {
    List<Path> ours = jars(args[0]);
    List<Path> stock = jars(args[1]);
    stock.add(0, Paths.get(args[2]));
    long own = 0;
    for (Path jar : ours) {
      print("ours", jar);
      if (jar.getFileName().toString().startsWith("polyai-data-")) {
        own += Files.size(jar);
      }
    }
    for (Path jar : stock) {
      print("stock", jar);
    }
    System.out.printf(
        Locale.ROOT,
        "footprint ownBytes=%d oursClosureBytes=%d oursJars=%d stockOwnBytes=%d"
            + " stockClosureBytes=%d stockJars=%d%n",
        own,
        total(ours),
        ours.size(),
        Files.size(stock.get(0)),
        total(stock),
        stock.size());
  }

  private static List<Path> jars(String classpath) {
    List<Path> jars = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        jars.add(Paths.get(entry.trim()));
      }
    }
    return jars;
  }

  private static void print(String client, Path jar) throws IOException {
    System.out.printf(
        Locale.ROOT, "jar client=%s bytes=%d name=%s%n", client, Files.size(jar), jar.getFileName());
  }

  private static long total(List<Path> jars) throws IOException {
    long total = 0;
    for (Path jar : jars) {
      total += Files.size(jar);
    }
    return total;
  }
}
