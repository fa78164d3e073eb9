package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.restaurant;
import static ai.poly.data.HttpTestSupport.sentCorrelationId;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AsyncTest {
  private static final long HOLD_SECONDS = 5;

  private final MockWebServer server = new MockWebServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private PolyAiData client;

  @BeforeEach
  void start() throws IOException {
    HttpTestSupport.start(server);
    client = HttpTestSupport.builder(server).build();
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    client.close();
    server.shutdown();
  }

  private static MockResponse conversation() {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(restaurant());
  }

  private static Throwable failure(CompletableFuture<?> future) throws Exception {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void getAsyncReturnsTheSameConversationAsGet() throws Exception {
    server.enqueue(conversation());
    server.enqueue(conversation());

    Conversation sync = client.conversations().get(AGENT, CONVERSATION);
    Conversation async =
        client.conversations().getAsync(AGENT, CONVERSATION).get(5, TimeUnit.SECONDS);

    assertEquals(sync, async);
    assertEquals(CONVERSATION, async.conversationId());
    assertEquals(sync.turns(), async.turns());
    RecordedRequest first = taken(server);
    RecordedRequest second = taken(server);
    assertEquals(DETAIL_PATH, second.getPath());
    assertEquals("GET", second.getMethod());
    assertEquals(API_KEY, second.getHeader("X-API-KEY"));
    assertEquals("polyai-data-java/0.1.0-SNAPSHOT", second.getHeader("User-Agent"));
    assertNotEquals(sentCorrelationId(first), sentCorrelationId(second));
  }

  @Test
  void notFoundFailsTheFutureWithNotFoundException() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "application/json")
            .setBody(HttpTestSupport.resource("/fixtures/error-not-found.json")));

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);

    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(future));
    assertEquals(DETAIL_PATH, taken(server).getPath());
    assertEquals(404, e.statusCode());
    assertEquals("CONVERSATIONS_NOT_FOUND", e.errorCode());
    assertEquals(
        "HTTP 404 CONVERSATIONS_NOT_FOUND: Conversation not found"
            + " (correlation id c0ffee00-1234-4abc-9def-001122334455)",
        e.getMessage());
    assertTrue(future.isCompletedExceptionally());
    // handle() sees the exception itself; join() wraps it as CompletionException does.
    assertSame(e, future.handle((value, thrown) -> thrown).get());
    CompletionException joined = assertThrows(CompletionException.class, future::join);
    assertSame(e, joined.getCause());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 405, 418})
  void asyncFailsWithTheSameExceptionAsSync(int status) throws Exception {
    String body =
        "{\"success\": false, \"error\": \"e\", \"error_id\": \"id-"
            + status
            + "\", \"error_code\": \"CODE\", \"error_message\": \"Broken\", \"data\": null}";
    MockResponse response =
        new MockResponse()
            .setResponseCode(status)
            .setHeader("Retry-After", "3")
            .setHeader("Content-Type", "application/json")
            .setBody(body);
    server.enqueue(response);
    server.enqueue(response);

    PolyAiApiException sync =
        assertThrows(
            PolyAiApiException.class, () -> client.conversations().get(AGENT, CONVERSATION));
    Throwable async = failure(client.conversations().getAsync(AGENT, CONVERSATION));

    assertSame(sync.getClass(), async.getClass());
    PolyAiApiException e = (PolyAiApiException) async;
    assertEquals(sync.getMessage(), e.getMessage());
    assertEquals(
        "HTTP " + status + " CODE: Broken (correlation id id-" + status + ")", e.getMessage());
    assertEquals(status, e.statusCode());
    assertEquals(body, e.body());
    if (e instanceof RateLimitException) {
      assertEquals(Duration.ofSeconds(3), ((RateLimitException) e).retryAfter());
    }
    assertEquals(DETAIL_PATH, taken(server).getPath());
    assertEquals(DETAIL_PATH, taken(server).getPath());
  }

  @Test
  void errorWithoutEnvelopeReportsTheSentCorrelationId() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);

    InternalServerException e = assertInstanceOf(InternalServerException.class, failure(future));
    String sent = sentCorrelationId(taken(server));
    assertEquals(sent, e.correlationId());
    assertEquals("HTTP 502 (correlation id " + sent + ")", e.getMessage());
    assertEquals("<html>Bad Gateway</html>", e.body());
  }

  @Test
  void malformedBodyFailsWithInvalidResponse() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"turns\": [}"));

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);

    PolyAiInvalidResponseException e =
        assertInstanceOf(PolyAiInvalidResponseException.class, failure(future));
    String sent = sentCorrelationId(taken(server));
    assertEquals(200, e.statusCode());
    assertEquals(sent, e.correlationId());
    assertEquals("{\"turns\": [}", e.body());
    assertTrue(
        e.getMessage().startsWith("invalid response (HTTP 200): malformed JSON body: "),
        e.getMessage());
  }

  @Test
  void htmlSuccessBodyFailsWithInvalidResponse() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>hi</p>"));

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);

    PolyAiInvalidResponseException e =
        assertInstanceOf(PolyAiInvalidResponseException.class, failure(future));
    String sent = sentCorrelationId(taken(server));
    assertEquals(
        "invalid response (HTTP 200): expected a JSON body but the response is text/html"
            + " (correlation id "
            + sent
            + ")",
        e.getMessage());
  }

  @Test
  void conversationWithoutIdFailsWithInvalidResponse() throws Exception {
    Map<String, Object> members = HttpTestSupport.parseObject(restaurant());
    members.remove("projectId");
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(HttpTestSupport.toJson(members)));

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);

    PolyAiInvalidResponseException e =
        assertInstanceOf(PolyAiInvalidResponseException.class, failure(future));
    String sent = sentCorrelationId(taken(server));
    assertEquals(
        "invalid response (HTTP 200): conversation has no projectId (correlation id " + sent + ")",
        e.getMessage());
  }

  @Test
  void droppedConnectionFailsWithIoException() throws Exception {
    server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);

    PolyAiIoException e = assertInstanceOf(PolyAiIoException.class, failure(future));
    String sent = sentCorrelationId(taken(server));
    assertEquals(sent, e.correlationId());
    assertEquals(
        "request failed on the network: unexpected end of stream (correlation id " + sent + ")",
        e.getMessage());
  }

  @Test
  void getAsyncReturnsBeforeTheResponseArrives() throws Exception {
    server.setDispatcher(holdingTheFirstRequest());
    Thread caller = Thread.currentThread();

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);
    CompletableFuture<Thread> completedOn = future.thenApply(c -> Thread.currentThread());

    // The server holds the request, yet the caller already has its future.
    assertEquals(DETAIL_PATH, taken(server).getPath());
    assertFalse(future.isDone());
    release.countDown();
    // Wait on the dependent stage only: a thread waiting on the future itself may run its stages.
    Thread thread = completedOn.get(5, TimeUnit.SECONDS);
    assertNotEquals(caller, thread);
    assertTrue(thread.getName().startsWith("OkHttp"), thread.getName());
    assertEquals(CONVERSATION, future.get(5, TimeUnit.SECONDS).conversationId());
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    CountDownLatch canceled = new CountDownLatch(1);
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void canceled(Call call) {
                    canceled.countDown();
                  }
                })
            .build();
    client.close();
    client = HttpTestSupport.builder(server).okHttpClient(okHttp).build();
    server.setDispatcher(holdingTheFirstRequest());

    long start = System.nanoTime();
    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);
    long returnedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    RecordedRequest held = taken(server);

    // The server holds the response for up to HOLD_SECONDS.
    assertTrue(returnedAfterMillis < 1_000, returnedAfterMillis + " ms");
    assertFalse(future.isDone());
    assertEquals(1, okHttp.dispatcher().runningCallsCount());
    assertTrue(future.cancel(true));
    assertTrue(future.isCancelled());
    assertThrows(CancellationException.class, future::join);
    assertTrue(canceled.await(5, TimeUnit.SECONDS), "the OkHttp call was not canceled");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(0, okHttp.dispatcher().runningCallsCount());
    assertEquals(1, release.getCount(), "the call ended because the server answered");

    // The client is still good for the next call.
    assertEquals(CONVERSATION, client.conversations().get(AGENT, CONVERSATION).conversationId());
    RecordedRequest next = taken(server);
    assertNotEquals(sentCorrelationId(held), sentCorrelationId(next));
    assertTrue(future.isCancelled());
  }

  /**
   * Answers every request with the fixture, holding the first one until {@link #release} opens (at
   * the latest after {@link #HOLD_SECONDS}): a response delay that ends as soon as the test is
   * done, unlike {@code setHeadersDelay}, whose sleeping thread holds up the server's shutdown.
   */
  private Dispatcher holdingTheFirstRequest() {
    AtomicInteger requests = new AtomicInteger();
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (requests.getAndIncrement() == 0) {
          release.await(HOLD_SECONDS, TimeUnit.SECONDS);
        }
        return conversation();
      }
    };
  }
}
