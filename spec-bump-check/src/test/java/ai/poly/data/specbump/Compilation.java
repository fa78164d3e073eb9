package ai.poly.data.specbump;

import com.squareup.moshi.Moshi;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import kotlin.Unit;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/** An in-process javac run ({@code --release 8}, like the shipped modules) and its classes. */
final class Compilation {
  private static final int MAX_REPORTED = 50;

  private final boolean succeeded;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private final Path classesDir;

  private Compilation(
      boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classesDir) {
    this.succeeded = succeeded;
    this.diagnostics = diagnostics;
    this.classesDir = classesDir;
  }

  /**
   * The runtime closure the generated code compiles against: Retrofit, OkHttp, Moshi, and the Okio
   * and Kotlin stdlib jars their signatures mention, taken from this test's own classpath.
   */
  static List<Path> libraryClasspath() {
    return List.of(
        jarOf(Retrofit.class),
        jarOf(OkHttpClient.class),
        jarOf(Moshi.class),
        jarOf(Buffer.class),
        jarOf(Unit.class));
  }

  /** What the facade compiles against besides the generated classes: the closure and JSpecify. */
  static List<Path> facadeClasspath(Path generatedClasses) {
    List<Path> classpath = new ArrayList<>(libraryClasspath());
    classpath.add(jarOf(Nullable.class));
    classpath.add(generatedClasses);
    return classpath;
  }

  /**
   * This module's whole test classpath (JUnit, MockWebServer, ...), which the facade's tests
   * compile against. Surefire names it in {@code surefire.test.class.path}.
   */
  static List<Path> testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null) {
      classpath = System.getProperty("java.class.path");
    }
    List<Path> paths = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        paths.add(Paths.get(entry));
      }
    }
    return paths;
  }

  /** The jar or directory a class was loaded from. */
  static Path jarOf(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles every {@code .java} file under {@code sourceRoots} into a fresh {@code classesDir},
   * for Java 8 like the shipped modules.
   */
  static Compilation compile(List<Path> sourceRoots, List<Path> classpath, Path classesDir)
      throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path root : sourceRoots) {
      Generation.javaFilesUnder(root).forEach(file -> sources.add(root.resolve(file)));
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("No .java files under " + sourceRoots);
    }
    return run(sources, List.of("--release", "8", "-implicit:none"), classpath, classesDir);
  }

  /**
   * Compiles test classes for the JDK the build runs on, like the modules' tests: {@code sources},
   * and whatever they use from {@code sourcePath} (test helpers).
   */
  static Compilation compileTests(
      List<Path> sources, Path sourcePath, List<Path> classpath, Path classesDir)
      throws IOException {
    return run(
        sources,
        List.of(
            "--release",
            String.valueOf(Runtime.version().feature()),
            "-implicit:class",
            "-sourcepath",
            sourcePath.toString()),
        classpath,
        classesDir);
  }

  private static Compilation run(
      List<Path> sources, List<String> extraOptions, List<Path> classpath, Path classesDir)
      throws IOException {
    Generation.deleteRecursively(classesDir);
    Files.createDirectories(classesDir);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("Tests must run on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(extraOptions);
    options.addAll(
        List.of(
            "-encoding",
            "UTF-8",
            "-proc:none",
            "-d",
            classesDir.toString(),
            "-classpath",
            classpath.stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator))));
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(collector, Locale.ROOT, null)) {
      ok =
          javac
              .getTask(
                  null, files, collector, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    return new Compilation(ok, collector.getDiagnostics(), classesDir);
  }

  boolean succeeded() {
    return succeeded;
  }

  Path classesDir() {
    return classesDir;
  }

  /** Errors first, then warnings, one per line with file and line, for assertion messages. */
  String report() {
    StringBuilder report = new StringBuilder("javac ").append(succeeded ? "succeeded" : "FAILED");
    List<Diagnostic<? extends JavaFileObject>> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Comparator.comparing(Diagnostic::getKind));
    for (Diagnostic<? extends JavaFileObject> d :
        sorted.subList(0, Math.min(MAX_REPORTED, sorted.size()))) {
      report
          .append('\n')
          .append(d.getKind())
          .append(' ')
          .append(d.getSource() == null ? "" : d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(": ")
          .append(d.getMessage(Locale.ROOT));
    }
    if (sorted.size() > MAX_REPORTED) {
      report.append("\n... and ").append(sorted.size() - MAX_REPORTED).append(" more diagnostics");
    }
    return report.toString();
  }

  /** A class loader over the compiled classes; see {@link #childFirst}. */
  URLClassLoader newClassLoader() {
    return childFirst(List.of(classesDir));
  }

  /**
   * A class loader over {@code roots} (class directories, resource directories) that looks there
   * first, so these classes win even if another build of the same package is on the test classpath.
   * Library classes (Moshi's {@code @Json}, JUnit's {@code @Test}) come from the test's loader, so
   * test code can use them directly.
   */
  static URLClassLoader childFirst(List<Path> roots) {
    URL[] urls = new URL[roots.size()];
    try {
      for (int i = 0; i < urls.length; i++) {
        urls[i] = roots.get(i).toUri().toURL();
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    return new ChildFirstClassLoader(urls, Compilation.class.getClassLoader());
  }

  private static final class ChildFirstClassLoader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    ChildFirstClassLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notHere) {
            loaded = super.loadClass(name, false);
          }
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
