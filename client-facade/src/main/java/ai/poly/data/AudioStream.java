package ai.poly.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's recording as it arrives from the service, from {@link Conversations#audio}: read
 * it as any {@link InputStream}, and close it (try-with-resources) to release the connection.
 *
 * <pre>{@code
 * try (AudioStream audio = client.conversations().audio(agentId, conversationId, AudioOptions.defaults())) {
 *   String type = audio.contentType(); // "audio/wav"
 *   player.play(audio);
 * }
 * }</pre>
 *
 * <p>Nothing is buffered beyond OkHttp's few kilobytes, so a recording of any length takes little
 * memory. A connection that fails mid-recording makes {@code read} throw an {@link IOException}.
 * Not thread-safe.
 */
public final class AudioStream extends InputStream {
  private static final ByteString RIFF = ByteString.encodeUtf8("RIFF");
  private static final ByteString WAVE = ByteString.encodeUtf8("WAVE");
  private static final ByteString[] SIGNATURES = {
    ByteString.encodeUtf8("OggS"),
    ByteString.encodeUtf8("fLaC"),
    ByteString.encodeUtf8("ID3"),
    ByteString.encodeUtf8("FORM"),
    ByteString.encodeUtf8(".snd"),
  };

  private final ResponseBody body;
  private final InputStream stream;

  private AudioStream(ResponseBody body) {
    this.body = body;
    this.stream = body.byteStream();
  }

  /**
   * Checks that a success response carries audio and wraps it; otherwise closes it.
   *
   * @throws InvalidBodyException if the body is empty or is not audio (a JSON or HTML page, say)
   * @throws UncheckedIOException if the first bytes cannot be read
   */
  static AudioStream open(ResponseBody body) {
    boolean opened = false;
    try {
      check(body);
      AudioStream audio = new AudioStream(body);
      opened = true;
      return audio;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!opened) {
        body.close();
      }
    }
  }

  private static void check(ResponseBody body) throws IOException {
    MediaType type = body.contentType();
    BufferedSource source = body.source();
    if (type != null && type.type().toLowerCase(Locale.ROOT).equals("audio")) {
      if (body.contentLength() == 0 || !source.request(1)) {
        throw new InvalidBodyException("the recording is empty (" + type + ")", "");
      }
      return;
    }
    boolean binary = type == null || type.subtype().toLowerCase(Locale.ROOT).equals("octet-stream");
    if (binary && looksLikeAudio(source)) {
      return;
    }
    // Read as long as any excerpt is: ApiCalls scrubs the key before cutting, never after.
    Buffer start = Bodies.readAtMost(source.peek(), HeadersInterceptor.MAX_ERROR_BODY_BYTES);
    String what = type == null ? "has no content type" : "is " + type;
    throw new InvalidBodyException(
        start.size() == 0
            ? "expected a recording but the response body is empty"
            : "expected a recording but the response " + what + ", and not audio",
        start.readUtf8());
  }

  /** Whether the body starts as a WAV, Ogg, FLAC, MP3, AIFF or AU file does. */
  private static boolean looksLikeAudio(BufferedSource source) throws IOException {
    source.request(12);
    Buffer head = source.getBuffer();
    long size = head.size();
    if (size >= 12 && head.rangeEquals(0, RIFF) && head.rangeEquals(8, WAVE)) {
      return true;
    }
    for (ByteString signature : SIGNATURES) {
      if (size >= signature.size() && head.rangeEquals(0, signature)) {
        return true;
      }
    }
    // An MPEG audio frame without an ID3 tag starts with an 11-bit sync word.
    return size >= 2 && (head.getByte(0) & 0xff) == 0xff && (head.getByte(1) & 0xe0) == 0xe0;
  }

  /**
   * {@return the recording's media type, e.g. {@code audio/wav}, or null when the service did not
   * say}
   */
  public @Nullable String contentType() {
    MediaType type = body.contentType();
    return type != null ? type.toString() : null;
  }

  /** {@return the recording's length in bytes, or -1 when the service did not say} */
  public long contentLength() {
    return body.contentLength();
  }

  @Override
  public int read() throws IOException {
    return stream.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return stream.read(buffer, offset, length);
  }

  @Override
  public long skip(long n) throws IOException {
    return stream.skip(n);
  }

  @Override
  public int available() throws IOException {
    return stream.available();
  }

  /** The recording as a channel, for a copy that skips this stream's byte arrays. */
  ReadableByteChannel channel() {
    return body.source();
  }

  /** Releases the connection; the rest of the recording, if any, is not read. Idempotent. */
  @Override
  public void close() {
    body.close();
  }

  @Override
  public String toString() {
    return "AudioStream{contentType=" + contentType() + ", contentLength=" + contentLength() + "}";
  }
}
