package ai.poly.data;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this client throws (all unchecked). Messages never contain the API
 * key.
 */
public class PolyAiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The correlation id, if known. */
  private final @Nullable String correlationId;

  /** Attempts made, at least 1. */
  private final int attempts;

  PolyAiException(
      String message, @Nullable String correlationId, @Nullable Throwable cause, int attempts) {
    super(message, cause);
    this.correlationId = correlationId;
    this.attempts = attempts;
  }

  /**
   * {@return the {@code X-PolyAI-Correlation-Id} of the call} It is the id the service reported for
   * it, else the one this client sent. Quote it to PolyAI support. Null only when the call never
   * got as far as a request.
   */
  public @Nullable String correlationId() {
    return correlationId;
  }

  /**
   * {@return how many attempts the call made before failing} 1 when it was not retried, more when
   * retries were exhausted (the message then ends with, e.g., {@code after 3 attempts}). Redirects
   * followed within an attempt do not count. The exception describes the last attempt.
   */
  public int attempts() {
    return attempts;
  }
}
