package ai.poly.data.bench.limit;

import ai.poly.data.bench.values.RefConversation;
import ai.poly.data.bench.values.RefEntity;
import ai.poly.data.bench.values.RefEvent;
import ai.poly.data.bench.values.RefPage;
import ai.poly.data.bench.values.RefSample;
import ai.poly.data.bench.values.RefSummary;
import ai.poly.data.bench.values.RefTurn;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
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
import okio.Buffer;

/**
 * The limit: a hand-written streaming reader of the live response shapes, straight from the tokens
 * to typed values in one pass, with one static {@link JsonReader.Options} per object and {@code
 * selectName}. It reads every field the client exposes, keeps every other member as a plain value
 * (integers as Long, as the client does), and reads the service's ISO and RFC 1123 timestamps by
 * hand as the client does (other layouts with java.time, as the client does too). What it leaves
 * out is the client's leniency: a member of an unexpected type fails the whole response.
 */
public final class LimitJson {
  private static final JsonReader.Options CONVERSATION =
      JsonReader.Options.of(
          "conversationId", "accountId", "projectId", "createdAt", "startedAt", "finishedAt",
          "channel", "fromNumber", "toNumber", "language", "variantId", "clientEnv",
          "totalDuration", "polyaiDuration", "duration", "inProgress", "handoff",
          "handoffDestination", "handoffReason", "direction", "tags", "polyScore", "shortSummary",
          "deploymentId", "note", "audioUrl", "turns", "metrics", "functionEvents");
  private static final JsonReader.Options TURN =
      JsonReader.Options.of(
          "user_input", "user_input_dtmf", "user_input_datetime", "agent_response",
          "agent_response_datetime", "latency", "translated_user_input", "english_agent_response",
          "intents", "entities", "is_ood", "is_silence");
  private static final JsonReader.Options EVENT =
      JsonReader.Options.of(
          "id", "name", "function_id", "start_time", "duration", "arguments", "error", "utterance",
          "handoff");
  private static final JsonReader.Options SAMPLE = JsonReader.Options.of("timestamp", "value");
  private static final JsonReader.Options PAGE =
      JsonReader.Options.of("conversations", "count", "limit", "offset");
  private static final JsonReader.Options SHORT_SUMMARY = JsonReader.Options.of("heading", "content");

  private LimitJson() {}

  /** Reads a conversation detail. */
  public static RefConversation conversation(JsonReader r) throws IOException {
    Summary s = new Summary();
    List<RefTurn> turns = List.of();
    Map<String, List<RefSample>> metrics = Map.of();
    List<RefEvent> events = List.of();
    r.beginObject();
    while (r.hasNext()) {
      int index = r.selectName(CONVERSATION);
      if (index == 26) {
        turns = r.peek() == JsonReader.Token.NULL ? r.nextNull() : turns(r);
      } else if (index == 27) {
        metrics = r.peek() == JsonReader.Token.NULL ? r.nextNull() : metrics(r);
      } else if (index == 28) {
        events = r.peek() == JsonReader.Token.NULL ? r.nextNull() : events(r);
      } else {
        s.read(index, r);
      }
    }
    r.endObject();
    return new RefConversation(
        s.build(), turns == null ? List.of() : turns, metrics == null ? Map.of() : metrics,
        events == null ? List.of() : events);
  }

