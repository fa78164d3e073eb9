package ai.poly.data;

import static ai.poly.data.HttpTestSupport.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.generated.model.DebugChatResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DebugChatReplyTest {
  /** Parses a response exactly as the client does: generated model first, then the facade. */
  private static DebugChatReply parse(String json) {
    try {
      DebugChatResponse model =
          GeneratedModels.moshi().adapter(DebugChatResponse.class).fromJson(json);
      return DebugChatReply.read(GeneratedModels.toMembers(model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DebugChatReply withMetadata(String metadata) {
    return parse(
        "{\"conversationId\": \"CHAT-1\", \"response\": \"Hi\", \"metadata\": " + metadata + "}");
  }

  @Test
  void readsEveryFieldOfAReply() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-response.json"));

    assertEquals("CHAT-2f4e6a8c-0b1d-4f3a-9c5e-7d9b1f3a5c7e", reply.conversationId());
    assertEquals("Can I book a table for four tomorrow at eight?", reply.userInput());
    assertEquals(
        "Of course: four guests tomorrow, the 15th, at 8pm. What name should I put the booking"
            + " under?",
        reply.response());
    assertFalse(reply.conversationEnded());
    assertFalse(reply.delayedResponse());
    assertEquals(4L, reply.state().get("party_size"));
    assertEquals("2026-10-15", reply.state().get("booking_date"));
    assertEquals(false, reply.state().get("caller_verified"));
    assertEquals(List.of(), reply.state().get("special_requests"));
    assertEquals("collect_name", reply.currentNode());
    assertEquals(
        List.of("greeting", "intent_router", "make_booking", "check_availability", "collect_name"),
        reply.nodeTrace());
    assertNull(reply.handoffDestination());
    assertEquals(List.of("Bookings", "Opening hours"), reply.retrievedTopics());
    assertEquals(
        List.of("kb://topics/bookings", "kb://topics/opening-hours"), reply.retrievedSources());
    assertEquals("Bookings", reply.citedTopic());
    assertEquals("make_booking", reply.inFlow());
    assertEquals("collect_name", reply.inStep());
    assertEquals("en-GB", reply.asrLangCode());
    assertEquals("en-GB", reply.ttsLangCode());
    assertEquals(Map.of(), reply.additionalMetadata());
    assertEquals(Map.of(), reply.additionalProperties());
  }

  @Test
  void readsMetricsAsTimedSamples() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-response.json"));

    assertEquals(
        List.of("LLM_LATENCY", "TOTAL_AGENT_TURNS"), List.copyOf(reply.metrics().keySet()));
    assertEquals(
        List.of(MetricSample.of(Instant.parse("2026-10-14T17:55:09.118402Z"), "0.842")),
        reply.metrics().get("LLM_LATENCY"));
  }

  @Test
  void readsFunctionEvents() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-response.json"));

    assertEquals(1, reply.functionEvents().size());
    FunctionEvent event = reply.functionEvents().get(0);
    assertNull(event.turnNumber());
    assertEquals("check_availability", event.name());
    assertEquals("FUNCTION-check-availability", event.functionId());
    assertEquals(Instant.parse("2026-10-14T17:55:08Z"), event.startTime());
    assertEquals(Duration.ofMillis(412), event.duration());
    assertEquals(4L, event.arguments().get("party_size"));
    assertEquals("collect_name", event.additionalProperties().get("transition"));
  }

  @Test
  void readsLlmRequestsWithExactIntegers() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-response.json"));

    assertEquals(1, reply.llmRequests().size());
    Map<String, Object> request = reply.llmRequests().get(0);
    assertEquals("raven-3", request.get("model"));
    assertEquals(1834L, request.get("prompt_tokens"));
    assertEquals(0.842, request.get("latency"));
    assertEquals(1234567890123456789L, request.get("turn_id"));
    assertTrue(request.containsKey("stop_reason"));
    assertNull(request.get("stop_reason"));
  }

  @Test
  void readsAnEndingReplyWithAHandoff() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-ended-response.json"));

    assertTrue(reply.conversationEnded());
    assertTrue(reply.delayedResponse());
    assertEquals("Front of house", reply.handoffDestination());
    assertEquals("handoff", reply.currentNode());
    assertNull(reply.citedTopic());
    assertNull(reply.inFlow());
    assertEquals(Map.of("party_size", 12L, "handoff_reason", "LARGE_PARTY"), reply.state());
    assertEquals(List.of(), reply.functionEvents());
    assertEquals(List.of(), reply.llmRequests());
    assertEquals(Map.of(), reply.additionalMetadata());
  }

  @Test
  void topLevelValuesOfTheWrongTypeReadAsAbsentAndAreKept() {
    DebugChatReply reply =
        parse(
            "{\"conversationId\": 7, \"userInput\": [\"hi\"], \"response\": 42,"
                + " \"conversationEnded\": \"yes\", \"delayedResponse\": 1}");

    assertNull(reply.conversationId());
    assertNull(reply.userInput());
    assertNull(reply.response());
    assertFalse(reply.conversationEnded());
    assertFalse(reply.delayedResponse());
    assertEquals(7L, reply.additionalProperties().get("conversationId"));
    assertEquals(List.of("hi"), reply.additionalProperties().get("userInput"));
    assertEquals(42L, reply.additionalProperties().get("response"));
    assertEquals("yes", reply.additionalProperties().get("conversationEnded"));
    assertEquals(1L, reply.additionalProperties().get("delayedResponse"));
  }

  @Test
  void metadataOfTheWrongTypeIsKeptWhole() {
    DebugChatReply reply = withMetadata("\"collect_name\"");

    assertEquals("Hi", reply.response());
    assertNull(reply.currentNode());
    assertEquals(Map.of(), reply.state());
    assertEquals("collect_name", reply.additionalProperties().get("metadata"));
    assertEquals(Map.of(), reply.additionalMetadata());
  }

  @Test
  void metadataValuesOfTheWrongTypeReadAsAbsentAndAreKept() {
    DebugChatReply reply =
        withMetadata(
            "{\"state\": [1], \"currentNode\": {\"id\": \"n\"}, \"nodeTrace\": [\"a\", 2],"
                + " \"metrics\": \"fast\", \"functionEvents\": [{\"name\": \"f\"}, 3],"
                + " \"handoffDestination\": false, \"retrievedTopics\": \"Bookings\","
                + " \"retrievedSources\": {}, \"citedTopic\": 1.5, \"inFlow\": [], \"inStep\":"
                + " true, \"llmRequests\": [{\"id\": \"r1\"}, \"r2\"], \"asrLangCode\": 1,"
                + " \"ttsLangCode\": {}}");

    assertEquals(Map.of(), reply.state());
    assertNull(reply.currentNode());
    assertEquals(List.of(), reply.nodeTrace());
    assertEquals(Map.of(), reply.metrics());
    assertEquals(1, reply.functionEvents().size());
    assertEquals("f", reply.functionEvents().get(0).name());
    assertNull(reply.handoffDestination());
    assertEquals(List.of(), reply.retrievedTopics());
    assertEquals(List.of(), reply.retrievedSources());
    assertNull(reply.citedTopic());
    assertNull(reply.inFlow());
    assertNull(reply.inStep());
    assertEquals(List.of(Map.of("id", "r1")), reply.llmRequests());
    assertNull(reply.asrLangCode());
    assertNull(reply.ttsLangCode());
    Map<String, Object> kept = reply.additionalMetadata();
    assertEquals(List.of(1L), kept.get("state"));
    assertEquals(Map.of("id", "n"), kept.get("currentNode"));
    assertEquals(List.of("a", 2L), kept.get("nodeTrace"));
    assertEquals("fast", kept.get("metrics"));
    assertEquals(List.of(Map.of("name", "f"), 3L), kept.get("functionEvents"));
    assertEquals(false, kept.get("handoffDestination"));
    assertEquals("Bookings", kept.get("retrievedTopics"));
    assertEquals(Map.of(), kept.get("retrievedSources"));
    assertEquals(1.5, kept.get("citedTopic"));
    assertEquals(List.of(), kept.get("inFlow"));
    assertEquals(true, kept.get("inStep"));
    assertEquals(List.of(Map.of("id", "r1"), "r2"), kept.get("llmRequests"));
    assertEquals(1L, kept.get("asrLangCode"));
    assertEquals(Map.of(), kept.get("ttsLangCode"));
    assertEquals(Map.of(), reply.additionalProperties());
  }

  @Test
  void functionEventsByTurnAreReadAsInAConversation() {
    DebugChatReply reply =
        withMetadata(
            "{\"functionEvents\": {\"2\": [{\"name\": \"b\"}], \"1\": [{\"name\": \"a\"}]}}");

    assertEquals(2, reply.functionEvents().size());
    assertEquals("a", reply.functionEvents().get(0).name());
    assertEquals(Integer.valueOf(1), reply.functionEvents().get(0).turnNumber());
    assertEquals("b", reply.functionEvents().get(1).name());
  }

  @Test
  void unknownMembersAreKept() {
    DebugChatReply reply =
        parse(
            "{\"conversationId\": \"CHAT-1\", \"response\": \"Hi\", \"traceId\": \"t-9\","
                + " \"metadata\": {\"currentNode\": \"start\", \"sentiment\": {\"score\": 0.5}}}");

    assertEquals("t-9", reply.additionalProperties().get("traceId"));
    assertEquals(Map.of("score", 0.5), reply.additionalMetadata().get("sentiment"));
    assertEquals("start", reply.currentNode());
  }

  @Test
  void nullsReadAsAbsent() {
    DebugChatReply reply =
        parse(
            "{\"conversationId\": null, \"userInput\": null, \"response\": null,"
                + " \"conversationEnded\": null, \"delayedResponse\": null, \"metadata\":"
                + " {\"state\": null, \"currentNode\": null, \"nodeTrace\": null, \"metrics\":"
                + " null, \"functionEvents\": null, \"retrievedTopics\": null,"
                + " \"retrievedSources\": null, \"llmRequests\": null}}");

    assertNull(reply.conversationId());
    assertNull(reply.response());
    assertFalse(reply.conversationEnded());
    assertEquals(Map.of(), reply.state());
    assertEquals(List.of(), reply.nodeTrace());
    assertEquals(Map.of(), reply.metrics());
    assertEquals(List.of(), reply.functionEvents());
    assertEquals(List.of(), reply.retrievedTopics());
    assertEquals(List.of(), reply.retrievedSources());
    assertEquals(List.of(), reply.llmRequests());
    assertEquals(Map.of(), reply.additionalMetadata());
    assertEquals(Map.of(), reply.additionalProperties());
  }

  @Test
  void emptyObjectReadsAsAnEmptyReply() {
    DebugChatReply reply = parse("{}");

    assertNull(reply.response());
    assertFalse(reply.conversationEnded());
    assertEquals(List.of(), reply.nodeTrace());
    assertEquals(Map.of(), reply.additionalProperties());
  }

  @Test
  void collectionsAreUnmodifiable() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-response.json"));

    assertThrows(UnsupportedOperationException.class, () -> reply.state().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> reply.nodeTrace().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> reply.llmRequests().clear());
    assertThrows(UnsupportedOperationException.class, () -> reply.llmRequests().get(0).clear());
    assertThrows(UnsupportedOperationException.class, () -> reply.metrics().clear());
    assertThrows(UnsupportedOperationException.class, () -> reply.functionEvents().clear());
    assertThrows(UnsupportedOperationException.class, () -> reply.retrievedTopics().clear());
  }

  @Test
  void equalRepliesAreEqual() {
    String json = resource("/payloads/debug-chat-response.json");
    DebugChatReply a = parse(json);
    DebugChatReply b = parse(json);

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, parse(json.replace("\"collect_name\",", "\"collect_surname\",")));
    assertNotEquals(a, parse(resource("/payloads/debug-chat-ended-response.json")));
    assertNotEquals(withMetadata("{\"x\": 1}"), withMetadata("{\"x\": 2}"));
  }

  @Test
  void toStringSummarisesTheReply() {
    DebugChatReply reply = parse(resource("/payloads/debug-chat-ended-response.json"));

    assertEquals(
        "DebugChatReply{response=Parties of more than ten need approval from our manager, so I'll"
            + " put you through to the front of house team now., conversationEnded=true,"
            + " delayedResponse=true, currentNode=handoff, inFlow=null, inStep=null,"
            + " functionEvents=0}",
        reply.toString());
  }
}
