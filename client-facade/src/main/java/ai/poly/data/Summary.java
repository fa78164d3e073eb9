package ai.poly.data;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** A conversation's short summary: a heading and its content, either of which may be missing. */
public final class Summary {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("heading", "content");
  private static final int NAME_COUNT = NAMES.strings().size();

  private final @Nullable String heading;
  private final @Nullable String content;

  private Summary(@Nullable String heading, @Nullable String content) {
    this.heading = heading;
    this.content = content;
  }

  /**
   * Creates a summary.
   *
   * @param heading the one-line heading, or null
   * @param content the text, or null
   * @return the summary
   */
  public static Summary of(@Nullable String heading, @Nullable String content) {
    return new Summary(heading, content);
  }

  /**
   * {@return the one-line heading, e.g. "Table booking for eleven"; null when the service sent
   * none}
   */
  public @Nullable String heading() {
    return heading;
  }

  /** {@return the summary text; null when the service sent none} */
  public @Nullable String content() {
    return content;
  }

  /**
   * Reads the forms the service sends: an object with {@code heading} and {@code content}, a plain
   * string (the content), or a string that holds such an object. Null for anything else.
   */
  static @Nullable Summary read(@Nullable Object value) {
    if (value instanceof String) {
      String text = (String) value;
      if (text.trim().startsWith("{")) {
        try {
          Summary nested = fromObjectText(text);
          if (nested != null) {
            return nested;
          }
        } catch (IOException | RuntimeException notJson) {
          // A summary that merely starts with a brace is still a summary.
        }
      }
      return new Summary(null, text);
    }
    return fromObject(value);
  }

  private static @Nullable Summary fromObject(@Nullable Object value) {
    if (!(value instanceof Map)) {
      return null;
    }
    Map<?, ?> map = (Map<?, ?>) value;
    return fromMembers(map.get("heading"), map.get("content"));
  }

  /**
   * What {@link #fromObject} gives for the JSON document {@code json} holds, read without building
   * its tree: the last {@code heading} and {@code content} members count, and every other member is
   * read as {@link JsonValues#read} reads it, so that a text it cannot read fails the same way.
   */
  private static @Nullable Summary fromObjectText(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    @Nullable Object[] members = JsonValues.members(reader, NAMES, NAME_COUNT);
    JsonValues.expectEnd(reader);
    return fromMembers(members[0], members[1]);
  }

  private static @Nullable Summary fromMembers(@Nullable Object heading, @Nullable Object content) {
    if ((heading != null && !(heading instanceof String))
        || (content != null && !(content instanceof String))) {
      return null;
    }
    return new Summary((String) heading, (String) content);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Summary
        && Objects.equals(heading, ((Summary) o).heading)
        && Objects.equals(content, ((Summary) o).content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(heading, content);
  }

  @Override
  public String toString() {
    return "Summary{heading=" + heading + ", content=" + content + "}";
  }
}
