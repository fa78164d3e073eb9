package ai.poly.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** How long a response asked the client to wait: {@code Retry-After-Ms} or {@code Retry-After}. */
final class RetryAfter {
  private RetryAfter() {}

  /** The requested wait (never negative), or null when the headers ask for none or are unreadable. */
  static @Nullable Duration parse(Headers headers, Clock clock) {
    String millis = headers.get("Retry-After-Ms");
    if (millis != null) {
      try {
        double value = Double.parseDouble(millis.trim());
        if (value >= 0 && !Double.isInfinite(value)) {
          return Duration.ofNanos((long) (value * 1_000_000d));
        }
      } catch (NumberFormatException ignored) {
        // Fall back to Retry-After.
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) {
      return null;
    }
    value = value.trim();
    try {
      double seconds = Double.parseDouble(value);
      return seconds >= 0 && !Double.isInfinite(seconds)
          ? Duration.ofNanos((long) (seconds * 1_000_000_000d))
          : null;
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
