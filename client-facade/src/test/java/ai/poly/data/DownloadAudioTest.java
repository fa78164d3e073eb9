package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class DownloadAudioTest {
  @TempDir Path folder;

  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;

  private List<String> names() throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private void enqueueWav(byte[] wav) {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "audio/wav").setBody(new Buffer().write(wav)));
  }

  @Test
  void downloadsTheWholeRecordingToTheTarget() throws Exception {
    byte[] wav = AudioStreamTest.wav(3_000_000);
    enqueueWav(wav);
    Path target = folder.resolve("call.wav");

    long written =
        api.client()
            .conversations()
            .downloadAudio(
                AGENT,
                CONVERSATION,
                AudioOptions.builder().direction(AudioDirection.USER).build(),
                target);

    assertEquals(wav.length, written);
    assertArrayEquals(wav, Files.readAllBytes(target));
    assertEquals(Collections.singletonList("call.wav"), names());
    okhttp3.HttpUrl url = taken(server).getRequestUrl();
    assertEquals(DETAIL_PATH + "/audio", url.encodedPath());
    assertEquals("user", url.queryParameter("direction"));
  }

  @Test
  void recordingThatTakesLongerThanTheCallTimeoutStillDownloads() throws Exception {
    byte[] wav = AudioStreamTest.wav(64 * 1024);
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new Buffer().write(wav))
            .throttleBody(16 * 1024, 150, java.util.concurrent.TimeUnit.MILLISECONDS));
    Path target = folder.resolve("call.wav");

    try (PolyAiData patient =
        HttpTestSupport.builder(server).callTimeout(java.time.Duration.ofMillis(300)).build()) {
      patient.conversations().downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target);
    }

    assertArrayEquals(wav, Files.readAllBytes(target));
  }

  @Test
  void connectionDroppedMidRecordingLeavesNoFile() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setHeader("X-PolyAI-Correlation-Id", "corr-drop")
            .setBody(new Buffer().write(AudioStreamTest.wav(2_000_000)))
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    Path target = folder.resolve("call.wav");

    PolyAiIoException e =
        assertThrows(
            PolyAiIoException.class,
            () ->
                api.client()
                    .conversations()
                    .downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target));

    assertFalse(Files.exists(target));
    assertTrue(names().isEmpty(), "left behind: " + names());
    assertEquals(HttpTestSupport.sentCorrelationId(taken(server)), e.correlationId());
  }

  @Test
  void failedDownloadLeavesAnExistingFileAsItWas() throws Exception {
    Path target = folder.resolve("call.wav");
    Files.write(target, new byte[] {9, 9, 9});
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new Buffer().write(AudioStreamTest.wav(2_000_000)))
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    assertThrows(
        PolyAiIoException.class,
        () ->
            api.client()
                .conversations()
                .downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target));

    assertArrayEquals(new byte[] {9, 9, 9}, Files.readAllBytes(target));
    assertEquals(Collections.singletonList("call.wav"), names());
  }

  @Test
  void injectedFailureToMoveTheFileIntoPlaceLeavesNoFile() throws Exception {
    Conversations conversations =
        new Conversations(
            api.client().retrofit.create(ai.poly.data.generated.api.ConversationsApi.class),
            api.client().calls,
            new AtomicFile(
                (source, target) -> {
                  throw new java.nio.file.AccessDeniedException(target.toString());
                }));
    enqueueWav(AudioStreamTest.wav(500_000));
    Path target = folder.resolve("call.wav");

    assertThrows(
        java.nio.file.AccessDeniedException.class,
        () -> conversations.downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target));

    assertTrue(names().isEmpty(), "left behind: " + names());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void errorResponseWritesNothing() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"success\": false, \"error_code\": \"CONVERSATIONS_RECORDING_NOT_FOUND\"}"));
    Path target = folder.resolve("call.wav");

    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () ->
                api.client()
                    .conversations()
                    .downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target));

    assertEquals("CONVERSATIONS_RECORDING_NOT_FOUND", e.errorCode());
    assertTrue(names().isEmpty());
  }

  @Test
  void htmlPageWithA200IsNotSavedAsARecording() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "text/html")
            .setBody("<html>Please sign in</html>"));
    Path target = folder.resolve("call.wav");

    assertThrows(
        PolyAiInvalidResponseException.class,
        () ->
            api.client()
                .conversations()
                .downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target));

    assertTrue(names().isEmpty());
  }

  @Test
  void targetInAMissingFolderFailsBeforeAnyRequest() {
    Path target = folder.resolve("missing").resolve("call.wav");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                api.client()
                    .conversations()
                    .downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), target));

    assertTrue(e.getMessage().startsWith("target's folder does not exist: "), e.getMessage());
    assertEquals(0, server.getRequestCount());
    assertThrows(
        NullPointerException.class,
        () ->
            api.client()
                .conversations()
                .downloadAudio(AGENT, CONVERSATION, AudioOptions.defaults(), null));
    assertEquals(0, server.getRequestCount());
  }
}
