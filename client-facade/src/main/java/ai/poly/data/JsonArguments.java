package ai.poly.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks and copies JSON objects that callers pass in (debug-chat integration attributes and
 * message metadata), so that a value the request could not carry fails before any request, and a
 * caller changing its map afterwards changes nothing here.
 */
final class JsonArguments {
  /**
   * Deeper nesting is refused. Real attributes are a level or two deep; a limit well below Moshi's
   * writer limit (255) turns a map that contains itself into a clear error, not a stack overflow.
   */
  static final int MAX_DEPTH = 64;

  private JsonArguments() {}

  /**
   * A deep, unmodifiable copy of {@code map}, whose values must be null, a {@code String}, {@code
   * Boolean}, a finite number ({@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal},
   * ...), a {@code Map} with string keys or a {@code Collection} of such values.
   *
   * @throws IllegalArgumentException naming the first value that is not JSON, e.g. {@code
   *     metadata.sent_at}
   */
  static Map<String, @Nullable Object> copyObject(@Nullable Map<?, ?> map, String name) {
    Checks.notNull(map, name);
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> copy = (Map<String, @Nullable Object>) copy(map, name, 0);
    return copy;
  }

  private static @Nullable Object copy(@Nullable Object value, String path, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number) {
      return number((Number) value, path);
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException(
          path + " is nested more than " + MAX_DEPTH + " levels deep (does it contain itself?)");
    }
    if (value instanceof Map) {
      Map<String, @Nullable Object> object = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        Object key = entry.getKey();
        if (!(key instanceof String)) {
          throw new IllegalArgumentException(
              path + " has a key that is not a String: " + describe(key));
        }
        object.put((String) key, copy(entry.getValue(), path + "." + key, depth + 1));
      }
      return Collections.unmodifiableMap(object);
    }
    if (value instanceof Collection) {
      List<@Nullable Object> array = new ArrayList<>(((Collection<?>) value).size());
      for (Object element : (Collection<?>) value) {
        array.add(copy(element, path + "[" + array.size() + "]", depth + 1));
      }
      return Collections.unmodifiableList(array);
    }
    throw new IllegalArgumentException(
        path
            + " is "
            + describe(value)
            + ", not a JSON value: use a String, Boolean, number, Map, Collection or null");
  }

  private static Number number(Number value, String path) {
    if (value instanceof Double || value instanceof Float) {
      if (Double.isNaN(value.doubleValue()) || Double.isInfinite(value.doubleValue())) {
        throw new IllegalArgumentException(path + " is " + value + ", which JSON cannot carry");
      }
      return value;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    // Mutable numbers (AtomicLong, ...) and unknown subclasses could change or print oddly.
    throw new IllegalArgumentException(
        path + " is " + describe(value) + ": use Integer, Long, Double, BigDecimal or BigInteger");
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }
}
