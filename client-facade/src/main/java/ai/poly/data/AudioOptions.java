package ai.poly.data;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which recording of a conversation to fetch: whose voice ({@link AudioDirection}) and whether with
 * personal data bleeped out.
 *
 * <pre>{@code
 * AudioOptions callerOnly = AudioOptions.builder().direction(AudioDirection.USER).redacted(true).build();
 * }</pre>
 */
public final class AudioOptions {
  private static final AudioOptions DEFAULTS = new Builder().build();

  private final AudioDirection direction;
  private final boolean redacted;

  private AudioOptions(Builder builder) {
    this.direction = builder.direction;
    this.redacted = builder.redacted;
  }

  /** {@return options for both sides, unredacted where the key may hear personal data} */
  public static AudioOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return whose voice the recording holds} */
  public AudioDirection direction() {
    return direction;
  }

  /** {@return whether to ask for the recording with personal data redacted} */
  public boolean redacted() {
    return redacted;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof AudioOptions)) {
      return false;
    }
    AudioOptions that = (AudioOptions) o;
    return direction == that.direction && redacted == that.redacted;
  }

  @Override
  public int hashCode() {
    return Objects.hash(direction, redacted);
  }

  @Override
  public String toString() {
    return "AudioOptions{direction=" + direction + ", redacted=" + redacted + "}";
  }

  /** Builds {@link AudioOptions}. Not thread-safe. */
  public static final class Builder {
    AudioDirection direction = AudioDirection.COMBINED;
    boolean redacted;

    Builder() {}

    Builder(AudioOptions options) {
      this.direction = options.direction;
      this.redacted = options.redacted;
    }

    /**
     * Whose voice the recording holds. Default {@link AudioDirection#COMBINED}.
     *
     * @param direction the side, or both
     * @return this builder
     */
    public Builder direction(AudioDirection direction) {
      this.direction = Objects.requireNonNull(direction, "direction == null");
      return this;
    }

    /**
     * Whether to ask for the recording with personal data redacted. Default false. Keys without
     * access to personal data always get the redacted recording.
     *
     * @param redacted true to ask for the redacted recording
     * @return this builder
     */
    public Builder redacted(boolean redacted) {
      this.redacted = redacted;
      return this;
    }

    /** {@return the options} */
    public AudioOptions build() {
      return new AudioOptions(this);
    }
  }
}
