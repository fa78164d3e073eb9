package ai.poly.data;

/** HTTP 410: the resource has ended, e.g. a debug chat ({@code CHAT_CONVERSATION_ENDED}). */
public final class GoneException extends PolyAiApiException {
  private static final long serialVersionUID = 1L;

  GoneException(ApiError error) {
    super(error);
  }
}
