package ai.poly.data.testing;

import static ai.poly.data.testing.Http.envelope;
import static ai.poly.data.testing.Http.request;
import static ai.poly.data.testing.Http.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import okhttp3.Response;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class FakeDataApiAudioTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String RESTAURANT = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  private static final String CHAT = "CHAT-7b3e9d1a-4c6f-4a2b-8e0d-5f1a3c7e9b2d";
  private static final String AUDIO =
      "v1/agents/" + AGENT + "/conversations/" + RESTAURANT + "/audio";

  private final FakeDataApi fake = FakeDataApi.start();

  @BeforeEach
  void seed() {
    fake.addSampleConversations(AGENT);
  }

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void servesCombinedUnredactedWavByDefault() throws IOException {
    try (Response response = Http.CLIENT.newCall(request(fake, AUDIO).build()).execute()) {
      assertEquals(200, response.code());
      assertEquals("audio/wav", response.header("Content-Type"));
      assertEquals("4044", response.header("Content-Length"));
      byte[] wav = response.body().bytes();
      assertEquals(4044, wav.length);
      assertEquals("RIFF", ascii(wav, 0));
      assertEquals("WAVE", ascii(wav, 8));
      assertEquals("data", ascii(wav, 36));
      assertEquals(8000, sampleRate(wav));
      assertFalse(silent(wav));
    }
  }

  @Test
  void isAWavThatJavaSoundReads() throws IOException, UnsupportedAudioFileException {
    byte[] wav = Http.bytes(request(fake, AUDIO + "?direction=user").build());
    AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
    assertEquals(AudioFileFormat.Type.WAVE, file.getType());
    AudioFormat format = file.getFormat();
    assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
    assertEquals(16000f, format.getSampleRate());
    assertEquals(16, format.getSampleSizeInBits());
    assertEquals(1, format.getChannels());
    assertFalse(format.isBigEndian());
    assertEquals(4000, file.getFrameLength());
  }

  @Test
  void directionSetsTheSampleRate() throws IOException {
    assertEquals(
        8000, sampleRate(Http.bytes(request(fake, AUDIO + "?direction=combined").build())));
    assertEquals(16000, sampleRate(Http.bytes(request(fake, AUDIO + "?direction=user").build())));
    assertEquals(24000, sampleRate(Http.bytes(request(fake, AUDIO + "?direction=agent").build())));
  }

  @Test
  void redactedRecordingIsSilent() throws IOException {
    byte[] redacted = Http.bytes(request(fake, AUDIO + "?redacted=true").build());
    byte[] unredacted = Http.bytes(request(fake, AUDIO + "?redacted=false").build());
    assertTrue(silent(redacted));
    assertFalse(silent(unredacted));
    assertEquals(unredacted.length, redacted.length);
    assertArrayEquals(Arrays.copyOf(unredacted, 44), Arrays.copyOf(redacted, 44));
  }

  @Test
  void rejectsUnknownDirection() {
    Http.Reply reply =
        send(
            request(fake, AUDIO + "?direction=both")
                .header("X-PolyAI-Correlation-Id", "cid-a1")
                .build());
    assertEquals(400, reply.status());
    assertEquals(
        envelope(
            "cid-a1",
            "CONVERSATIONS_VALIDATION_FAILED",
            "direction must be one of combined, user, agent"),
        reply.body());
  }

  @Test
  void rejectsRedactedThatIsNotABoolean() {
    Http.Reply reply =
        send(request(fake, AUDIO + "?redacted=yes").header("X-PolyAI-Correlation-Id", "c").build());
    assertEquals(400, reply.status());
    assertEquals(
        envelope("c", "CONVERSATIONS_VALIDATION_FAILED", "redacted must be true or false"),
        reply.body());
  }

  @Test
  void unknownConversationGets404RecordingNotFound() {
    Http.Reply reply =
        send(
            request(fake, "v1/agents/" + AGENT + "/conversations/CA-nope/audio")
                .header("X-PolyAI-Correlation-Id", "cid-a2")
                .build());
    assertEquals(404, reply.status());
    assertEquals(
        envelope("cid-a2", "CONVERSATIONS_RECORDING_NOT_FOUND", "Recording not found"),
        reply.body());
  }

  @Test
  void conversationWithoutRecordingGets404RecordingNotFound() {
    Http.Reply reply =
        send(request(fake, "v1/agents/" + AGENT + "/conversations/" + CHAT + "/audio").build());
    assertEquals(404, reply.status());
    assertEquals("CONVERSATIONS_RECORDING_NOT_FOUND", Http.errorCode(reply));
  }

  @Test
  void setAudioServesTheGivenBytesForEveryQuery() throws IOException {
    byte[] wav = "RIFF-custom-bytes".getBytes(StandardCharsets.US_ASCII);
    fake.setAudio(AGENT, RESTAURANT, wav);
    wav[0] = 'X';
    byte[] expected = "RIFF-custom-bytes".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(expected, Http.bytes(request(fake, AUDIO).build()));
    assertArrayEquals(
        expected, Http.bytes(request(fake, AUDIO + "?direction=agent&redacted=true").build()));
  }

  @Test
  void setAudioGivesARecordingToAConversationWithoutOne() throws IOException {
    fake.setAudio(AGENT, CHAT, new byte[] {1, 2, 3});
    assertArrayEquals(
        new byte[] {1, 2, 3},
        Http.bytes(
            request(fake, "v1/agents/" + AGENT + "/conversations/" + CHAT + "/audio").build()));
  }

  @Test
  void setAudioRejectsAnUnknownConversation() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> fake.setAudio(AGENT, "CA-nope", new byte[0]));
    assertEquals("no conversation CA-nope for agent " + AGENT + "; add it first", e.getMessage());
  }

  @Test
  void setAudioSizeServesASilentWavOfExactlyThatSize() throws IOException {
    fake.setAudioSize(AGENT, RESTAURANT, 100_000);
    try (Response response = Http.CLIENT.newCall(request(fake, AUDIO).build()).execute()) {
      assertEquals("100000", response.header("Content-Length"));
      byte[] wav = response.body().bytes();
      assertEquals(100_000, wav.length);
      assertEquals(8000, sampleRate(wav));
      assertEquals(100_000 - 8, ByteBuffer.wrap(wav, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
      assertEquals(
          100_000 - 44, ByteBuffer.wrap(wav, 40, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
      assertTrue(silent(wav));
    }
  }

  @Test
  void streamsALargeRecordingWithoutHoldingItInMemory() throws IOException {
    long size = 1L << 30; // 1 GiB, several times this JVM's heap limit (see pom).
    fake.setAudioSize(AGENT, RESTAURANT, size);
    try (Response response = Http.CLIENT.newCall(request(fake, AUDIO).build()).execute()) {
      assertEquals(200, response.code());
      assertEquals(Long.toString(size), response.header("Content-Length"));
      BufferedSource body = response.body().source();
      assertEquals("RIFF", body.readUtf8(4));
      long read = 4 + body.readAll(Okio.blackhole());
      assertEquals(size, read);
    }
  }

  @Test
  void setAudioSizeRejectsSizesAWavCannotHave() {
    IllegalArgumentException small =
        assertThrows(
            IllegalArgumentException.class, () -> fake.setAudioSize(AGENT, RESTAURANT, 43));
    assertEquals("bytes must be 44 to 4294967303: 43", small.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> fake.setAudioSize(AGENT, RESTAURANT, 4294967304L));
  }

  private static String ascii(byte[] bytes, int offset) {
    return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
  }

  private static int sampleRate(byte[] wav) {
    return ByteBuffer.wrap(wav, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static boolean silent(byte[] wav) {
    for (int i = 44; i < wav.length; i++) {
      if (wav[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
