package ai.poly.data;

import static ai.poly.data.DebugChatsTest.CHAT_ID;
import static ai.poly.data.DebugChatsTest.chatResponse;
import static ai.poly.data.DebugChatsTest.error;
import static ai.poly.data.DebugChatsTest.greeting;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DebugChatTest {
  private static final String CHAT_PATH = "/v1/agents/" + AGENT + "/debug-chat/" + CHAT_ID;

  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;
  private final FakeTime time = new FakeTime();

  /** Starts a chat with {@code options} and takes its request off the server. */
  private DebugChat chat(DebugChatOptions options) throws InterruptedException {
    server.enqueue(greeting());
    DebugChat chat = api.client().debugChat().start(AGENT, options);
    taken(server);
    return chat;
  }

  private DebugChat chat() throws InterruptedException {
    return chat(DebugChatOptions.defaults());
  }

  private static MockResponse reply(String response) {
    return chatResponse(200, response, false);
  }

  private void assertFailsBeforeAnyRequest(
      Class<? extends Throwable> type, String message, Executable call) {
    int before = server.getRequestCount();
    Throwable e = assertThrows(type, call);
    assertEquals(message, e.getMessage());
    assertEquals(before, server.getRequestCount());
  }

  private static String endedMessage() {
    return "debug chat " + CHAT_ID + " has ended: start a new one to send more messages";
  }

  @Test
  void sendPostsTheMessageWithTheChatsSettingsAndReadsTheReply() throws Exception {
    DebugChat chat =
        chat(
            DebugChatOptions.builder()
                .clientEnv(ClientEnv.PRE_RELEASE)
                .asrLangCode("en-GB")
                .ttsLangCode("en-GB")
                .variantId("Main line")
                .channel("chat.polyai")
                .build());
    server.enqueue(reply("Of course: for how many?"));

    DebugChatReply reply = chat.send("I'd like to book a table");

    RecordedRequest request = taken(server);
    assertEquals("POST", request.getMethod());
    assertEquals(CHAT_PATH, request.getPath());
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    assertEquals("application/json", request.getHeader("Content-Type"));
    sentCorrelationId(request);
    assertEquals(
        "{\"clientEnv\":\"pre-release\",\"asrLangCode\":\"en-GB\",\"ttsLangCode\":\"en-GB\","
            + "\"message\":\"I'd like to book a table\"}",
        request.getBody().readUtf8());
    assertEquals("Of course: for how many?", reply.response());
    assertEquals(List.of("greeting"), reply.nodeTrace());
    assertFalse(reply.conversationEnded());
    assertFalse(chat.isEnded());
  }

  @Test
  void sendWithDefaultsSendsTheEnvironmentAndTheMessageOnly() throws Exception {
    DebugChat chat = chat();
    server.enqueue(reply("Hello"));

    chat.send("");

    assertEquals(
        "{\"clientEnv\":\"sandbox\",\"message\":\"\"}", taken(server).getBody().readUtf8());
  }

  @Test
  void messageOverridesTheChatsSettingsAndCarriesMetadata() throws Exception {
    DebugChat chat =
        chat(
            DebugChatOptions.builder()
                .clientEnv(ClientEnv.LIVE)
                .asrLangCode("en-US")
                .ttsLangCode("en-US")
                .build());
    server.enqueue(reply("Thanks, Mr Patel."));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("input_mode", "typed");
    metadata.put("client_sent_at", "2026-10-14T17:55:14.502Z");

    chat.send(
        DebugChatMessage.builder()
            .text("It's under Patel, P-A-T-E-L.")
            .clientEnv(ClientEnv.SANDBOX)
            .asrLangCode("en-GB")
            .ttsLangCode("en-GB")
            .metadata(metadata)
            .build());

    RecordedRequest request = taken(server);
    assertEquals(CHAT_PATH, request.getPath());
    assertEquals(
        parseObject(resource("/payloads/respond-debug-chat-body.json")),
        parseObject(request.getBody().readUtf8()));
  }

  @Test
  void overrideAppliesToItsMessageOnly() throws Exception {
    DebugChat chat = chat(DebugChatOptions.builder().asrLangCode("en-US").build());
    server.enqueue(reply("Hola"));
    server.enqueue(reply("Hello"));

    chat.send(DebugChatMessage.builder().text("Hola").asrLangCode("es-ES").build());
    chat.send("Hello");

    assertEquals(
        "{\"clientEnv\":\"sandbox\",\"asrLangCode\":\"es-ES\",\"message\":\"Hola\"}",
        taken(server).getBody().readUtf8());
    assertEquals(
        "{\"clientEnv\":\"sandbox\",\"asrLangCode\":\"en-US\",\"message\":\"Hello\"}",
        taken(server).getBody().readUtf8());
  }

  @Test
  void conversationIdIsOnePercentEncodedPathSegment() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"conversationId\": \"CHAT qa/1?\", \"response\": \"Hi\"}"));
    DebugChat chat = api.client().debugChat().start(AGENT);
    taken(server);
    server.enqueue(reply("Hello"));

    chat.send("Hi");

    assertEquals("/v1/agents/" + AGENT + "/debug-chat/CHAT%20qa%2F1%3F", taken(server).getPath());
  }

  @Test
  void replyThatEndsTheChatMakesTheNextSendFailBeforeAnyRequest() throws Exception {
    DebugChat chat = chat();
    server.enqueue(chatResponse(200, "Goodbye!", true));

    DebugChatReply reply = chat.send("That's all, thanks");

    assertTrue(reply.conversationEnded());
    assertTrue(chat.isEnded());
    assertFailsBeforeAnyRequest(
        IllegalStateException.class, endedMessage(), () -> chat.send("Hello?"));
    assertFailsBeforeAnyRequest(
        IllegalStateException.class, endedMessage(), () -> chat.sendAsync("Hello?"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void chatTheServiceSaysHasEndedIsGoneAndEnded() throws Exception {
    DebugChat chat = chat();
    server.enqueue(error(410, "CHAT_CONVERSATION_ENDED"));

    GoneException e = assertThrows(GoneException.class, () -> chat.send("Still there?"));

    assertEquals(410, e.statusCode());
    assertEquals("CHAT_CONVERSATION_ENDED", e.errorCode());
    assertEquals(CHAT_PATH, taken(server).getPath());
    assertTrue(chat.isEnded());
    assertFailsBeforeAnyRequest(
        IllegalStateException.class, endedMessage(), () -> chat.send("Hello?"));
  }

  @Test
  void goneAsyncEndsTheChatBeforeTheFutureFails() throws Exception {
    DebugChat chat = chat();
    server.enqueue(error(410, "CHAT_CONVERSATION_ENDED"));
    AtomicBoolean endedWhenFailed = new AtomicBoolean();

    CompletableFuture<DebugChatReply> future =
        chat.sendAsync("Still there?")
            .whenComplete((reply, e) -> endedWhenFailed.set(chat.isEnded()));

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    GoneException gone = assertInstanceOf(GoneException.class, e.getCause());
    assertEquals("CHAT_CONVERSATION_ENDED", gone.errorCode());
    assertTrue(endedWhenFailed.get());
    assertTrue(chat.isEnded());
  }

  @Test
  void endingReplyAsyncEndsTheChatBeforeTheFutureCompletes() throws Exception {
    DebugChat chat = chat();
    server.enqueue(chatResponse(200, "Goodbye!", true));
    AtomicBoolean endedWhenDone = new AtomicBoolean();

    DebugChatReply reply =
        chat.sendAsync(DebugChatMessage.of("Bye"))
            .whenComplete((r, e) -> endedWhenDone.set(chat.isEnded()))
            .get(5, TimeUnit.SECONDS);

    assertEquals("Goodbye!", reply.response());
    assertTrue(endedWhenDone.get());
    assertEquals(
        "{\"clientEnv\":\"sandbox\",\"message\":\"Bye\"}", taken(server).getBody().readUtf8());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CHAT_DRAFT_NOT_EXIST", "CHAT_TIMEOUT"})
  void rejectedMessageIsABadRequestAndTheChatGoesOn(String code) throws Exception {
    DebugChat chat = chat();
    server.enqueue(error(400, code));
    server.enqueue(reply("Sorry, could you say that again?"));

    BadRequestException e = assertThrows(BadRequestException.class, () -> chat.send("Hello"));

    assertEquals(code, e.errorCode());
    assertFalse(chat.isEnded());
    assertEquals("Sorry, could you say that again?", chat.send("Hello").response());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void sendAsyncCompletesWithTheReply() throws Exception {
    DebugChat chat = chat();
    server.enqueue(reply("Of course"));

    DebugChatReply reply = chat.sendAsync("Book a table").get(5, TimeUnit.SECONDS);

    assertEquals("Of course", reply.response());
    RecordedRequest request = taken(server);
    assertEquals(CHAT_PATH, request.getPath());
    assertEquals(
        "{\"clientEnv\":\"sandbox\",\"message\":\"Book a table\"}", request.getBody().readUtf8());
  }

  @Test
  void cancellingSendAsyncCancelsTheCall() throws Exception {
    DebugChat chat = chat();
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    CompletableFuture<DebugChatReply> future = chat.sendAsync("Hello");
    taken(server);

    assertTrue(future.cancel(true));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (api.client().okHttpClient().dispatcher().runningCallsCount() > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, api.client().okHttpClient().dispatcher().runningCallsCount());
    assertFalse(chat.isEnded());
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() throws Exception {
    DebugChat chat = chat();
    DebugChatMessage message = DebugChatMessage.of("Hi");
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "text == null", () -> chat.send((String) null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "message == null", () -> chat.send((DebugChatMessage) null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "requestOptions == null", () -> chat.send(message, null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "text == null", () -> chat.sendAsync((String) null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class,
        "message == null",
        () -> chat.sendAsync((DebugChatMessage) null));
    assertFailsBeforeAnyRequest(
        NullPointerException.class, "requestOptions == null", () -> chat.sendAsync(message, null));
  }

  @Test
  void closedClientSendsNothing() throws Exception {
    DebugChat chat = chat();
    api.client().close();

    assertFailsBeforeAnyRequest(
        IllegalStateException.class, "this PolyAiData client is closed", () -> chat.send("Hi"));
  }

  @Test
  void sendIsNotRetriedAfterAServerError() throws Exception {
    api.rebuildRetrying(time);
    DebugChat chat = chat();
    server.enqueue(error(503, "E503"));
    server.enqueue(reply("Hello"));

    assertThrows(InternalServerException.class, () -> chat.send("Hi"));

    assertEquals(CHAT_PATH, taken(server).getPath());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void sendIsNotRetriedAfterTheConnectionDropsWithTheRequestSent() throws Exception {
    api.rebuildRetrying(time);
    DebugChat chat = chat();
    server.enqueue(reply("Hello").setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(reply("Hello"));

    assertThrows(PolyAiIoException.class, () -> chat.send("Hi"));

    assertEquals(CHAT_PATH, taken(server).getPath());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void sendIsRetriedAfterARateLimit() throws Exception {
    api.rebuildRetrying(time);
    DebugChat chat = chat();
    server.enqueue(error(429, "E429").setHeader("Retry-After", "1"));
    server.enqueue(reply("Hello"));

    assertEquals("Hello", chat.send("Hi").response());

    RecordedRequest first = taken(server);
    RecordedRequest second = taken(server);
    assertEquals(sentCorrelationId(first), sentCorrelationId(second));
    assertEquals(CHAT_PATH, second.getPath());
    assertEquals("{\"clientEnv\":\"sandbox\",\"message\":\"Hi\"}", second.getBody().readUtf8());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
  }

  @Test
  void sendIsRetriedWhenTheConnectionIsRefused() throws Exception {
    api.rebuildRetrying(time);
    DebugChat chat = chat();
    server.shutdown();
    api.client().okHttpClient().connectionPool().evictAll();

    PolyAiIoException e = assertThrows(PolyAiIoException.class, () -> chat.send("Hi"));

    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(3, e.attempts());
    assertEquals(2, time.sleeps().size());
    assertFalse(chat.isEnded());
  }

  @Test
  void perCallOptionsOverrideTheClientsRetryPolicy() throws Exception {
    api.rebuildRetrying(time);
    DebugChat chat = chat();
    server.enqueue(error(429, "E429"));
    server.enqueue(reply("Hello"));

    RateLimitException e =
        assertThrows(
            RateLimitException.class,
            () ->
                chat.send(
                    DebugChatMessage.of("Hi"),
                    RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()));

    assertEquals(1, e.attempts());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void toStringShowsTheChatButNotTheKey() throws Exception {
    DebugChat chat = chat(DebugChatOptions.builder().clientEnv(ClientEnv.PRE_RELEASE).build());

    assertEquals(
        "DebugChat{agentId="
            + AGENT
            + ", conversationId="
            + CHAT_ID
            + ", clientEnv=PRE_RELEASE, ended=false}",
        chat.toString());
    assertFalse(chat.toString().contains(API_KEY));
  }
}
