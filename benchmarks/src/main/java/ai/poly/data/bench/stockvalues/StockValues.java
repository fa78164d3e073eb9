package ai.poly.data.bench.stockvalues;

import ai.poly.data.bench.stock.model.ConversationDetailResponse;
import ai.poly.data.bench.stock.model.ConversationSummaryResponse;
import ai.poly.data.bench.values.RefConversation;
import ai.poly.data.bench.values.RefEntity;
import ai.poly.data.bench.values.RefEvent;
import ai.poly.data.bench.values.RefSample;
import ai.poly.data.bench.values.RefSummary;
import ai.poly.data.bench.values.RefTurn;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The work a user of the stock client does to get typed values: its models type only the top level
 * (timestamps stay strings, {@code shortSummary} a string), and turns, metrics and function events
 * arrive as Gson's untyped trees, maps of Double numbers. This turns them into the same {@link
 * RefConversation} the limit reads, field for field what the client's {@code Conversation} has,
 * with integral numbers back to Long as the client keeps them.
 */
public final class StockValues {
  private StockValues() {}

  public static RefConversation conversation(ConversationDetailResponse c) {
    RefSummary summary =
        summary(
            c.getConversationId(), c.getAccountId(), c.getProjectId(), c.getCreatedAt(),
            c.getStartedAt(), c.getFinishedAt(), c.getChannel(), c.getFromNumber(), c.getToNumber(),
            c.getLanguage(), c.getVariantId(), c.getClientEnv(), c.getTotalDuration(),
            c.getPolyaiDuration(), c.getDuration(), c.getInProgress(), c.getHandoff(),
            c.getHandoffDestination(), c.getHandoffReason(), c.getDirection(), c.getTags(),
            c.getPolyScore(), c.getShortSummary(), c.getDeploymentId(), c.getNote(),
            c.getAudioUrl());
    return new RefConversation(
        summary, turns(c.getTurns()), metrics(c.getMetrics()), events(c.getFunctionEvents()));
  }

  public static RefSummary summary(ConversationSummaryResponse c) {
    return summary(
        c.getConversationId(), c.getAccountId(), c.getProjectId(), c.getCreatedAt(),
        c.getStartedAt(), c.getFinishedAt(), c.getChannel(), c.getFromNumber(), c.getToNumber(),
        c.getLanguage(), c.getVariantId(), c.getClientEnv(), c.getTotalDuration(),
        c.getPolyaiDuration(), c.getDuration(), c.getInProgress(), c.getHandoff(),
        c.getHandoffDestination(), c.getHandoffReason(), c.getDirection(), c.getTags(),
        c.getPolyScore(), c.getShortSummary(), c.getDeploymentId(), c.getNote(), c.getAudioUrl());
  }

  private static RefSummary summary(
      String conversationId, String accountId, String projectId, String createdAt,
      String startedAt, String finishedAt, String channel, String fromNumber, String toNumber,
      String language, String variantId, String clientEnv, Integer totalDuration,
      Integer polyaiDuration, Integer duration, Boolean inProgress, Boolean handoff,
      String handoffDestination, String handoffReason, String direction, List<String> tags,
      BigDecimal polyScore, String shortSummary, String deploymentId, String note,
      String audioUrl) {
    String heading = null;
    String content = shortSummary;
    if (shortSummary != null && shortSummary.trim().startsWith("{")) {
      JsonObject object = JsonParser.parseString(shortSummary).getAsJsonObject();
      heading = text(object.get("heading"));
      content = text(object.get("content"));
    }
    return new RefSummary(
        conversationId, accountId, projectId, offsetTime(createdAt), offsetTime(startedAt),
        offsetTime(finishedAt), channel, fromNumber, toNumber, language, variantId, clientEnv,
        seconds(totalDuration), seconds(polyaiDuration), seconds(duration), inProgress, handoff,
        handoffDestination, handoffReason, direction,
        tags == null ? List.of() : Collections.unmodifiableList(tags),
        polyScore == null ? null : polyScore.doubleValue(), heading, content, deploymentId, note,
        audioUrl, Map.of());
  }

  private static List<RefTurn> turns(List<Object> turns) {
    if (turns == null) {
      return List.of();
    }
    List<RefTurn> result = new ArrayList<>(turns.size());
    for (Object turn : turns) {
      result.add(turn(result.size(), (Map<?, ?>) turn));
    }
    return Collections.unmodifiableList(result);
  }

