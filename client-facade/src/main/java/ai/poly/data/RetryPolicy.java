package ai.poly.data;

import java.time.Duration;
import java.util.Objects;

/**
 * How a call is retried after a transient failure: how many times, and how long to wait between
 * attempts.
 *
 * <p>The wait before retry {@code n} (1, 2, ...) is an exponential step {@code min(initialBackoff *
 * 2^(n-1), maxBackoff)} with <em>equal jitter</em>: half the step, plus a random part of up to the
 * other half. Clients that fail together thus spread out, yet never retry at once. When the
 * response asks for a wait ({@code Retry-After} or {@code Retry-After-Ms}), that wait is used
 * instead, unjittered, unless it exceeds {@link #maxRetryAfter()}: the call then fails at once, and
 * the exception's {@link PolyAiApiException#retryAfter()} tells how long the service asked to wait.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxRetries(4).maxBackoff(Duration.ofSeconds(2)).build();
 * }</pre>
 *
 * <p>Which failures are retried is fixed by the client, not by the policy: see the README section
 * "Retries, timeouts and errors".
 */
public final class RetryPolicy {
  static final int DEFAULT_MAX_RETRIES = 2;
  static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
  static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxRetryAfter = builder.maxRetryAfter;
  }

  /**
   * {@return the default policy: 2 retries, backoff from 0.5 s up to 8 s, server waits up to 60 s}
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy that never retries: every call makes exactly one attempt} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder starting from the {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy's settings} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * {@return how many times a failed attempt is retried; a call makes at most {@code maxRetries +
   * 1}}
   */
  public int maxRetries() {
    return maxRetries;
  }

  /** {@return the backoff step before the first retry} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the largest backoff step} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * {@return the longest server-requested wait the client sleeps; a longer one fails the call at
   * once}
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The wait before retry {@code retry} (1 for the first): the exponential step with equal jitter,
   * {@code random} being a number in [0, 1).
   */
  Duration backoff(int retry, double random) {
    long initial = initialBackoff.toNanos();
    long max = maxBackoff.toNanos();
    long step = initial;
    for (int i = 1; i < retry && step < max; i++) {
      step = step > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : step * 2;
    }
    step = Math.min(step, max);
    long half = step / 2;
    return Duration.ofNanos(step - half + (long) (half * random));
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) other;
    return maxRetries == that.maxRetries
        && initialBackoff.equals(that.initialBackoff)
        && maxBackoff.equals(that.maxBackoff)
        && maxRetryAfter.equals(that.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + "}";
  }

  /** Configures a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxRetries = policy.maxRetries;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.maxRetryAfter = policy.maxRetryAfter;
    }

    /**
     * How many times a failed attempt is retried, 0 for never. Default 2.
     *
     * @param maxRetries zero or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The backoff step before the first retry; it doubles for each further one. Default 0.5 s.
     *
     * @param initialBackoff zero or a positive duration
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = notNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The largest backoff step. Default 8 seconds.
     *
     * @param maxBackoff zero or a positive duration
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = notNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * The longest wait the client sleeps when a response asks for one ({@code Retry-After}, {@code
     * Retry-After-Ms}). A longer request fails the call at once instead. Default 60 seconds.
     *
     * @param maxRetryAfter zero or a positive duration
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = notNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Creates the policy.
     *
     * @return the policy
     * @throws IllegalStateException if {@code initialBackoff} is longer than {@code maxBackoff}
     */
    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalStateException(
            "initialBackoff " + initialBackoff + " is longer than maxBackoff " + maxBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration notNegative(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
