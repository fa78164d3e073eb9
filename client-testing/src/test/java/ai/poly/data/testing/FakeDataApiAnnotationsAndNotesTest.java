package ai.poly.data.testing;

import static ai.poly.data.testing.Http.JSON;
import static ai.poly.data.testing.Http.envelope;
import static ai.poly.data.testing.Http.get;
import static ai.poly.data.testing.Http.parse;
import static ai.poly.data.testing.Http.post;
import static ai.poly.data.testing.Http.request;
import static ai.poly.data.testing.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class FakeDataApiAnnotationsAndNotesTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String RESTAURANT = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  private static final String CONVERSATION = "v1/agents/" + AGENT + "/conversations/" + RESTAURANT;
  private static final String ANNOTATION = CONVERSATION + "/annotation";
  private static final String NOTE = CONVERSATION + "/note";

  private final FakeDataApi fake = FakeDataApi.start();

  @BeforeEach
  void seed() {
    fake.addSampleConversations(AGENT);
  }

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void annotationReturns201AndIsRecorded() {
    Http.Reply reply =
        post(
            fake,
            ANNOTATION,
            "{\"annotations\": ["
                + "{\"turnId\": 0, \"role\": \"agent\", \"annotationType\": \"missing_topic\"},"
                + "{\"turnId\": 1, \"role\": \"user\", \"annotationType\": \"wrong_transcript\"},"
                + "{\"turnId\": 3, \"role\": \"agent\", \"annotationType\": \"wrong_info\"}]}");
    assertEquals(201, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    assertEquals("{\"success\":true}", reply.body());
    assertEquals(
        List.of(
            RecordedAnnotation.of(0, "agent", "missing_topic"),
            RecordedAnnotation.of(1, "user", "wrong_transcript"),
            RecordedAnnotation.of(3, "agent", "wrong_info")),
        fake.annotations(AGENT, RESTAURANT));
  }

  @Test
  void annotationsAccumulateAcrossRequests() {
    post(fake, ANNOTATION, annotations("0", "\"agent\"", "\"missing_topic\""));
    post(fake, ANNOTATION, annotations("2", "\"user\"", "\"wrong_info\""));
    assertEquals(
        List.of(
            RecordedAnnotation.of(0, "agent", "missing_topic"),
            RecordedAnnotation.of(2, "user", "wrong_info")),
        fake.annotations(AGENT, RESTAURANT));
  }

  @Test
  void noAnnotationsRecordedIsEmpty() {
    assertEquals(List.of(), fake.annotations(AGENT, RESTAURANT));
    assertEquals(List.of(), fake.annotations("PROJECT-OTHER", "CA-none"));
  }

  @Test
  void annotationRequiresAtLeastOneItem() {
    assertAnnotationRejected("{\"annotations\": []}", "annotations must be a non-empty array");
    assertAnnotationRejected("{}", "annotations must be a non-empty array");
    assertAnnotationRejected("{\"annotations\": {}}", "annotations must be a non-empty array");
  }

  @Test
  void annotationRejectsAnItemThatIsNotAnObject() {
    assertAnnotationRejected("{\"annotations\": [3]}", "annotations[0] must be an object");
  }

  @Test
  void annotationRejectsNegativeTurnId() {
    assertAnnotationRejected(
        annotations("-1", "\"agent\"", "\"wrong_info\""),
        "annotations[0].turnId must be an integer of at least 0");
  }

  @Test
  void annotationRejectsFractionalOrTextTurnId() {
    assertAnnotationRejected(
        annotations("1.5", "\"agent\"", "\"wrong_info\""),
        "annotations[0].turnId must be an integer of at least 0");
    assertAnnotationRejected(
        annotations("\"1\"", "\"agent\"", "\"wrong_info\""),
        "annotations[0].turnId must be an integer of at least 0");
  }

  @Test
  void annotationRejectsMissingTurnId() {
    assertAnnotationRejected(
        "{\"annotations\": [{\"role\": \"agent\", \"annotationType\": \"wrong_info\"}]}",
        "annotations[0].turnId must be an integer of at least 0");
  }

  @Test
  void annotationRejectsUnknownRole() {
    assertAnnotationRejected(
        annotations("1", "\"caller\"", "\"wrong_info\""),
        "annotations[0].role must be one of user, agent");
  }

  @Test
  void annotationRejectsUnknownType() {
    assertAnnotationRejected(
        annotations("1", "\"user\"", "\"rude\""),
        "annotations[0].annotationType must be one of missing_topic, wrong_transcript,"
            + " wrong_info");
  }

  @Test
  void annotationNamesTheFirstInvalidItemAndRecordsNothing() {
    assertAnnotationRejected(
        "{\"annotations\": ["
            + "{\"turnId\": 0, \"role\": \"agent\", \"annotationType\": \"missing_topic\"},"
            + "{\"turnId\": 1, \"role\": \"bot\", \"annotationType\": \"missing_topic\"}]}",
        "annotations[1].role must be one of user, agent");
    assertEquals(List.of(), fake.annotations(AGENT, RESTAURANT));
  }

  @Test
  void annotationRejectsABodyThatIsNotJson() {
    assertAnnotationRejected("turn 1 is wrong", "body must be a JSON object");
    assertAnnotationRejected("[]", "body must be a JSON object");
  }

  @Test
  void annotationOfUnknownConversationGets404() {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations/CA-nope/annotation")
                .header("X-PolyAI-Correlation-Id", "cid-an")
                .post(RequestBody.create(annotations("0", "\"agent\"", "\"wrong_info\""), JSON))
                .build());
    assertEquals(404, reply.status());
    assertEquals(
        envelope("cid-an", "CONVERSATIONS_NOT_FOUND", "Conversation not found"), reply.body());
  }

  @Test
  void noteReturns201AndIsRecorded() {
    Http.Reply reply = post(fake, NOTE, "{\"note\": \"Caller wants a manager callback.\"}");
    assertEquals(201, reply.status());
    assertEquals("{\"success\":true}", reply.body());
    assertEquals("Caller wants a manager callback.", fake.note(AGENT, RESTAURANT));
  }

  @Test
  void latestNoteWins() {
    post(fake, NOTE, "{\"note\": \"first\"}");
    post(fake, NOTE, "{\"note\": \"second\"}");
    assertEquals("second", fake.note(AGENT, RESTAURANT));
  }

  @Test
  void noNoteRecordedIsNull() {
    assertNull(fake.note(AGENT, RESTAURANT));
  }

  @Test
  void noteAppearsInLaterDetailAndList() {
    post(fake, NOTE, "{\"note\": \"needs \\\"review\\\"\"}");
    Map<?, ?> detail = (Map<?, ?>) parse(get(fake, CONVERSATION).body());
    assertEquals("needs \"review\"", detail.get("note"));
    Map<?, ?> page = (Map<?, ?>) parse(get(fake, "v1/agents/" + AGENT + "/conversations").body());
    Map<?, ?> summary = (Map<?, ?>) ((List<?>) page.get("conversations")).get(0);
    assertEquals("needs \"review\"", summary.get("note"));
  }

  @Test
  void noteMustBeAString() {
    assertNoteRejected("{\"note\": 42}", "note must be a string");
    assertNoteRejected("{}", "note must be a string");
    assertNoteRejected("note", "body must be a JSON object");
    assertNull(fake.note(AGENT, RESTAURANT));
  }

  @Test
  void noteOfUnknownConversationGets404() {
    Http.Reply reply =
        post(fake, "v1/agents/" + AGENT + "/conversations/CA-nope/note", "{\"note\": \"x\"}");
    assertEquals(404, reply.status());
    assertEquals("CONVERSATIONS_NOT_FOUND", Http.errorCode(reply));
    assertNull(fake.note(AGENT, "CA-nope"));
  }

  private void assertAnnotationRejected(String body, String message) {
    assertRejected(ANNOTATION, body, message);
  }

  private void assertNoteRejected(String body, String message) {
    assertRejected(NOTE, body, message);
  }

  private void assertRejected(String path, String body, String message) {
    Http.Reply reply =
        send(
            request(fake, path)
                .header("X-PolyAI-Correlation-Id", "cid-v")
                .post(RequestBody.create(body, JSON))
                .build());
    assertEquals(400, reply.status(), body);
    assertEquals(envelope("cid-v", "CONVERSATIONS_VALIDATION_FAILED", message), reply.body());
  }

  private static String annotations(String turnId, String role, String type) {
    return "{\"annotations\": [{\"turnId\": "
        + turnId
        + ", \"role\": "
        + role
        + ", \"annotationType\": "
        + type
        + "}]}";
  }
}
