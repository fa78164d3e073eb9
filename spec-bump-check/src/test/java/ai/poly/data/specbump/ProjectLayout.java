package ai.poly.data.specbump;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the repository's inputs live: the bundled spec, the generator configuration and templates,
 * and the output of the real client-generated build.
 */
final class ProjectLayout {
  /** System property naming the repository root; surefire sets it. */
  static final String ROOT_PROPERTY = "polyai.root";

  /** System property naming this module's build directory; surefire sets it. */
  static final String TARGET_PROPERTY = "polyai.target";

  private final Path root;
  private final Path target;

  private ProjectLayout(Path root, Path target) {
    this.root = root;
    this.target = target;
  }

  /**
   * Finds the repository root from {@value #ROOT_PROPERTY}, else by walking up from {@code
   * user.dir} to the first directory that holds {@code openapi/openapi.json}.
   */
  static ProjectLayout locate() {
    Path root = fromProperty(ROOT_PROPERTY);
    if (root == null || !isRoot(root)) {
      root = walkUp(Paths.get(System.getProperty("user.dir")).toAbsolutePath());
    }
    Path target = fromProperty(TARGET_PROPERTY);
    if (target == null) {
      target = root.resolve("spec-bump-check").resolve("target");
    }
    return new ProjectLayout(root, target);
  }

  private static Path fromProperty(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? null : Paths.get(value).toAbsolutePath().normalize();
  }

  private static Path walkUp(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No openapi/openapi.json and openapi/generator-config.yaml above "
            + start
            + "; set -D"
            + ROOT_PROPERTY
            + "=<repository root>");
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("openapi").resolve("openapi.json"))
        && Files.isRegularFile(dir.resolve("openapi").resolve("generator-config.yaml"));
  }

  /** The repository root (the parent pom's directory). */
  Path root() {
    return root;
  }

  /** The vendor spec exactly as bundled. */
  Path bundledSpec() {
    return root.resolve("openapi").resolve("openapi.json");
  }

  /** The generator options shared with the client-generated build. */
  Path generatorConfig() {
    return root.resolve("openapi").resolve("generator-config.yaml");
  }

  /** The overridden mustache templates shared with the client-generated build. */
  Path templates() {
    return root.resolve("openapi").resolve("templates");
  }

  /** Java sources the client-generated build produced, if it has run. */
  Path clientGeneratedSources() {
    return root.resolve("client-generated")
        .resolve("target")
        .resolve("generated-sources")
        .resolve("openapi")
        .resolve("src")
        .resolve("main")
        .resolve("java");
  }

  /** Hand-written sources of the client facade, for compiling them against a variant. */
  Path facadeSources() {
    return root.resolve("client-facade").resolve("src").resolve("main").resolve("java");
  }

  /** Hand-written tests of the client facade, and their helpers. */
  Path facadeTestSources() {
    return root.resolve("client-facade").resolve("src").resolve("test").resolve("java");
  }

  /** Fixtures and payloads of the facade's tests. */
  Path facadeTestResources() {
    return root.resolve("client-facade").resolve("src").resolve("test").resolve("resources");
  }

  /** The sample conversations FakeDataApi serves. */
  Path fakeSamples() {
    return root.resolve("client-testing")
        .resolve("src")
        .resolve("main")
        .resolve("resources")
        .resolve("ai")
        .resolve("poly")
        .resolve("data")
        .resolve("testing")
        .resolve("samples");
  }

  /** Scratch directory for spec copies, generated sources and classes. */
  Path workDir() {
    return target.resolve("spec-bump");
  }
}
