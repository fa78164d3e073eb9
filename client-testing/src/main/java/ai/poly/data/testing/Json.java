package ai.poly.data.testing;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Moshi's streaming reader and writer, with the I/O exceptions an in-memory buffer never throws.
 */
final class Json {
  private Json() {}

  /** A writer into {@code buffer} that writes nulls, as the live service does. */
  static JsonWriter writer(Buffer buffer) {
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setSerializeNulls(true);
    return writer;
  }

  /** A strict reader of {@code json}. */
  static JsonReader reader(String json) {
    return JsonReader.of(new Buffer().writeUtf8(json));
  }

  /**
   * Parses {@code json} into maps, lists, strings, doubles, booleans and nulls.
   *
   * @throws IllegalArgumentException if it is not one complete JSON value
   */
  static @Nullable Object parse(String json) {
    try {
      JsonReader reader = reader(json);
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("not valid JSON: more than one value");
      }
      return value;
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** {@code value} as a JSON string literal. */
  static String quote(String value) {
    Buffer buffer = new Buffer();
    try {
      JsonWriter.of(buffer).value(value).close();
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return buffer.readUtf8();
  }

  /** Writes {@code rawJson} as the next value, unchanged. */
  static void writeRaw(JsonWriter writer, String rawJson) throws IOException {
    try (BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(rawJson);
    }
  }
}
