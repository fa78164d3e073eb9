package ai.poly.data;

import static ai.poly.data.TestFixtures.parseConversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way the live service departs from the spec, read without failing or losing data. */
class LeniencyTest {
  private static final String IDS = "\"conversationId\": \"C1\", \"accountId\": \"A1\", \"projectId\": \"P1\"";

  private static Conversation conversation(String members) {
    return parseConversation("{" + IDS + (members.isEmpty() ? "" : ", " + members) + "}");
  }

  private static Turn turn(String members) {
    return conversation("\"turns\": [{" + members + "}]").turns().get(0);
  }

  @Test
  void absentOptionalFieldsReadAsNullOrEmpty() {
    Conversation c = conversation("");
    assertEquals("C1", c.conversationId());
    assertNull(c.startedAt());
    assertNull(c.channel());
    assertNull(c.totalDuration());
    assertNull(c.inProgress());
    assertNull(c.polyScore());
    assertNull(c.shortSummary());
    assertEquals(Collections.emptyList(), c.tags());
    assertEquals(Collections.emptyList(), c.turns());
    assertEquals(Collections.emptyMap(), c.metrics());
    assertEquals(Collections.emptyList(), c.functionEvents());
    assertEquals(Collections.emptyMap(), c.additionalProperties());
  }

  @Test
  void nullOptionalFieldsReadAsNullOrEmpty() {
    Conversation c =
        conversation(
            "\"createdAt\": null, \"channel\": null, \"totalDuration\": null, \"handoff\": null,"
                + " \"tags\": null, \"polyScore\": null, \"shortSummary\": null, \"turns\": null,"
                + " \"metrics\": null, \"functionEvents\": null");
    assertNull(c.createdAt());
    assertNull(c.channel());
    assertNull(c.totalDuration());
    assertNull(c.handoff());
    assertNull(c.polyScore());
    assertNull(c.shortSummary());
    assertEquals(Collections.emptyList(), c.tags());
    assertEquals(Collections.emptyList(), c.turns());
    assertEquals(Collections.emptyMap(), c.metrics());
    assertEquals(Collections.emptyList(), c.functionEvents());
    assertEquals(Collections.emptyMap(), c.additionalProperties());
  }

  @Test
  void fieldOfUnexpectedTypeReadsAsAbsentAndKeepsItsRawValue() {
    Conversation c =
        conversation(
            "\"channel\": 7, \"totalDuration\": \"147s\", \"tags\": [\"a\", 1], \"inProgress\": \"no\","
                + " \"polyScore\": {\"v\": 1}, \"direction\": \"inbound\"");
    assertNull(c.channel());
    assertNull(c.totalDuration());
    assertEquals(Collections.emptyList(), c.tags());
    assertNull(c.inProgress());
    assertNull(c.polyScore());
    assertEquals("inbound", c.direction());
    Map<String, Object> raw = c.additionalProperties();
    assertEquals(7L, raw.get("channel"));
    assertEquals("147s", raw.get("totalDuration"));
    assertEquals(Arrays.asList("a", 1L), raw.get("tags"));
    assertEquals("no", raw.get("inProgress"));
    assertEquals(Collections.singletonMap("v", 1L), raw.get("polyScore"));
  }

  @Test
  void unknownMembersAreKeptNotRejected() {
    Conversation c = conversation("\"sentiment\": \"positive\", \"scores\": {\"csat\": 4}");
    assertEquals("positive", c.additionalProperties().get("sentiment"));
    assertEquals(Collections.singletonMap("csat", 4L), c.additionalProperties().get("scores"));
  }

  @Test
  void timestampWithOffsetAndNineFractionalDigitsParses() {
    Conversation c = conversation("\"startedAt\": \"2026-06-03T14:18:06.123456789+01:00\"");
    assertEquals(Instant.parse("2026-06-03T13:18:06.123456789Z"), c.startedAt());
  }

  @Test
  void timestampWithoutOffsetIsUtc() {
    Conversation c = conversation("\"finishedAt\": \"2026-06-03T13:19:19.757917\"");
    assertEquals(Instant.parse("2026-06-03T13:19:19.757917Z"), c.finishedAt());
  }

  @Test
  void timestampInRfc1123Parses() {
    Conversation c = conversation("\"createdAt\": \"Wed, 03 Jun 2026 13:18:09 GMT\"");
    assertEquals(Instant.parse("2026-06-03T13:18:09Z"), c.createdAt());
  }

