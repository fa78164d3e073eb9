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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.generated.api.ConversationsApi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RetryTest {
  /** The first two backoffs with the random source at 0.5: 250 + 125 ms, then 500 + 250 ms. */
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(375);

  private static final Duration SECOND_BACKOFF = Duration.ofMillis(750);

  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private PolyAiData client;

  @BeforeEach
  void start() throws IOException {
    HttpTestSupport.start(server);
    client = retrying().build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private PolyAiData.Builder retrying() {
    return HttpTestSupport.builder(server)
        .retryPolicy(RetryPolicy.defaults())
        .clock(time)
        .sleeper(time)
        .random(() -> 0.5);
  }

  private void rebuild(PolyAiData.Builder builder) {
    client.close();
    client = builder.build();
  }

  private static MockResponse conversation() {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(restaurant());
  }

  private static MockResponse status(int code) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"success\": false, \"error_code\": \"E" + code + "\"}");
  }

  private static MockResponse created() {
    return new MockResponse()
        .setResponseCode(201)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"success\": true}");
  }

  private Conversation get() {
    return client.conversations().get(AGENT, CONVERSATION);
  }

  private <T extends Throwable> T getFails(Class<T> type) {
    return assertThrows(type, this::get);
  }

  private List<RecordedRequest> received(int count) throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(taken(server));
    }
    assertEquals(count, server.getRequestCount());
    return requests;
  }

  private static void assertOneCorrelationId(List<RecordedRequest> requests) {
    String first = sentCorrelationId(requests.get(0));
    for (RecordedRequest request : requests) {
      assertEquals(first, sentCorrelationId(request));
      assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    }
  }

  private void annotate() {
    client
        .conversations()
        .annotate(
            AGENT,
            CONVERSATION,
            List.of(Annotation.of(0, Role.USER, AnnotationType.WRONG_TRANSCRIPT)));
  }

  private void upsertNote() {
    client.conversations().upsertNote(AGENT, CONVERSATION, "Caller asked twice");
  }

  private void startDebugChat() {
    client.debugChat().start(AGENT, DebugChatOptions.builder().channel("chat").build());
  }

  /** A base URL on which nothing listens: every connection is refused. */
  private static String refusingBaseUrl() throws IOException {
    MockWebServer closed = new MockWebServer();
    HttpTestSupport.start(closed);
    String url = HttpTestSupport.baseUrl(closed);
    closed.shutdown();
    return url;
  }

  // Which failures are retried.

  @Test
  void retriesServiceUnavailableThenSucceeds() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    List<RecordedRequest> requests = received(3);
    assertOneCorrelationId(requests);
    for (RecordedRequest request : requests) {
      assertEquals(DETAIL_PATH, request.getPath());
    }
    assertEquals(List.of(FIRST_BACKOFF, SECOND_BACKOFF), time.sleeps());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retriesTransientStatusThenSucceeds(int code) throws Exception {
    server.enqueue(status(code));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    assertOneCorrelationId(received(2));
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 412, 415, 422, 501})
  void neverRetriesAFinalStatus(int code) throws Exception {
    server.enqueue(status(code));
    server.enqueue(conversation());

    PolyAiApiException e = getFails(PolyAiApiException.class);

    assertEquals(code, e.statusCode());
    assertEquals(1, e.attempts());
    received(1);
    assertEquals(List.of(), time.sleeps());
    String sent = e.correlationId();
    assertEquals("HTTP " + code + " E" + code + " (correlation id " + sent + ")", e.getMessage());
  }

  @Test
  void exhaustedRetriesSayHowManyAttempts() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(status(503).setHeader("X-PolyAI-Correlation-Id", "last"));

    InternalServerException e = getFails(InternalServerException.class);

    assertOneCorrelationId(received(3));
    assertEquals(3, e.attempts());
    assertEquals(503, e.statusCode());
    assertEquals("HTTP 503 E503 (correlation id last) after 3 attempts", e.getMessage());
    assertEquals(List.of(FIRST_BACKOFF, SECOND_BACKOFF), time.sleeps());
  }

  @Test
  void droppedConnectionIsRetried() throws Exception {
    server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    assertOneCorrelationId(received(2));
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
  }

  @Test
  void truncatedBodyIsRetried() throws Exception {
    server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    assertOneCorrelationId(received(2));
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
  }

  @Test
  void truncatedBodyOnEveryAttemptFailsAsAnIoException() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    }

    PolyAiIoException e = getFails(PolyAiIoException.class);

    assertOneCorrelationId(received(3));
    assertEquals(3, e.attempts());
    assertEquals(
        "request failed on the network: unexpected end of stream (correlation id "
            + e.correlationId()
            + ") after 3 attempts",
        e.getMessage());
  }

  @Test
  void readTimeoutIsRetried() throws Exception {
    rebuild(retrying().readTimeout(Duration.ofMillis(100)));
    server.enqueue(conversation().setHeadersDelay(200, TimeUnit.MILLISECONDS));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    assertOneCorrelationId(received(2));
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
  }

  @Test
  void refusedConnectionIsRetriedThenFailsWithTheLastCause() throws Exception {
    rebuild(retrying().baseUrl(refusingBaseUrl()));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(3, e.attempts());
    assertTrue(e.getMessage().startsWith("request failed on the network: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(") after 3 attempts"), e.getMessage());
    assertEquals(List.of(FIRST_BACKOFF, SECOND_BACKOFF), time.sleeps());
  }

  // Retry-After.

  @Test
  void retryAfterSecondsIsObeyed() throws Exception {
    server.enqueue(status(429).setHeader("Retry-After", "3"));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    assertOneCorrelationId(received(2));
    assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps());
  }

  @Test
  void retryAfterMillisecondsIsObeyed() throws Exception {
    server.enqueue(status(503).setHeader("Retry-After-Ms", "1500").setHeader("Retry-After", "9"));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    received(2);
    assertEquals(List.of(Duration.ofMillis(1500)), time.sleeps());
  }

  @Test
  void retryAfterHttpDateIsMeasuredFromTheClock() throws Exception {
    server.enqueue(status(429).setHeader("Retry-After", "Wed, 14 Oct 2026 18:00:30 GMT"));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    received(2);
    assertEquals(List.of(Duration.ofSeconds(30)), time.sleeps());
  }

  @Test
  void retryAfterZeroRetriesAtOnce() throws Exception {
    server.enqueue(status(503).setHeader("Retry-After", "0"));
    server.enqueue(conversation());

    assertEquals(CONVERSATION, get().conversationId());

    received(2);
    assertEquals(List.of(Duration.ZERO), time.sleeps());
  }

  @Test
  void retryAfterLongerThanTheCapFailsAtOnce() throws Exception {
    server.enqueue(status(429).setHeader("Retry-After", "120"));
    server.enqueue(conversation());

    RateLimitException e = getFails(RateLimitException.class);

    received(1);
    assertEquals(List.of(), time.sleeps());
    assertEquals(Duration.ofSeconds(120), e.retryAfter());
    assertEquals(1, e.attempts());
    assertEquals(
        "HTTP 429 E429 (correlation id "
            + e.correlationId()
            + "); not retried: the service asked to wait 120 s, longer than the 60 s of"
            + " RetryPolicy.maxRetryAfter",
        e.getMessage());
  }

  @Test
  void serviceUnavailableBeyondTheCapCarriesItsRetryAfter() throws Exception {
    rebuild(
        retrying().retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(5)).build()));
    server.enqueue(status(503));
    server.enqueue(status(503).setHeader("Retry-After-Ms", "5001"));

    InternalServerException e = getFails(InternalServerException.class);

    received(2);
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
    assertEquals(Duration.ofMillis(5001), e.retryAfter());
    assertEquals(2, e.attempts());
    assertTrue(
        e.getMessage()
            .endsWith(
                " after 2 attempts; not retried: the service asked to wait 5.001 s, longer than"
                    + " the 5 s of RetryPolicy.maxRetryAfter"),
        e.getMessage());
  }

  // Deadlines.

  @Test
  void backoffThatWouldPassTheDeadlineIsNotStarted() throws Exception {
    rebuild(retrying().callTimeout(Duration.ofSeconds(1)));
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(conversation());

    InternalServerException e = getFails(InternalServerException.class);

    // 375 ms fit in the second; 375 + 750 would not.
    received(2);
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
    assertEquals(2, e.attempts());
    assertEquals(
        "HTTP 503 E503 (correlation id "
            + e.correlationId()
            + ") after 2 attempts; not retried: waiting 750 ms would pass the call's deadline"
            + " (1 s)",
        e.getMessage());
  }

  @Test
  void retryAfterPastTheDeadlineFailsAtOnce() throws Exception {
    rebuild(retrying().callTimeout(Duration.ofSeconds(2)));
    server.enqueue(status(429).setHeader("Retry-After", "3"));

    RateLimitException e = getFails(RateLimitException.class);

    received(1);
    assertEquals(List.of(), time.sleeps());
    assertEquals(Duration.ofSeconds(3), e.retryAfter());
    assertTrue(
        e.getMessage().endsWith("; not retried: waiting 3 s would pass the call's deadline (2 s)"),
        e.getMessage());
  }

  @Test
  void networkFailureNotRetriedPastTheDeadlineKeepsItsCause() throws Exception {
    rebuild(retrying().callTimeout(Duration.ofMillis(300)));
    server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    received(1);
    assertEquals(List.of(), time.sleeps());
    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(
        e.getMessage()
            .endsWith(
                " (correlation id "
                    + e.correlationId()
                    + "); not retried: waiting 375 ms would pass the call's deadline (300 ms)"),
        e.getMessage());
  }

  // Per-call options.

  @Test
  void perCallDeadlineOverridesTheClients() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(503));
    RequestOptions options = RequestOptions.builder().callTimeout(Duration.ofSeconds(1)).build();

    InternalServerException e =
        assertThrows(
            InternalServerException.class,
            () -> client.conversations().get(AGENT, CONVERSATION, options));

    received(2);
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
    assertTrue(e.getMessage().endsWith("would pass the call's deadline (1 s)"), e.getMessage());
  }

  @Test
  void perCallRetryPolicyOverridesTheClients() throws Exception {
    server.enqueue(status(503));
    server.enqueue(conversation());
    RequestOptions options = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

    InternalServerException e =
        assertThrows(
            InternalServerException.class,
            () -> client.conversations().get(AGENT, CONVERSATION, options));

    received(1);
    assertEquals(1, e.attempts());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void perCallRetryPolicyCanRetryMore() throws Exception {
    rebuild(retrying().retryPolicy(RetryPolicy.none()));
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(500));
    }
    server.enqueue(conversation());
    RequestOptions options =
        RequestOptions.builder()
            .retryPolicy(
                RetryPolicy.builder()
                    .maxRetries(4)
                    .initialBackoff(Duration.ofMillis(100))
                    .maxBackoff(Duration.ofMillis(300))
                    .build())
            .build();

    Conversation c =
        client.conversations().getAsync(AGENT, CONVERSATION, options).get(5, TimeUnit.SECONDS);

    assertEquals(CONVERSATION, c.conversationId());
    assertOneCorrelationId(received(5));
    // Steps 100, 200, 300, 300 ms, each three quarters of it with the random source at 0.5.
    assertEquals(
        List.of(
            Duration.ofMillis(75),
            Duration.ofMillis(150),
            Duration.ofMillis(225),
            Duration.ofMillis(225)),
        time.sleeps());
  }

  @Test
  void perCallTimeoutsReachTheNetwork() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient caller =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  seen.add(
                      chain.connectTimeoutMillis()
                          + "/"
                          + chain.readTimeoutMillis()
                          + "/"
                          + chain.writeTimeoutMillis());
                  return chain.proceed(chain.request());
                })
            .build();
    rebuild(retrying().okHttpClient(caller));
    server.enqueue(conversation());
    server.enqueue(conversation());

    client.conversations().get(AGENT, CONVERSATION);
    client
        .conversations()
        .get(
            AGENT,
            CONVERSATION,
            RequestOptions.builder()
                .connectTimeout(Duration.ofMillis(1234))
                .readTimeout(Duration.ofMillis(2345))
                .build());

    // The caller's client keeps OkHttp's default of 10 s for each; the call overrides two.
    assertEquals(List.of("10000/10000/10000", "1234/2345/2345"), seen);
  }

  @Test
  void perCallReadTimeoutFailsASlowCall() throws Exception {
    server.enqueue(conversation().setHeadersDelay(200, TimeUnit.MILLISECONDS));
    RequestOptions options =
        RequestOptions.builder()
            .readTimeout(Duration.ofMillis(100))
            .retryPolicy(RetryPolicy.none())
            .build();

    PolyAiIoException e =
        assertThrows(
            PolyAiIoException.class,
            () -> client.conversations().get(AGENT, CONVERSATION, options));

    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    received(1);
  }

  @Test
  void nullOptionsAreRejectedWithoutARequest() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> client.conversations().get(AGENT, CONVERSATION, null));
    assertEquals("requestOptions == null", e.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> client.conversations().getAsync(AGENT, CONVERSATION, null));
    assertEquals(0, server.getRequestCount());
  }

  // Idempotency.

  @Test
  void annotationIsNotRetriedAfterAServerError() throws Exception {
    server.enqueue(status(503));
    server.enqueue(created());

    InternalServerException e = assertThrows(InternalServerException.class, this::annotate);

    RecordedRequest request = received(1).get(0);
    assertEquals("POST", request.getMethod());
    assertEquals(DETAIL_PATH + "/annotation", request.getPath());
    assertEquals(1, e.attempts());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void annotationIsNotRetriedAfterADroppedConnection() throws Exception {
    server.enqueue(created().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(created());

    assertThrows(PolyAiIoException.class, this::annotate);

    received(1);
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void annotationIsRetriedAfterARateLimit() throws Exception {
    server.enqueue(status(429).setHeader("Retry-After", "1"));
    server.enqueue(created());

    annotate();

    List<RecordedRequest> requests = received(2);
    assertOneCorrelationId(requests);
    assertEquals(requests.get(0).getBody().readUtf8(), requests.get(1).getBody().readUtf8());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps());
  }

  @Test
  void annotationIsRetriedWhenTheConnectionIsRefused() throws Exception {
    rebuild(retrying().baseUrl(refusingBaseUrl()));

    PolyAiIoException e = assertThrows(PolyAiIoException.class, this::annotate);

    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(3, e.attempts());
    assertEquals(List.of(FIRST_BACKOFF, SECOND_BACKOFF), time.sleeps());
  }

  @Test
  void debugChatIsNotRetriedAfterAServerError() throws Exception {
    server.enqueue(status(502));
    server.enqueue(created());

    assertThrows(InternalServerException.class, this::startDebugChat);

    assertEquals("/v1/agents/" + AGENT + "/debug-chat", received(1).get(0).getPath());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void noteUpsertIsRetriedAfterAServerError() throws Exception {
    server.enqueue(status(500));
    server.enqueue(created());

    upsertNote();

    List<RecordedRequest> requests = received(2);
    assertOneCorrelationId(requests);
    assertEquals(DETAIL_PATH + "/note", requests.get(1).getPath());
    assertEquals("{\"note\":\"Caller asked twice\"}", requests.get(1).getBody().readUtf8());
    assertEquals(List.of(FIRST_BACKOFF), time.sleeps());
  }

  @Test
  void noteUpsertIsRetriedAfterADroppedConnection() throws Exception {
    server.enqueue(created().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(created());

    upsertNote();

    assertOneCorrelationId(received(2));
  }

  // OkHttp's own retries do not stack on ours.

  @Test
  void okHttpDoesNotRetryARequestTimeoutOnItsOwn() throws Exception {
    rebuild(retrying().retryPolicy(RetryPolicy.none()));
    server.enqueue(status(408));
    server.enqueue(conversation());

    UnexpectedStatusException e = getFails(UnexpectedStatusException.class);

    assertEquals(408, e.statusCode());
    received(1);
  }

  @Test
  void okHttpDoesNotRetryServiceUnavailableWithRetryAfterZeroOnItsOwn() throws Exception {
    rebuild(retrying().retryPolicy(RetryPolicy.none()));
    server.enqueue(status(503).setHeader("Retry-After", "0"));
    server.enqueue(conversation());

    InternalServerException e = getFails(InternalServerException.class);

    received(1);
    assertEquals(Duration.ZERO, e.retryAfter());
    assertEquals(List.of("0"), e.headers().get("retry-after"));
    assertNull(e.headers().get(OkHttpRetryGuard.HELD_RETRY_AFTER.toLowerCase()));
  }

  @Test
  void okHttpDoesNotRetryADroppedConnectionOnItsOwn() throws Exception {
    rebuild(retrying().retryPolicy(RetryPolicy.none()));
    server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(conversation());

    getFails(PolyAiIoException.class);

    received(1);
  }

  // Connections.

  @Test
  void discardedResponsesAreClosedSoTheConnectionIsReused() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(429).setHeader("Retry-After", "1"));
    server.enqueue(conversation());

    get();

    List<RecordedRequest> requests = received(3);
    // One connection served all three: a response left open would have forced a new one.
    for (int i = 0; i < 3; i++) {
      assertEquals(i, requests.get(i).getSequenceNumber());
    }
    assertEquals(1, client.okHttpClient().connectionPool().connectionCount());
    assertEquals(1, client.okHttpClient().connectionPool().idleConnectionCount());
  }

  // Interruption and cancellation.

  @Test
  void interruptDuringBackoffStopsAtOnceAndKeepsTheFlag() throws Exception {
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch waiting = new CountDownLatch(1);
    rebuild(
        retrying()
            .sleeper(
                (duration, canceled) -> {
                  waits.add(duration);
                  waiting.countDown();
                  Sleeper.SYSTEM.sleep(duration, canceled);
                }));
    server.enqueue(status(503).setHeader("Retry-After", "30"));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                get();
              } catch (Throwable t) {
                thrown.set(t);
              }
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            });

    caller.start();
    assertTrue(waiting.await(5, TimeUnit.SECONDS));
    long start = System.nanoTime();
    caller.interrupt();
    caller.join(5_000);

    assertFalse(caller.isAlive());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
    PolyAiIoException e = assertInstanceOf(PolyAiIoException.class, thrown.get());
    assertInstanceOf(InterruptedIOException.class, e.getCause());
    assertEquals(
        "request timed out or was interrupted: interrupted while waiting to retry"
            + " (correlation id "
            + e.correlationId()
            + ")",
        e.getMessage());
    assertTrue(interruptedAfter.get(), "the interrupt flag was not restored");
    assertEquals(List.of(Duration.ofSeconds(30)), waits);
    received(1);
  }

  @Test
  void asyncCallWaitingToRetryHoldsNoDispatcherThread() throws Exception {
    // One call at a time to the host: a waiting call that held its slot would block the next.
    OkHttpClient okHttp = new OkHttpClient();
    okHttp.dispatcher().setMaxRequestsPerHost(1);
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    List<Runnable> retries = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch waiting = new CountDownLatch(1);
    rebuild(
        retrying()
            .okHttpClient(okHttp)
            .sleeper(
                new Sleeper() {
                  @Override
                  public void sleep(Duration duration, BooleanSupplier canceled) {
                    throw new AssertionError("an async call must not sleep");
                  }

                  @Override
                  public void schedule(Duration duration, BooleanSupplier canceled, Runnable task) {
                    waits.add(duration);
                    retries.add(task);
                    waiting.countDown();
                  }
                }));
    server.enqueue(status(503));
    server.enqueue(conversation());
    server.enqueue(conversation());

    CompletableFuture<Conversation> first = client.conversations().getAsync(AGENT, CONVERSATION);
    assertTrue(waiting.await(5, TimeUnit.SECONDS));
    Conversation second =
        client.conversations().getAsync(AGENT, CONVERSATION).get(5, TimeUnit.SECONDS);

    assertEquals(CONVERSATION, second.conversationId());
    assertFalse(first.isDone());
    // The second call's future completes a moment before OkHttp counts the call finished.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(0, okHttp.dispatcher().runningCallsCount());
    assertEquals(List.of(FIRST_BACKOFF), waits);
    retries.get(0).run();
    assertEquals(CONVERSATION, first.get(5, TimeUnit.SECONDS).conversationId());
    List<RecordedRequest> requests = received(3);
    assertEquals(sentCorrelationId(requests.get(0)), sentCorrelationId(requests.get(2)));
    assertNotEquals(sentCorrelationId(requests.get(0)), sentCorrelationId(requests.get(1)));
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @Test
  void asyncRetryHasOnlyWhatIsLeftOfTheDeadline() throws Exception {
    server.enqueue(status(503).setHeader("Retry-After-Ms", "700"));
    // Within a fresh 1 s call timeout, but not within the 300 ms the first attempt and its wait
    // (on the fake clock) left of the deadline.
    server.enqueue(conversation().setHeadersDelay(600, TimeUnit.MILLISECONDS));
    RequestOptions options = RequestOptions.builder().callTimeout(Duration.ofSeconds(1)).build();

    CompletableFuture<Conversation> future =
        client.conversations().getAsync(AGENT, CONVERSATION, options);

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    PolyAiIoException failure = assertInstanceOf(PolyAiIoException.class, e.getCause());
    assertEquals(2, failure.attempts());
    assertTrue(failure.getMessage().startsWith("request timed out"), failure.getMessage());
    assertEquals(List.of(Duration.ofMillis(700)), time.sleeps());
    assertOneCorrelationId(received(2));
  }

  @Test
  void asyncRetryWhoseDeadlinePassedWhileQueuedIsNotSent() throws Exception {
    rebuild(
        retrying()
            .sleeper(
                new Sleeper() {
                  @Override
                  public void sleep(Duration duration, BooleanSupplier canceled) {
                    throw new AssertionError("an async call must not sleep");
                  }

                  @Override
                  public void schedule(Duration duration, BooleanSupplier canceled, Runnable task) {
                    // The wait fits the deadline, but the retry then sits queued past it.
                    time.sleep(Duration.ofSeconds(2), canceled);
                    task.run();
                  }
                }));
    server.enqueue(status(503));
    server.enqueue(conversation());
    RequestOptions options = RequestOptions.builder().callTimeout(Duration.ofSeconds(1)).build();

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                client
                    .conversations()
                    .getAsync(AGENT, CONVERSATION, options)
                    .get(5, TimeUnit.SECONDS));

    PolyAiIoException failure = assertInstanceOf(PolyAiIoException.class, e.getCause());
    assertTrue(
        failure.getMessage().contains("deadline passed before its retry"), failure.getMessage());
    assertEquals(1, failure.attempts());
    received(1);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void cancellingAnAsyncCallStopsItsRetries() throws Exception {
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch waiting = new CountDownLatch(1);
    rebuild(
        retrying()
            .sleeper(
                (duration, canceled) -> {
                  waits.add(duration);
                  waiting.countDown();
                  Sleeper.SYSTEM.sleep(duration, canceled);
                }));
    server.enqueue(status(503).setHeader("Retry-After", "30"));
    server.enqueue(conversation());

    CompletableFuture<Conversation> future = client.conversations().getAsync(AGENT, CONVERSATION);
    assertTrue(waiting.await(5, TimeUnit.SECONDS));
    long start = System.nanoTime();
    assertTrue(future.cancel(true));

    OkHttpClient okHttp = client.okHttpClient();
    while (okHttp.dispatcher().runningCallsCount() > 0
        && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(5);
    }
    assertEquals(0, okHttp.dispatcher().runningCallsCount());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
    assertEquals(List.of(Duration.ofSeconds(30)), waits);
    received(1);
  }

  @Test
  void systemSleeperWakesSoonAfterCancel() throws Exception {
    AtomicBoolean canceled = new AtomicBoolean();
    Thread canceller =
        new Thread(
            () -> {
              try {
                Thread.sleep(20);
              } catch (InterruptedException e) {
                return;
              }
              canceled.set(true);
            });
    long start = System.nanoTime();
    canceller.start();

    Sleeper.SYSTEM.sleep(Duration.ofSeconds(30), canceled::get);

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 20 && millis < 1_000, millis + " ms");
    canceller.join();
  }

  @Test
  void systemSleeperSleepsTheWholeDuration() throws Exception {
    long start = System.nanoTime();

    Sleeper.SYSTEM.sleep(Duration.ofMillis(120), () -> false);

    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(120));
  }

  // Streaming calls.

  @Test
  void streamingCallIsNotBufferedAndItsDeadlineEndsWithTheHeaders() throws Exception {
    rebuild(retrying().callTimeout(Duration.ofMillis(250)));
    byte[] audio = new byte[8 * 1024];
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new okio.Buffer().write(audio))
            .throttleBody(2 * 1024, 100, TimeUnit.MILLISECONDS));
    ConversationsApi api = client.retrofit.create(ConversationsApi.class);

    retrofit2.Response<ResponseBody> response =
        api.v1AgentsAgentIdConversationsConversationIdAudioGet(AGENT, CONVERSATION, "user", false)
            .execute();

    // The body arrives over about 400 ms, well past the 250 ms deadline.
    try (ResponseBody body = response.body()) {
      assertEquals(audio.length, body.bytes().length);
    }
    assertEquals(
        DETAIL_PATH + "/audio?direction=user&redacted=false", received(1).get(0).getPath());
  }

  @Test
  void nonStreamingCallDeadlineCoversTheBody() throws Exception {
    rebuild(retrying().callTimeout(Duration.ofMillis(250)));
    server.enqueue(conversation().throttleBody(1024, 100, TimeUnit.MILLISECONDS));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    assertInstanceOf(InterruptedIOException.class, e.getCause());
    assertSame(1, server.getRequestCount());
  }
}
