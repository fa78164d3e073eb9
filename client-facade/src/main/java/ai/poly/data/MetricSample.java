package ai.poly.data;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One recorded value of a conversation metric, e.g. {@code CALL_DURATION} = "147". */
public final class MetricSample {
  private final @Nullable Instant timestamp;
  private final String value;

  private MetricSample(@Nullable Instant timestamp, String value) {
    this.timestamp = timestamp;
    this.value = value;
  }

  /**
   * Creates a sample.
   *
   * @param timestamp when it was recorded, or null if unknown
   * @param value the recorded value as text
   * @return the sample
   */
  public static MetricSample of(@Nullable Instant timestamp, String value) {
    return new MetricSample(timestamp, Objects.requireNonNull(value, "value == null"));
  }

  /**
   * {@return when it was recorded; null in the older name-to-value shape, which has no timestamps}
   */
  public @Nullable Instant timestamp() {
    return timestamp;
  }

  /**
   * {@return the value as the service sent it (metric values are strings; a number keeps its JSON
   * text)}
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MetricSample
        && Objects.equals(timestamp, ((MetricSample) o).timestamp)
        && value.equals(((MetricSample) o).value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, value);
  }

  @Override
  public String toString() {
    return value + (timestamp != null ? "@" + timestamp : "");
  }
}
