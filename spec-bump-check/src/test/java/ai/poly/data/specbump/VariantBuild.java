package ai.poly.data.specbump;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client rebuilt from one spec: its generated code, the facade's main sources compiled against
 * that code ({@code --release 8}), and a representative set of the facade's own tests compiled
 * against both. Each step asserts nothing itself; {@link #failure()} says which step failed.
 *
 * <p>Builds are cached per spec for the whole test run, so the test classes of this module share
 * them: generating and compiling a spec takes a few seconds.
 */
final class VariantBuild {
  /**
   * Facade tests run against every variant: a conversation read through the client with every field
   * checked, lenient reading of live shapes, and every error path. Their helpers come along from
   * the facade's test sources.
   */
  static final List<String> FACADE_TESTS =
      List.of(
          "ai.poly.data.ConversationTest", "ai.poly.data.LeniencyTest", "ai.poly.data.ErrorsTest");

  /** Name of the build from openapi/openapi.json itself. */
  static final String BUNDLED = "bundled";

  private static final Map<String, VariantBuild> CACHE = new HashMap<>();

  private final String name;
  private final Generation generation;
  private final Compilation generated;
  private final Compilation facade;
  private final Compilation facadeTests;
  private final Path facadeTestResources;

  private VariantBuild(
      String name,
      Generation generation,
      Compilation generated,
      Compilation facade,
      Compilation facadeTests,
      Path facadeTestResources) {
    this.name = name;
    this.generation = generation;
    this.generated = generated;
    this.facade = facade;
    this.facadeTests = facadeTests;
    this.facadeTestResources = facadeTestResources;
  }

  /** The build from the bundled spec file, unmodified. */
  static synchronized VariantBuild bundled(ProjectLayout layout) throws IOException {
    VariantBuild build = CACHE.get(BUNDLED);
    if (build == null) {
      Path dir = layout.workDir().resolve(BUNDLED);
      build =
          build(
              layout,
              BUNDLED,
              Generation.run(layout, layout.bundledSpec(), dir.resolve("generated")));
      CACHE.put(BUNDLED, build);
    }
    return build;
  }

  /** The build from {@code variant} applied to {@code bundledSpec}. */
  static synchronized VariantBuild of(
      ProjectLayout layout, Map<String, Object> bundledSpec, String variant) throws IOException {
    VariantBuild build = CACHE.get(variant);
    if (build == null) {
      build = build(layout, variant, SpecVariant.load(variant).generate(layout, bundledSpec));
      CACHE.put(variant, build);
    }
    return build;
  }

  private static VariantBuild build(ProjectLayout layout, String name, Generation generation)
      throws IOException {
    Path classes = layout.workDir().resolve(name).resolve("classes");
    Compilation generated = generation.compile(classes.resolve("generated"));
    Compilation facade =
        Compilation.compile(
            List.of(layout.facadeSources()),
            Compilation.facadeClasspath(generated.classesDir()),
            classes.resolve("facade"));
    List<Path> testSources = new ArrayList<>();
    for (String test : FACADE_TESTS) {
      testSources.add(layout.facadeTestSources().resolve(test.replace('.', '/') + ".java"));
    }
    List<Path> testClasspath = new ArrayList<>(Compilation.testClasspath());
    testClasspath.add(generated.classesDir());
    testClasspath.add(facade.classesDir());
    Compilation facadeTests =
        Compilation.compileTests(
            testSources,
            layout.facadeTestSources(),
            testClasspath,
            classes.resolve("facade-tests"));
    return new VariantBuild(
        name, generation, generated, facade, facadeTests, layout.facadeTestResources());
  }

  String name() {
    return name;
  }

  Generation generation() {
    return generation;
  }

  /** The generated code compiled alone. */
  Compilation generated() {
    return generated;
  }

  /** Null when every step succeeded; else the first failed step with javac's report. */
  String failure() {
    if (!generated.succeeded()) {
      return name + ": generated code does not compile\n" + generated.report();
    }
    if (!facade.succeeded()) {
      return name + ": the facade does not compile against the generated code\n" + facade.report();
    }
    if (!facadeTests.succeeded()) {
      return name + ": the facade's tests do not compile\n" + facadeTests.report();
    }
    return null;
  }

  /**
   * A fresh class loader over the generated classes, the facade, its tests and their resources; the
   * facade's libraries come from this module's classpath.
   */
  URLClassLoader newClassLoader() {
    return Compilation.childFirst(
        List.of(
            generated.classesDir(),
            facade.classesDir(),
            facadeTests.classesDir(),
            facadeTestResources));
  }

  @Override
  public String toString() {
    return name;
  }
}