  @Test
  void unreadableTimestampReadsAsAbsentAndKeepsItsRawValue() {
    Conversation c = conversation("\"createdAt\": \"yesterday\"");
    assertNull(c.createdAt());
    assertEquals("yesterday", c.additionalProperties().get("createdAt"));
  }

  @Test
  void shortSummaryAsObjectKeepsHeading() {
    Summary summary = conversation("\"shortSummary\": {\"heading\": \"H\", \"content\": \"C\"}").shortSummary();
    assertEquals(Summary.of("H", "C"), summary);
  }

  @Test
  void shortSummaryAsPlainStringIsTheContent() {
    Summary summary = conversation("\"shortSummary\": \"Caller booked a table.\"").shortSummary();
    assertEquals(Summary.of(null, "Caller booked a table."), summary);
  }

  @Test
  void shortSummaryAsStringHoldingAnObjectIsUnwrapped() {
    Summary summary =
        conversation("\"shortSummary\": \"{\\\"heading\\\": \\\"H\\\", \\\"content\\\": \\\"C\\\"}\"")
            .shortSummary();
    assertEquals(Summary.of("H", "C"), summary);
  }

  @Test
  void shortSummaryStartingWithABraceButNotJsonIsTheContent() {
    Summary summary = conversation("\"shortSummary\": \"{not json\"").shortSummary();
    assertEquals(Summary.of(null, "{not json"), summary);
  }

  @ParameterizedTest
  @ValueSource(strings = {"conversationId", "accountId", "projectId"})
  void missingRequiredIdFailsNamingIt(String field) {
    String json = "{" + IDS.replace("\"" + field + "\"", "\"renamed\"") + "}";
    MissingFieldException e = assertThrows(MissingFieldException.class, () -> parseConversation(json));
    assertEquals("conversation has no " + field, e.getMessage());
  }

  @Test
  void requiredIdOfWrongTypeCountsAsMissing() {
    String json = "{" + IDS.replace("\"C1\"", "17") + "}";
    MissingFieldException e = assertThrows(MissingFieldException.class, () -> parseConversation(json));
    assertEquals("conversation has no conversationId", e.getMessage());
  }

  @Test
  void latencyAsSecondsNumber() {
    assertEquals(Duration.ofMillis(1500), turn("\"latency\": 1.5").latency());
  }

  @Test
  void latencyAsObjectUsesPerceivedLatencyAndKeepsTheObject() {
    Turn turn = turn("\"latency\": {\"label\": \"slow\", \"perceived_latency\": 2.25, \"perceived_latency_percentile_1d\": 0.9}");
    assertEquals(Duration.ofMillis(2250), turn.latency());
    assertEquals("slow", ((Map<?, ?>) turn.additionalProperties().get("latency")).get("label"));
  }

  @Test
  void latencyObjectWithoutPerceivedLatencyReadsAsAbsent() {
    Turn turn = turn("\"latency\": {\"label\": null}");
    assertNull(turn.latency());
    assertEquals(Collections.singletonMap("label", null), turn.additionalProperties().get("latency"));
  }

  @Test
  void turnKeysOfUnexpectedTypeReadAsAbsentAndKeepRawValues() {
    Turn turn =
        turn(
            "\"user_input\": 42, \"agent_response\": \"Hello\", \"is_silence\": \"yes\","
                + " \"intents\": \"greet\", \"user_input_datetime\": 1700000000");
    assertNull(turn.userInput());
    assertEquals("Hello", turn.agentResponse());
    assertNull(turn.isSilence());
    assertEquals(Collections.emptyList(), turn.intents());
    assertNull(turn.userInputAt());
    assertEquals(42L, turn.additionalProperties().get("user_input"));
    assertEquals("yes", turn.additionalProperties().get("is_silence"));
    assertEquals("greet", turn.additionalProperties().get("intents"));
    assertEquals(1700000000L, turn.additionalProperties().get("user_input_datetime"));
  }

  @Test
  void nullTurnKeysReadAsNullAndAreNotKept() {
    Turn turn =
        turn(
            "\"user_input\": null, \"latency\": null, \"intents\": null, \"entities\": null,"
                + " \"is_ood\": null, \"is_silence\": null");
    assertNull(turn.userInput());
    assertNull(turn.latency());
    assertEquals(Collections.emptyList(), turn.intents());
    assertEquals(Collections.emptyList(), turn.entities());
    assertNull(turn.isOutOfDomain());
    assertEquals(Collections.emptyMap(), turn.additionalProperties());
  }

