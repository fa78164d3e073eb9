package ai.poly.data.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.testing.FakeDataApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DownloadRecordingTest {
  private static final String AGENT = ConversationTranscript.SAMPLE_AGENT;
  private static final String CONVERSATION = ConversationTranscript.SAMPLE_CONVERSATION;

  /** A recording four times the heap of the JVM that downloads it. */
  private static final long RECORDING_BYTES = 256L * 1024 * 1024;

  @TempDir Path folder;

  /** Runs the example in a JVM of its own with a 64 MB heap; returns its exit code. */
  private int runWithSmallHeap(FakeDataApi fake, List<String> output, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DownloadRecording.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("POLYAI_API_KEY", fake.apiKey());
    builder.environment().put("POLYAI_BASE_URL", fake.baseUrl());
    builder.environment().remove("POLYAI_REGION");
    Process process = builder.start();
    try (InputStream in = process.getInputStream()) {
      output.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the download did not finish");
    return process.exitValue();
  }

  @Test
  void downloadsARecordingFourTimesTheHeapToAFile() throws Exception {
    Path target = folder.resolve("call.wav");
    List<String> output = new ArrayList<>();
    try (FakeDataApi fake = FakeDataApi.start()) {
      fake.addSampleConversations(AGENT);
      fake.setAudioSize(AGENT, CONVERSATION, RECORDING_BYTES);

      int exit = runWithSmallHeap(fake, output, AGENT, CONVERSATION, target.toString());

      assertEquals(0, exit, output.toString());
    }
    assertEquals("wrote " + RECORDING_BYTES + " bytes to " + target + "\n", output.get(0));
    assertEquals(RECORDING_BYTES, Files.size(target));
    byte[] head = new byte[12];
    try (InputStream in = Files.newInputStream(target)) {
      assertEquals(12, in.readNBytes(head, 0, 12));
    }
    assertArrayEquals("RIFF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(head, 4));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }

  @Test
  void failedDownloadLeavesNoFileAndExitsWithOne() throws Exception {
    Path target = folder.resolve("call.wav");
    List<String> output = new ArrayList<>();
    try (FakeDataApi fake = FakeDataApi.start()) {
      fake.addSampleConversations(AGENT);
      fake.setAudioSize(AGENT, CONVERSATION, 8L * 1024 * 1024);
      fake.truncateNext(3);

      int exit = runWithSmallHeap(fake, output, AGENT, CONVERSATION, target.toString());

      assertEquals(1, exit, output.toString());
    }
    assertTrue(output.get(0).startsWith("error: "), output.get(0));
    assertFalse(Files.exists(target));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(0, files.count(), "no temporary file is left");
    }
  }
}
