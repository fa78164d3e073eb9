package ai.poly.data;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A conversation's short summary: a heading and its content, either of which may be missing. */
public final class Summary {
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
          Summary nested = fromObject(JsonValues.parse(text));
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
    Object heading = map.get("heading");
    Object content = map.get("content");
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
