package ai.poly.data;

/** HTTP 403: the API key may not access this agent or operation. */
public final class PermissionDeniedException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(ApiError error) {
    super(error);
  }
}
