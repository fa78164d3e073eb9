package ai.poly.data;

/** A status this client has no specific exception for (e.g. 405, 412, 415 or a 1xx/3xx it could not follow). */
public final class UnexpectedStatusException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(ApiError error) {
    super(error);
  }
}