  @Test
  void entitiesWithStringAndListValues() {
    Turn turn = turn("\"entities\": [{\"size\": \"2\"}, {\"date\": [\"today\", \"Friday\"], \"time\": \"19:30\"}]");
    assertEquals(
        Arrays.asList(
            Entity.of("size", Collections.singletonList("2")),
            Entity.of("date", Arrays.asList("today", "Friday")),
            Entity.of("time", Collections.singletonList("19:30"))),
        turn.entities());
    assertEquals(Collections.emptyMap(), turn.additionalProperties());
  }

  @Test
  void entityOfUnexpectedShapeIsSkippedAndTheRawListKept() {
    Turn turn = turn("\"entities\": [{\"size\": 2}, {\"time\": \"19:30\"}]");
    assertEquals(Collections.singletonList(Entity.of("time", Collections.singletonList("19:30"))), turn.entities());
    assertTrue(turn.additionalProperties().containsKey("entities"));
  }

  @Test
  void nonObjectTurnIsSkippedAndOtherTurnsKeepTheirIndex() {
    Conversation c = conversation("\"turns\": [{\"user_input\": \"a\"}, \"garbage\", {\"user_input\": \"c\"}]");
    assertEquals(2, c.turns().size());
    assertEquals(0, c.turns().get(0).index());
    assertEquals(2, c.turns().get(1).index());
    assertEquals("c", c.turns().get(1).userInput());
    assertTrue(c.additionalProperties().containsKey("turns"));
  }

  @Test
  void largeTurnIdStaysExact() {
    Turn turn = turn("\"turn_id\": 1234567890123456789");
    assertEquals(1234567890123456789L, turn.additionalProperties().get("turn_id"));
  }

  @Test
  void metricsInTheOlderStringShape() {
    Conversation c = conversation("\"metrics\": {\"CALL_DURATION\": \"73\", \"INTENTS\": [\"a\", \"b\"]}");
    assertEquals(Collections.singletonList(MetricSample.of(null, "73")), c.metrics().get("CALL_DURATION"));
    assertEquals(
        Arrays.asList(MetricSample.of(null, "a"), MetricSample.of(null, "b")), c.metrics().get("INTENTS"));
    assertEquals(Collections.emptyMap(), c.additionalProperties());
  }

  @Test
  void metricSampleWithNumericValueKeepsItsText() {
    Conversation c = conversation("\"metrics\": {\"TURNS\": [{\"timestamp\": null, \"value\": 4}]}");
    assertEquals(Collections.singletonList(MetricSample.of(null, "4")), c.metrics().get("TURNS"));
  }

  @Test
  void unreadableMetricSampleIsSkippedAndTheRawMetricsKept() {
    Conversation c =
        conversation(
            "\"metrics\": {\"OK\": [{\"timestamp\": \"2026-06-03T13:19:19\", \"value\": \"1\"}],"
                + " \"ODD\": [{\"value\": {\"x\": 1}}]}");
    assertEquals("1", c.metrics().get("OK").get(0).value());
    assertEquals(Collections.emptyList(), c.metrics().get("ODD"));
    assertTrue(c.additionalProperties().containsKey("metrics"));
  }

  @Test
  void functionEventsAreOrderedByTurnNumberNotByKeyText() {
    Conversation c =
        conversation(
            "\"functionEvents\": {\"10\": [{\"name\": \"late\"}], \"2\": [{\"name\": \"early\"},"
                + " {\"name\": \"early2\"}]}");
    List<FunctionEvent> events = c.functionEvents();
    assertEquals(Arrays.asList("early", "early2", "late"), Arrays.asList(events.get(0).name(), events.get(1).name(), events.get(2).name()));
    assertEquals(10, events.get(2).turnNumber());
  }

  @Test
  void functionEventErrorObjectBecomesItsJsonText() {
    Conversation c = conversation("\"functionEvents\": {\"1\": [{\"error\": {\"code\": 5}}]}");
    assertEquals("{\"code\":5}", c.functionEvents().get(0).error());
  }

  @Test
  void functionEventUnderANonNumericKeyIsKeptRaw() {
    Conversation c = conversation("\"functionEvents\": {\"first\": [{\"name\": \"x\"}]}");
    assertEquals(Collections.emptyList(), c.functionEvents());
    assertTrue(c.additionalProperties().containsKey("functionEvents"));
  }
}
