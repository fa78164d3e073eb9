package ai.poly.data;

/**
 * HTTP 429: too many requests. Retried by the client's {@link RetryPolicy}; thrown when retries are
 * exhausted, or at once when {@link #retryAfter()} exceeds {@link RetryPolicy#maxRetryAfter()}.
 */
public final class RateLimitException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(ApiError error) {
    super(error);
  }
}
