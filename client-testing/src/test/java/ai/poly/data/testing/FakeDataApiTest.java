package ai.poly.data.testing;

import static ai.poly.data.testing.Http.envelope;
import static ai.poly.data.testing.Http.get;
import static ai.poly.data.testing.Http.parse;
import static ai.poly.data.testing.Http.request;
import static ai.poly.data.testing.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FakeDataApiTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String RESTAURANT = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  private static final String CHAT = "CHAT-7b3e9d1a-4c6f-4a2b-8e0d-5f1a3c7e9b2d";

  private final FakeDataApi fake = FakeDataApi.start();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void baseUrlIsLoopbackWithPortAndTrailingSlash() {
    assertTrue(fake.baseUrl().matches("http://127\\.0\\.0\\.1:[0-9]+/"), fake.baseUrl());
  }

  @Test
  void acceptsTheDefaultApiKey() {
    assertEquals("fake-api-key", fake.apiKey());
    assertEquals(FakeDataApi.DEFAULT_API_KEY, fake.apiKey());
    assertEquals(200, get(fake, "v1/agents/" + AGENT + "/conversations").status());
  }

  @Test
  void builderSetsTheAcceptedApiKey() {
    try (FakeDataApi custom = FakeDataApi.builder().apiKey("sk-test-123").start()) {
      assertEquals("sk-test-123", custom.apiKey());
      assertEquals(200, get(custom, "v1/agents/" + AGENT + "/conversations").status());
      Http.Reply reply =
          send(
              request(custom, "v1/agents/" + AGENT + "/conversations")
                  .header("X-API-KEY", "fake-api-key")
                  .build());
      assertEquals(401, reply.status());
    }
  }

  @Test
  void missingApiKeyGets401Envelope() {
    Http.Reply reply =
        send(
            new Request.Builder()
                .url(fake.baseUrl() + "v1/agents/" + AGENT + "/conversations")
                .header("X-PolyAI-Correlation-Id", "cid-missing-key")
                .build());
    assertEquals(401, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    assertEquals(
        envelope("cid-missing-key", "AUTH_USER_UNAUTHORISED", "The X-API-KEY header is missing."),
        reply.body());
  }

  @Test
  void wrongApiKeyGets401Envelope() {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations")
                .header("X-API-KEY", "not-the-key")
                .header("X-PolyAI-Correlation-Id", "cid-wrong-key")
                .build());
    assertEquals(401, reply.status());
    assertEquals(
        envelope(
            "cid-wrong-key", "AUTH_USER_UNAUTHORISED", "The X-API-KEY header is not a valid key."),
        reply.body());
  }

  @Test
  void unknownPathGets404Envelope() {
    Http.Reply reply =
        send(request(fake, "v2/agents").header("X-PolyAI-Correlation-Id", "cid-404").build());
    assertEquals(404, reply.status());
    assertEquals(envelope("cid-404", "NOT_FOUND", "No such path: /v2/agents"), reply.body());
  }

  @Test
  void unknownOperationUnderAConversationGets404() {
    fake.addSampleConversations(AGENT);
    Http.Reply reply = get(fake, "v1/agents/" + AGENT + "/conversations/" + RESTAURANT + "/turns");
    assertEquals(404, reply.status());
    assertEquals("NOT_FOUND", Http.errorCode(reply));
  }

  @Test
  void wrongMethodGets405WithAllowHeader() {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations")
                .header("X-PolyAI-Correlation-Id", "cid-405")
                .delete()
                .build());
    assertEquals(405, reply.status());
    assertEquals("GET", reply.header("Allow"));
    assertEquals(
        envelope(
            "cid-405",
            "METHOD_NOT_ALLOWED",
            "DELETE is not allowed on /v1/agents/" + AGENT + "/conversations; use GET"),
        reply.body());
  }

  @Test
  void getOnAPostOperationGets405() {
    Http.Reply reply = get(fake, "v1/agents/" + AGENT + "/debug-chat");
    assertEquals(405, reply.status());
    assertEquals("POST", reply.header("Allow"));
  }

  @Test
  void echoesCorrelationIdOnSuccess() {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations")
                .header("X-PolyAI-Correlation-Id", "cid-echo-1")
                .build());
    assertEquals(200, reply.status());
    assertEquals("cid-echo-1", reply.header("X-PolyAI-Correlation-Id"));
  }

  @Test
  void echoesCorrelationIdAndUsesItAsErrorId() {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations/nope")
                .header("X-PolyAI-Correlation-Id", "cid-echo-2")
                .build());
    assertEquals(404, reply.status());
    assertEquals("cid-echo-2", reply.header("X-PolyAI-Correlation-Id"));
    assertEquals("cid-echo-2", ((Map<?, ?>) parse(reply.body())).get("error_id"));
  }

  @Test
  void generatesCorrelationIdWhenAbsent() {
    Http.Reply first = get(fake, "v1/agents/" + AGENT + "/conversations/nope");
    Http.Reply second = get(fake, "v1/agents/" + AGENT + "/conversations/nope");
    String id = first.header("X-PolyAI-Correlation-Id");
    assertEquals(id, UUID.fromString(id).toString());
    assertEquals(id, ((Map<?, ?>) parse(first.body())).get("error_id"));
    assertFalse(id.equals(second.header("X-PolyAI-Correlation-Id")));
  }

  @Test
  void listReturnsSummariesWithoutTurnsMetricsOrFunctionEvents() {
    fake.addSampleConversations(AGENT);
    Http.Reply reply = get(fake, "v1/agents/" + AGENT + "/conversations");
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    Map<?, ?> page = (Map<?, ?>) parse(reply.body());
    assertEquals(2.0, page.get("count"));
    assertEquals(50.0, page.get("limit"));
    assertEquals(0.0, page.get("offset"));
    List<?> conversations = (List<?>) page.get("conversations");
    Map<?, ?> restaurant = (Map<?, ?>) conversations.get(0);
    Map<?, ?> detail = (Map<?, ?>) parse(FakeDataApi.sampleConversationJson());
    Map<Object, Object> expected = new LinkedHashMap<>(detail);
    expected.remove("turns");
    expected.remove("metrics");
    expected.remove("functionEvents");
    assertEquals(expected, restaurant);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(restaurant.keySet()));
    assertEquals(CHAT, ((Map<?, ?>) conversations.get(1)).get("conversationId"));
  }

  @Test
  void listDefaultsToLimit50AndOffset0() {
    for (int i = 0; i < 55; i++) {
      fake.addConversation(AGENT, FakeConversation.builder("CA-" + i).build());
    }
    Map<?, ?> page = (Map<?, ?>) parse(get(fake, "v1/agents/" + AGENT + "/conversations").body());
    assertEquals(55.0, page.get("count"));
    assertEquals(50.0, page.get("limit"));
    assertEquals(0.0, page.get("offset"));
    assertEquals(ids(0, 50), conversationIds(page));
  }

  @Test
  void listPagesWithLimitAndOffset() {
    for (int i = 0; i < 7; i++) {
      fake.addConversation(AGENT, FakeConversation.builder("CA-" + i).build());
    }
    Map<?, ?> page =
        (Map<?, ?>)
            parse(get(fake, "v1/agents/" + AGENT + "/conversations?limit=3&offset=2").body());
    assertEquals(7.0, page.get("count"));
    assertEquals(3.0, page.get("limit"));
    assertEquals(2.0, page.get("offset"));
    assertEquals(ids(2, 5), conversationIds(page));
  }

  @Test
  void listLastPageIsShort() {
    for (int i = 0; i < 7; i++) {
      fake.addConversation(AGENT, FakeConversation.builder("CA-" + i).build());
    }
    Map<?, ?> page =
        (Map<?, ?>)
            parse(get(fake, "v1/agents/" + AGENT + "/conversations?limit=3&offset=6").body());
    assertEquals(7.0, page.get("count"));
    assertEquals(ids(6, 7), conversationIds(page));
  }

  @Test
  void listPastTheEndIsEmptyWithTheTotalCount() {
    for (int i = 0; i < 3; i++) {
      fake.addConversation(AGENT, FakeConversation.builder("CA-" + i).build());
    }
    Http.Reply reply = get(fake, "v1/agents/" + AGENT + "/conversations?limit=10&offset=99");
    assertEquals(200, reply.status());
    assertEquals("{\"conversations\":[],\"count\":3,\"limit\":10,\"offset\":99}", reply.body());
  }

  @Test
  void listOfAnAgentWithoutConversationsIsEmpty() {
    fake.addSampleConversations(AGENT);
    Http.Reply reply = get(fake, "v1/agents/PROJECT-OTHER/conversations");
    assertEquals(200, reply.status());
    assertEquals("{\"conversations\":[],\"count\":0,\"limit\":50,\"offset\":0}", reply.body());
  }

  @Test
  void listRejectsLimitBelowOne() {
    assertListRejected("limit=0", "limit must be an integer of at least 1");
  }

  @Test
  void listRejectsNegativeLimit() {
    assertListRejected("limit=-5", "limit must be an integer of at least 1");
  }

  @Test
  void listRejectsNonIntegerLimit() {
    assertListRejected("limit=ten", "limit must be an integer of at least 1");
    assertListRejected("limit=1.5", "limit must be an integer of at least 1");
    assertListRejected("limit=", "limit must be an integer of at least 1");
  }

  @Test
  void listRejectsNegativeOffset() {
    assertListRejected("offset=-1", "offset must be an integer of at least 0");
  }

  @Test
  void listRejectsNonIntegerOffset() {
    assertListRejected("offset=first", "offset must be an integer of at least 0");
    assertListRejected("offset=2.0", "offset must be an integer of at least 0");
  }

  private void assertListRejected(String query, String message) {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations?" + query)
                .header("X-PolyAI-Correlation-Id", "cid-400")
                .build());
    assertEquals(400, reply.status(), query);
    assertEquals(envelope("cid-400", "CONVERSATIONS_VALIDATION_FAILED", message), reply.body());
  }

  @Test
  void keepsConversationsPerAgentInInsertionOrder() {
    fake.addConversation("PROJECT-A", FakeConversation.builder("CA-3").build());
    fake.addConversation("PROJECT-B", FakeConversation.builder("CA-1").build());
    fake.addConversation("PROJECT-A", FakeConversation.builder("CA-1").build());
    fake.addConversation("PROJECT-A", FakeConversation.builder("CA-2").build());
    assertEquals(
        List.of("CA-3", "CA-1", "CA-2"),
        conversationIds((Map<?, ?>) parse(get(fake, "v1/agents/PROJECT-A/conversations").body())));
    assertEquals(
        List.of("CA-1"),
        conversationIds((Map<?, ?>) parse(get(fake, "v1/agents/PROJECT-B/conversations").body())));
  }

  @Test
  void addingAnExistingIdReplacesItInPlace() {
    fake.addConversation(AGENT, FakeConversation.builder("CA-1").build());
    fake.addConversation(AGENT, FakeConversation.builder("CA-2").build());
    fake.addConversation(AGENT, FakeConversation.builder("CA-1").channel("WEBCHAT").build());
    Map<?, ?> page = (Map<?, ?>) parse(get(fake, "v1/agents/" + AGENT + "/conversations").body());
    assertEquals(2.0, page.get("count"));
    assertEquals(List.of("CA-1", "CA-2"), conversationIds(page));
    Map<?, ?> first = (Map<?, ?>) ((List<?>) page.get("conversations")).get(0);
    assertEquals("WEBCHAT", first.get("channel"));
  }

  @Test
  void detailReturnsTheStoredJson() {
    fake.addSampleConversations(AGENT);
    Http.Reply reply = get(fake, "v1/agents/" + AGENT + "/conversations/" + RESTAURANT);
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    assertEquals(parse(FakeDataApi.sampleConversationJson()), parse(reply.body()));
  }

  @Test
  void detailKeepsNumbersExactlyAsSeeded() {
    fake.addConversation(
        AGENT,
        "{\"conversationId\": \"CA-big\", \"accountId\": \"ws-1\", \"projectId\": \"P\","
            + " \"polyScore\": 6.0, \"turns\": [{\"turn_id\": 1234567890123456789}],"
            + " \"sentiment\": {\"score\": 0.61}}");
    String body = get(fake, "v1/agents/" + AGENT + "/conversations/CA-big").body();
    assertEquals(
        "{\"conversationId\":\"CA-big\",\"accountId\":\"ws-1\",\"projectId\":\"P\","
            + "\"polyScore\":6.0,\"turns\":[{\"turn_id\": 1234567890123456789}],"
            + "\"sentiment\":{\"score\": 0.61}}",
        body);
  }

  @Test
  void detailOfUnknownConversationGets404() {
    fake.addSampleConversations(AGENT);
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations/CA-missing")
                .header("X-PolyAI-Correlation-Id", "cid-nf")
                .build());
    assertEquals(404, reply.status());
    assertEquals(
        envelope("cid-nf", "CONVERSATIONS_NOT_FOUND", "Conversation not found"), reply.body());
  }

  @Test
  void detailUnderAnotherAgentGets404() {
    fake.addSampleConversations(AGENT);
    Http.Reply reply = get(fake, "v1/agents/PROJECT-OTHER/conversations/" + RESTAURANT);
    assertEquals(404, reply.status());
    assertEquals("CONVERSATIONS_NOT_FOUND", Http.errorCode(reply));
  }

  @Test
  void addsConversationsFromAJsonArrayString() {
    fake.addConversations(AGENT, "[" + conversation("CA-a") + ", " + conversation("CA-b") + "]");
    assertEquals(List.of("CA-a", "CA-b"), listedIds(AGENT));
  }

  @Test
  void addsConversationsFromAnInputStream() throws IOException {
    byte[] json = ("[" + conversation("CA-s") + "]").getBytes(StandardCharsets.UTF_8);
    fake.addConversations(AGENT, new ByteArrayInputStream(json));
    assertEquals(List.of("CA-s"), listedIds(AGENT));
  }

  @Test
  void addsConversationsFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("conversations.json");
    Files.writeString(file, "[" + FakeDataApi.sampleChatConversationJson() + "]");
    fake.addConversations(AGENT, file);
    assertEquals(List.of(CHAT), listedIds(AGENT));
  }

  @Test
  void addConversationRejectsJsonWithoutAConversationId() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fake.addConversation(AGENT, "{\"accountId\": \"ws-1\"}"));
    assertEquals("a conversation needs a conversationId", e.getMessage());
  }

  @Test
  void addConversationRejectsANumericConversationId() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fake.addConversation(AGENT, "{\"conversationId\": 12}"));
    assertEquals("conversationId must be a string, was 12", e.getMessage());
  }

  @Test
  void addConversationRejectsInvalidJson() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fake.addConversation(AGENT, "{\"conversationId\": \"CA-1\""));
    assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
  }

  @Test
  void addConversationRejectsAnArray() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fake.addConversation(AGENT, "[]"));
    assertEquals("a conversation must be a JSON object", e.getMessage());
  }

  @Test
  void addConversationsRejectsAnObjectAndAddsNothing() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fake.addConversations(AGENT, conversation("CA-1")));
    assertEquals("expected a JSON array of conversations", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> fake.addConversations(AGENT, "[" + conversation("CA-1") + ", 3]"));
    assertEquals(List.of(), listedIds(AGENT));
  }

  @Test
  void addSampleConversationsAddsTheRestaurantCallThenTheChat() {
    fake.addSampleConversations("PROJECT-DEMO");
    assertEquals(List.of(RESTAURANT, CHAT), listedIds("PROJECT-DEMO"));
  }

  @Test
  void samplesAreInTheLiveShape() {
    Map<?, ?> restaurant = (Map<?, ?>) parse(FakeDataApi.sampleConversationJson());
    assertEquals(RESTAURANT, restaurant.get("conversationId"));
    assertEquals("VOICE-SIP", restaurant.get("channel"));
    Map<?, ?> chat = (Map<?, ?>) parse(FakeDataApi.sampleChatConversationJson());
    assertEquals("WEBCHAT", chat.get("channel"));
    assertEquals(false, chat.get("handoff"));
    assertNull(chat.get("audioUrl"));
    List<?> turns = (List<?>) chat.get("turns");
    assertEquals(4, turns.size());
    Map<?, ?> latency = (Map<?, ?>) ((Map<?, ?>) turns.get(1)).get("latency");
    assertEquals(0.816649, latency.get("perceived_latency"));
  }

  @Test
  void recordsEveryRequest() throws InterruptedException {
    send(
        request(fake, "v1/agents/" + AGENT + "/conversations?limit=2")
            .header("X-PolyAI-Correlation-Id", "cid-rec")
            .build());
    Http.post(fake, "v1/agents/" + AGENT + "/debug-chat", "{\"clientEnv\":\"sandbox\"}");
    assertEquals(2, fake.requestCount());

    ReceivedRequest list = fake.takeRequest();
    assertEquals("GET", list.method());
    assertEquals("/v1/agents/" + AGENT + "/conversations?limit=2", list.path());
    assertEquals("fake-api-key", list.header("x-api-key"));
    assertEquals("cid-rec", list.header("X-PolyAI-Correlation-Id"));
    assertEquals(List.of("cid-rec"), list.headers().get("x-polyai-correlation-id"));
    assertEquals("", list.body());

    ReceivedRequest chat = fake.takeRequest();
    assertEquals("POST", chat.method());
    assertEquals("{\"clientEnv\":\"sandbox\"}", chat.body());
    assertEquals("application/json; charset=utf-8", chat.header("Content-Type"));

    assertEquals(List.of(list, chat), fake.requests());
  }

  @Test
  void recordsRequestsThatFailedAuth() throws InterruptedException {
    send(new Request.Builder().url(fake.baseUrl() + "v1/agents/x/conversations").build());
    assertEquals(1, fake.requestCount());
    assertNull(fake.takeRequest().header("X-API-KEY"));
  }

  @Test
  void receivedRequestToStringHidesTheApiKey() throws InterruptedException {
    send(
        request(fake, "v1/agents/" + AGENT + "/note")
            .post(RequestBody.create("{}", Http.JSON))
            .build());
    String text = fake.takeRequest().toString();
    assertFalse(text.contains("fake-api-key"), text);
    assertTrue(text.startsWith("ReceivedRequest{POST /v1/agents/" + AGENT + "/note, headers=["));
    assertTrue(text.contains("x-api-key=██"), text);
    assertTrue(text.endsWith("body=2 chars}"), text);
  }

  @Test
  void closeStopsServingAndIsIdempotent() {
    String url = fake.baseUrl() + "v1/agents/" + AGENT + "/conversations";
    fake.close();
    fake.close();
    assertTrue(fake.isClosed());
    assertThrows(UncheckedIOException.class, () -> send(new Request.Builder().url(url).build()));
  }

  private List<String> listedIds(String agentId) {
    return conversationIds(
        (Map<?, ?>) parse(get(fake, "v1/agents/" + agentId + "/conversations").body()));
  }

  private static List<String> conversationIds(Map<?, ?> page) {
    List<String> ids = new ArrayList<>();
    for (Object conversation : (List<?>) page.get("conversations")) {
      ids.add((String) ((Map<?, ?>) conversation).get("conversationId"));
    }
    return ids;
  }

  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add("CA-" + i);
    }
    return ids;
  }

  private static String conversation(String id) {
    return "{\"conversationId\": \"" + id + "\", \"accountId\": \"ws-1\", \"projectId\": \"P\"}";
  }
}