  /** Reads a page of a conversation listing. */
  public static RefPage page(JsonReader r) throws IOException {
    List<RefSummary> conversations = new ArrayList<>();
    int count = 0;
    int limit = 0;
    int offset = 0;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PAGE)) {
        case 0:
          r.beginArray();
          while (r.hasNext()) {
            Summary s = new Summary();
            r.beginObject();
            while (r.hasNext()) {
              s.read(r.selectName(CONVERSATION), r);
            }
            r.endObject();
            conversations.add(s.build());
          }
          r.endArray();
          break;
        case 1:
          count = r.nextInt();
          break;
        case 2:
          limit = r.nextInt();
          break;
        case 3:
          offset = r.nextInt();
          break;
        default:
          r.skipName();
          r.skipValue();
      }
    }
    r.endObject();
    return new RefPage(Collections.unmodifiableList(conversations), count, limit, offset);
  }

  /** The summary members of a conversation object, shared by details and listings. */
  private static final class Summary {
    String conversationId;
    String accountId;
    String projectId;
    String channel;
    String fromNumber;
    String toNumber;
    String language;
    String variantId;
    String clientEnv;
    String handoffDestination;
    String handoffReason;
    String direction;
    String deploymentId;
    String note;
    String audioUrl;
    String heading;
    String content;
    Instant createdAt;
    Instant startedAt;
    Instant finishedAt;
    Duration totalDuration;
    Duration polyaiDuration;
    Duration duration;
    Boolean inProgress;
    Boolean handoff;
    Double polyScore;
    List<String> tags = List.of();
    Map<String, Object> extras = Map.of();

    void read(int index, JsonReader r) throws IOException {
      if (index < 0 || index > 25) {
        if (extras.isEmpty()) {
          extras = new LinkedHashMap<>();
        }
        String name = index < 0 ? r.nextName() : CONVERSATION.strings().get(index);
        extras.put(name, value(r));
        return;
      }
      if (r.peek() == JsonReader.Token.NULL) {
        r.skipValue();
        return;
      }
      switch (index) {
        case 0 -> conversationId = r.nextString();
        case 1 -> accountId = r.nextString();
        case 2 -> projectId = r.nextString();
        case 3 -> createdAt = offsetTime(r.nextString());
        case 4 -> startedAt = offsetTime(r.nextString());
        case 5 -> finishedAt = offsetTime(r.nextString());
        case 6 -> channel = r.nextString();
        case 7 -> fromNumber = r.nextString();
        case 8 -> toNumber = r.nextString();
        case 9 -> language = r.nextString();
        case 10 -> variantId = r.nextString();
        case 11 -> clientEnv = r.nextString();
        case 12 -> totalDuration = Duration.ofSeconds(r.nextLong());
        case 13 -> polyaiDuration = Duration.ofSeconds(r.nextLong());
        case 14 -> duration = Duration.ofSeconds(r.nextLong());
        case 15 -> inProgress = r.nextBoolean();
        case 16 -> handoff = r.nextBoolean();
        case 17 -> handoffDestination = r.nextString();
        case 18 -> handoffReason = r.nextString();
        case 19 -> direction = r.nextString();
        case 20 -> tags = strings(r);
        case 21 -> polyScore = r.nextDouble();
        case 22 -> shortSummary(r);
        case 23 -> deploymentId = r.nextString();
        case 24 -> note = r.nextString();
        default -> audioUrl = r.nextString();
      }
    }

    /** An object, a plain string, or a string holding the object. */
    private void shortSummary(JsonReader r) throws IOException {
      if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
        summaryObject(r);
        return;
      }
      String text = r.nextString();
      if (text.trim().startsWith("{")) {
        summaryObject(JsonReader.of(new Buffer().writeUtf8(text)));
      } else {
        content = text;
      }
    }

    private void summaryObject(JsonReader r) throws IOException {
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(SHORT_SUMMARY)) {
          case 0 -> heading = r.nextString();
          case 1 -> content = r.nextString();
          default -> {
            r.skipName();
            r.skipValue();
          }
        }
      }
      r.endObject();
    }

    RefSummary build() {
      return new RefSummary(
          conversationId, accountId, projectId, createdAt, startedAt, finishedAt, channel,
          fromNumber, toNumber, language, variantId, clientEnv, totalDuration, polyaiDuration,
          duration, inProgress, handoff, handoffDestination, handoffReason, direction, tags,
          polyScore, heading, content, deploymentId, note, audioUrl, extras);
    }
  }

  private static List<RefTurn> turns(JsonReader r) throws IOException {
    List<RefTurn> turns = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      turns.add(turn(turns.size(), r));
    }
    r.endArray();
    return Collections.unmodifiableList(turns);
  }

  private static RefTurn turn(int index, JsonReader r) throws IOException {
    String userInput = null;
    String userInputDtmf = null;
    String agentResponse = null;
    String translatedUserInput = null;
    String englishAgentResponse = null;
    Instant userInputAt = null;
    Instant agentResponseAt = null;
    Duration latency = null;
    List<String> intents = List.of();
    List<RefEntity> entities = List.of();
    Boolean outOfDomain = null;
    Boolean silence = null;
    Map<String, Object> extras = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      int field = r.selectName(TURN);
      if (field == -1) {
        extras.put(r.nextName(), value(r));
        continue;
      }
      if (r.peek() == JsonReader.Token.NULL) {
        r.skipValue();
        continue;
      }
      switch (field) {
        case 0 -> userInput = r.nextString();
        case 1 -> userInputDtmf = r.nextString();
        case 2 -> userInputAt = offsetTime(r.nextString());
        case 3 -> agentResponse = r.nextString();
        case 4 -> agentResponseAt = offsetTime(r.nextString());
        case 5 -> {
          if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
            // The live object: its perceived latency is the turn's latency, and it is kept whole.
            Object object = value(r);
            extras.put("latency", object);
            Object perceived = ((Map<?, ?>) object).get("perceived_latency");
            latency = perceived instanceof Number n ? seconds(n.doubleValue()) : null;
          } else {
            latency = seconds(r.nextDouble());
          }
        }
        case 6 -> translatedUserInput = r.nextString();
        case 7 -> englishAgentResponse = r.nextString();
        case 8 -> intents = strings(r);
        case 9 -> entities = entities(r);
        case 10 -> outOfDomain = r.nextBoolean();
        default -> silence = r.nextBoolean();
      }
    }
    r.endObject();
    return new RefTurn(
        index, userInput, userInputDtmf, userInputAt, agentResponse, agentResponseAt, latency,
        translatedUserInput, englishAgentResponse, intents, entities, outOfDomain, silence,
        extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(extras));
  }

  private static List<RefEntity> entities(JsonReader r) throws IOException {
    List<RefEntity> entities = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        List<String> values =
            r.peek() == JsonReader.Token.BEGIN_ARRAY ? strings(r) : List.of(r.nextString());
        entities.add(new RefEntity(name, values));
      }
      r.endObject();
    }
    r.endArray();
    return Collections.unmodifiableList(entities);
  }

  private static Map<String, List<RefSample>> metrics(JsonReader r) throws IOException {
    Map<String, List<RefSample>> metrics = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      List<RefSample> samples = new ArrayList<>();
      r.beginArray();
      while (r.hasNext()) {
        Instant timestamp = null;
        String value = null;
        r.beginObject();
        while (r.hasNext()) {
          switch (r.selectName(SAMPLE)) {
            case 0 -> timestamp = localTime(r.nextString());
            case 1 -> value = r.nextString();
            default -> {
              r.skipName();
              r.skipValue();
            }
          }
        }
        r.endObject();
        samples.add(new RefSample(timestamp, value));
      }
      r.endArray();
      metrics.put(name, Collections.unmodifiableList(samples));
    }
    r.endObject();
    return Collections.unmodifiableMap(metrics);
  }

  /** Turn number to a list of events, ordered by turn number. */
  private static List<RefEvent> events(JsonReader r) throws IOException {
    TreeMap<Integer, List<RefEvent>> byTurn = new TreeMap<>();
    r.beginObject();
    while (r.hasNext()) {
      Integer turn = Integer.valueOf(r.nextName().trim());
      List<RefEvent> events = new ArrayList<>();
      r.beginArray();
      while (r.hasNext()) {
        events.add(event(turn, r));
      }
      r.endArray();
      byTurn.put(turn, events);
    }
    r.endObject();
    List<RefEvent> events = new ArrayList<>();
    byTurn.values().forEach(events::addAll);
    return Collections.unmodifiableList(events);
  }

  @SuppressWarnings("unchecked")
  private static RefEvent event(Integer turn, JsonReader r) throws IOException {
    String id = null;
    String name = null;
    String functionId = null;
    String error = null;
    String utterance = null;
    Instant startTime = null;
    Duration duration = null;
    Map<String, Object> arguments = Map.of();
    Map<String, Object> handoff = null;
    Map<String, Object> extras = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      int field = r.selectName(EVENT);
      if (field == -1) {
        extras.put(r.nextName(), value(r));
        continue;
      }
      if (r.peek() == JsonReader.Token.NULL) {
        r.skipValue();
        continue;
      }
      switch (field) {
        case 0 -> id = r.nextString();
        case 1 -> name = r.nextString();
        case 2 -> functionId = r.nextString();
        case 3 -> startTime = rfc1123(r.nextString());
        case 4 -> duration = Duration.ofMillis(r.nextLong());
        case 5 -> arguments = (Map<String, Object>) value(r);
        case 6 -> error = r.nextString();
        case 7 -> utterance = r.nextString();
        default -> handoff = (Map<String, Object>) value(r);
      }
    }
    r.endObject();
    return new RefEvent(
        turn, id, name, functionId, startTime, duration, arguments, error, utterance, handoff,
        Collections.unmodifiableMap(extras));
  }

  private static List<String> strings(JsonReader r) throws IOException {
    List<String> strings = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      strings.add(r.nextString());
    }
    r.endArray();
    return Collections.unmodifiableList(strings);
  }

  /** A plain JSON value: Map, List, String, Boolean, Long for integers, Double, or null. */
  static Object value(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          map.put(r.nextName(), value(r));
        }
        r.endObject();
        return Collections.unmodifiableMap(map);
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          list.add(value(r));
        }
        r.endArray();
        return Collections.unmodifiableList(list);
      }
      case NUMBER -> {
        String literal = r.nextString();
        return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0
            ? (Object) Long.parseLong(literal)
            : (Object) Double.parseDouble(literal);
      }
      case STRING -> {
        return r.nextString();
      }
      case BOOLEAN -> {
        return r.nextBoolean();
      }
      default -> {
        return r.nextNull();
      }
    }
  }

  static Duration seconds(double seconds) {
    return seconds == Math.rint(seconds)
        ? Duration.ofSeconds((long) seconds)
        : Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /**
   * The service's ISO layout read by hand, {@code 2026-06-03T13:18:06.370000+00:00}, with the
   * fraction and offset optional; java.time's formatters allocate a map per parse. Any other
   * layout goes to java.time.
   */
  static Instant offsetTime(String text) {
    Instant instant = isoLayout(text);
    return instant != null ? instant : OffsetDateTime.parse(text).toInstant();
  }

  static Instant localTime(String text) {
    Instant instant = isoLayout(text);
    return instant != null ? instant : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
  }

  private static Instant isoLayout(String t) {
    int n = t.length();
    if (n < 19 || t.charAt(10) != 'T') {
      return null;
    }
    int end = 19;
    int nanos = 0;
    if (n > 19 && t.charAt(19) == '.') {
      for (end = 20; end < n && end < 29 && Character.isDigit(t.charAt(end)); end++) {
        nanos = nanos * 10 + t.charAt(end) - '0';
      }
      for (int scale = end - 20; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (end == n - 6) {
      int minutes = number(t, end + 1, end + 3) * 60 + number(t, end + 4, end + 6);
      offsetSeconds = (t.charAt(end) == '-' ? -60 : 60) * minutes;
    } else if (end != n && !(end == n - 1 && t.charAt(end) == 'Z')) {
      return null;
    }
    // Epoch seconds counted by hand, as the client counts them: no LocalDateTime, no offset cache.
    // Laxer than the client: an hour, minute, second or offset out of range is not checked, and an
    // impossible date (31 April) rolls over into the next month.
    long day = epochDay(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10));
    return Instant.ofEpochSecond(
        day * 86_400 + number(t, 11, 13) * 3_600 + number(t, 14, 16) * 60 + number(t, 17, 19)
            - offsetSeconds,
        nanos);
  }

  /**
   * Days since 1970-01-01 for a date in year 1 or later, counted by hand as the client counts them,
   * without the client's checks of the month and the day.
   */
  private static long epochDay(int year, int month, int day) {
    int y = month > 2 ? year : year - 1; // Years that start on 1 March end on a leap day.
    int monthFromMarch = month > 2 ? month - 3 : month + 9;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * monthFromMarch + 2) / 5 + day - 1
        - 719_468;
  }

  private static int number(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    return value;
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * The service's RFC 1123 layout read by hand, {@code Wed, 03 Jun 2026 13:18:09 GMT}, as the
   * client reads it (the formatter allocates about 1.4 kB per parse); any other goes to java.time.
   */
  static Instant rfc1123(String text) {
    int month = 0;
    while (month < 12 && !MONTHS.regionMatches(month * 3, text, 8, 3)) {
      month++;
    }
    if (month == 12 || text.length() != 29 || !text.endsWith(" GMT")) {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
    long day = epochDay(number(text, 12, 16), month + 1, number(text, 5, 7));
    return Instant.ofEpochSecond(
        day * 86_400 + number(text, 17, 19) * 3_600 + number(text, 20, 22) * 60
            + number(text, 23, 25));
  }
}
