package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class UpsertNoteTest {
  private final MockWebServer server = new MockWebServer();
  private PolyAiData client;

  @BeforeEach
  void start() throws IOException {
    HttpTestSupport.start(server);
    client = HttpTestSupport.builder(server).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private void enqueueCreated(String body) {
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody(body));
  }

  @Test
  void upsertNoteSendsTheNote() throws Exception {
    enqueueCreated("{\"success\": true}");

    client.conversations().upsertNote(AGENT, CONVERSATION, "Caller asked for \"Sam\" – twice");

    RecordedRequest request = taken(server);
    assertEquals("POST", request.getMethod());
    assertEquals(DETAIL_PATH + "/note", request.getPath());
    assertEquals(
        "{\"note\":\"Caller asked for \\\"Sam\\\" – twice\"}", request.getBody().readUtf8());
  }

  @Test
  void emptyNoteIsSentToClearIt() throws Exception {
    enqueueCreated("{\"success\": true}");

    client.conversations().upsertNote(AGENT, CONVERSATION, "");

    assertEquals("{\"note\":\"\"}", taken(server).getBody().readUtf8());
  }

  @Test
  void successMissingFromTheResponseIsAnInvalidResponse() {
    enqueueCreated("{\"ok\": true}");

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () -> client.conversations().upsertNote(AGENT, CONVERSATION, "n"));

    assertTrue(
        e.getMessage().contains("the service did not confirm success (\"success\": null)"),
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
            () -> client.conversations().upsertNote(AGENT, CONVERSATION, "n"));

    assertEquals("CONVERSATIONS_NOT_FOUND", e.errorCode());
  }

  @Test
  void nullNoteFailsBeforeAnyRequest() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> client.conversations().upsertNote(AGENT, CONVERSATION, null));
    assertEquals("note == null", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> client.conversations().upsertNote(AGENT, "..", "n"));
    assertEquals(0, server.getRequestCount());
  }
}
