package ai.poly.data.examples;

import ai.poly.data.AuthenticationException;
import ai.poly.data.Conversation;
import ai.poly.data.NotFoundException;
import ai.poly.data.PolyAiData;
import ai.poly.data.PolyAiException;
import ai.poly.data.Region;
import ai.poly.data.testing.FakeDataApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fetches one conversation and prints it as a transcript (or, with {@code --json}, as JSON).
 *
 * <pre>
 * ConversationTranscript [--region us|eu|uk|studio] [--json] [agentId conversationId]
 * </pre>
 *
 * <p>With {@code POLYAI_API_KEY} set it calls PolyAI's Data API. Without it, it starts a local
 * {@link FakeDataApi} seeded with bundled sample conversations and fetches from it through the
 * ordinary client; with no ids it shows the sample call.
 */
public final class ConversationTranscript {
  static final String SAMPLE_AGENT = "PROJECT-K4T9QZ2M";
  static final String SAMPLE_CONVERSATION = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  static final String USAGE =
      "usage: ConversationTranscript [--region us|eu|uk|studio] [--json] [agentId conversationId]";

  private ConversationTranscript() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), out, err));
  }

  /** Runs the demo; returns the process exit code (0 ok, 1 the call failed, 2 bad usage). */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Region region = null;
    boolean json = false;
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--json")) {
          json = true;
        } else if (arg.equals("--region")) {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--region needs a value");
          }
          region = Region.of(args[++i]);
        } else if (arg.startsWith("--region=")) {
          region = Region.of(arg.substring("--region=".length()));
        } else if (arg.equals("--help") || arg.equals("-h")) {
          out.println(USAGE);
          return 0;
        } else if (arg.startsWith("-")) {
          throw new IllegalArgumentException("unknown option " + arg);
        } else {
          ids.add(arg);
        }
      }
      if (ids.size() == 1 || ids.size() > 2) {
        throw new IllegalArgumentException("give both an agentId and a conversationId");
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }

    String apiKey = env.get("POLYAI_API_KEY");
    boolean offline = apiKey == null || apiKey.trim().isEmpty();
    if (!offline && ids.isEmpty()) {
      err.println("error: give an agentId and a conversationId to fetch from PolyAI");
      err.println(USAGE);
      return 2;
    }
    String agentId = ids.isEmpty() ? SAMPLE_AGENT : ids.get(0);
    String conversationId = ids.isEmpty() ? SAMPLE_CONVERSATION : ids.get(1);

    FakeDataApi fake = null;
    try {
      PolyAiData.Builder builder = PolyAiData.builder();
      if (offline) {
        fake = FakeDataApi.start();
        fake.addSampleConversations(SAMPLE_AGENT);
        err.println(
            "POLYAI_API_KEY is not set: using a local fake of the Data API at "
                + fake.baseUrl()
                + " with bundled sample conversations (agent "
                + SAMPLE_AGENT
                + ").");
        builder.apiKey(fake.apiKey()).baseUrl(fake.baseUrl());
      } else {
        builder.apiKey(apiKey.trim());
        String baseUrl = env.get("POLYAI_BASE_URL");
        if (region != null || baseUrl == null || baseUrl.trim().isEmpty()) {
          String fromEnv = env.get("POLYAI_REGION");
          builder.region(region != null ? region : fromEnv != null && !fromEnv.trim().isEmpty() ? Region.of(fromEnv) : Region.US);
        } else {
          builder.baseUrl(baseUrl.trim());
        }
      }
      try (PolyAiData client = builder.build()) {
        Conversation conversation = client.conversations().get(agentId, conversationId);
        if (json) {
          out.println(ConversationJson.write(conversation));
        } else {
          new TranscriptPrinter(out).print(conversation);
        }
      }
      return 0;
    } catch (NotFoundException e) {
      err.println("not found: conversation " + conversationId + " of agent " + agentId + suffix(e));
      return 1;
    } catch (AuthenticationException e) {
      err.println("not authorised: check POLYAI_API_KEY and the region" + suffix(e));
      return 1;
    } catch (PolyAiException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: " + e);
      return 1;
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  private static String suffix(PolyAiException e) {
    return e.correlationId() == null ? "" : " (correlation id " + e.correlationId() + ")";
  }
}
