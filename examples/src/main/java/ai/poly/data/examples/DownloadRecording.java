package ai.poly.data.examples;

import ai.poly.data.AudioDirection;
import ai.poly.data.AudioOptions;
import ai.poly.data.PolyAiData;
import ai.poly.data.PolyAiException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Downloads a conversation's recording to a file, streaming it: the file is complete or absent.
 *
 * <pre>
 * DownloadRecording [--direction combined|user|agent] [--redacted] agentId conversationId file
 * </pre>
 *
 * <p>Configured from the environment as {@link PolyAiData#fromEnv()} is ({@code POLYAI_API_KEY},
 * {@code POLYAI_REGION}, {@code POLYAI_BASE_URL}).
 */
public final class DownloadRecording {
  static final String USAGE =
      "usage: DownloadRecording [--direction combined|user|agent] [--redacted]"
          + " agentId conversationId file";

  private DownloadRecording() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Downloads; returns the process exit code (0 ok, 1 the call failed, 2 bad usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    AudioOptions.Builder options = AudioOptions.builder();
    List<String> positional = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--redacted")) {
          options.redacted(true);
        } else if (args[i].equals("--direction") && i + 1 < args.length) {
          options.direction(AudioDirection.valueOf(args[++i].toUpperCase(Locale.ROOT)));
        } else if (args[i].startsWith("-")) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        } else {
          positional.add(args[i]);
        }
      }
      if (positional.size() != 3) {
        throw new IllegalArgumentException("give an agentId, a conversationId and a file");
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Path target = Paths.get(positional.get(2));
    try (PolyAiData client = PolyAiData.fromEnv()) {
      long bytes =
          client
              .conversations()
              .downloadAudio(positional.get(0), positional.get(1), options.build(), target);
      out.println("wrote " + bytes + " bytes to " + target);
      return 0;
    } catch (PolyAiException | IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }
}
