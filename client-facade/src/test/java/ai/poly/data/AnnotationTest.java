package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.parseObject;
import static ai.poly.data.HttpTestSupport.resource;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class AnnotationTest {
  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;

  @Test
  void annotateSendsEachAnnotationInTheServicesShape() throws Exception {
    api.enqueueJson(201, "{\"success\": true}");
    Turn turn = Turn.read(3, Collections.emptyMap());

    api.client()
        .conversations()
        .annotate(
            AGENT,
            CONVERSATION,
            Arrays.asList(
                Annotation.of(0, Role.AGENT, AnnotationType.MISSING_TOPIC),
                Annotation.of(1, Role.USER, AnnotationType.WRONG_TRANSCRIPT),
                Annotation.of(turn, Role.AGENT, AnnotationType.WRONG_INFO)));

    RecordedRequest request = taken(server);
    assertEquals("POST", request.getMethod());
    assertEquals(DETAIL_PATH + "/annotation", request.getPath());
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
    assertEquals(
        parseObject(resource("/payloads/add-annotations-body.json")),
        parseObject(request.getBody().readUtf8()));
  }

  @Test
  void successFalseIsAnInvalidResponse() {
    api.enqueueJson(201, "{\"success\": false}");

    PolyAiInvalidResponseException e =
        assertThrows(PolyAiInvalidResponseException.class, this::annotateOne);

    assertEquals(201, e.statusCode());
    assertTrue(
        e.getMessage().contains("the service did not confirm success (\"success\": false)"),
        e.getMessage());
  }

  @Test
  void emptyCreatedBodyIsAnInvalidResponse() {
    api.enqueueJson(201, "");

    PolyAiInvalidResponseException e =
        assertThrows(PolyAiInvalidResponseException.class, this::annotateOne);

    assertTrue(e.getMessage().contains("the response body is empty"), e.getMessage());
  }

  @Test
  void validationErrorIsABadRequestWithItsCode() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"success\": false, \"error_code\": \"CONVERSATIONS_VALIDATION_FAILED\","
                    + " \"error_message\": \"turnId out of range\"}"));

    BadRequestException e = assertThrows(BadRequestException.class, this::annotateOne);

    assertEquals("CONVERSATIONS_VALIDATION_FAILED", e.errorCode());
    assertEquals("turnId out of range", e.errorMessage());
  }

  private void annotateOne() {
    api.client()
        .conversations()
        .annotate(
            AGENT,
            CONVERSATION,
            Collections.singletonList(Annotation.of(2, Role.USER, AnnotationType.WRONG_INFO)));
  }

  @Test
  void emptyListOrNullItemFailsBeforeAnyRequest() {
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                api.client()
                    .conversations()
                    .annotate(AGENT, CONVERSATION, Collections.emptyList()));
    assertEquals("annotations is empty: pass at least one", empty.getMessage());
    List<Annotation> withNull =
        Arrays.asList(Annotation.of(0, Role.USER, AnnotationType.WRONG_INFO), null);
    NullPointerException nullItem =
        assertThrows(
            NullPointerException.class,
            () -> api.client().conversations().annotate(AGENT, CONVERSATION, withNull));
    assertEquals("annotations[1] == null", nullItem.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> api.client().conversations().annotate(AGENT, CONVERSATION, null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void negativeTurnIndexIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Annotation.of(-1, Role.USER, AnnotationType.WRONG_INFO));
    assertEquals("turnIndex must not be negative: -1", e.getMessage());
    assertThrows(
        NullPointerException.class, () -> Annotation.of(0, null, AnnotationType.WRONG_INFO));
    assertThrows(NullPointerException.class, () -> Annotation.of(0, Role.USER, null));
    assertThrows(
        NullPointerException.class,
        () -> Annotation.of((Turn) null, Role.USER, AnnotationType.WRONG_INFO));
  }

  @Test
  void annotationsHaveValueSemantics() {
    Annotation a = Annotation.of(4, Role.AGENT, AnnotationType.WRONG_INFO);
    assertEquals(a, Annotation.of(4, Role.AGENT, AnnotationType.WRONG_INFO));
    assertEquals(a.hashCode(), Annotation.of(4, Role.AGENT, AnnotationType.WRONG_INFO).hashCode());
    assertNotEquals(a, Annotation.of(4, Role.USER, AnnotationType.WRONG_INFO));
    assertEquals("Annotation{turnIndex=4, role=AGENT, type=WRONG_INFO}", a.toString());
    assertEquals("wrong_info", AnnotationType.WRONG_INFO.wireValue());
    assertEquals("agent", Role.AGENT.wireValue());
  }
}
