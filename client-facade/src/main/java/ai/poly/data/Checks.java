package ai.poly.data;

import org.jspecify.annotations.Nullable;

/** Argument checks that run before any request, each naming the parameter at fault. */
final class Checks {
  private Checks() {}

  /**
   * Requires a non-null, non-blank identifier such as an agent or conversation id, other than
   * {@code .} and {@code ..}.
   */
  static String id(@Nullable String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    if (value.equals(".") || value.equals("..")) {
      // Every other id is sent percent-encoded as one path segment. These two cannot be: URLs treat
      // "." and ".." (and their encodings %2E, %2E%2E) as steps to the same or the parent folder.
      throw new IllegalArgumentException(
          name + " is \"" + value + "\", which a URL path cannot carry as an id");
    }
    return value;
  }

  /** Requires a non-null argument. */
  static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    return value;
  }
}
