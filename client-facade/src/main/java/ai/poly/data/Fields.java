package ai.poly.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the members of one JSON object into typed values, leniently: a value of an unexpected type
 * reads as absent and is kept, raw, among the {@link #extras()}, as are members the caller does not
 * model ({@link #keep}). One reader per object being read.
 */
final class Fields {
  private @Nullable Map<String, @Nullable Object> extras;

  /** Keeps a member raw. */
  void keep(String name, @Nullable Object value) {
    if (extras == null) {
      extras = new LinkedHashMap<>();
    }
    extras.put(name, value);
  }

  /** Members kept raw, unmodifiable, in the order read. */
  Map<String, @Nullable Object> extras() {
    return extras == null ? Collections.emptyMap() : Collections.unmodifiableMap(extras);
  }

  @Nullable String string(String name, @Nullable Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    keep(name, value);
    return null;
  }

  @Nullable Boolean bool(String name, @Nullable Object value) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    keep(name, value);
    return null;
  }

  @Nullable Double number(String name, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    Double number = Numbers.finiteDouble(value);
    if (number == null) {
      keep(name, value);
    }
    return number;
  }

  @Nullable Instant instant(String name, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    Instant instant = value instanceof String ? Timestamps.parse((String) value) : null;
    if (instant == null) {
      keep(name, value);
    }
    return instant;
  }

  /** A non-negative number of {@code unit}s (1 for seconds, 0.001 for milliseconds). */
  @Nullable Duration duration(String name, @Nullable Object value, double secondsPerUnit) {
    if (value == null) {
      return null;
    }
    Duration duration = duration(value, secondsPerUnit);
    if (duration == null) {
      keep(name, value);
    }
    return duration;
  }

  static @Nullable Duration duration(@Nullable Object value, double secondsPerUnit) {
    Long whole = Numbers.exactLong(value);
    if (whole != null && whole >= 0 && secondsPerUnit == 1) {
      return Duration.ofSeconds(whole);
    }
    if (whole != null && whole >= 0 && secondsPerUnit == 0.001) {
      return Duration.ofMillis(whole);
    }
    Double number = Numbers.finiteDouble(value);
    if (number == null || number < 0 || number * secondsPerUnit > Long.MAX_VALUE / 1e9) {
      return null;
    }
    return Duration.ofNanos(Math.round(number * secondsPerUnit * 1e9));
  }

  /** A list of strings; any other element makes the whole list read as absent (empty). */
  List<String> strings(String name, @Nullable Object value) {
    if (value == null) {
      return Collections.emptyList();
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      // By index, without two iterators: every list here is array-backed, read by JsonValues or
      // built by GeneratedModels (fitList, plain).
      for (int i = 0, n = list.size(); i < n; i++) {
        if (!(list.get(i) instanceof String)) {
          keep(name, value);
          return Collections.emptyList();
        }
      }
      @SuppressWarnings("unchecked") // Every element is a String.
      List<String> strings = (List<String>) list;
      return list.getClass() == JsonValues.LIST // Plain, unmodifiable, and held by nothing else.
          ? strings
          : Collections.unmodifiableList(new ArrayList<>(strings));
    }
    keep(name, value);
    return Collections.emptyList();
  }

  /** An object; anything else reads as absent. */
  @SuppressWarnings("unchecked")
  @Nullable Map<String, @Nullable Object> object(String name, @Nullable Object value) {
    if (value == null || value instanceof Map) {
      return (Map<String, @Nullable Object>) value;
    }
    keep(name, value);
    return null;
  }
}
