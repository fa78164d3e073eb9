package ai.poly.data.specbump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Proves that a new vendor spec flows through the build: openapi/openapi.json and the variants in
 * test resources spec-variants/ generate, compile for Java 8 and parse with plain Moshi, using the
 * client-generated build's exact generator configuration. {@link VariantBuildTest} then runs the
 * facade against each.
 */
final class SpecBumpTest {
  private static final String MODEL_PACKAGE = "ai.poly.data.generated.model.";

  private static ProjectLayout layout;
  private static Map<String, Object> bundledSpec;

  @BeforeAll
  static void readBundledSpec() throws IOException {
    layout = ProjectLayout.locate();
    bundledSpec = SpecJson.read(layout.bundledSpec());
  }

  /** The bundled file itself (not a Moshi copy), generated once and shared by the tests. */
  private static Generation bundled() throws IOException {
    return VariantBuild.bundled(layout).generation();
  }

  @Test
  void bundledSpecGeneratesSourcesThatCompileForJava8() throws IOException {
    Compilation compilation = VariantBuild.bundled(layout).generated();

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
    Compilation compilation = generateAndCompile(SpecVariant.EXTRA_PROPERTY_AND_SCHEMA);

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
    Compilation compilation = generateAndCompile(SpecVariant.EXTRA_PROPERTY_AND_SCHEMA);

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

  @Test
  void errorSchemaBecomesAnEnvelopeModelThatDoesNotShadowJavaLangError() throws Exception {
    Generation generation =
        VariantBuild.of(layout, bundledSpec, SpecVariant.ERROR_SCHEMA).generation();
    assertTrue(generation.javaFiles().contains("ai/poly/data/generated/model/ErrorEnvelope.java"));
    assertFalse(generation.javaFiles().contains("ai/poly/data/generated/model/Error.java"));
    Compilation compilation = generateAndCompile(SpecVariant.ERROR_SCHEMA);

    try (URLClassLoader loader = compilation.newClassLoader()) {
      Class<?> envelope = loader.loadClass(MODEL_PACKAGE + "ErrorEnvelope");
      Object parsed =
          new Moshi.Builder()
              .build()
              .adapter(envelope)
              .fromJson(
                  "{\"success\": false, \"error\": \"Not found\", \"error_id\": \"c0ffee\","
                      + " \"error_code\": \"CONVERSATIONS_NOT_FOUND\", \"error_message\":"
                      + " \"Conversation not found\", \"data\": null}");
      assertEquals(false, envelope.getMethod("getSuccess").invoke(parsed));
      assertEquals("c0ffee", envelope.getMethod("getErrorId").invoke(parsed));
      assertEquals("CONVERSATIONS_NOT_FOUND", envelope.getMethod("getErrorCode").invoke(parsed));
    }
  }

  @Test
  void typedTurnsBecomeAListOfConversationTurnModels() throws Exception {
    Compilation compilation = generateAndCompile(SpecVariant.TYPED_TURNS);

    try (URLClassLoader loader = compilation.newClassLoader()) {
      Class<?> detail = loader.loadClass(MODEL_PACKAGE + "ConversationDetailResponse");
      Class<?> turn = loader.loadClass(MODEL_PACKAGE + "ConversationTurn");
      assertEquals(
          "java.util.List<" + turn.getName() + ">",
          detail.getMethod("getTurns").getGenericReturnType().getTypeName());
      assertEquals(Double.class, turn.getMethod("getLatency").getReturnType());
      assertEquals(List.class, turn.getMethod("getIntents").getReturnType());

      Object parsed =
          new Moshi.Builder()
              .build()
              .adapter(detail)
              .fromJson(
                  "{\"conversationId\": \"c-1\", \"accountId\": \"a-1\", \"projectId\": \"p-1\","
                      + " \"turns\": [{\"user_input\": \"hi\", \"latency\": 1.5,"
                      + " \"is_silence\": false}]}");
      Object first = ((List<?>) detail.getMethod("getTurns").invoke(parsed)).get(0);
      assertEquals("hi", turn.getMethod("getUserInput").invoke(first));
      assertEquals(1.5, turn.getMethod("getLatency").invoke(first));
      assertEquals(false, turn.getMethod("getIsSilence").invoke(first));
    }
  }

  @Test
  void noGeneratedClassShadowsAJavaLangClass() throws IOException {
    List<Generation> generations = new ArrayList<>();
    generations.add(bundled());
    for (String variant : SpecVariant.ALL) {
      generations.add(VariantBuild.of(layout, bundledSpec, variant).generation());
    }

    List<String> shadowing = new ArrayList<>();
    for (Generation generation : generations) {
      for (String file : generation.javaFiles()) {
        String simpleName =
            file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
        if (isJavaLangClass(simpleName)) {
          shadowing.add(generation.spec() + ": " + file);
        }
      }
    }
    assertEquals(
        List.of(),
        shadowing,
        "map these models to other names in openapi/generator-config.yaml (modelNameMappings)");
  }

  private static boolean isJavaLangClass(String simpleName) {
    try {
      Class.forName("java.lang." + simpleName, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The variant's generated code, asserted to compile (shared with {@link VariantBuildTest}). */
  private static Compilation generateAndCompile(String variant) throws IOException {
    Compilation compilation = VariantBuild.of(layout, bundledSpec, variant).generated();
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
