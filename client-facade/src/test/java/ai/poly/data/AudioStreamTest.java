package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AudioStreamTest {
  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;

  /** A WAV header followed by {@code dataBytes} bytes of seeded noise. */
  static byte[] wav(int dataBytes) {
    byte[] wav = new byte[44 + dataBytes];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
    System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 8);
    byte[] noise = new byte[dataBytes];
    new Random(7).nextBytes(noise);
    System.arraycopy(noise, 0, wav, 44, dataBytes);
    return wav;
  }

  private static byte[] readAll(AudioStream audio) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1000];
    for (int n; (n = audio.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void streamsTheRecordingWithItsTypeAndLength() throws Exception {
    byte[] wav = wav(100_000);
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "audio/wav").setBody(new Buffer().write(wav)));

    try (AudioStream audio =
        api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults())) {
      assertEquals("audio/wav", audio.contentType());
      assertEquals(wav.length, audio.contentLength());
      assertArrayEquals(wav, readAll(audio));
    }

    RecordedRequest request = taken(server);
    assertEquals("GET", request.getMethod());
    HttpUrl url = request.getRequestUrl();
    assertEquals(DETAIL_PATH + "/audio", url.encodedPath());
    assertEquals("combined", url.queryParameter("direction"));
    assertNull(url.queryParameter("redacted"));
  }

  @Test
  void sendsDirectionAndRedacted() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new Buffer().write(wav(10))));

    AudioOptions options =
        AudioOptions.builder().direction(AudioDirection.AGENT).redacted(true).build();
    api.client().conversations().audio(AGENT, CONVERSATION, options).close();

    HttpUrl url = taken(server).getRequestUrl();
    assertEquals("agent", url.queryParameter("direction"));
    assertEquals("true", url.queryParameter("redacted"));
  }

  @Test
  void octetStreamThatStartsAsAWavFileIsAccepted() throws Exception {
    byte[] wav = wav(2000);
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/octet-stream")
            .setBody(new Buffer().write(wav)));

    try (AudioStream audio =
        api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults())) {
      assertArrayEquals(wav, readAll(audio));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json|{\"conversationId\": \"CA1\"}",
        "text/html|<html><body>Sign in</body></html>",
        "application/octet-stream|{\"success\": true}"
      })
  void nonAudioBodyWithA200IsAnInvalidResponse(String typeAndBody) {
    String[] parts = typeAndBody.split("\\|", 2);
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", parts[0])
            .setHeader("X-PolyAI-Correlation-Id", "corr-audio-1")
            .setBody(parts[1]));

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () -> api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults()));

    assertEquals(200, e.statusCode());
    assertEquals("corr-audio-1", e.correlationId());
    assertEquals(parts[1], e.body());
    assertTrue(
        e.getMessage().contains("expected a recording but the response is " + parts[0]),
        e.getMessage());
  }

  @Test
  void emptyAudioBodyIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "audio/wav"));

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () -> api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults()));

    assertTrue(e.getMessage().contains("the recording is empty (audio/wav)"), e.getMessage());
  }

  @Test
  void missingRecordingIsNotFoundWithItsErrorCode() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"success\": false, \"error\": \"Recording not found\", \"error_id\":"
                    + " \"corr-404\", \"error_code\": \"CONVERSATIONS_RECORDING_NOT_FOUND\","
                    + " \"error_message\": \"Recording not found\", \"data\": null}"));

    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () -> api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults()));

    assertEquals("CONVERSATIONS_RECORDING_NOT_FOUND", e.errorCode());
    assertEquals(404, e.statusCode());
  }

  @Test
  void closingBeforeTheEndReleasesTheConnectionForTheNextCall() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new Buffer().write(wav(1_000_000))));
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new Buffer().write(wav(5))));

    AudioStream first =
        api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults());
    assertEquals('R', first.read());
    first.close();
    first.close();
    try (AudioStream second =
        api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults())) {
      assertEquals(49, readAll(second).length);
    }
    assertEquals(
        0,
        api.client().okHttpClient().connectionPool().connectionCount()
            - api.client().okHttpClient().connectionPool().idleConnectionCount());
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() {
    assertThrows(
        NullPointerException.class,
        () -> api.client().conversations().audio(AGENT, CONVERSATION, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> api.client().conversations().audio(AGENT, "", AudioOptions.defaults()));
    assertThrows(
        NullPointerException.class,
        () ->
            api.client().conversations().audio(AGENT, CONVERSATION, AudioOptions.defaults(), null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void optionsHaveValueSemantics() {
    AudioOptions a = AudioOptions.builder().direction(AudioDirection.USER).build();
    assertEquals(a, a.newBuilder().build());
    assertEquals(AudioDirection.COMBINED, AudioOptions.defaults().direction());
    assertEquals("AudioOptions{direction=USER, redacted=false}", a.toString());
    assertEquals("user", AudioDirection.USER.wireValue());
  }
}
