package ai.poly.data;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Plain JSON values: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code
 * String}, {@code Boolean}, {@code Long} for integers, {@code Double} for other numbers (or {@code
 * BigDecimal} when a number does not fit either exactly), and null. Values read here are deeply
 * unmodifiable, so they can be handed to callers as they are.
 *
 * <p>Unlike Moshi's own untyped adapter, integers stay exact: a 20-digit {@code turn_id} does not
 * become the nearest double, and {@code 1e400} is a BigDecimal, not infinity. A number beyond
 * {@link #MAX_NUMBER_CHARS} digits (written out in full) fails the read instead: no service sends
 * one, and reading a million digits exactly would take the JDK seconds.
 */
final class JsonValues {
  /**
   * The most characters of a number read: of its literal, and of its plain decimal form (so {@code
   * 1e1000} is read and {@code 1e1001} is not). A long has 19 digits and any double fits in 25
   * characters; reading a literal of 1,000 exactly takes microseconds.
   */
  static final int MAX_NUMBER_CHARS = 1000;

  /**
   * The class of the lists read here, an unmodifiable view of a new list. Only plain values have
   * lists of this class ({@link GeneratedModels#toMembers} copies any other list into one), so one
   * can be handed to callers as it is: nothing holds the list behind it.
   */
  static final Class<?> LIST = Collections.unmodifiableList(new ArrayList<>()).getClass();

  /** How much of a number too long to read a message quotes. */
  private static final int NUMBER_EXCERPT_CHARS = 20;

  private JsonValues() {}

  /** Reads the next value of {@code reader}; depth is bounded by Moshi's reader (255 levels). */
  static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(map);
      case BEGIN_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      case STRING:
        return reader.nextString();
      case NUMBER:
        String literal = reader.nextString();
        Number number = number(literal);
        if (number == null) {
          String shown =
              literal.length() <= NUMBER_EXCERPT_CHARS
                  ? literal
                  : literal.substring(0, NUMBER_EXCERPT_CHARS) + "…";
          throw new JsonDataException(
              "Number out of range: " + shown + " at path " + reader.getPath());
        }
        return number;
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException(
            "Expected a JSON value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /**
   * Reads the object at the reader's position for the members {@code names} selects: their values
   * by the index of their name (the last where a name is repeated; null where absent). Every other
   * member is read as {@link #read} reads it, so that a value it cannot read fails alike, and is
   * dropped. {@code count} is the number of names, which {@code names.strings()} would give in a
   * new list at each call.
   */
  static @Nullable Object[] members(JsonReader reader, JsonReader.Options names, int count)
      throws IOException {
    @Nullable Object[] values = new Object[count];
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(names);
      if (index < 0) {
        reader.skipName();
        read(reader);
      } else {
        values[index] = read(reader);
      }
    }
    reader.endObject();
    return values;
  }

  /** Parses a JSON document held in a string, e.g. a summary the service double-encoded. */
  static @Nullable Object parse(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Object value = read(reader);
    expectEnd(reader);
    return value;
  }

  /** Fails unless the reader is at the end of its document, as {@link #parse} does. */
  static void expectEnd(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("Trailing content after the JSON value at " + reader.getPath());
    }
  }

  /**
   * The number a JSON literal denotes, as exactly as the types above allow, or null when it is out
   * of range: longer than {@link #MAX_NUMBER_CHARS}, or with an exponent that would make it so.
   */
  static @Nullable Number number(String literal) {
    int length = literal.length();
    if (length > MAX_NUMBER_CHARS) {
      return null;
    }
    // One scan: the leading digits are counted as they go, so that the common case, an integer of
    // at most 18 digits (which a long always holds), is read here; the rest of the literal is then
    // searched for what makes it a fraction.
    int start = length > 0 && literal.charAt(0) == '-' ? 1 : 0;
    int i = start;
    long digits = 0;
    for (; i < length; i++) {
      char c = literal.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      digits = digits * 10 + (c - '0'); // Wraps past 18 digits, where it is not used.
    }
    if (i == length && i > start && i - start <= 18) {
      return start == 1 ? -digits : digits;
    }
    boolean integral = true;
    for (; i < length; i++) {
      char c = literal.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
        break;
      }
    }
    if (integral) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException tooLarge) {
        return new BigDecimal(literal);
      }
    }
    double value = Double.parseDouble(literal);
    if (!Double.isInfinite(value)) {
      return value;
    }
    try {
      BigDecimal exact = new BigDecimal(literal);
      return Math.abs((long) exact.scale()) <= MAX_NUMBER_CHARS ? exact : null;
    } catch (NumberFormatException exponentOverflow) {
      return null;
    }
  }

  /** Writes a plain JSON value; other objects (a generated model, say) go through {@code moshi}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void write(JsonWriter writer, @Nullable Object value, Moshi moshi) throws IOException {
    if (value == null) {
      // A null inside a plain value is data: write it even where null model fields are left out.
      boolean serializeNulls = writer.getSerializeNulls();
      writer.setSerializeNulls(true);
      writer.nullValue();
      writer.setSerializeNulls(serializeNulls);
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        write(writer, entry.getValue(), moshi);
      }
      writer.endObject();
    } else if (value instanceof Iterable) {
      writer.beginArray();
      for (Object element : (Iterable<?>) value) {
        write(writer, element, moshi);
      }
      writer.endArray();
    } else {
      JsonAdapter adapter = moshi.adapter(value.getClass());
      adapter.toJson(writer, value);
    }
  }

  /** A short name of a value's JSON kind, for messages. */
  static String kind(@Nullable Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    }
    return value.getClass().getSimpleName();
  }

  /** Moshi adapter for {@code Object}: reads and writes the plain values above. */
  static final class Adapter extends JsonAdapter<Object> {
    private final Moshi moshi;

    Adapter(Moshi moshi) {
      this.moshi = moshi;
    }

    @Override
    public @Nullable Object fromJson(JsonReader reader) throws IOException {
      return read(reader);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Object value) throws IOException {
      write(writer, value, moshi);
    }

    @Override
    public String toString() {
      return "JsonAdapter(Object)";
    }
  }
}
