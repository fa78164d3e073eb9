package ai.poly.data.androidcheck;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * Shrinks and obfuscates an app with ProGuard the way R8 does in an Android release build: the app
 * and every jar it ships are program code, and the only rules are a keep of the app's entry point
 * plus the consumer rules each jar carries in {@code META-INF/proguard/}.
 */
final class Shrinker {
  /** Where consumer rules live in a jar; R8 and ProGuard read them from there. */
  private static final String RULES_FOLDER = "META-INF/proguard/";

  /** The JDK modules the app and its jars call; the Android SDK's android.jar in a real build. */
  private static final List<String> JDK_MODULES = List.of("java.base", "java.logging");

  private Shrinker() {}

  /** What one ProGuard run produced. */
  record Result(Path jar, Path mapping, Path configuration, List<String> ruleFiles) {}

  /**
   * Shrinks {@code appClasses} (kept: {@code mainClass}'s {@code main}) together with {@code
   * runtimeClasspath} into {@code outputDirectory}/app.jar.
   */
  static Result shrink(
      Path appClasses, List<Path> runtimeClasspath, String mainClass, Path outputDirectory)
      throws Exception {
    Files.createDirectories(outputDirectory);
    Path rulesDirectory = Files.createDirectories(outputDirectory.resolve("consumer-rules"));
    Path jar = outputDirectory.resolve("app.jar");
    Path mapping = outputDirectory.resolve("mapping.txt");
    Files.deleteIfExists(jar);

    List<String> config = new ArrayList<>();
    List<String> ruleFiles = new ArrayList<>();
    config.add("-injars " + quote(appClasses));
    for (Path entry : runtimeClasspath) {
      // Manifests, Kotlin module files and Java 9+ multi-release classes are not app code.
      config.add("-injars " + quote(entry) + "(!META-INF/**,!module-info.class)");
      for (Rule rule : consumerRules(entry)) {
        Path copy = rulesDirectory.resolve(rule.name());
        Files.write(copy, rule.text());
        ruleFiles.add(rule.name());
        config.add("-include " + quote(copy));
      }
    }
    config.add("-outjars " + quote(jar));
    Path jmods = Paths.get(System.getProperty("java.home"), "jmods");
    for (String module : JDK_MODULES) {
      Path jmod = jmods.resolve(module + ".jmod");
      if (!Files.isRegularFile(jmod)) {
        throw new IllegalStateException(
            "ProGuard reads the JDK's classes from " + jmod + ": run the build on a full JDK");
      }
      config.add("-libraryjars " + quote(jmod) + "(!**.jar;!module-info.class)");
    }
    config.add("-keep class " + mainClass + " { public static void main(java.lang.String[]); }");
    // Android classes that OkHttp and Retrofit use only when running on Android: android.jar
    // provides them in an app build, and here they are simply absent.
    config.add("-dontwarn android.**");
    // Kotlin's compile-time nullness annotations: the library's closure leaves their jar out, and
    // nothing reads them at run time.
    config.add("-dontwarn org.jetbrains.annotations.**");
    config.add("-dontnote");
    // Keep rules decide what survives shrinking and renaming; optimizing is R8's own business, and
    // ProGuard's optimizer miscompiles Okio (a VerifyError in Okio.buffer).
    config.add("-dontoptimize");
    config.add("-printmapping " + quote(mapping));

    Path configuration = outputDirectory.resolve("proguard.pro");
    Files.write(configuration, config, UTF_8);
    Configuration parsed = new Configuration();
    try (ConfigurationParser parser =
        new ConfigurationParser(configuration.toFile(), System.getProperties())) {
      parser.parse(parsed);
    }
    new ProGuard(parsed).execute();
    return new Result(jar, mapping, configuration, ruleFiles);
  }

  private record Rule(String name, byte[] text) {}

  /** The consumer rule files of one classpath entry: a jar, or a classes folder. */
  private static List<Rule> consumerRules(Path entry) throws IOException {
    List<Rule> rules = new ArrayList<>();
    String prefix = entry.getFileName().toString().replaceAll("\\.jar$", "") + "-";
    if (Files.isDirectory(entry)) {
      Path folder = entry.resolve(RULES_FOLDER);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : (Iterable<Path>) files.sorted()::iterator) {
            rules.add(new Rule(prefix + file.getFileName(), Files.readAllBytes(file)));
          }
        }
      }
      return rules;
    }
    try (ZipFile zip = new ZipFile(entry.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry zipEntry = entries.nextElement();
        String name = zipEntry.getName();
        if (name.startsWith(RULES_FOLDER) && name.endsWith(".pro")) {
          try (InputStream in = zip.getInputStream(zipEntry)) {
            rules.add(
                new Rule(prefix + name.substring(RULES_FOLDER.length()), in.readAllBytes()));
          }
        }
      }
    }
    return rules;
  }

  private static String quote(Path path) {
    return "'" + path.toAbsolutePath() + "'";
  }
}
