package ai.poly.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file that is complete or absent: the content goes to a temporary file in the target's
 * folder, is flushed to the device, and is then moved over the target in one step. On any failure
 * the temporary file is deleted and the target is left as it was.
 */
final class AtomicFile {
  /** Writes the content of the file. */
  interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  /** Moves the finished temporary file into place; replaced in tests to inject a failure. */
  interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  /**
   * A class, not a lambda: it is made on a client's first download (see {@link OkHttpRetryGuard}).
   */
  static final Mover ATOMIC_MOVE =
      new Mover() {
        @Override
        public void move(Path source, Path target) throws IOException {
          try {
            Files.move(
                source,
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            // Within one folder this is rare (some network file systems); replace as well as we
            // can.
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      };

  private final Mover mover;

  AtomicFile(Mover mover) {
    this.mover = mover;
  }

  /**
   * Checks, before any request, that {@code target} can be written here: its folder exists and it
   * is not itself a folder.
   *
   * @throws IllegalArgumentException if not
   */
  static Path checkTarget(Path target) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder == null || absolute.getFileName() == null) {
      throw new IllegalArgumentException("target is not a file path: " + target);
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("target's folder does not exist: " + folder);
    }
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException("target is a folder, not a file: " + target);
    }
    return absolute;
  }

  /** Writes {@code content} to {@code target} as described above. */
  void write(Path target, Content content) throws IOException {
    Path absolute = checkTarget(target);
    Path temporary =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part");
    try {
      try (FileChannel channel =
          FileChannel.open(
              temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        content.writeTo(channel);
        channel.force(true);
      }
      mover.move(temporary, absolute);
    } catch (Throwable t) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        t.addSuppressed(e);
      }
      throw t;
    }
  }
}
