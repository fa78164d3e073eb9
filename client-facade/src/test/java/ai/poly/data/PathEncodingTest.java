package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.restaurant;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PathEncodingTest {
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

  private void enqueueConversation() {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(restaurant()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CA/12|CA%2F12",
        "../admin|..%2Fadmin",
        "a/../../b|a%2F..%2F..%2Fb",
        "what?x=1|what%3Fx=1",
        "frag#ment|frag%23ment",
        "100%|100%25",
        "%2e%2e|%252e%252e",
        "two words|two%20words",
        "café|caf%C3%A9",
        "会話|%E4%BC%9A%E8%A9%B1",
        "a\\b|a%5Cb",
        "...|...",
        "a..b|a..b",
        ".hidden|.hidden"
      })
  void conversationIdIsSentAsOneEncodedSegment(String id, String encoded) throws Exception {
    enqueueConversation();

    client.conversations().get(AGENT, id);

    RecordedRequest request = taken(server);
    assertEquals("/v1/agents/" + AGENT + "/conversations/" + encoded, request.getPath());
    assertEquals(
        List.of("v1", "agents", AGENT, "conversations", id),
        request.getRequestUrl().pathSegments());
  }

  @ParameterizedTest
  @ValueSource(strings = {"P/1", "../..", "P?1", "P#1", "P%1", "P 1", "Projekt-ä"})
  void agentIdIsSentAsOneEncodedSegment(String id) throws Exception {
    enqueueConversation();

    client.conversations().get(id, CONVERSATION);

    RecordedRequest request = taken(server);
    assertEquals(
        List.of("v1", "agents", id, "conversations", CONVERSATION),
        request.getRequestUrl().pathSegments());
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreRejectedBeforeAnyRequest(String id) {
    IllegalArgumentException conversation =
        assertThrows(IllegalArgumentException.class, () -> client.conversations().get(AGENT, id));
    IllegalArgumentException agent =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.conversations().getAsync(id, CONVERSATION));

    assertEquals(
        "conversationId is \"" + id + "\", which a URL path cannot carry as an id",
        conversation.getMessage());
    assertEquals(
        "agentId is \"" + id + "\", which a URL path cannot carry as an id", agent.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void encodedIdsStayUnderTheBaseUrlPath() throws Exception {
    client.close();
    client =
        HttpTestSupport.builder(server).baseUrl(HttpTestSupport.baseUrl(server) + "proxy/").build();
    enqueueConversation();

    client.conversations().get("../../x", "../../y");

    assertEquals("/proxy/v1/agents/..%2F..%2Fx/conversations/..%2F..%2Fy", taken(server).getPath());
  }
}
