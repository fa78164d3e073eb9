package ai.poly.data;

/** HTTP 400: the request was invalid, e.g. {@code CONVERSATIONS_VALIDATION_FAILED}. */
public final class BadRequestException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ApiError error) {
    super(error);
  }
}
