package ai.poly.data.androidcheck;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** What the Maven build hands the tests through system properties (see this module's pom). */
final class BuildOutput {
  private BuildOutput() {}

  /** This module's target folder. */
  static Path target() {
    return Paths.get(System.getProperty("polyai.target"));
  }

  /** This module's main classes: the sample app. */
  static Path appClasses() {
    return Paths.get(System.getProperty("polyai.appClasses"));
  }

  /** The jars (or, without {@code package}, classes folders) of the sample app's runtime. */
  static List<Path> appRuntimeClasspath() throws IOException {
    return classpath("polyai.appRuntimeClasspath");
  }

  /** The library's published artifacts. */
  static List<Path> shippedArtifacts() throws IOException {
    return classpath("polyai.shippedArtifacts");
  }

  /** Reads a classpath file written by maven-dependency-plugin's build-classpath goal. */
  private static List<Path> classpath(String property) throws IOException {
    Path file = Paths.get(System.getProperty(property));
    List<Path> entries = new ArrayList<>();
    for (String entry :
        new String(Files.readAllBytes(file), UTF_8).trim().split(File.pathSeparator)) {
      entries.add(Paths.get(entry));
    }
    return entries;
  }
}
