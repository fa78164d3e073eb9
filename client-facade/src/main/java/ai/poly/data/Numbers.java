package ai.poly.data;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Deliberate conversions of JSON numbers, which arrive as Long, Double or BigDecimal. */
final class Numbers {
  private Numbers() {}

  /** The value as a long when it is a number with no fractional part that fits; else null. */
  static @Nullable Long exactLong(@Nullable Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // 2^63 itself is not a long; every double below it in magnitude with no fraction is.
      if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
        return (long) d;
      }
      return null;
    }
    if (value instanceof BigDecimal) {
      try {
        return ((BigDecimal) value).longValueExact();
      } catch (ArithmeticException notExact) {
        return null;
      }
    }
    return null;
  }

  /** The value as a finite double when it is a number; else null. */
  static @Nullable Double finiteDouble(@Nullable Object value) {
    if (!(value instanceof Number)) {
      return null;
    }
    double d = ((Number) value).doubleValue();
    return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
  }

  /** The JSON text of a number, without a spurious ".0" on whole doubles. */
  static String text(Number value) {
    if (value instanceof Double || value instanceof Float) {
      Long exact = exactLong(value);
      return exact != null ? exact.toString() : value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }
}
