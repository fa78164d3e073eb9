package ai.poly.data.testing;

import static ai.poly.data.testing.Http.get;
import static ai.poly.data.testing.Http.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FakeConversationTest {
  @Test
  void rendersTheLiveTopLevelShape() {
    FakeConversation conversation =
        FakeConversation.builder("CA-1")
            .accountId("ws-1")
            .projectId("PROJECT-1")
            .startedAt(Instant.parse("2026-03-02T10:00:00Z"))
            .tag("booking")
            .note("call back")
            .turn("", "Hello, how can I help?")
            .turn("a table for two", "Of course. What time?")
            .build();
    Map<?, ?> json = (Map<?, ?>) parse(conversation.toJson());
    assertEquals(
        List.of(
            "conversationId",
            "accountId",
            "projectId",
            "createdAt",
            "startedAt",
            "finishedAt",
            "channel",
            "fromNumber",
            "toNumber",
            "language",
            "variantId",
            "clientEnv",
            "totalDuration",
            "polyaiDuration",
            "duration",
            "inProgress",
            "handoff",
            "handoffDestination",
            "handoffReason",
            "direction",
            "tags",
            "polyScore",
            "shortSummary",
            "deploymentId",
            "note",
            "audioUrl",
            "turns",
            "metrics",
            "functionEvents"),
        List.copyOf(json.keySet()));
    assertEquals("CA-1", json.get("conversationId"));
    assertEquals("ws-1", json.get("accountId"));
    assertEquals("PROJECT-1", json.get("projectId"));
    assertEquals("2026-03-02T10:00:00.000000+00:00", json.get("createdAt"));
    assertEquals("2026-03-02T10:00:00.000000+00:00", json.get("startedAt"));
    assertEquals("2026-03-02T10:00:12.000000+00:00", json.get("finishedAt"));
    assertEquals("VOICE-SIP", json.get("channel"));
    assertEquals("inbound", json.get("direction"));
    assertEquals("en-GB", json.get("language"));
    assertEquals("live", json.get("clientEnv"));
    assertEquals(12.0, json.get("duration"));
    assertEquals(false, json.get("handoff"));
    assertEquals(List.of("booking"), json.get("tags"));
    assertEquals("call back", json.get("note"));
    assertEquals("conversations/CA-1/audio", json.get("audioUrl"));
    assertEquals(
        Map.of(
            "CALL_DURATION",
            List.of(Map.of("timestamp", "2026-03-02T10:00:12.000000", "value", "12"))),
        json.get("metrics"));
    assertEquals(Map.of(), json.get("functionEvents"));
  }

  @Test
  void rendersTurnsWithSnakeCaseKeysAndLatencyObjects() {
    FakeConversation conversation =
        FakeConversation.builder("CA-1")
            .startedAt(Instant.parse("2026-03-02T10:00:00Z"))
            .turn("", "Hello, how can I help?")
            .turn("a table for two", "Of course. What time?")
            .build();
    List<?> turns = (List<?>) ((Map<?, ?>) parse(conversation.toJson())).get("turns");
    assertEquals(2, turns.size());
    Map<?, ?> second = (Map<?, ?>) turns.get(1);
    assertEquals(
        List.of(
            "turn_id",
            "user_input",
            "user_input_dtmf",
            "user_input_datetime",
            "agent_response",
            "agent_response_datetime",
            "latency",
            "translated_user_input",
            "english_agent_response",
            "intents",
            "entities",
            "is_ood",
            "is_silence",
            "barge_in"),
        List.copyOf(second.keySet()));
    assertEquals("a table for two", second.get("user_input"));
    assertEquals("Of course. What time?", second.get("agent_response"));
    assertEquals("2026-03-02T10:00:06.000000+00:00", second.get("user_input_datetime"));
    assertEquals("2026-03-02T10:00:06.800000+00:00", second.get("agent_response_datetime"));
    Map<String, Object> latency = new HashMap<>();
    latency.put("label", null);
    latency.put("perceived_latency", 0.8);
    latency.put("perceived_latency_percentile_1d", null);
    assertEquals(latency, second.get("latency"));
    assertEquals(900000002.0, second.get("turn_id"));
    assertEquals("", ((Map<?, ?>) turns.get(0)).get("user_input"));
  }

  @Test
  void chatChannelHasNoDirection() {
    Map<?, ?> json =
        (Map<?, ?>) parse(FakeConversation.builder("CHAT-1").channel("WEBCHAT").build().toJson());
    assertEquals("WEBCHAT", json.get("channel"));
    assertNull(json.get("direction"));
    assertEquals(true, json.containsKey("direction"));
  }

  @Test
  void withoutRecordingHasNullAudioUrl() {
    Map<?, ?> json =
        (Map<?, ?>) parse(FakeConversation.builder("CA-1").recording(false).build().toJson());
    assertNull(json.get("audioUrl"));
    assertEquals(true, json.containsKey("audioUrl"));
  }

  @Test
  void isServedByTheFakeAsRendered() {
    FakeConversation conversation =
        FakeConversation.builder("CA-1").handoff(true).turn("hi", "hello").build();
    try (FakeDataApi fake = FakeDataApi.start()) {
      fake.addConversation("PROJECT-1", conversation);
      assertEquals(
          conversation.toJson().replaceAll("\\s", ""),
          get(fake, "v1/agents/PROJECT-1/conversations/CA-1").body().replaceAll("\\s", ""));
    }
  }

  @Test
  void newBuilderStartsFromTheConversation() {
    FakeConversation original = FakeConversation.builder("CA-1").tag("x").turn("a", "b").build();
    FakeConversation copy = original.newBuilder().build();
    assertEquals(original, copy);
    assertEquals(original.hashCode(), copy.hashCode());
    FakeConversation changed = original.newBuilder().conversationId("CA-2").build();
    assertEquals("CA-2", changed.conversationId());
    assertNotEquals(original, changed);
    assertEquals("FakeConversation{conversationId=CA-1, turns=1}", original.toString());
  }

  @Test
  void builderRejectsNulls() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> FakeConversation.builder(null));
    assertEquals("conversationId == null", e.getMessage());
    assertThrows(
        NullPointerException.class, () -> FakeConversation.builder("CA-1").turn(null, "x"));
  }
}
