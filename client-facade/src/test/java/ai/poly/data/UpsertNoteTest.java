package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class UpsertNoteTest {
  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;

  @Test
  void upsertNoteSendsTheNote() throws Exception {
    api.enqueueJson(201, "{\"success\": true}");

    api.client()
        .conversations()
        .upsertNote(AGENT, CONVERSATION, "Caller asked for \"Sam\" – twice");

    RecordedRequest request = taken(server);
    assertEquals("POST", request.getMethod());
    assertEquals(DETAIL_PATH + "/note", request.getPath());
    assertEquals(
        "{\"note\":\"Caller asked for \\\"Sam\\\" – twice\"}", request.getBody().readUtf8());
  }

  @Test
  void emptyNoteIsSentToClearIt() throws Exception {
    api.enqueueJson(201, "{\"success\": true}");

    api.client().conversations().upsertNote(AGENT, CONVERSATION, "");

    assertEquals("{\"note\":\"\"}", taken(server).getBody().readUtf8());
  }

  @Test
  void successLeftOutMeansSuccessAsTheSpecDefaultsIt() throws Exception {
    api.enqueueJson(201, "{}");

    api.client().conversations().upsertNote(AGENT, CONVERSATION, "n");

    assertEquals("{\"note\":\"n\"}", taken(server).getBody().readUtf8());
  }

  @Test
  void successOfAnotherTypeIsAnInvalidResponse() {
    api.enqueueJson(201, "{\"success\": \"maybe\", \"ok\": true}");

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () -> api.client().conversations().upsertNote(AGENT, CONVERSATION, "n"));

    assertTrue(
        e.getMessage().contains("the service did not confirm success (\"success\": maybe)"),
        e.getMessage());
    assertTrue(e.body().contains("\"ok\""), e.body());
  }

  @Test
  void notFoundConversationIsNotFound() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"success\": false, \"error_code\": \"CONVERSATIONS_NOT_FOUND\"}"));

    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () -> api.client().conversations().upsertNote(AGENT, CONVERSATION, "n"));

    assertEquals("CONVERSATIONS_NOT_FOUND", e.errorCode());
  }

  @Test
  void nullNoteFailsBeforeAnyRequest() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> api.client().conversations().upsertNote(AGENT, CONVERSATION, null));
    assertEquals("note == null", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> api.client().conversations().upsertNote(AGENT, "..", "n"));
    assertEquals(0, server.getRequestCount());
  }
}
