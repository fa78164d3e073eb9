package ai.poly.data;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this client throws (all unchecked). Messages never contain the API
 * key.
 */
public class PolyAiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String correlationId;

  PolyAiException(String message, @Nullable String correlationId, @Nullable Throwable cause) {
    super(message, cause);
    this.correlationId = correlationId;
  }

  /**
   * The {@code X-PolyAI-Correlation-Id} of the call: the id the service reported for it, else the
   * one this client sent. Quote it to PolyAI support. Null only when the call never got as far as a
   * request.
   */
  public @Nullable String correlationId() {
    return correlationId;
  }
}
