package ai.poly.data.specbump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that a new vendor spec flows through the build: modified copies of openapi/openapi.json
 * generate, compile for Java 8 and parse with plain Moshi, using the client-generated build's exact
 * generator configuration.
 */
final class SpecBumpTest {
  private static final String MODEL_PACKAGE = "ai.poly.data.generated.model.";

  /** A new optional string member on the conversation detail. */
  static final SpecVariant EXTRA_OPTIONAL_PROPERTY =
      SpecVariant.of(
          "extra-optional-property",
          spec ->
              SpecEdits.addProperty(
                  spec,
                  "ConversationDetailResponse",
                  "sentiment",
                  SpecJson.parse("{\"type\": \"string\"}")));

  /** A new schema with a string enum whose values are not Java identifiers. */
  static final SpecVariant NEW_SCHEMA_WITH_ENUM =
      SpecVariant.of(
          "new-schema-with-enum",
          spec ->
              SpecEdits.addSchema(
                  spec,
                  "ConversationTag",
                  SpecJson.parse(
                      """
{
  "description": "A label attached to a conversation.",
  "type": "object",
  "properties": {
    "name": {"type": "string"},
    "source": {"type": "string", "enum": ["manual", "automatic", "imported-v2"]},
    "weight": {"type": "integer"}
  },
  "required": ["name"]
}
""")));

  private static ProjectLayout layout;
  private static Map<String, Object> bundledSpec;
  private static Generation bundledGeneration;

  @BeforeAll
  static void readBundledSpec() throws IOException {
    layout = ProjectLayout.locate();
    bundledSpec = SpecJson.read(layout.bundledSpec());
  }

  /**
   * The bundled file itself (not a Moshi copy), generated once and shared by the baseline tests.
   */
  private static synchronized Generation bundled() throws IOException {
    if (bundledGeneration == null) {
      bundledGeneration =
          Generation.run(
              layout,
              layout.bundledSpec(),
              layout.workDir().resolve("bundled").resolve("generated"));
    }
    return bundledGeneration;
  }

  @Test
  void bundledSpecGeneratesSourcesThatCompileForJava8() throws IOException {
    Compilation compilation =
        bundled().compile(layout.workDir().resolve("bundled").resolve("classes"));

    assertTrue(compilation.succeeded(), compilation::report);
    Path detail =
        compilation
            .classesDir()
            .resolve("ai/poly/data/generated/model/ConversationDetailResponse.class");
    assertEquals(52, classFileMajorVersion(detail), "class file major version of " + detail);
  }

  @Test
  void bundledSpecGeneratesTheSameFilesAsTheClientGeneratedBuild() throws IOException {
    Path mavenOutput = layout.clientGeneratedSources();
    assumeTrue(
        Files.isDirectory(mavenOutput),
        mavenOutput + " is absent; build client-generated first to compare");

    SortedSet<String> expected = Generation.javaFilesUnder(mavenOutput);
    Generation generation = bundled();
    assertEquals(
        expected,
        generation.javaFiles(),
        "generated file set differs from client-generated's; is that build stale?");
    List<String> differing = new ArrayList<>();
    for (String file : expected) {
      if (Files.mismatch(mavenOutput.resolve(file), generation.sourceRoot().resolve(file)) != -1) {
        differing.add(file);
      }
    }
    assertEquals(
        List.of(), differing, "files whose content differs from client-generated's (stale build?)");
  }

  @Test
  void moshiCopyOfTheSpecGeneratesTheSameSourcesAsTheBundledFile() throws IOException {
    Generation copy = SpecVariant.unmodified().generate(layout, bundledSpec);
    Generation original = bundled();

    assertEquals(original.javaFiles(), copy.javaFiles());
    List<String> differing = new ArrayList<>();
    for (String file : original.javaFiles()) {
      if (Files.mismatch(original.sourceRoot().resolve(file), copy.sourceRoot().resolve(file))
          != -1) {
        differing.add(file);
      }
    }
    assertEquals(
        List.of(), differing, "reading and rewriting the spec must not change generated code");
  }

  @Test
  void extraOptionalPropertyBecomesAStringGetterThatPlainMoshiFills() throws Exception {
    Compilation compilation = generateAndCompile(EXTRA_OPTIONAL_PROPERTY);

    try (URLClassLoader loader = compilation.newClassLoader()) {
      Class<?> detail = loader.loadClass(MODEL_PACKAGE + "ConversationDetailResponse");
      Method getSentiment = detail.getMethod("getSentiment");
      assertEquals(String.class, getSentiment.getReturnType());

      Object parsed =
          new Moshi.Builder()
              .build()
              .adapter(detail)
              .fromJson(
                  "{\"conversationId\":\"c-1\",\"accountId\":\"a-1\",\"projectId\":\"p-1\","
                      + "\"sentiment\":\"positive\"}");
      assertEquals("positive", getSentiment.invoke(parsed));
      assertEquals("c-1", detail.getMethod("getConversationId").invoke(parsed));
    }
  }

  @Test
  void newSchemaBecomesAModelWhoseEnumCarriesTheWireNamesForMoshi() throws Exception {
    Compilation compilation = generateAndCompile(NEW_SCHEMA_WITH_ENUM);

    try (URLClassLoader loader = compilation.newClassLoader()) {
      Class<?> tag = loader.loadClass(MODEL_PACKAGE + "ConversationTag");
      Method getSource = tag.getMethod("getSource");
      Class<?> sourceEnum = getSource.getReturnType();
      assertTrue(sourceEnum.isEnum(), sourceEnum + " is not an enum");
      assertEquals(List.of("manual", "automatic", "imported-v2"), jsonNames(sourceEnum));
      assertEquals(Integer.class, tag.getMethod("getWeight").getReturnType());

      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) new Moshi.Builder().build().adapter(tag);
      Object parsed = adapter.fromJson("{\"name\":\"vip\",\"source\":\"imported-v2\"}");
      assertEquals("vip", tag.getMethod("getName").invoke(parsed));
      Enum<?> source = (Enum<?>) getSource.invoke(parsed);
      assertEquals(
          "imported-v2", sourceEnum.getField(source.name()).getAnnotation(Json.class).name());
      assertEquals("{\"name\":\"vip\",\"source\":\"imported-v2\"}", adapter.toJson(parsed));
    }
  }

  /**
   * Generates {@code variant} and asserts that its sources compile, reporting javac's diagnostics.
   */
  private static Compilation generateAndCompile(SpecVariant variant) throws IOException {
    Generation generation = variant.generate(layout, bundledSpec);
    Compilation compilation =
        generation.compile(layout.workDir().resolve(variant.name()).resolve("classes"));
    assertTrue(compilation.succeeded(), () -> variant + ": " + compilation.report());
    return compilation;
  }

  /** The {@code @Json(name)} of each constant, in declaration order. */
  private static List<String> jsonNames(Class<?> enumType) {
    List<String> names = new ArrayList<>();
    for (Field field : enumType.getFields()) {
      if (field.isEnumConstant()) {
        Json json = field.getAnnotation(Json.class);
        names.add(json == null ? "<no @Json on " + field.getName() + ">" : json.name());
      }
    }
    return names;
  }

  private static int classFileMajorVersion(Path classFile) throws IOException {
    try (InputStream in = Files.newInputStream(classFile);
        DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // 0xCAFEBABE
      data.readUnsignedShort(); // minor
      return data.readUnsignedShort();
    }
  }
}
