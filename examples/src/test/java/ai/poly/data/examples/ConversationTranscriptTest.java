package ai.poly.data.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.testing.FakeDataApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTranscriptTest {
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** One run of the demo, with what it printed. */
  private record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ConversationTranscript.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = ConversationTranscriptTest.class.getResourceAsStream("/expected/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void withoutArgumentsOrKeyPrintsTheBundledSampleFromTheLocalFake() throws IOException {
    Run run = run(Map.of());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(expected("sample-transcript.txt"), run.out());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(
        run.errLines().get(0).matches(
            "POLYAI_API_KEY is not set: using a local fake of the Data API at http://127\\.0\\.0\\.1:\\d+/"
                + " with bundled sample conversations \\(agent PROJECT-K4T9QZ2M\\)\\."),
        run.err());
  }

  @Test
  void printsTheChatSampleByItsIds() {
    Run run = run(Map.of(), "PROJECT-K4T9QZ2M", "CHAT-7b3e9d1a-4c6f-4a2b-8e0d-5f1a3c7e9b2d");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Conversation CHAT-7b3e9d1a-4c6f-4a2b-8e0d-5f1a3c7e9b2d (agent PROJECT-K4T9QZ2M)\n"), run.out());
    assertTrue(run.out().contains("\nChannel    WEBCHAT\n"), run.out());
    assertTrue(run.out().contains("\nHandoff    no\n"), run.out());
  }

  @Test
  void jsonPrintsTheTypedConversation() {
    Run run = run(Map.of(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out();
    assertTrue(json.startsWith("{\n  \"conversationId\": \"CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d\","), json);
    assertTrue(json.contains("\"totalDuration\": \"PT2M27S\""), json);
    assertTrue(json.contains("\"startedAt\": \"2026-10-14T18:02:11.204Z\""), json);
    assertTrue(json.contains("\"heading\": \"Table booking for eleven\""), json);
    assertTrue(json.contains("\"latency\": \"PT1.707532S\""), json);
    assertTrue(json.contains("\"turn_id\": 881203345"), json);
    assertTrue(json.contains("\"CALL_DURATION\": ["), json);
    assertTrue(json.contains("\"name\": \"transfer_large_party\""), json);
    assertEquals(5, json.split("\"index\": ").length - 1, json);
  }

  @Test
  void unknownConversationIsOneLineAndExitCodeOne() {
    Run run = run(Map.of(), "PROJECT-K4T9QZ2M", "CA-missing");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(2, run.errLines().size(), run.err());
    assertTrue(
        run.errLines().get(1).matches(
            "not found: conversation CA-missing of agent PROJECT-K4T9QZ2M \\(correlation id " + UUID + "\\)"),
        run.err());
  }

  @Test
  void wrongKeyAgainstTheServiceIsOneLineAndExitCodeOne() throws Exception {
    try (FakeDataApi fake = FakeDataApi.start()) {
      fake.addSampleConversations("PROJECT-K4T9QZ2M");
      Run run =
          run(
              Map.of("POLYAI_API_KEY", "not-the-key", "POLYAI_BASE_URL", fake.baseUrl()),
              "PROJECT-K4T9QZ2M",
              ConversationTranscript.SAMPLE_CONVERSATION);
      assertEquals(1, run.exitCode());
      String sent = fake.takeRequest().header("X-PolyAI-Correlation-Id");
      assertEquals(
          List.of("not authorised: check POLYAI_API_KEY and the region (correlation id " + sent + ")"),
          run.errLines());
    }
  }

  @Test
  void withAKeyCallsTheConfiguredServiceNotTheFake() throws Exception {
    try (FakeDataApi fake = FakeDataApi.start()) {
      fake.addSampleConversations("PROJECT-K4T9QZ2M");
      Run run =
          run(
              Map.of("POLYAI_API_KEY", fake.apiKey(), "POLYAI_BASE_URL", fake.baseUrl()),
              "PROJECT-K4T9QZ2M",
              ConversationTranscript.SAMPLE_CONVERSATION);
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(expected("sample-transcript.txt"), run.out());
      assertEquals("", run.err());
      assertEquals(1, fake.requestCount());
    }
  }

  @Test
  void withAKeyButNoIdsIsAUsageError() {
    Run run = run(Map.of("POLYAI_API_KEY", "k"));
    assertEquals(2, run.exitCode());
    assertEquals(
        List.of("error: give an agentId and a conversationId to fetch from PolyAI", ConversationTranscript.USAGE),
        run.errLines());
  }

  @Test
  void oneIdOnlyIsAUsageError() {
    Run run = run(Map.of(), "PROJECT-K4T9QZ2M");
    assertEquals(2, run.exitCode());
    assertEquals(
        List.of("error: give both an agentId and a conversationId", ConversationTranscript.USAGE),
        run.errLines());
  }

  @Test
  void unknownRegionListsTheValidOnes() {
    Run run = run(Map.of(), "--region", "mars");
    assertEquals(2, run.exitCode());
    assertEquals(
        "error: unknown region 'mars': expected one of us, eu, uk, studio", run.errLines().get(0));
  }
}
