package ai.poly.data;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one call that override the client's: its retry policy and timeouts. Every setting is
 * optional; one left unset keeps the client's.
 *
 * <pre>{@code
 * RequestOptions patient =
 *     RequestOptions.builder().callTimeout(Duration.ofMinutes(2)).retryPolicy(RetryPolicy.none()).build();
 * Conversation c = client.conversations().get(agentId, conversationId, patient);
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable RetryPolicy retryPolicy;
  private final @Nullable Duration callTimeout;
  private final @Nullable Duration readTimeout;
  private final @Nullable Duration connectTimeout;

  private RequestOptions(Builder builder) {
    this.retryPolicy = builder.retryPolicy;
    this.callTimeout = builder.callTimeout;
    this.readTimeout = builder.readTimeout;
    this.connectTimeout = builder.connectTimeout;
  }

  /** {@return options that override nothing: the call runs with the client's settings} */
  public static RequestOptions none() {
    return NONE;
  }

  /** {@return a builder with nothing overridden} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return the retry policy of the call, or null for the client's} */
  public @Nullable RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * {@return the deadline of the call, covering all attempts and waits, or null for the client's}
   */
  public @Nullable Duration callTimeout() {
    return callTimeout;
  }

  /** {@return the longest silence while reading or writing, or null for the client's} */
  public @Nullable Duration readTimeout() {
    return readTimeout;
  }

  /** {@return how long to wait to establish a connection, or null for the client's} */
  public @Nullable Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) other;
    return Objects.equals(retryPolicy, that.retryPolicy)
        && Objects.equals(callTimeout, that.callTimeout)
        && Objects.equals(readTimeout, that.readTimeout)
        && Objects.equals(connectTimeout, that.connectTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(retryPolicy, callTimeout, readTimeout, connectTimeout);
  }

  @Override
  public String toString() {
    return "RequestOptions{retryPolicy="
        + retryPolicy
        + ", callTimeout="
        + callTimeout
        + ", readTimeout="
        + readTimeout
        + ", connectTimeout="
        + connectTimeout
        + "}";
  }

  /** Configures {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Duration callTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration connectTimeout;

    private Builder() {}

    private Builder(RequestOptions options) {
      this.retryPolicy = options.retryPolicy;
      this.callTimeout = options.callTimeout;
      this.readTimeout = options.readTimeout;
      this.connectTimeout = options.connectTimeout;
    }

    /**
     * The retry policy of the call. Default: the client's ({@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * The deadline of the call, covering every attempt and every wait between them. Default: the
     * client's (60 seconds unless configured).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * The longest silence while reading or writing, per attempt. Default: the client's (30 seconds
     * unless configured).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * How long to wait to establish a connection. Default: the client's (10 seconds unless
     * configured).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** {@return the options} */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      if (value.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " is too long: " + value);
      }
      return value;
    }
  }
}
