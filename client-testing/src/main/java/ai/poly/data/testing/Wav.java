package ai.poly.data.testing;

import okio.Buffer;

/** Small generated WAV files: 16-bit little-endian PCM, mono. */
final class Wav {
  /** RIFF, WAVE, a 16-byte fmt chunk and the data chunk's header. */
  static final int HEADER_SIZE = 44;

  /**
   * The largest body {@link #silence} makes. The RIFF size field is an unsigned 32-bit count of
   * everything after its first 8 bytes, so a WAV file cannot be longer than 4 GiB plus 8 bytes.
   */
  static final long MAX_SIZE = 0xFFFFFFFFL + 8;

  /** Sample rate of every silent recording made by {@link #silence}. */
  static final int SILENCE_SAMPLE_RATE = 8000;

  /** Length of a generated recording: a quarter of a second. */
  private static final int GENERATED_MILLIS = 250;

  /** Frequency of the tone in an unredacted generated recording. */
  private static final int TONE_HZ = 440;

  private static final int TONE_AMPLITUDE = 8000;

  /**
   * How much silence one shared segment holds. Okio's segments are 8 KiB; each copy of this buffer
   * shares its byte array instead of allocating one.
   */
  private static final int SILENCE_CHUNK = 8192;

  private Wav() {}

  /** The sample rate that tells {@code direction} apart in a generated recording. */
  static int sampleRate(String direction) {
    switch (direction) {
      case "user":
        return 16000;
      case "agent":
        return 24000;
      default:
        return 8000;
    }
  }

  /**
   * A quarter of a second of audio at {@link #sampleRate}: a 440 Hz tone, or silence when {@code
   * redacted}.
   */
  static Buffer generated(String direction, boolean redacted) {
    int sampleRate = sampleRate(direction);
    int samples = sampleRate * GENERATED_MILLIS / 1000;
    Buffer wav = header(sampleRate, samples * 2L);
    for (int i = 0; i < samples; i++) {
      short sample =
          redacted
              ? 0
              : (short)
                  Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * i / sampleRate));
      wav.writeShortLe(sample);
    }
    return wav;
  }

  /**
   * A WAV file of exactly {@code totalSize} bytes: a header then silence.
   *
   * <p>The silence is one 8 KiB array shared by every segment of the buffer (Okio copies buffers by
   * sharing segments, and never writes into a shared one), so a 1 GiB body costs about 5 MB of
   * segment objects rather than 1 GiB of bytes. MockWebServer writes a body from a buffer; this
   * keeps that buffer cheap.
   */
  static Buffer silence(long totalSize) {
    long dataSize = totalSize - HEADER_SIZE;
    Buffer wav = header(SILENCE_SAMPLE_RATE, dataSize);
    Buffer chunk = new Buffer().write(new byte[SILENCE_CHUNK]);
    for (long remaining = dataSize; remaining > 0; ) {
      long count = Math.min(remaining, SILENCE_CHUNK);
      chunk.copyTo(wav, 0, count);
      remaining -= count;
    }
    return wav;
  }

  private static Buffer header(int sampleRate, long dataSize) {
    Buffer header = new Buffer();
    header.writeUtf8("RIFF").writeIntLe((int) (36 + dataSize)).writeUtf8("WAVE");
    header.writeUtf8("fmt ").writeIntLe(16);
    header.writeShortLe(1); // PCM
    header.writeShortLe(1); // mono
    header.writeIntLe(sampleRate);
    header.writeIntLe(sampleRate * 2); // byte rate
    header.writeShortLe(2); // block align
    header.writeShortLe(16); // bits per sample
    header.writeUtf8("data").writeIntLe((int) dataSize);
    return header;
  }
}
