package ai.poly.data;

import org.jspecify.annotations.Nullable;

/** Small JSON conveniences over the client's Moshi instance. */
final class Json {
  private Json() {}

  /** The compact JSON text of a plain value. */
  static String text(@Nullable Object value) {
    return GeneratedModels.moshi().adapter(Object.class).toJson(value);
  }
}
