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

  private final int statusCode;
  private final @Nullable String errorCode;
  private final @Nullable String errorMessage;
  private final Map<String, List<String>> headers;
  private final String body;
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

  /** The HTTP status code, e.g. 404. */
  public int statusCode() {
    return statusCode;
  }

  /** The envelope's {@code error_code}, e.g. {@code CONVERSATIONS_NOT_FOUND}; null without one. */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** The envelope's {@code error_message} (or {@code error}); null without one. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** The response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * How long the service asked the client to wait before trying again ({@code Retry-After-Ms} or
   * {@code Retry-After}), or null when it did not say. Sent mostly with 429 and 503. When the wait
   * exceeded {@link RetryPolicy#maxRetryAfter()} the call was not retried, and this is that wait.
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** The start of the response body (a few KB at most; empty when there was none). */
  public String body() {
    return body;
  }
}
