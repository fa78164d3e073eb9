package ai.poly.data.androidcheck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Java 8 and Android load only class files up to major version 52: every class the library ships
 * must be exactly that, and every class its runtime dependencies bring at most that.
 */
class ShippedBytecodeTest {
  private static final int JAVA_8 = 52;

  @Test
  void libraryClassesAreJava8Bytecode() throws IOException {
    List<Path> artifacts = BuildOutput.shippedArtifacts();
    assertEquals(3, artifacts.size(), () -> "the three published jars, found: " + artifacts);
    Map<String, Integer> versions = new LinkedHashMap<>();
    for (Path artifact : artifacts) {
      versions.putAll(classVersions(artifact));
    }
    assertTrue(versions.containsKey("ai/poly/data/PolyAiData.class"), "the client");
    assertTrue(versions.containsKey("ai/poly/data/testing/FakeDataApi.class"), "the fake");
    List<String> wrong = new ArrayList<>();
    versions.forEach(
        (name, major) -> {
          if (major != JAVA_8) {
            wrong.add(name + " (" + major + ")");
          }
        });
    assertEquals(List.of(), wrong, "classes whose major version is not " + JAVA_8);
  }

  @Test
  void runtimeDependenciesAreAtMostJava8Bytecode() throws IOException {
    List<String> tooNew = new ArrayList<>();
    List<Path> runtime = BuildOutput.appRuntimeClasspath();
    assertTrue(runtime.size() >= 8, () -> "the client, OkHttp, Okio, Moshi, ...: " + runtime);
    for (Path entry : runtime) {
      Map<String, Integer> versions = classVersions(entry);
      assertFalse(versions.isEmpty(), () -> "no classes in " + entry);
      for (Map.Entry<String, Integer> version : versions.entrySet()) {
        if (version.getValue() > JAVA_8) {
          String name = entry.getFileName() + "!" + version.getKey();
          tooNew.add(name + " (" + version.getValue() + ")");
        }
      }
    }
    assertEquals(List.of(), tooNew, "classes newer than Java 8 in the runtime closure");
  }

  @Test
  void readsTheMajorVersionOfClassFiles() throws IOException {
    Path target = BuildOutput.target();
    // Main code is compiled for Java 8, tests for Java 17 (major version 61).
    assertEquals(
        JAVA_8,
        classVersions(target.resolve("classes")).get("ai/poly/data/androidcheck/SampleApp.class"));
    assertEquals(
        61,
        classVersions(target.resolve("test-classes"))
            .get("ai/poly/data/androidcheck/ShippedBytecodeTest.class"));
  }

  /**
   * The major version of each class in a jar or classes folder, by path. Java 9+ multi-release
   * classes ({@code META-INF/versions/}) and {@code module-info.class} are skipped: Java 8 and
   * Android never load them.
   */
  private static Map<String, Integer> classVersions(Path entry) throws IOException {
    Map<String, Integer> versions = new LinkedHashMap<>();
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = entry.relativize(file).toString().replace(File.separatorChar, '/');
          if (loadedByJava8(name)) {
            try (InputStream in = Files.newInputStream(file)) {
              versions.put(name, majorVersion(in));
            }
          }
        }
      }
      return versions;
    }
    try (ZipFile zip = new ZipFile(entry.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry zipEntry = entries.nextElement();
        if (loadedByJava8(zipEntry.getName())) {
          try (InputStream in = zip.getInputStream(zipEntry)) {
            versions.put(zipEntry.getName(), majorVersion(in));
          }
        }
      }
    }
    return versions;
  }

  private static boolean loadedByJava8(String name) {
    return name.endsWith(".class")
        && !name.startsWith("META-INF/versions/")
        && !name.endsWith("module-info.class");
  }

  /** Reads the header: magic 0xCAFEBABE, minor version, major version. */
  private static int majorVersion(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    data.readUnsignedShort();
    return data.readUnsignedShort();
  }
}
