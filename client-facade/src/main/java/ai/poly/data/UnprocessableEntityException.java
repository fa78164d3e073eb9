package ai.poly.data;

/** HTTP 422: the request was well-formed but could not be processed. */
public final class UnprocessableEntityException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(ApiError error) {
    super(error);
  }
}
