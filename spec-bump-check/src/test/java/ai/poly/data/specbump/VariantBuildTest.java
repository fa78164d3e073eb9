package ai.poly.data.specbump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The facade under each spec variant: its main sources compile against the variant's generated
 * code, its own tests pass exactly as under the bundled spec, and every sample payload reads into
 * the same values.
 */
final class VariantBuildTest {
  private static ProjectLayout layout;
  private static Map<String, Object> bundledSpec;
  private static FacadeSuite bundledSuite;
  private static Map<String, List<String>> bundledSnapshots;

  @BeforeAll
  static void buildTheBundledSpec() throws Exception {
    layout = ProjectLayout.locate();
    bundledSpec = SpecJson.read(layout.bundledSpec());
    VariantBuild bundled = VariantBuild.bundled(layout);
    assertNull(bundled.failure(), bundled::failure);
    try (URLClassLoader loader = bundled.newClassLoader()) {
      bundledSuite = FacadeSuite.run(loader, VariantBuild.FACADE_TESTS);
      bundledSnapshots = snapshots(loader);
    }
  }

  @Test
  void facadeTestsPassAgainstTheBundledSpec() {
    assertEquals(List.of(), bundledSuite.failures());
    for (String test : VariantBuild.FACADE_TESTS) {
      String simpleName = test.substring(test.lastIndexOf('.') + 1);
      long count =
          bundledSuite.outcomes().keySet().stream()
              .filter(t -> t.startsWith(simpleName + " > "))
              .count();
      assertTrue(count >= 10, simpleName + " ran only " + count + " tests");
    }
  }

  @Test
  void snapshotsShowEveryTurnAndRawValue() {
    List<String> odd = bundledSnapshots.get("odd-shapes.json");
    for (String line :
        List.of(
            "Conversation.turns()[4].index() = Integer 4",
            "Conversation.turns()[0].additionalProperties()[\"turn_id\"] = Long"
                + " 1234567890123456789",
            "Conversation.turns()[1].additionalProperties()[\"latency\"] = Long -1",
            "Conversation.additionalProperties()[\"sentiment\"] = \"positive\"",
            "Conversation.additionalProperties()[\"sentimentDetail\"][\"score\"] = Long 1")) {
      assertTrue(odd.contains(line), line + " not in\n" + String.join("\n", odd));
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("ai.poly.data.specbump.SpecVariant#ALL")
  void facadeCompilesAgainstTheVariant(String variant) throws IOException {
    VariantBuild build = VariantBuild.of(layout, bundledSpec, variant);

    assertNull(build.failure(), build::failure);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("ai.poly.data.specbump.SpecVariant#ALL")
  void facadeTestsPassUnderTheVariantAsUnderTheBundledSpec(String variant) throws Exception {
    VariantBuild build = VariantBuild.of(layout, bundledSpec, variant);
    assertNull(build.failure(), build::failure);

    FacadeSuite suite;
    try (URLClassLoader loader = build.newClassLoader()) {
      suite = FacadeSuite.run(loader, VariantBuild.FACADE_TESTS);
    }

    assertEquals(List.of(), suite.failures(), variant);
    assertEquals(bundledSuite.outcomes(), suite.outcomes(), variant);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("ai.poly.data.specbump.SpecVariant#ALL")
  void conversationsReadTheSameUnderTheVariant(String variant) throws Exception {
    VariantBuild build = VariantBuild.of(layout, bundledSpec, variant);
    assertNull(build.failure(), build::failure);

    Map<String, List<String>> snapshots;
    try (URLClassLoader loader = build.newClassLoader()) {
      snapshots = snapshots(loader);
    }

    for (Map.Entry<String, List<String>> bundled : bundledSnapshots.entrySet()) {
      List<String> actual = snapshots.get(bundled.getKey());
      assertEquals(
          List.of(),
          difference(bundled.getValue(), actual),
          variant + ", " + bundled.getKey() + ": values that differ from the bundled spec's");
    }
  }

  /** Lines of {@code expected} missing from {@code actual} ("- ...") and extra ones ("+ ..."). */
  private static List<String> difference(List<String> expected, List<String> actual) {
    List<String> difference = new ArrayList<>();
    expected.stream().filter(line -> !actual.contains(line)).forEach(l -> difference.add("- " + l));
    actual.stream().filter(line -> !expected.contains(line)).forEach(l -> difference.add("+ " + l));
    return difference;
  }

  /** Snapshots of the sample payloads of the facade's tests, FakeDataApi and this module. */
  private static Map<String, List<String>> snapshots(ClassLoader loader) throws Exception {
    Map<String, Path> payloads = new LinkedHashMap<>();
    payloads.put(
        "facade fixtures/conversation-restaurant.json",
        layout.facadeTestResources().resolve("fixtures/conversation-restaurant.json"));
    payloads.put(
        "facade payloads/conversation-detail-variants.json",
        layout.facadeTestResources().resolve("payloads/conversation-detail-variants.json"));
    payloads.put(
        "FakeDataApi conversation-restaurant.json",
        layout.fakeSamples().resolve("conversation-restaurant.json"));
    payloads.put(
        "FakeDataApi conversation-webchat.json",
        layout.fakeSamples().resolve("conversation-webchat.json"));
    payloads.put("odd-shapes.json", resource("conversations/odd-shapes.json"));
    Map<String, List<String>> snapshots = new LinkedHashMap<>();
    for (Map.Entry<String, Path> payload : payloads.entrySet()) {
      String json = new String(Files.readAllBytes(payload.getValue()), StandardCharsets.UTF_8);
      snapshots.put(payload.getKey(), ConversationSnapshot.fetch(loader, json));
    }
    return snapshots;
  }

  private static Path resource(String name) throws Exception {
    return Paths.get(VariantBuildTest.class.getClassLoader().getResource(name).toURI());
  }
}
