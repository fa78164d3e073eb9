package ai.poly.data.androidcheck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.Conversation;
import ai.poly.data.ConversationPage;
import ai.poly.data.ConversationSummary;
import ai.poly.data.DebugChat;
import ai.poly.data.DebugChatReply;
import ai.poly.data.Entity;
import ai.poly.data.FunctionEvent;
import ai.poly.data.MetricSample;
import ai.poly.data.PolyAiApiException;
import ai.poly.data.PolyAiException;
import ai.poly.data.Summary;
import ai.poly.data.Turn;
import ai.poly.data.testing.FakeDataApi;
import ai.poly.data.testing.ReceivedRequest;
import ai.poly.data.testing.RecordedAnnotation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Shrinks and obfuscates {@link SampleApp} with the library and its dependencies, using only the
 * rules the jars ship ({@link Shrinker}), runs the shrunk jar in a new JVM against a {@link
 * FakeDataApi}, and checks that it reads everything the original app reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleAppTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String CONVERSATION = "CA9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a";
  private static final String MISSING = "CA0000000000000000000000000000missing";
  private static final String CORRELATION_PLACEHOLDER = "<correlation-id>";

  private FakeDataApi fake;
  private Shrinker.Result shrunk;
  private Map<String, String> shrunkOutput;
  private Map<String, String> originalOutput;
  private List<ReceivedRequest> shrunkRequests;
  private List<RecordedAnnotation> shrunkAnnotations;
  private String shrunkNote;
  private List<String> shrunkChatMessages;

  @BeforeAll
  void shrinkAndRun() throws Exception {
    List<Path> runtime = BuildOutput.appRuntimeClasspath();
    shrunk =
        Shrinker.shrink(
            BuildOutput.appClasses(),
            runtime,
            SampleApp.class.getName(),
            BuildOutput.target().resolve("shrunk-sample-app"));
    // Run inside the reactor: a stale polyai-data-* jar from ~/.m2 would carry no (or old) rules.
    assertTrue(
        shrunk.ruleFiles().stream().anyMatch(name -> name.startsWith("polyai-data-client")),
        () -> "no consumer rules of polyai-data-client in " + runtime);

    fake = FakeDataApi.start();
    fake.addConversation(AGENT, resource("conversation-every-field.json"));
    fake.addSampleConversations(AGENT);
    String[] args = {fake.baseUrl(), fake.apiKey(), AGENT, CONVERSATION, MISSING};

    // The first call, the note's POST, meets a 503: it is retried only if the client can still read
    // the API method's @POST path.
    fake.failNext(1, 503);
    shrunkOutput = lines(runShrunk(args));
    shrunkRequests = fake.requests();
    shrunkAnnotations = fake.annotations(AGENT, CONVERSATION);
    shrunkNote = fake.note(AGENT, CONVERSATION);
    shrunkChatMessages = fake.debugChatMessages(AGENT, SampleApp.CHAT_ID);
    fake.failNext(1, 503);
    originalOutput = lines(runOriginal(args));
  }

  @AfterAll
  void stopFake() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void shrunkAppPrintsWhatTheOriginalPrints() {
    assertEquals(masked(originalOutput), masked(shrunkOutput));
  }

  @Test
  void shrunkAppReadsEveryFieldOfTheConversation() {
    Map<String, String> out = shrunkOutput;
    assertAll(
        () -> assertEquals(CONVERSATION, out.get("conversation.conversationId")),
        () -> assertEquals("ws-3f8e2a61", out.get("conversation.accountId")),
        () -> assertEquals("2026-11-02T09:15:03.250Z", out.get("conversation.startedAt")),
        () -> assertEquals("PT1M38.5S", out.get("conversation.duration")),
        () -> assertEquals("[booking, spanish, deposit]", out.get("conversation.tags")),
        () -> assertEquals("7.25", out.get("conversation.polyScore")),
        () -> assertEquals("Deposit question", out.get("conversation.shortSummary.heading")),
        () -> assertEquals("{csatScore=4}", out.get("conversation.additionalProperties")),
        () -> assertEquals("2", out.get("conversation.turns.size")),
        () -> assertEquals("#", out.get("conversation.turns[1].userInputDtmf")),
        () -> assertEquals(
            "2026-11-02T08:15:32.450Z", out.get("conversation.turns[1].agentResponseAt")),
        () -> assertEquals("PT1.2715S", out.get("conversation.turns[0].latency")),
        () -> assertEquals(
            "Of course. For which day?", out.get("conversation.turns[0].englishAgentResponse")),
        () -> assertEquals(
            "[2026-11-07, sábado]", out.get("conversation.turns[0].entities[1].values")),
        () -> assertEquals("true", out.get("conversation.turns[1].isOutOfDomain")),
        () -> assertTrue(
            out.get("conversation.turns[0].additionalProperties").contains("turn_id=990100201")),
        () -> assertEquals("862", out.get("conversation.metrics[LATENCY_MS][1].value")),
        () -> assertEquals(
            "2026-11-02T09:16:41.925117Z",
            out.get("conversation.metrics[CALL_DURATION][0].timestamp")),
        () -> assertEquals("2", out.get("conversation.functionEvents.size")),
        () -> assertEquals("take_deposit", out.get("conversation.functionEvents[1].name")),
        () -> assertEquals("PT1.53S", out.get("conversation.functionEvents[1].duration")),
        () -> assertEquals(
            "{\"code\":\"UNSUPPORTED_METHOD\",\"detail\":\"bizum\"}",
            out.get("conversation.functionEvents[1].error")),
        () -> assertEquals(
            "{party_size=4, date=2026-11-07, flexible=true}",
            out.get("conversation.functionEvents[0].arguments")),
        () -> assertEquals("true", out.get("async.equalsGet")));
  }

  @Test
  void shrunkAppReadsTheErrorResponse() {
    ReceivedRequest missing = shrunkRequests.get(shrunkRequests.size() - 1);
    assertEquals("/v1/agents/" + AGENT + "/conversations/" + MISSING, missing.path());
    String sentCorrelationId = missing.header("X-PolyAI-Correlation-Id");
    assertNotNull(sentCorrelationId);
    assertAll(
        () -> assertEquals("true", shrunkOutput.get("error.isNotFoundException")),
        () -> assertEquals("404", shrunkOutput.get("error.statusCode")),
        () -> assertEquals("CONVERSATIONS_NOT_FOUND", shrunkOutput.get("error.errorCode")),
        () -> assertEquals(sentCorrelationId, shrunkOutput.get("error.correlationId")),
        () -> assertEquals("1", shrunkOutput.get("error.attempts")));
  }

  @Test
  void shrunkAppLogsUnderTheDocumentedLoggerName() {
    String url = fake.baseUrl() + "v1/agents/" + AGENT + "/conversations/" + MISSING;
    assertEquals("--> GET " + url, shrunkOutput.get("log[0]"));
    assertEquals("<-- 404 Not Found " + url + " (<ms>)", shrunkOutput.get("log[1]"));
  }

  @Test
  void shrunkAppSentEveryRequestWithTheApiKey() {
    String conversations = "/v1/agents/" + AGENT + "/conversations";
    String chats = "/v1/agents/" + AGENT + "/debug-chat";
    assertEquals(
        List.of(
            "POST " + conversations + "/" + CONVERSATION + "/note",
            "POST " + conversations + "/" + CONVERSATION + "/note",
            "GET " + conversations + "/" + CONVERSATION,
            "GET " + conversations + "/" + CONVERSATION,
            "POST " + conversations + "/" + CONVERSATION + "/annotation",
            "GET " + conversations + "?limit=2",
            "GET " + conversations + "?limit=2&offset=2",
            "POST " + chats,
            "POST " + chats + "/" + SampleApp.CHAT_ID,
            "GET " + conversations + "/" + MISSING),
        shrunkRequests.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toList()));
    for (ReceivedRequest request : shrunkRequests) {
      assertEquals(fake.apiKey(), request.header("X-API-KEY"));
    }
  }

  @Test
  void shrunkAppWroteTheNoteAnnotationsAndChatMessage() {
    assertEquals(SampleApp.NOTE, shrunkNote);
    assertEquals(SampleApp.NOTE, shrunkOutput.get("conversation.note"));
    // The generated enums' @Json names, not their constant names, reached the service.
    assertEquals(
        List.of(
            RecordedAnnotation.of(1, "agent", "wrong_info"),
            RecordedAnnotation.of(0, "user", "wrong_transcript")),
        shrunkAnnotations);
    assertEquals(List.of(SampleApp.CHAT_MESSAGE), shrunkChatMessages);
  }

  @Test
  void shrunkAppReadsConversationPages() {
    Map<String, String> out = shrunkOutput;
    assertAll(
        () -> assertEquals("3", out.get("page.count")),
        () -> assertEquals("2", out.get("page.limit")),
        () -> assertEquals("true", out.get("page.hasNextPage")),
        () -> assertEquals("2", out.get("page.conversations.size")),
        () -> assertEquals(CONVERSATION, out.get("page.conversations[0].conversationId")),
        () -> assertEquals("PT1M38.5S", out.get("page.conversations[0].duration")),
        () -> assertEquals(
            "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d", out.get("page.conversations[1].conversationId")),
        () -> assertEquals(
            "Table booking for eleven", out.get("page.conversations[1].shortSummary.heading")),
        () -> assertEquals("2", out.get("nextPage.offset")),
        () -> assertEquals("false", out.get("nextPage.hasNextPage")),
        () -> assertEquals("1", out.get("nextPage.conversations.size")),
        () -> assertEquals(
            "CHAT-7b3e9d1a-4c6f-4a2b-8e0d-5f1a3c7e9b2d",
            out.get("nextPage.conversations[0].conversationId")),
        () -> assertEquals("WEBCHAT", out.get("nextPage.conversations[0].channel")));
  }

  @Test
  void shrunkAppChats() {
    assertAll(
        () -> assertEquals(SampleApp.CHAT_ID, shrunkOutput.get("chat.conversationId")),
        () -> assertEquals(
            "Hello! You're chatting with a fake PolyAI agent. How can I help?",
            shrunkOutput.get("chat.greeting.response")),
        () -> assertEquals("greeting", shrunkOutput.get("chat.greeting.currentNode")),
        () -> assertEquals(SampleApp.CHAT_MESSAGE, shrunkOutput.get("chat.reply.userInput")),
        () -> assertEquals(
            "You said: " + SampleApp.CHAT_MESSAGE, shrunkOutput.get("chat.reply.response")),
        () -> assertEquals("false", shrunkOutput.get("chat.isEnded")));
  }

  /** Every accessor of the types the app reads is printed, so a new one is not left unchecked. */
  @Test
  void sampleAppPrintsEveryAccessor() {
    List<String> missing = new ArrayList<>();
    for (Class<?> type :
        List.of(
            ConversationSummary.class,
            Conversation.class,
            ConversationPage.class,
            DebugChat.class,
            DebugChatReply.class,
            Summary.class,
            Turn.class,
            Entity.class,
            MetricSample.class,
            FunctionEvent.class,
            PolyAiException.class,
            PolyAiApiException.class)) {
      for (Method method : type.getDeclaredMethods()) {
        String name = method.getName();
        if (Modifier.isPublic(method.getModifiers())
            && !Modifier.isStatic(method.getModifiers())
            && method.getParameterCount() == 0
            && !List.of("toString", "hashCode").contains(name)
            && !name.endsWith("Async")
            && originalOutput.keySet().stream().noneMatch(key -> printed(key, name))) {
          missing.add(type.getSimpleName() + "." + name + "()");
        }
      }
    }
    assertEquals(List.of(), missing, "accessors SampleApp does not print");
  }

  @Test
  void shrinkerRenamedAndRemovedWhatTheRulesDoNotKeep() throws IOException {
    String mapping = read(shrunk.mapping());
    assertAll(
        () -> assertEquals(
            List.of(
                "moshi-1.15.2-moshi.pro",
                "okhttp-4.12.0-okhttp3.pro",
                "polyai-data-client-0.1.0-SNAPSHOT-polyai-data-client.pro",
                "polyai-data-generated-0.1.0-SNAPSHOT-polyai-data-generated.pro",
                "retrofit-3.0.0-retrofit2.pro"),
            shrunk.ruleFiles().stream().sorted().toList()),
        // The library's own classes are obfuscated...
        () -> assertFalse(mapping.contains("ai.poly.data.Turn -> ai.poly.data.Turn:")),
        () -> assertTrue(mapping.contains("ai.poly.data.Turn -> ")),
        // ...the generated models keep their names and fields but lose unused methods.
        () -> assertTrue(mapping.contains(
            "ai.poly.data.generated.model.ConversationDetailResponse -> "
                + "ai.poly.data.generated.model.ConversationDetailResponse:")),
        () -> assertTrue(mapping.contains("java.lang.String conversationId -> conversationId")),
        () -> assertFalse(mapping.contains("getConversationId")));
  }

  /** Whether {@code key}, e.g. {@code conversation.turns[0].latency}, names {@code accessor}. */
  private static boolean printed(String key, String accessor) {
    return Arrays.asList(key.split("[.\\[\\]]")).contains(accessor);
  }

  private String runShrunk(String[] args) throws Exception {
    Path stdout = shrunk.jar().resolveSibling("stdout.txt");
    Path stderr = shrunk.jar().resolveSibling("stderr.txt");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(shrunk.jar().toString());
    command.add(SampleApp.class.getName());
    command.addAll(Arrays.asList(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the shrunk app did not finish in 60 s; stderr: " + read(stderr));
    }
    assertEquals(0, process.exitValue(), () -> "the shrunk app failed: " + readQuietly(stderr));
    return read(stdout);
  }

  private static String runOriginal(String[] args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, UTF_8)) {
      SampleApp.run(args, out);
    }
    return bytes.toString(UTF_8);
  }

  /** The printed lines by name, in order. */
  private static Map<String, String> lines(String output) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (String line : output.split("\n", -1)) {
      if (!line.isEmpty()) {
        int equals = line.indexOf('=');
        assertTrue(equals > 0, () -> "not a name=value line: " + line);
        String name = line.substring(0, equals);
        assertNull(lines.put(name, line.substring(equals + 1)), () -> "printed twice: " + name);
      }
    }
    return lines;
  }

  /** The output with the run's own correlation id (a fresh UUID per call) replaced. */
  private static String masked(Map<String, String> lines) {
    String correlationId = lines.get("error.correlationId");
    assertNotNull(correlationId, "no error.correlationId line");
    return lines.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().replace(correlationId, CORRELATION_PLACEHOLDER))
        .collect(Collectors.joining("\n"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SampleAppTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), UTF_8);
  }

  private static String readQuietly(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