  @SuppressWarnings("unchecked")
  private static RefTurn turn(int index, Map<?, ?> m) {
    Map<String, Object> extras = new LinkedHashMap<>();
    Duration latency = null;
    for (Map.Entry<?, ?> entry : m.entrySet()) {
      String key = (String) entry.getKey();
      switch (key) {
        case "user_input", "user_input_dtmf", "user_input_datetime", "agent_response",
            "agent_response_datetime", "translated_user_input", "english_agent_response",
            "intents", "entities", "is_ood", "is_silence" -> {}
        case "latency" -> {
          Object value = entry.getValue();
          if (value instanceof Map<?, ?> object) {
            extras.put(key, plain(object));
            Object perceived = object.get("perceived_latency");
            latency = perceived instanceof Double d ? seconds(d) : null;
          } else if (value instanceof Double d) {
            latency = seconds(d);
          }
        }
        default -> extras.put(key, plain(entry.getValue()));
      }
    }
    List<RefEntity> entities = new ArrayList<>();
    List<Map<String, Object>> entityObjects = (List<Map<String, Object>>) m.get("entities");
    if (entityObjects != null) {
      for (Map<String, Object> object : entityObjects) {
        for (Map.Entry<String, Object> entity : object.entrySet()) {
          Object values = entity.getValue();
          entities.add(
              new RefEntity(
                  entity.getKey(),
                  values instanceof List
                      ? List.copyOf((List<String>) values)
                      : List.of((String) values)));
        }
      }
    }
    List<String> intents = (List<String>) m.get("intents");
    return new RefTurn(
        index,
        (String) m.get("user_input"),
        (String) m.get("user_input_dtmf"),
        offsetTime((String) m.get("user_input_datetime")),
        (String) m.get("agent_response"),
        offsetTime((String) m.get("agent_response_datetime")),
        latency,
        (String) m.get("translated_user_input"),
        (String) m.get("english_agent_response"),
        intents == null ? List.of() : List.copyOf(intents),
        Collections.unmodifiableList(entities),
        (Boolean) m.get("is_ood"),
        (Boolean) m.get("is_silence"),
        extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(extras));
  }

  private static Map<String, List<RefSample>> metrics(Object metrics) {
    if (metrics == null) {
      return Map.of();
    }
    Map<String, List<RefSample>> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> metric : ((Map<?, ?>) metrics).entrySet()) {
      List<RefSample> samples = new ArrayList<>();
      for (Object sample : (List<?>) metric.getValue()) {
        Map<?, ?> s = (Map<?, ?>) sample;
        samples.add(
            new RefSample(
                LocalDateTime.parse((String) s.get("timestamp")).toInstant(ZoneOffset.UTC),
                (String) s.get("value")));
      }
      result.put((String) metric.getKey(), Collections.unmodifiableList(samples));
    }
    return Collections.unmodifiableMap(result);
  }

  @SuppressWarnings("unchecked")
  private static List<RefEvent> events(Object functionEvents) {
    if (functionEvents == null) {
      return List.of();
    }
    TreeMap<Integer, List<?>> byTurn = new TreeMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) functionEvents).entrySet()) {
      byTurn.put(Integer.valueOf(((String) entry.getKey()).trim()), (List<?>) entry.getValue());
    }
    List<RefEvent> events = new ArrayList<>();
    for (Map.Entry<Integer, List<?>> turn : byTurn.entrySet()) {
      for (Object item : turn.getValue()) {
        Map<String, Object> e = (Map<String, Object>) item;
        Map<String, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : e.entrySet()) {
          switch (member.getKey()) {
            case "id", "name", "function_id", "start_time", "duration", "arguments", "error",
                "utterance", "handoff" -> {}
            default -> extras.put(member.getKey(), plain(member.getValue()));
          }
        }
        Object arguments = e.get("arguments");
        Object handoff = e.get("handoff");
        Double duration = (Double) e.get("duration");
        String startTime = (String) e.get("start_time");
        events.add(
            new RefEvent(
                turn.getKey(),
                (String) e.get("id"),
                (String) e.get("name"),
                (String) e.get("function_id"),
                startTime == null
                    ? null
                    : ZonedDateTime.parse(startTime, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant(),
                duration == null ? null : Duration.ofMillis(duration.longValue()),
                arguments == null ? Map.of() : (Map<String, Object>) plain(arguments),
                (String) e.get("error"),
                (String) e.get("utterance"),
                handoff == null ? null : (Map<String, Object>) plain(handoff),
                Collections.unmodifiableMap(extras)));
      }
    }
    return Collections.unmodifiableList(events);
  }

  /** Gson's untyped value with integral numbers as Long, as the client keeps them. */
  private static Object plain(Object value) {
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? (Object) d.longValue() : d;
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, plain(v)));
      return Collections.unmodifiableMap(copy);
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(plain(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static String text(JsonElement element) {
    return element == null || element.isJsonNull() ? null : element.getAsString();
  }

  private static Instant offsetTime(String text) {
    return text == null ? null : OffsetDateTime.parse(text).toInstant();
  }

  private static Duration seconds(Integer seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  private static Duration seconds(double seconds) {
    return seconds == Math.rint(seconds)
        ? Duration.ofSeconds((long) seconds)
        : Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
