package ai.poly.data;

/** HTTP 404: no such conversation or recording ({@code CONVERSATIONS_NOT_FOUND}, {@code CONVERSATIONS_RECORDING_NOT_FOUND}). */
public final class NotFoundException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ApiError error) {
    super(error);
  }
}
