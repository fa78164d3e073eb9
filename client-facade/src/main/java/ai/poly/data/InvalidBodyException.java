package ai.poly.data;

/**
 * A success response whose body could not be read. Thrown by {@link JsonConverterFactory} inside
 * Retrofit and turned into {@link PolyAiInvalidResponseException} by {@link ApiCalls}, which knows
 * the call's status and correlation id.
 */
final class InvalidBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String excerpt;

  InvalidBodyException(String message, String excerpt, Throwable cause) {
    super(message, cause);
    this.excerpt = excerpt;
  }

  InvalidBodyException(String message, String excerpt) {
    super(message);
    this.excerpt = excerpt;
  }
}
