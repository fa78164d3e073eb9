package ai.poly.data.testing;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A way for the fake to misbehave on a request; queue it with {@link FakeDataApi#misbehaveNext}, or
 * have the fake draw it at random with {@link FakeDataApi#misbehaveRandomly}.
 *
 * <p>A queued misbehaviour is taken by the next request before anything else happens, even before
 * the API key is checked, so it applies to whatever the client sends next. Random ones apply just
 * as early, to requests that found the queue empty.
 */
public final class Misbehaviour {
  enum Kind {
    FAIL,
    RATE_LIMIT,
    DROP_CONNECTION,
    SLOW,
    TRUNCATE,
    MALFORMED_JSON
  }

  final Kind kind;
  final int status;
  final Duration duration;

  private Misbehaviour(Kind kind, int status, Duration duration) {
    this.kind = kind;
    this.status = status;
    this.duration = duration;
  }

  /**
   * Returns a misbehaviour that answers with {@code status} and the PolyAI error envelope, whose
   * {@code error_code} is the status's reason in upper snake case ({@code SERVICE_UNAVAILABLE} for
   * 503).
   *
   * @param status an error status, 400 to 599
   * @return the misbehaviour
   */
  public static Misbehaviour fail(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400 to 599: " + status);
    }
    return new Misbehaviour(Kind.FAIL, status, Duration.ZERO);
  }

  /**
   * Returns a misbehaviour that answers 429 {@code TOO_MANY_REQUESTS} with a {@code Retry-After}
   * header of {@code retryAfter} in whole seconds, rounded up.
   *
   * @param retryAfter the wait to ask for; not negative
   * @return the misbehaviour
   */
  public static Misbehaviour rateLimit(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
    }
    return new Misbehaviour(Kind.RATE_LIMIT, 429, retryAfter);
  }

  /**
   * Returns a misbehaviour that reads the request and closes the connection without a response.
   *
   * <p>OkHttp 4 retries such a request once by itself when the dropped connection is a pooled one
   * it has used before and {@code retryOnConnectionFailure} is on (its default): the caller then
   * sees no failure and the fake counts two requests. On a fresh connection it does not retry.
   *
   * @return the misbehaviour
   */
  public static Misbehaviour dropConnection() {
    return new Misbehaviour(Kind.DROP_CONNECTION, 0, Duration.ZERO);
  }

  /**
   * Returns a misbehaviour that sends the normal response after waiting {@code delay}.
   *
   * @param delay the wait; not negative
   * @return the misbehaviour
   */
  public static Misbehaviour slow(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    return new Misbehaviour(Kind.SLOW, 0, delay);
  }

  /**
   * Returns a misbehaviour that sends the normal status, headers and {@code Content-Length}, then
   * half of the body, then closes the connection.
   *
   * @return the misbehaviour
   */
  public static Misbehaviour truncate() {
    return new Misbehaviour(Kind.TRUNCATE, 0, Duration.ZERO);
  }

  /**
   * Returns a misbehaviour that answers 200 with {@code Content-Type: application/json} and the
   * syntactically broken body <code>&#123;"conversations": [&#123;"conversationId": "CA</code>: an
   * object cut off mid-string.
   *
   * @return the misbehaviour
   */
  public static Misbehaviour malformedJson() {
    return new Misbehaviour(Kind.MALFORMED_JSON, 200, Duration.ZERO);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Misbehaviour)) {
      return false;
    }
    Misbehaviour that = (Misbehaviour) other;
    return kind == that.kind && status == that.status && duration.equals(that.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, duration);
  }

  @Override
  public String toString() {
    switch (kind) {
      case FAIL:
        return "Misbehaviour.fail(" + status + ")";
      case RATE_LIMIT:
        return "Misbehaviour.rateLimit(" + duration + ")";
      case DROP_CONNECTION:
        return "Misbehaviour.dropConnection()";
      case SLOW:
        return "Misbehaviour.slow(" + duration + ")";
      case TRUNCATE:
        return "Misbehaviour.truncate()";
      default:
        return "Misbehaviour.malformedJson()";
    }
  }
}
