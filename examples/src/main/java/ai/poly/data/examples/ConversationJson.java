package ai.poly.data.examples;

import ai.poly.data.Conversation;
import ai.poly.data.Entity;
import ai.poly.data.FunctionEvent;
import ai.poly.data.MetricSample;
import ai.poly.data.Summary;
import ai.poly.data.Turn;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * The typed conversation as JSON: every accessor under its own name, instants as ISO-8601 text and
 * durations as ISO-8601 durations ({@code PT2M27S}).
 */
final class ConversationJson {
  private static final JsonAdapter<Object> PLAIN = new Moshi.Builder().build().adapter(Object.class);

  private ConversationJson() {}

  static String write(Conversation c) throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setIndent("  ");
    writer.setSerializeNulls(true);
    writer.beginObject();
    writer.name("conversationId").value(c.conversationId());
    writer.name("accountId").value(c.accountId());
    writer.name("projectId").value(c.projectId());
    writer.name("createdAt").value(text(c.createdAt()));
    writer.name("startedAt").value(text(c.startedAt()));
    writer.name("finishedAt").value(text(c.finishedAt()));
    writer.name("channel").value(c.channel());
    writer.name("fromNumber").value(c.fromNumber());
    writer.name("toNumber").value(c.toNumber());
    writer.name("language").value(c.language());
    writer.name("variantId").value(c.variantId());
    writer.name("clientEnv").value(c.clientEnv());
    writer.name("totalDuration").value(text(c.totalDuration()));
    writer.name("polyaiDuration").value(text(c.polyaiDuration()));
    writer.name("duration").value(text(c.duration()));
    writer.name("inProgress").value(c.inProgress());
    writer.name("handoff").value(c.handoff());
    writer.name("handoffDestination").value(c.handoffDestination());
    writer.name("handoffReason").value(c.handoffReason());
    writer.name("direction").value(c.direction());
    writer.name("tags");
    value(writer, c.tags());
    writer.name("polyScore").value(c.polyScore());
    writer.name("shortSummary");
    Summary summary = c.shortSummary();
    if (summary == null) {
      writer.nullValue();
    } else {
      writer.beginObject().name("heading").value(summary.heading()).name("content").value(summary.content()).endObject();
    }
    writer.name("deploymentId").value(c.deploymentId());
    writer.name("note").value(c.note());
    writer.name("audioUrl").value(c.audioUrl());
    writer.name("turns").beginArray();
    for (Turn turn : c.turns()) {
      turn(writer, turn);
    }
    writer.endArray();
    writer.name("metrics").beginObject();
    for (Map.Entry<String, List<MetricSample>> metric : c.metrics().entrySet()) {
      writer.name(metric.getKey()).beginArray();
      for (MetricSample sample : metric.getValue()) {
        writer.beginObject().name("timestamp").value(text(sample.timestamp())).name("value").value(sample.value()).endObject();
      }
      writer.endArray();
    }
    writer.endObject();
    writer.name("functionEvents").beginArray();
    for (FunctionEvent event : c.functionEvents()) {
      event(writer, event);
    }
    writer.endArray();
    writer.name("additionalProperties");
    value(writer, c.additionalProperties());
    writer.endObject();
    return buffer.readUtf8();
  }

  private static void turn(JsonWriter writer, Turn turn) throws IOException {
    writer.beginObject();
    writer.name("index").value(turn.index());
    writer.name("userInput").value(turn.userInput());
    writer.name("userInputDtmf").value(turn.userInputDtmf());
    writer.name("userInputAt").value(text(turn.userInputAt()));
    writer.name("agentResponse").value(turn.agentResponse());
    writer.name("agentResponseAt").value(text(turn.agentResponseAt()));
    writer.name("latency").value(text(turn.latency()));
    writer.name("translatedUserInput").value(turn.translatedUserInput());
    writer.name("englishAgentResponse").value(turn.englishAgentResponse());
    writer.name("intents");
    value(writer, turn.intents());
    writer.name("entities").beginObject();
    for (Entity entity : turn.entities()) {
      writer.name(entity.name());
      value(writer, entity.values());
    }
    writer.endObject();
    writer.name("isOutOfDomain").value(turn.isOutOfDomain());
    writer.name("isSilence").value(turn.isSilence());
    writer.name("additionalProperties");
    value(writer, turn.additionalProperties());
    writer.endObject();
  }

  private static void event(JsonWriter writer, FunctionEvent event) throws IOException {
    writer.beginObject();
    writer.name("turnNumber").value(event.turnNumber());
    writer.name("id").value(event.id());
    writer.name("name").value(event.name());
    writer.name("functionId").value(event.functionId());
    writer.name("startTime").value(text(event.startTime()));
    writer.name("duration").value(text(event.duration()));
    writer.name("arguments");
    value(writer, event.arguments());
    writer.name("error").value(event.error());
    writer.name("utterance").value(event.utterance());
    writer.name("handoff");
    value(writer, event.handoff());
    writer.name("additionalProperties");
    value(writer, event.additionalProperties());
    writer.endObject();
  }

  /** Writes a plain JSON value (maps, lists, strings, numbers, booleans, null) with Moshi. */
  private static void value(JsonWriter writer, Object value) throws IOException {
    PLAIN.toJson(writer, value);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String text(Duration duration) {
    return duration == null ? null : duration.toString();
  }
}
