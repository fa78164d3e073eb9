package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFileTest {
  @TempDir Path folder;

  private final AtomicFile files = new AtomicFile(AtomicFile.ATOMIC_MOVE);

  private List<String> names() throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static AtomicFile.Content text(String text) {
    return channel -> channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = folder.resolve("call.wav");

    files.write(target, text("RIFF....WAVE"));

    assertEquals("RIFF....WAVE", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
    assertEquals(java.util.Collections.singletonList("call.wav"), names());
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path target = folder.resolve("call.wav");
    Files.write(target, new byte[] {1, 2, 3});

    files.write(target, text("new"));

    assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
  }

  @Test
  void failureWhileWritingLeavesNoFileAtAll() throws IOException {
    Path target = folder.resolve("call.wav");

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                files.write(
                    target,
                    channel -> {
                      channel.write(ByteBuffer.wrap(new byte[10_000]));
                      throw new IOException("disk full");
                    }));

    assertEquals("disk full", e.getMessage());
    assertFalse(Files.exists(target));
    assertTrue(names().isEmpty(), "left behind: " + names());
  }

  @Test
  void failureWhileWritingLeavesAnExistingFileAsItWas() throws IOException {
    Path target = folder.resolve("call.wav");
    Files.write(target, new byte[] {1, 2, 3});

    assertThrows(
        IllegalStateException.class,
        () ->
            files.write(
                target,
                channel -> {
                  channel.write(ByteBuffer.wrap(new byte[100]));
                  throw new IllegalStateException("boom");
                }));

    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(java.util.Collections.singletonList("call.wav"), names());
  }

  @Test
  void failedMoveDeletesTheTemporaryFile() throws IOException {
    AtomicFile failingMove =
        new AtomicFile(
            (source, target) -> {
              assertTrue(Files.exists(source));
              assertEquals(target.getParent(), source.getParent());
              throw new IOException("rename failed");
            });
    Path target = folder.resolve("call.wav");

    IOException e = assertThrows(IOException.class, () -> failingMove.write(target, text("x")));

    assertEquals("rename failed", e.getMessage());
    assertTrue(names().isEmpty(), "left behind: " + names());
  }

  @Test
  void targetInAMissingFolderOrThatIsAFolderIsRejected() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> AtomicFile.checkTarget(folder.resolve("nope").resolve("call.wav")));
    assertEquals(
        "target's folder does not exist: " + folder.resolve("nope").toAbsolutePath(),
        missing.getMessage());
    IllegalArgumentException isFolder =
        assertThrows(IllegalArgumentException.class, () -> AtomicFile.checkTarget(folder));
    assertEquals("target is a folder, not a file: " + folder, isFolder.getMessage());
  }
}
