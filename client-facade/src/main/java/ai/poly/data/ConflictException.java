package ai.poly.data;

/** HTTP 409: the request conflicts with the current state. */
public final class ConflictException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  ConflictException(ApiError error) {
    super(error);
  }
}
