package ai.poly.data;

/** HTTP 5xx: the service failed; usually transient. */
public final class InternalServerException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  InternalServerException(ApiError error) {
    super(error);
  }
}
