package ai.poly.data.testing;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.BufferedSource;

/**
 * A seeded conversation, kept as the raw JSON of each top-level field.
 *
 * <p>Re-serializing parsed values would turn {@code 881203345} into {@code 8.81203345E8} and round
 * 19-digit turn ids, so nested values are served byte for byte as they were seeded.
 */
final class StoredConversation {
  /** Fields the detail has and the list's summaries leave out. */
  private static final Set<String> DETAIL_ONLY =
      Collections.unmodifiableSet(
          new HashSet<>(Arrays.asList("turns", "metrics", "functionEvents")));

  final String conversationId;
  private final Map<String, String> fields;

  private StoredConversation(String conversationId, Map<String, String> fields) {
    this.conversationId = conversationId;
    this.fields = fields;
  }

  /** Parses one conversation object. */
  static StoredConversation parse(String json) {
    return parseDocument(json, false).get(0);
  }

  /** Parses a JSON array of conversation objects. */
  static List<StoredConversation> parseArray(String json) {
    return parseDocument(json, true);
  }

  private static List<StoredConversation> parseDocument(String json, boolean array) {
    try {
      JsonReader reader = Json.reader(json);
      List<StoredConversation> conversations = new ArrayList<>();
      if (array) {
        if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
          throw new IllegalArgumentException("expected a JSON array of conversations");
        }
        reader.beginArray();
        while (reader.hasNext()) {
          conversations.add(readObject(reader));
        }
        reader.endArray();
      } else {
        conversations.add(readObject(reader));
      }
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("not valid JSON: more than one value");
      }
      return conversations;
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  private static StoredConversation readObject(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new IllegalArgumentException("a conversation must be a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      try (BufferedSource value = reader.nextSource()) {
        fields.put(name, value.readUtf8());
      }
    }
    reader.endObject();
    String rawId = fields.get("conversationId");
    if (rawId == null) {
      throw new IllegalArgumentException("a conversation needs a conversationId");
    }
    JsonReader idReader = Json.reader(rawId);
    if (idReader.peek() != JsonReader.Token.STRING) {
      throw new IllegalArgumentException("conversationId must be a string, was " + rawId);
    }
    String conversationId = idReader.nextString();
    if (conversationId.isEmpty()) {
      throw new IllegalArgumentException("conversationId must not be empty");
    }
    return new StoredConversation(conversationId, Collections.unmodifiableMap(fields));
  }

  /** A copy whose {@code note} field is {@code note}. */
  StoredConversation withNote(String note) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put("note", Json.quote(note));
    return new StoredConversation(conversationId, Collections.unmodifiableMap(copy));
  }

  /** Whether the seeded JSON points at a recording: {@code audioUrl} is a non-empty string. */
  boolean hasRecording() {
    String audioUrl = fields.get("audioUrl");
    return audioUrl != null && audioUrl.startsWith("\"") && !audioUrl.equals("\"\"");
  }

  /** Writes the whole conversation, as the detail operation returns it. */
  void writeDetail(JsonWriter writer) throws IOException {
    write(writer, true);
  }

  /** Writes the conversation without turns, metrics and function events, as the list does. */
  void writeSummary(JsonWriter writer) throws IOException {
    write(writer, false);
  }

  private void write(JsonWriter writer, boolean detail) throws IOException {
    writer.beginObject();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (detail || !DETAIL_ONLY.contains(field.getKey())) {
        writer.name(field.getKey());
        Json.writeRaw(writer, field.getValue());
      }
    }
    writer.endObject();
  }
}
