package ai.poly.data.specbump;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads and writes JSON documents as plain {@code Map}/{@code List} trees with Moshi's streaming
 * API.
 *
 * <p>Unlike {@code moshi.adapter(Object.class)}, which turns every number into a {@code Double},
 * numbers keep their literal text (as {@link BigDecimal}), so {@code "minimum": 1} does not come
 * back as {@code 1.0}. Objects keep their member order, which the generator's output order follows.
 */
final class SpecJson {
  private SpecJson() {}

  /** Reads a JSON object from a file. */
  static Map<String, Object> read(Path file) throws IOException {
    return readDocument(new Buffer().write(Files.readAllBytes(file)), file.toString());
  }

  /** Reads any JSON value from a file: an array of patch operations, say. */
  static Object readValue(Path file) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(Files.readAllBytes(file)))) {
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException(file + ": trailing content after the JSON value");
      }
      return value;
    }
  }

  /** Parses a JSON object from text, e.g. a schema definition in a text block. */
  static Map<String, Object> parse(String json) {
    try {
      return readDocument(new Buffer().writeUtf8(json), "literal JSON");
    } catch (IOException e) {
      throw new IllegalArgumentException("Not JSON: " + json, e);
    }
  }

  /** Writes a tree as indented UTF-8 JSON, creating parent directories. */
  static void write(Object tree, Path file) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      writer.setSerializeNulls(true);
      writeValue(writer, tree);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, (buffer.readUtf8() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Deep copy of a tree; maps and lists are new and modifiable, leaves are immutable anyway. */
  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T tree) {
    if (tree instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) tree).forEach((key, value) -> copy.put(key, deepCopy(value)));
      return (T) copy;
    }
    if (tree instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) tree).forEach(value -> copy.add(deepCopy(value)));
      return (T) copy;
    }
    return tree;
  }

  private static Map<String, Object> readDocument(Buffer source, String what) throws IOException {
    try (JsonReader reader = JsonReader.of(source)) {
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException("Trailing content after the JSON value at " + reader.getPath());
      }
      return asObject(value, what);
    }
  }

  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.put(name, readValue(reader)) != null) {
            throw new IOException("Duplicate key " + name + " at " + reader.getPath());
          }
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readValue(reader));
        }
        reader.endArray();
        return array;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("Unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        writer.name((String) entry.getKey());
        writeValue(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object element : (List<?>) value) {
        writeValue(writer, element);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }
}
