package ai.poly.data;

import org.jspecify.annotations.Nullable;

/**
 * The service answered with a success status but the body could not be read: it was empty,
 * malformed, not JSON, too large, or lacked a field every response must have.
 */
public final class PolyAiInvalidResponseException extends PolyAiException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int statusCode;

  /** The start of the response body. */
  private final String body;

  PolyAiInvalidResponseException(
      String message,
      int statusCode,
      @Nullable String correlationId,
      String body,
      @Nullable Throwable cause,
      int attempts) {
    super(message, correlationId, cause, attempts);
    this.statusCode = statusCode;
    this.body = body;
  }

  /** {@return the HTTP status code of the response, e.g. 200} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the start of the response body (a few KB at most)} */
  public String body() {
    return body;
  }
}
