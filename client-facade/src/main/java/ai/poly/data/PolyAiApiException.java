package ai.poly.data;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The service answered with an error status. The PolyAI error envelope is read when the body has
 * one; an empty, HTML or truncated body still yields the exception for its status.
 *
 * <p>Catch a subclass for one status ({@link NotFoundException}, {@link RateLimitException}, ...)
 * or this class for all of them.
 */
public class PolyAiApiException extends PolyAiException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int statusCode;

  /** The envelope's error code. */
  private final @Nullable String errorCode;

  /** The envelope's error message. */
  private final @Nullable String errorMessage;

  /** Response headers, names in lower case. */
  private final Map<String, List<String>> headers;

  /** The start of the response body. */
  private final String body;

  /** The wait the service asked for. */
  private final @Nullable Duration retryAfter;

  PolyAiApiException(ApiError error) {
    super(error.message(), error.correlationId, null, error.attempts);
    this.statusCode = error.statusCode;
    this.errorCode = error.errorCode;
    this.errorMessage = error.errorMessage;
    this.headers = error.headers;
    this.body = error.body;
    this.retryAfter = error.retryAfter;
  }

  /** {@return the HTTP status code, e.g. 404} */
  public int statusCode() {
    return statusCode;
  }

  /**
   * {@return the envelope's {@code error_code}, e.g. {@code CONVERSATIONS_NOT_FOUND}; null without
   * one}
   */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** {@return the envelope's {@code error_message} (or {@code error}); null without one} */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** {@return the response headers, names in lower case} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * {@return how long the service asked the client to wait before trying again ({@code
   * Retry-After-Ms} or {@code Retry-After}), or null when it did not say} Sent mostly with 429 and
   * 503. When the wait exceeded {@link RetryPolicy#maxRetryAfter()} the call was not retried, and
   * this is that wait.
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** {@return the start of the response body (a few KB at most; empty when there was none)} */
  public String body() {
    return body;
  }
}
