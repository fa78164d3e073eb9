package ai.poly.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A conversation with everything the service records about it: the summary fields, the {@link
 * #turns()}, the {@link #metrics()} and the {@link #functionEvents()}. Immutable.
 *
 * <p>Read leniently from responses that do not always match the published spec: see {@link
 * ConversationSummary}. Parts of {@code metrics} or {@code functionEvents} in an unknown shape are
 * skipped and the whole raw member is kept in {@link #additionalProperties()}.
 */
public final class Conversation extends ConversationSummary {
  private final List<Turn> turns;
  private final Map<String, List<MetricSample>> metrics;
  private final List<FunctionEvent> functionEvents;

  private Conversation(
      Reader reader,
      List<Turn> turns,
      Map<String, List<MetricSample>> metrics,
      List<FunctionEvent> functionEvents,
      Map<String, @Nullable Object> additionalProperties) {
    super(reader, additionalProperties);
    this.turns = turns;
    this.metrics = metrics;
    this.functionEvents = functionEvents;
  }

  /** Reads a conversation from its JSON members. */
  static Conversation read(Map<?, ?> members) {
    Fields fields = new Fields();
    Reader reader = new Reader("conversation");
    List<Turn> turns = Collections.emptyList();
    Map<String, List<MetricSample>> metrics = Collections.emptyMap();
    List<FunctionEvent> functionEvents = Collections.emptyList();
    for (Map.Entry<?, ?> entry : members.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      if (reader.read(key, value, fields)) {
        continue;
      }
      switch (key) {
        case "turns":
          turns = turns(key, value, fields);
          break;
        case "metrics":
          metrics = metrics(key, value, fields);
          break;
        case "functionEvents":
          functionEvents = functionEvents(key, value, fields);
          break;
        default:
          fields.keep(key, value);
      }
    }
    return new Conversation(reader, turns, metrics, functionEvents, fields.extras());
  }

  /**
   * A conversation from its parts, read elsewhere ({@link ConversationJson}).
   *
   * @throws MissingFieldException if {@code reader} lacks one of the ids
   */
  static Conversation of(
      Reader reader,
      List<Turn> turns,
      Map<String, List<MetricSample>> metrics,
      List<FunctionEvent> functionEvents,
      Map<String, @Nullable Object> additionalProperties) {
    return new Conversation(reader, turns, metrics, functionEvents, additionalProperties);
  }

  /** The turns from a raw value; anything but a list of objects is kept raw. */
  static List<Turn> turns(String key, @Nullable Object value, Fields fields) {
    if (value == null) {
      return Collections.emptyList();
    }
    if (!(value instanceof List)) {
      fields.keep(key, value);
      return Collections.emptyList();
    }
    List<?> items = (List<?>) value;
    List<Turn> turns = new ArrayList<>(items.size());
    boolean kept = false;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item instanceof Map) {
        turns.add(Turn.read(i, (Map<?, ?>) item));
      } else if (item != null && GeneratedModels.isModel(item.getClass())) {
        turns.add(Turn.read(i, GeneratedModels.toMembers(item)));
      } else if (!kept) {
        fields.keep(key, value); // The other turns keep their positions as their index.
        kept = true;
      }
    }
    return Collections.unmodifiableList(turns);
  }

  /**
   * The live shape is metric name to a list of {@code {"timestamp", "value"}} samples; an older one
   * is name to a string or a list of strings.
   */
  static Map<String, List<MetricSample>> metrics(
      String key, @Nullable Object value, Fields fields) {
    if (value == null) {
      return Collections.emptyMap();
    }
    if (!(value instanceof Map)) {
      fields.keep(key, value);
      return Collections.emptyMap();
    }
    Map<String, List<MetricSample>> metrics = new LinkedHashMap<>();
    boolean unreadable = false;
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      Object samplesValue = entry.getValue();
      List<?> items =
          samplesValue instanceof List
              ? (List<?>) samplesValue
              : Collections.singletonList(samplesValue);
      List<MetricSample> samples = new ArrayList<>(items.size());
      for (Object item : items) {
        MetricSample sample = sample(item);
        if (sample == null) {
          unreadable = true;
        } else {
          samples.add(sample);
        }
      }
      metrics.put(String.valueOf(entry.getKey()), Collections.unmodifiableList(samples));
    }
    if (unreadable) {
      fields.keep(key, value);
    }
    return Collections.unmodifiableMap(metrics);
  }

  /** The sample {@code item} of a metric's list denotes, or null where it is not one. */
  static @Nullable MetricSample sample(@Nullable Object item) {
    String plain = scalarText(item);
    if (plain != null) {
      return MetricSample.of(null, plain);
    }
    if (!(item instanceof Map)) {
      return null;
    }
    Map<?, ?> map = (Map<?, ?>) item;
    return sample(map.get("value"), map.get("timestamp"));
  }

  /** The sample an object of these {@code value} and {@code timestamp} members denotes, or null. */
  static @Nullable MetricSample sample(@Nullable Object value, @Nullable Object timestamp) {
    String text = scalarText(value);
    Instant at = timestamp instanceof String ? Timestamps.parse((String) timestamp) : null;
    if (text == null || (timestamp != null && at == null)) {
      return null;
    }
    return MetricSample.of(at, text);
  }

  private static @Nullable String scalarText(@Nullable Object value) {
    if (value instanceof String) {
      return (String) value;
    } else if (value instanceof Number) {
      return Numbers.text((Number) value);
    } else if (value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }

  /** The live shape is turn number (a string key) to a list of events; a plain list is read too. */
  static List<FunctionEvent> functionEvents(String key, @Nullable Object value, Fields fields) {
    if (value == null) {
      return Collections.emptyList();
    }
    List<FunctionEvent> events = new ArrayList<>();
    boolean unreadable = false;
    if (value instanceof List) {
      unreadable = addEvents(null, (List<?>) value, events);
    } else if (value instanceof Map) {
      TreeMap<Integer, List<List<?>>> byTurn = new TreeMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        Integer turn = turnNumber(String.valueOf(entry.getKey()));
        if (turn == null || !(entry.getValue() instanceof List)) {
          unreadable = true;
          continue;
        }
        List<List<?>> lists = byTurn.get(turn);
        if (lists == null) {
          lists = new ArrayList<>(1);
          byTurn.put(turn, lists);
        } else {
          unreadable = true; // Two keys for one turn ("1" and "01"): both read, and kept raw.
        }
        lists.add((List<?>) entry.getValue());
      }
      for (Map.Entry<Integer, List<List<?>>> entry : byTurn.entrySet()) {
        for (List<?> items : entry.getValue()) {
          unreadable |= addEvents(entry.getKey(), items, events);
        }
      }
    } else {
      unreadable = true;
    }
    if (unreadable) {
      fields.keep(key, value);
    }
    return Collections.unmodifiableList(events);
  }

  private static boolean addEvents(
      @Nullable Integer turn, List<?> items, List<FunctionEvent> events) {
    boolean unreadable = false;
    for (Object item : items) {
      if (item instanceof Map) {
        events.add(FunctionEvent.read(turn, (Map<?, ?>) item));
      } else {
        unreadable = true;
      }
    }
    return unreadable;
  }

  /** The turn number a {@code functionEvents} key names, or null. */
  static @Nullable Integer turnNumber(String key) {
    try {
      return Integer.valueOf(key.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@return the turns in the order the service lists them; empty when none} */
  public List<Turn> turns() {
    return turns;
  }

  /**
   * {@return metrics by name (e.g. {@code CALL_DURATION}), each with its recorded samples in order;
   * empty when none}
   */
  public Map<String, List<MetricSample>> metrics() {
    return metrics;
  }

  /** {@return every function event, ordered by turn number; empty when none} */
  public List<FunctionEvent> functionEvents() {
    return functionEvents;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!super.equals(o)) {
      return false;
    }
    Conversation that = (Conversation) o;
    return turns.equals(that.turns)
        && metrics.equals(that.metrics)
        && functionEvents.equals(that.functionEvents);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), turns, metrics, functionEvents);
  }

  @Override
  String extraToString() {
    return ", turns=" + turns.size() + ", functionEvents=" + functionEvents.size();
  }
}
