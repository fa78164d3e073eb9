package ai.poly.data.specbump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * One run of openapi-generator with the configuration of the client-generated build, and its
 * output.
 *
 * <p>The client-generated pom runs openapi-generator-maven-plugin with {@code configurationFile},
 * {@code templateDirectory}, {@code generatorName=java}, spec validation on, and the five {@code
 * generate*} flags for supporting files, API/model tests and API/model docs set to false. The
 * plugin (7.25.0 CodeGenMojo) turns those flags into generator global properties, and {@link #run}
 * sets the same ones:
 *
 * <ul>
 *   <li>{@code apis} and {@code models}: "" (all of them);
 *   <li>{@code supportingFiles}: cleared (absent means none once {@code apis} or {@code models} is
 *       set);
 *   <li>{@code apiTests}, {@code modelTests}, {@code apiDocs}, {@code modelDocs} and {@code
 *       generateRecursiveDependentModels}: "false".
 * </ul>
 */
final class Generation {
  private static final String DEFAULT_SOURCE_FOLDER = "src/main/java";

  private final Path spec;
  private final Path sourceRoot;

  private Generation(Path spec, Path sourceRoot) {
    this.spec = spec;
    this.sourceRoot = sourceRoot;
  }

  /** Generates into a fresh {@code outputDir} from {@code spec}. */
  static Generation run(ProjectLayout layout, Path spec, Path outputDir) throws IOException {
    deleteRecursively(outputDir);
    GlobalSettings.reset();
    try {
      CodegenConfigurator configurator =
          CodegenConfigurator.fromFile(layout.generatorConfig().toString());
      if (configurator == null) {
        throw new IllegalStateException("Cannot read " + layout.generatorConfig());
      }
      configurator
          .setInputSpec(spec.toString())
          .setOutputDir(outputDir.toString())
          .setTemplateDir(layout.templates().toString())
          .setValidateSpec(true)
          // Only silences the "Thanks for using OpenAPI Generator" banner; output is unaffected.
          .setQuiet(true)
          .addGlobalProperty("apis", "")
          .addGlobalProperty("models", "")
          .addGlobalProperty("apiTests", "false")
          .addGlobalProperty("modelTests", "false")
          .addGlobalProperty("apiDocs", "false")
          .addGlobalProperty("modelDocs", "false")
          .addGlobalProperty("generateRecursiveDependentModels", "false");
      GlobalSettings.clearProperty("supportingFiles");
      ClientOptInput input = configurator.toClientOptInput();
      new DefaultGenerator().opts(input).generate();
      Object sourceFolder = input.getConfig().additionalProperties().get("sourceFolder");
      return new Generation(
          spec,
          outputDir.resolve(
              sourceFolder == null ? DEFAULT_SOURCE_FOLDER : sourceFolder.toString()));
    } finally {
      GlobalSettings.reset();
    }
  }

  /** The spec this run read. */
  Path spec() {
    return spec;
  }

  /** Root of the generated Java packages. */
  Path sourceRoot() {
    return sourceRoot;
  }

  /** Generated {@code .java} files, relative to {@link #sourceRoot()}, {@code /}-separated. */
  SortedSet<String> javaFiles() {
    return javaFilesUnder(sourceRoot);
  }

  /** Compiles the generated sources alone against {@link Compilation#libraryClasspath()}. */
  Compilation compile(Path classesDir) throws IOException {
    return Compilation.compile(List.of(sourceRoot), Compilation.libraryClasspath(), classesDir);
  }

  /**
   * {@code .java} files under {@code root}, relative and {@code /}-separated; empty if it is
   * absent.
   */
  static SortedSet<String> javaFilesUnder(Path root) {
    if (!Files.isDirectory(root)) {
      return Collections.emptySortedSet();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> Files.isRegularFile(file) && file.toString().endsWith(".java"))
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file tree if it exists. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }
}
