package ai.poly.data;

import org.jspecify.annotations.Nullable;

/** Argument checks that run before any request, each naming the parameter at fault. */
final class Checks {
  private Checks() {}

  /** Requires a non-null, non-blank identifier such as an agent or conversation id. */
  static String id(@Nullable String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is blank");
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
