package ai.poly.data;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** HTTP 429: too many requests; back off for {@link #retryAfter()} when the service says. */
public final class RateLimitException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  RateLimitException(ApiError error) {
    super(error);
    this.retryAfter = error.retryAfter;
  }

  /**
   * How long the service asked the client to wait ({@code Retry-After-Ms} or {@code Retry-After}),
   * or null when it did not say.
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
