package ai.poly.data.specbump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SpecPatchTest {
  private static final String SPEC =
      """
      {"paths": {"/v1/a/{id}": {"get": {"responses": {"404": {"description": "Not found"}}}}},
       "components": {"schemas": {"Thing": {"properties": {"a": {}, "b": {}, "c": {}}}}}}
      """;

  private static Map<String, Object> patched(String patch) {
    Map<String, Object> spec = SpecJson.parse(SPEC);
    SpecPatch.of("test.json", SpecJson.parse("{\"ops\": " + patch + "}").get("ops")).applyTo(spec);
    return spec;
  }

  private static String failure(String patch) {
    return assertThrows(RuntimeException.class, () -> patched(patch)).getMessage();
  }

  @Test
  void addCreatesAMemberAtAnEscapedPointer() {
    Map<String, Object> spec =
        patched(
            """
            [{"op": "add", "path": "/paths/~1v1~1a~1{id}/get/responses/404/content",
              "value": {"application/json": {}}}]
            """);

    assertEquals(
        Map.of("application/json", Map.of()),
        SpecPatch.get(spec, "/paths/~1v1~1a~1{id}/get/responses/404/content", "test"));
  }

  @Test
  void addRefusesToReplaceAMemberTheSpecAlreadyHas() {
    assertEquals(
        "test.json operation 0 (add /components/schemas/Thing/properties/b): the spec already has"
            + " /components/schemas/Thing/properties/b; the variant no longer adds anything new",
        failure(
            "[{\"op\": \"add\", \"path\": \"/components/schemas/Thing/properties/b\", \"value\":"
                + " 1}]"));
  }

  @Test
  void replaceKeepsTheMemberInPlace() {
    Map<String, Object> spec =
        patched(
            "[{\"op\": \"replace\", \"path\": \"/components/schemas/Thing/properties/b\","
                + " \"value\": {\"type\": \"string\"}}]");

    Map<?, ?> properties =
        (Map<?, ?>) SpecPatch.get(spec, "/components/schemas/Thing/properties", "test");
    assertEquals(List.of("a", "b", "c"), List.copyOf(properties.keySet()));
    assertEquals(Map.of("type", "string"), properties.get("b"));
  }

  @Test
  void removeDeletesAMember() {
    Map<String, Object> spec =
        patched("[{\"op\": \"remove\", \"path\": \"/components/schemas/Thing/properties/a\"}]");

    assertEquals(
        List.of("b", "c"),
        List.copyOf(
            ((Map<?, ?>) SpecPatch.get(spec, "/components/schemas/Thing/properties", "test"))
                .keySet()));
  }

  @Test
  void failedTestStopsThePatch() {
    assertEquals(
        "test.json operation 0 (test /paths/~1v1~1a~1{id}/get/responses/404/description):"
            + " found Not found",
        failure(
            "[{\"op\": \"test\", \"path\": \"/paths/~1v1~1a~1{id}/get/responses/404/description\","
                + " \"value\": \"Gone\"}]"));
  }

  @Test
  void missingPathIsNamedUpToItsFirstAbsentStep() {
    assertEquals(
        "test.json operation 0 (replace /components/schemas/Nope/properties/a): the spec has no"
            + " /components/schemas/Nope",
        failure(
            "[{\"op\": \"replace\", \"path\": \"/components/schemas/Nope/properties/a\","
                + " \"value\": {}}]"));
  }

  @Test
  void unsupportedOperationIsRejected() {
    assertEquals(
        "test.json operation 0 (move /components): unsupported op",
        failure("[{\"op\": \"move\", \"from\": \"/paths\", \"path\": \"/components\"}]"));
  }
}
