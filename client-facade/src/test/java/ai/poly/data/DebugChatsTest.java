package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.parseObject;
import static ai.poly.data.HttpTestSupport.resource;
import static ai.poly.data.HttpTestSupport.sentCorrelationId;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DebugChatsTest {
  static final String CHAT_ID = "CHAT-2f4e6a8c-0b1d-4f3a-9c5e-7d9b1f3a5c7e";
  static final String CREATE_PATH = "/v1/agents/" + AGENT + "/debug-chat";
  static final String GREETING = "Hello, you've reached Harbour Kitchen. How can I help?";

  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;
  private final FakeTime time = new FakeTime();

  /** A debug-chat response in the spec's shape. */
  static MockResponse chatResponse(int status, String response, boolean ended) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"conversationId\": \""
                + CHAT_ID
                + "\", \"userInput\": \"\", \"response\": \""
                + response
                + "\", \"metadata\": {\"state\": {}, \"currentNode\": \"greeting\","
                + " \"nodeTrace\": [\"greeting\"], \"metrics\": {}, \"functionEvents\": []},"
                + " \"conversationEnded\": "
                + ended
                + ", \"delayedResponse\": false}");
  }

  static MockResponse greeting() {
    return chatResponse(201, GREETING, false);
  }

  static MockResponse error(int status, String code) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"success\": false, \"error\": \"no\", \"error_id\": \"e-1\", \"error_code\": \""
                + code
                + "\", \"error_message\": \"Rejected\", \"data\": null}");
  }

  private static void assertJsonBody(String expectedJson, RecordedRequest request) {
    assertEquals("application/json", request.getHeader("Content-Type"));
    assertEquals(parseObject(expectedJson), parseObject(request.getBody().readUtf8()));
  }

  private void assertFailsBeforeAnyRequest(
      Class<? extends Throwable> type, String message, Executable call) {
    Throwable e = assertThrows(type, call);
    assertEquals(message, e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void startSendsEveryOptionAndReturnsTheChatWithItsGreeting() throws Exception {
    server.enqueue(greeting());
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("caller_tier", "gold");
    attributes.put("loyalty_points", 1250);
    attributes.put("opt_in_sms", true);
    attributes.put("preferred_branches", Arrays.asList("Harbour", "Old Town"));
    DebugChatOptions options =
        DebugChatOptions.builder()
            .clientEnv(ClientEnv.SANDBOX)
            .asrLangCode("en-GB")
            .ttsLangCode("en-GB")
            .conversationId("CHAT-qa-2026-10-14-001")
            .variantId("Main line")
            .channel("chat.polyai")
            .integrationAttributes(attributes)
            .build();

    DebugChat chat = api.client().debugChat().start(AGENT, options);

    RecordedRequest request = taken(server);
    assertEquals("POST", request.getMethod());
    assertEquals(CREATE_PATH, request.getPath());
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    sentCorrelationId(request);
    assertJsonBody(resource("/payloads/create-debug-chat-body.json"), request);
    assertEquals(AGENT, chat.agentId());
    assertEquals(CHAT_ID, chat.conversationId());
    assertEquals(GREETING, chat.greeting().response());
    assertEquals("greeting", chat.greeting().currentNode());
    assertFalse(chat.isEnded());
  }

  @Test
  void startWithDefaultsSendsOnlyTheSandboxEnvironment() throws Exception {
    server.enqueue(greeting());

    DebugChat chat = api.client().debugChat().start(AGENT);

    RecordedRequest request = taken(server);
    assertEquals("POST", request.getMethod());
    assertEquals(CREATE_PATH, request.getPath());
    assertEquals("{\"clientEnv\":\"sandbox\"}", request.getBody().readUtf8());
    assertEquals(CHAT_ID, chat.conversationId());
  }

  @Test
  void startSendsTheWireValueOfPreRelease() throws Exception {
    server.enqueue(greeting());

    api.client()
        .debugChat()
        .start(AGENT, DebugChatOptions.builder().clientEnv(ClientEnv.PRE_RELEASE).build());

    assertJsonBody(resource("/payloads/create-debug-chat-body-minimal.json"), taken(server));
  }

  @Test
  void agentIdIsOnePercentEncodedPathSegment() throws Exception {
    server.enqueue(greeting());

    api.client().debugChat().start("PROJECT A/1");

    assertEquals("/v1/agents/PROJECT%20A%2F1/debug-chat", taken(server).getPath());
  }

  @Test
  void chatTakesTheIdTheServiceGaveIt() throws Exception {
    server.enqueue(greeting());

    DebugChat chat =
        api.client()
            .debugChat()
            .start(AGENT, DebugChatOptions.builder().conversationId("CHAT-mine").build());

    assertEquals(CHAT_ID, chat.conversationId());
  }

  @Test
  void greetingThatEndsTheChatEndsIt() throws Exception {
    server.enqueue(chatResponse(201, "Sorry, we're closed.", true));

    DebugChat chat = api.client().debugChat().start(AGENT);

    assertTrue(chat.isEnded());
    assertTrue(chat.greeting().conversationEnded());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> chat.send("Hello?"));
    assertEquals(
        "debug chat " + CHAT_ID + " has ended: start a new one to send more messages",
        e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void responseWithoutAConversationIdIsInvalid() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setHeader("X-PolyAI-Correlation-Id", "corr-7")
            .setBody("{\"response\": \"Hi\", \"metadata\": {}, \"conversationEnded\": false}"));

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class, () -> api.client().debugChat().start(AGENT));

    assertTrue(
        e.getMessage()
            .startsWith("invalid response (HTTP 201): debug chat response has no conversationId"),
        e.getMessage());
    assertEquals(201, e.statusCode());
    assertTrue(e.body().contains("\"response\":\"Hi\""), e.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", ".", ".."})
  void responseWithAConversationIdNoPathCanCarryIsInvalid(String id) throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"conversationId\": \"" + id + "\", \"response\": \"Hi\"}"));

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class, () -> api.client().debugChat().start(AGENT));

    assertTrue(
        e.getMessage().contains("debug chat response has no conversationId"), e.getMessage());
  }

  @Test
  void draftThatDoesNotExistIsABadRequestWithItsCode() throws Exception {
    server.enqueue(error(400, "CHAT_DRAFT_NOT_EXIST"));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.client().debugChat().start(AGENT));

    assertEquals(400, e.statusCode());
    assertEquals("CHAT_DRAFT_NOT_EXIST", e.errorCode());
    assertEquals("Rejected", e.errorMessage());
    assertEquals(CREATE_PATH, taken(server).getPath());
  }

  @Test
  void startAsyncCompletesWithTheChat() throws Exception {
    server.enqueue(greeting());

    CompletableFuture<DebugChat> future =
        api.client()
            .debugChat()
            .startAsync(AGENT, DebugChatOptions.builder().clientEnv(ClientEnv.LIVE).build());

    DebugChat chat = future.get(5, TimeUnit.SECONDS);
    assertEquals(CHAT_ID, chat.conversationId());
    assertEquals(GREETING, chat.greeting().response());
    RecordedRequest request = taken(server);
    assertEquals(CREATE_PATH, request.getPath());
    assertEquals("{\"clientEnv\":\"live\"}", request.getBody().readUtf8());
  }

  @Test
  void startAsyncWithDefaultsSendsOnlyTheSandboxEnvironment() throws Exception {
    server.enqueue(greeting());

    DebugChat chat = api.client().debugChat().startAsync(AGENT).get(5, TimeUnit.SECONDS);

    assertEquals(CHAT_ID, chat.conversationId());
    assertEquals("{\"clientEnv\":\"sandbox\"}", taken(server).getBody().readUtf8());
  }

  @Test
  void startAsyncFailsWithTheTypedException() throws Exception {
    server.enqueue(error(403, "USER_ACCESS_FORBIDDEN"));

    CompletableFuture<DebugChat> future =
        api.client().debugChat().startAsync(AGENT, DebugChatOptions.defaults());

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    PermissionDeniedException cause =
        assertInstanceOf(PermissionDeniedException.class, e.getCause());
    assertEquals("USER_ACCESS_FORBIDDEN", cause.errorCode());
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() {
    DebugChats chats = api.client().debugChat();
    DebugChatOptions options = DebugChatOptions.defaults();
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "agentId == null", () -> chats.start(null));
    assertFailsBeforeAnyRequest(
        IllegalArgumentException.class, "agentId is blank", () -> chats.start(" "));
    assertFailsBeforeAnyRequest(
        IllegalArgumentException.class,
        "agentId is \"..\", which a URL path cannot carry as an id",
        () -> chats.start("..", options));
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "options == null", () -> chats.start(AGENT, null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class,
        "requestOptions == null",
        () -> chats.start(AGENT, options, null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "options == null", () -> chats.startAsync(AGENT, null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class,
        "requestOptions == null",
        () -> chats.startAsync(AGENT, options, null));
  }

  @Test
  void closedClientStartsNothing() {
    api.client().close();

    assertFailsBeforeAnyRequest(
        IllegalStateException.class,
        "this PolyAiData client is closed",
        () -> api.client().debugChat().start(AGENT));
  }

  @Test
  void startIsNotRetriedAfterAServerError() throws Exception {
    api.rebuildRetrying(time);
    server.enqueue(error(503, "E503"));
    server.enqueue(greeting());

    assertThrows(InternalServerException.class, () -> api.client().debugChat().start(AGENT));

    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void startIsRetriedAfterARateLimit() throws Exception {
    api.rebuildRetrying(time);
    server.enqueue(error(429, "E429").setHeader("Retry-After", "2"));
    server.enqueue(greeting());

    DebugChat chat = api.client().debugChat().start(AGENT);

    assertEquals(CHAT_ID, chat.conversationId());
    RecordedRequest first = taken(server);
    RecordedRequest second = taken(server);
    assertEquals(sentCorrelationId(first), sentCorrelationId(second));
    assertEquals("{\"clientEnv\":\"sandbox\"}", second.getBody().readUtf8());
    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps());
  }

  @Test
  void startIsRetriedWhenTheConnectionIsRefused() throws Exception {
    api.rebuildRetrying(time);
    server.shutdown();

    PolyAiIoException e =
        assertThrows(PolyAiIoException.class, () -> api.client().debugChat().start(AGENT));

    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(3, e.attempts());
    assertEquals(2, time.sleeps().size());
  }

  @Test
  void toStringNamesTheType() {
    assertEquals("DebugChats", api.client().debugChat().toString());
  }
}
