package ai.poly.data.specbump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conversation properties of openapi/openapi.json against what the facade exposes, by
 * reflection on the facade compiled from its current sources.
 */
final class PropertyCoverageTest {
  private static final String DETAIL = "ConversationDetailResponse";

  private static Map<String, Object> bundledSpec;
  private static Map<String, Object> extraPropertySpec;
  private static URLClassLoader facade;

  @BeforeAll
  static void buildTheFacade() throws IOException {
    ProjectLayout layout = ProjectLayout.locate();
    bundledSpec = SpecJson.read(layout.bundledSpec());
    extraPropertySpec =
        SpecVariant.load(SpecVariant.EXTRA_PROPERTY_AND_SCHEMA).applyTo(bundledSpec);
    VariantBuild bundled = VariantBuild.bundled(layout);
    assertNull(bundled.failure(), bundled::failure);
    facade = bundled.newClassLoader();
  }

  @AfterAll
  static void closeTheFacade() throws IOException {
    facade.close();
  }

  @Test
  void everyConversationPropertyOfTheBundledSpecHasAnAccessor() throws Exception {
    assertEquals(List.of(), PropertyCoverage.FACADE.problems(bundledSpec, facade));
  }

  @Test
  void propertyAddedByASpecBumpIsReportedByName() throws Exception {
    assertEquals(
        List.of(
            "ConversationDetailResponse.sentiment: not surfaced by Conversation; add a typed"
                + " accessor, or map it to additionalProperties in PropertyCoverage"),
        PropertyCoverage.FACADE.problems(extraPropertySpec, facade));
  }

  @Test
  void addedPropertyDeliberatelyLeftRawIsNotReported() throws Exception {
    PropertyCoverage raw = PropertyCoverage.FACADE.with(DETAIL, "sentiment", PropertyCoverage.RAW);

    assertEquals(List.of(), raw.problems(extraPropertySpec, facade));
  }

  @Test
  void accessorTheFacadeLacksIsReported() throws Exception {
    PropertyCoverage typed = PropertyCoverage.FACADE.with(DETAIL, "sentiment", "sentiment");

    assertEquals(
        List.of("ConversationDetailResponse.sentiment: Conversation has no sentiment()"),
        typed.problems(extraPropertySpec, facade));
  }

  @Test
  void tableEntryForAPropertyTheSpecDroppedIsReported() throws Exception {
    PropertyCoverage stale =
        PropertyCoverage.FACADE.with(DETAIL, "sentiment", PropertyCoverage.RAW);

    assertEquals(
        List.of(
            "ConversationDetailResponse.sentiment: no longer in the spec; drop it from the table"),
        stale.problems(bundledSpec, facade));
  }
}
