package ai.poly.data;

/** HTTP 401: the API key is missing, wrong, or belongs to another region. */
public final class AuthenticationException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(ApiError error) {
    super(error);
  }
}
