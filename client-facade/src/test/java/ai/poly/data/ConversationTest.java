package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every field of the restaurant fixture, fetched through the client from a loopback server. */
class ConversationTest {
  private static final String CONVERSATION_ID = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";

  private static Conversation conversation;
  private static RecordedRequest request;

  @BeforeAll
  static void fetchFixture() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(TestFixtures.fixture(TestFixtures.RESTAURANT)));
      server.start();
      try (PolyAiData client =
          PolyAiData.builder().apiKey(TestFixtures.API_KEY).baseUrl(server.url("/").toString()).build()) {
        conversation = client.conversations().get("PROJECT-K4T9QZ2M", CONVERSATION_ID);
      }
      request = server.takeRequest();
    }
  }

  @AfterAll
  static void release() {
    conversation = null;
    request = null;
  }

  @Test
  void requestsTheConversationPathWithTheKey() {
    assertEquals("GET", request.getMethod());
    assertEquals("/v1/agents/PROJECT-K4T9QZ2M/conversations/" + CONVERSATION_ID, request.getPath());
    assertEquals(TestFixtures.API_KEY, request.getHeader("X-API-KEY"));
  }

  @Test
  void readsIdentity() {
    assertEquals(CONVERSATION_ID, conversation.conversationId());
    assertEquals("ws-7c41a9e2", conversation.accountId());
    assertEquals("PROJECT-K4T9QZ2M", conversation.projectId());
    assertEquals("0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b", conversation.deploymentId());
    assertEquals("Main line", conversation.variantId());
    assertEquals("live", conversation.clientEnv());
  }

  @Test
  void readsTimestampsWithMicroseconds() {
    assertEquals(Instant.parse("2026-10-14T18:02:11.204Z"), conversation.createdAt());
    assertEquals(Instant.parse("2026-10-14T18:02:11.204Z"), conversation.startedAt());
    assertEquals(Instant.parse("2026-10-14T18:04:37.918Z"), conversation.finishedAt());
  }

  @Test
  void readsCallDetails() {
    assertEquals("VOICE-SIP", conversation.channel());
    assertEquals("+447700900123", conversation.fromNumber());
    assertEquals("+442079460000", conversation.toNumber());
    assertEquals("en-GB", conversation.language());
    assertEquals("inbound", conversation.direction());
    assertEquals(Boolean.FALSE, conversation.inProgress());
  }

  @Test
  void readsDurationsAsWholeSeconds() {
    assertEquals(Duration.ofSeconds(147), conversation.totalDuration());
    assertEquals(Duration.ofSeconds(131), conversation.polyaiDuration());
    assertEquals(Duration.ofSeconds(147), conversation.duration());
  }

  @Test
  void readsHandoff() {
    assertEquals(Boolean.TRUE, conversation.handoff());
    assertEquals("Front of house", conversation.handoffDestination());
    assertEquals("LARGE_PARTY", conversation.handoffReason());
  }

  @Test
  void readsTagsScoreSummaryNoteAndAudio() {
    assertEquals(Arrays.asList("booking", "large-party"), conversation.tags());
    assertEquals(8.5, conversation.polyScore());
    assertEquals("Table booking for eleven", conversation.shortSummary().heading());
    assertTrue(conversation.shortSummary().content().startsWith("The caller asked for a table for eleven"));
    assertNull(conversation.note());
    assertEquals("conversations/" + CONVERSATION_ID + "/audio", conversation.audioUrl());
    assertEquals(Collections.emptyMap(), conversation.additionalProperties());
  }

  @Test
  void readsTurnsInOrderWithTheirIndex() {
    List<Turn> turns = conversation.turns();
    assertEquals(5, turns.size());
    for (int i = 0; i < turns.size(); i++) {
      assertEquals(i, turns.get(i).index());
    }
  }

  @Test
  void readsGreetingTurnWithLatencyObject() {
    Turn turn = conversation.turns().get(0);
    assertEquals("", turn.userInput());
    assertEquals("", turn.userInputDtmf());
    assertEquals(Instant.parse("2026-10-14T18:02:11.204Z"), turn.userInputAt());
    assertEquals(
        "Thanks for calling Harbour Kitchen. This call may be recorded. How can I help?",
        turn.agentResponse());
    assertEquals(Instant.parse("2026-10-14T18:02:12.911532Z"), turn.agentResponseAt());
    assertEquals(Duration.ofNanos(1_707_532_000L), turn.latency());
    assertEquals("", turn.translatedUserInput());
    assertEquals("", turn.englishAgentResponse());
    assertEquals(Collections.emptyList(), turn.intents());
    assertEquals(Collections.emptyList(), turn.entities());
    assertNull(turn.isOutOfDomain());
    assertNull(turn.isSilence());
  }

  @Test
  void keepsUnmodelledTurnKeysAsPlainValues() {
    Map<String, Object> extra = conversation.turns().get(0).additionalProperties();
    assertEquals(881203345L, extra.get("turn_id"));
    assertEquals(Boolean.FALSE, extra.get("barge_in"));
    assertEquals("en-GB", extra.get("asr_lang_code"));
    assertEquals("en-GB", extra.get("tts_lang_code"));
    assertEquals(Collections.emptyList(), extra.get("llm_requests"));
    assertEquals(Collections.emptyList(), extra.get("reviews"));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("current_node", "greeting");
    metadata.put("retrieved_topics", Collections.emptyList());
    metadata.put("entities", Collections.emptyList());
    metadata.put("function_events", Collections.emptyList());
    assertEquals(metadata, extra.get("metadata"));
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("label", null);
    latency.put("perceived_latency", 1.707532);
    latency.put("perceived_latency_percentile_1d", null);
    assertEquals(latency, extra.get("latency"));
  }

  @Test
  void readsBookingTurnWithIntentsEntitiesAndNumericLatency() {
    Turn turn = conversation.turns().get(1);
    assertEquals("hi I'd like to book a table for eleven people on Saturday", turn.userInput());
    assertEquals(Duration.ofNanos(1_172_229_000L), turn.latency());
    assertEquals(Collections.singletonList("make_booking"), turn.intents());
    assertEquals(
        Arrays.asList(
            Entity.of("party_size", Collections.singletonList("11")),
            Entity.of("date", Arrays.asList("2026-10-17", "Saturday"))),
        turn.entities());
    assertEquals(Boolean.FALSE, turn.isOutOfDomain());
    assertEquals(Boolean.FALSE, turn.isSilence());
    assertEquals(
        "conversations/" + CONVERSATION_ID + "/turns/2/audio",
        turn.additionalProperties().get("user_input_audio_url"));
    assertFalse(turn.additionalProperties().containsKey("latency"));
  }

  @Test
  void readsSilentTurnAndUnansweredLastTurn() {
    assertEquals(Boolean.TRUE, conversation.turns().get(2).isSilence());
    Turn last = conversation.turns().get(4);
    assertEquals("ok thanks", last.userInput());
    assertEquals("", last.agentResponse());
    assertNull(last.agentResponseAt());
    assertNull(last.latency());
    assertEquals(Collections.singletonList("thanks"), last.intents());
  }

  @Test
  void readsMetricSamplesWithUtcTimestamps() {
    Map<String, List<MetricSample>> metrics = conversation.metrics();
    assertEquals(Arrays.asList("CALL_DURATION", "HANDOFF_REASON", "TOTAL_AGENT_TURNS"), List.copyOf(metrics.keySet()));
    assertEquals(
        Collections.singletonList(MetricSample.of(Instant.parse("2026-10-14T18:04:37.925117Z"), "147")),
        metrics.get("CALL_DURATION"));
    assertEquals("LARGE_PARTY", metrics.get("HANDOFF_REASON").get(0).value());
    assertEquals(Instant.parse("2026-10-14T18:02:44.120003Z"), metrics.get("TOTAL_AGENT_TURNS").get(0).timestamp());
  }

  @Test
  void readsFunctionEventsOrderedByTurn() {
    List<FunctionEvent> events = conversation.functionEvents();
    assertEquals(2, events.size());
    FunctionEvent check = events.get(0);
    assertEquals(2, check.turnNumber());
    assertEquals("6f1d2c3b-4a59-4e7d-8c0b-1a2b3c4d5e6f", check.id());
    assertEquals("check_availability", check.name());
    assertEquals("FUNCTION-check-availability", check.functionId());
    assertEquals(Instant.parse("2026-10-14T18:02:19Z"), check.startTime());
    assertEquals(Duration.ofMillis(812), check.duration());
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("party_size", 11L);
    arguments.put("date", "2026-10-17");
    assertEquals(arguments, check.arguments());
    assertNull(check.error());
    assertNull(check.utterance());
    assertNull(check.handoff());
    assertEquals("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", check.additionalProperties().get("llm_request_id"));
    assertEquals(2L, check.additionalProperties().get("turn_id"));
    assertTrue(check.additionalProperties().containsKey("state_changes"));

    FunctionEvent transfer = events.get(1);
    assertEquals(4, transfer.turnNumber());
    assertEquals("transfer_large_party", transfer.name());
    assertEquals(Duration.ofMillis(233), transfer.duration());
    assertEquals(Collections.emptyMap(), transfer.arguments());
    assertEquals("I'll put you through to the front of house team now.", transfer.utterance());
    Map<String, Object> handoff = new LinkedHashMap<>();
    handoff.put("reason", "LARGE_PARTY");
    handoff.put("type", "Front of house");
    assertEquals(handoff, transfer.handoff());
    assertEquals(
        Collections.singletonList("party_size=11 over limit 10"), transfer.additionalProperties().get("logs"));
    assertEquals("3", transfer.additionalProperties().get("function_version"));
  }

  @Test
  void isImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> conversation.turns().clear());
    assertThrows(UnsupportedOperationException.class, () -> conversation.tags().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> conversation.metrics().clear());
    assertThrows(UnsupportedOperationException.class, () -> conversation.functionEvents().clear());
    assertThrows(
        UnsupportedOperationException.class,
        () -> conversation.turns().get(0).additionalProperties().put("x", 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) conversation.turns().get(0).additionalProperties().get("metadata");
    assertThrows(UnsupportedOperationException.class, () -> metadata.put("x", 1));
  }

  @Test
  void equalsItsReparseAndDiffersFromAnotherConversation() {
    Conversation again = TestFixtures.parseConversation(TestFixtures.fixture(TestFixtures.RESTAURANT));
    assertEquals(conversation, again);
    assertEquals(conversation.hashCode(), again.hashCode());
    assertEquals(conversation.turns().get(3), again.turns().get(3));
    Conversation other =
        TestFixtures.parseConversation(
            TestFixtures.fixture(TestFixtures.RESTAURANT).replace("\"polyScore\": 8.5", "\"polyScore\": 9"));
    assertNotEquals(conversation, other);
  }

  @Test
  void toStringIsShortAndNamesTheConversation() {
    String text = conversation.toString();
    assertTrue(text.startsWith("Conversation{conversationId=" + CONVERSATION_ID), text);
    assertTrue(text.contains("turns=5"), text);
    assertTrue(text.length() < 400, text);
  }
}
