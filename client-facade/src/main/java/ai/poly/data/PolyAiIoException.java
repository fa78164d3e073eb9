package ai.poly.data;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The call failed on the network: the connection was refused or reset, timed out, or the response
 * ended early. The request may or may not have reached the service. The cause is the {@link
 * IOException}.
 */
public final class PolyAiIoException extends PolyAiException {
  private static final long serialVersionUID = 1L;

  PolyAiIoException(
      String message, @Nullable String correlationId, IOException cause, int attempts) {
    super(message, correlationId, cause, attempts);
  }
}
