package ai.poly.data;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;

/** Reading response bodies into memory without ever reading more than a stated limit. */
final class Bodies {
  private Bodies() {}

  /**
   * Reads {@code source} until its end or until {@code limit} bytes are held, whichever is first.
   * The caller closes {@code source}.
   */
  static Buffer readAtMost(BufferedSource source, long limit) throws IOException {
    Buffer buffer = new Buffer();
    while (buffer.size() < limit && source.read(buffer, limit - buffer.size()) != -1) {
      // Keep reading until the limit or the end.
    }
    return buffer;
  }
}
