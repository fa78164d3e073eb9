package ai.poly.data.testing;

import static ai.poly.data.testing.Http.envelope;
import static ai.poly.data.testing.Http.get;
import static ai.poly.data.testing.Http.request;
import static ai.poly.data.testing.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonEncodingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class FakeDataApiMisbehaviourTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String RESTAURANT = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  private static final String DETAIL = "v1/agents/" + AGENT + "/conversations/" + RESTAURANT;

  private final FakeDataApi fake = FakeDataApi.start();

  @BeforeEach
  void seed() {
    fake.addSampleConversations(AGENT);
  }

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void failNextAnswersTheStatusWithTheEnvelopeThenRecovers() throws IOException {
    fake.failNext(2, 503);
    for (int i = 0; i < 2; i++) {
      try (Response response =
          Http.CLIENT
              .newCall(request(fake, DETAIL).header("X-PolyAI-Correlation-Id", "cid-" + i).build())
              .execute()) {
        assertEquals(503, response.code());
        assertEquals("Service Unavailable", response.message());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("cid-" + i, response.header("X-PolyAI-Correlation-Id"));
        assertEquals(
            envelope("cid-" + i, "SERVICE_UNAVAILABLE", "Service Unavailable"),
            response.body().string());
      }
    }
    assertEquals(200, get(fake, DETAIL).status());
    assertEquals(3, fake.requestCount());
  }

  @Test
  void failNextUsesTheReasonOfAnyErrorStatus() {
    fake.failNext(1, 500);
    fake.failNext(1, 418);
    Http.Reply internal = get(fake, DETAIL);
    assertEquals(500, internal.status());
    assertEquals("INTERNAL_SERVER_ERROR", Http.errorCode(internal));
    Http.Reply teapot = get(fake, DETAIL);
    assertEquals(418, teapot.status());
    assertEquals("HTTP_418", Http.errorCode(teapot));
  }

  @Test
  void failNextRejectsAStatusThatIsNotAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fake.failNext(1, 200));
    assertEquals("status must be 400 to 599: 200", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> fake.failNext(1, 600));
  }

  @Test
  void rateLimitNextSendsRetryAfterInWholeSecondsRoundedUp() {
    fake.rateLimitNext(1, Duration.ofMillis(1500));
    fake.rateLimitNext(1, Duration.ofSeconds(30));
    Http.Reply first =
        send(request(fake, DETAIL).header("X-PolyAI-Correlation-Id", "cid-429").build());
    assertEquals(429, first.status());
    assertEquals("2", first.header("Retry-After"));
    assertEquals(envelope("cid-429", "TOO_MANY_REQUESTS", "Too Many Requests"), first.body());
    assertEquals("30", get(fake, DETAIL).header("Retry-After"));
    Http.Reply third = get(fake, DETAIL);
    assertEquals(200, third.status());
    assertNull(third.header("Retry-After"));
  }

  @Test
  void dropConnectionNextClosesTheConnectionWithoutAResponse() {
    fake.dropConnectionNext(2);
    assertThrows(UncheckedIOException.class, () -> get(fake, DETAIL));
    assertThrows(UncheckedIOException.class, () -> get(fake, DETAIL));
    assertEquals(200, get(fake, DETAIL).status());
    assertEquals(3, fake.requestCount());
  }

  @Test
  void okHttpSilentlyRetriesADroppedPooledConnectionByDefault() {
    OkHttpClient retrying = new OkHttpClient();
    assertEquals(200, send(retrying, request(fake, DETAIL).build()).status());
    fake.dropConnectionNext(1);
    assertEquals(200, send(retrying, request(fake, DETAIL).build()).status());
    assertEquals(3, fake.requestCount());
  }

  @Test
  void okHttpDoesNotRetryADroppedFreshConnection() {
    fake.dropConnectionNext(1);
    OkHttpClient retrying = new OkHttpClient();
    assertThrows(UncheckedIOException.class, () -> send(retrying, request(fake, DETAIL).build()));
    assertEquals(1, fake.requestCount());
  }

  @Test
  void slowNextDelaysTheResponse() {
    fake.slowNext(1, Duration.ofMillis(400));
    long start = System.nanoTime();
    Http.Reply slow = get(fake, DETAIL);
    long slowMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(200, slow.status());
    assertTrue(slowMillis >= 400, slowMillis + " ms");

    start = System.nanoTime();
    assertEquals(200, get(fake, DETAIL).status());
    long nextMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(nextMillis < 400, nextMillis + " ms");
  }

  @Test
  void slowResponseTripsAClientReadTimeout() {
    fake.slowNext(1, Duration.ofMillis(600));
    OkHttpClient impatient = Http.CLIENT.newBuilder().readTimeout(Duration.ofMillis(100)).build();
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> send(impatient, request(fake, DETAIL).build()));
    assertEquals(SocketTimeoutException.class, e.getCause().getClass());
  }

  @Test
  void truncateNextSendsHalfTheBodyThenDisconnects() throws IOException {
    int length = get(fake, DETAIL).body().length();
    fake.truncateNext(1);
    try (Response response = Http.CLIENT.newCall(request(fake, DETAIL).build()).execute()) {
      assertEquals(200, response.code());
      assertEquals(Integer.toString(length), response.header("Content-Length"));
      assertThrows(IOException.class, () -> response.body().string());
    }
    assertEquals(length, get(fake, DETAIL).body().length());
  }

  @Test
  void truncatesALargeAudioBody() throws IOException {
    fake.setAudioSize(AGENT, RESTAURANT, 10_000_000);
    fake.truncateNext(1);
    try (Response response =
        Http.CLIENT.newCall(request(fake, DETAIL + "/audio").build()).execute()) {
      assertEquals("10000000", response.header("Content-Length"));
      assertThrows(IOException.class, () -> response.body().bytes());
    }
  }

  @Test
  void malformedJsonNextSends200WithBrokenJson() {
    fake.malformedJsonNext(1);
    Http.Reply reply = get(fake, DETAIL);
    assertEquals(200, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    assertEquals("{\"conversations\": [{\"conversationId\": \"CA", reply.body());
    assertThrows(
        JsonEncodingException.class,
        () ->
            com.squareup.moshi.JsonReader.of(new okio.Buffer().writeUtf8(reply.body()))
                .readJsonValue());
    assertEquals(200, get(fake, DETAIL).status());
    assertTrue(get(fake, DETAIL).body().startsWith("{\"conversationId\":\"" + RESTAURANT));
  }

  @Test
  void misbehavioursAreConsumedInTheOrderQueued() {
    fake.failNext(1, 500);
    fake.rateLimitNext(2, Duration.ofSeconds(1));
    fake.malformedJsonNext(1);
    assertEquals(500, get(fake, DETAIL).status());
    assertEquals(429, get(fake, DETAIL).status());
    assertEquals(429, get(fake, DETAIL).status());
    assertEquals("{\"conversations\": [{\"conversationId\": \"CA", get(fake, DETAIL).body());
    assertTrue(get(fake, DETAIL).body().startsWith("{\"conversationId\""));
  }

  @Test
  void misbehaviourComesBeforeTheApiKeyIsChecked() {
    fake.failNext(1, 503);
    Http.Reply reply = send(request(fake, DETAIL).header("X-API-KEY", "wrong").build());
    assertEquals(503, reply.status());
    assertEquals(401, send(request(fake, DETAIL).header("X-API-KEY", "wrong").build()).status());
  }

  /** The statuses of {@code count} requests made one after another; 0 for a dropped connection. */
  private static List<Integer> statuses(FakeDataApi fake, int count) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try {
        statuses.add(get(fake, DETAIL).status());
      } catch (UncheckedIOException dropped) {
        statuses.add(0);
      }
    }
    return statuses;
  }

  @Test
  void misbehaveRandomlyMisbehavesOnAboutTheGivenShareOfRequests() {
    fake.misbehaveRandomly(0.25, 7, Misbehaviour.fail(503), Misbehaviour.dropConnection());

    List<Integer> statuses = statuses(fake, 400);

    int ok = Collections.frequency(statuses, 200);
    int unavailable = Collections.frequency(statuses, 503);
    int dropped = Collections.frequency(statuses, 0);
    assertEquals(400, ok + unavailable + dropped, statuses.toString());
    // A quarter of 400 is 100; a binomial draw lies within 40 of it but for odds of 1 in 10^8.
    assertTrue(Math.abs(unavailable + dropped - 100) < 40, statuses.toString());
    assertTrue(unavailable > 20 && dropped > 20, statuses.toString());
    assertEquals(400, fake.requestCount());
  }

  @Test
  void misbehaveRandomlyRepeatsWithTheSameSeed() {
    try (FakeDataApi other = FakeDataApi.start()) {
      other.addSampleConversations(AGENT);
      fake.misbehaveRandomly(0.5, 99, Misbehaviour.fail(500), Misbehaviour.fail(503));
      other.misbehaveRandomly(0.5, 99, Misbehaviour.fail(500), Misbehaviour.fail(503));

      List<Integer> statuses = statuses(fake, 50);

      assertEquals(statuses, statuses(other, 50));
      assertTrue(statuses.contains(200) && statuses.contains(500) && statuses.contains(503));
    }
  }

  @Test
  void queuedMisbehavioursComeBeforeRandomOnes() {
    fake.misbehaveRandomly(1, 1, Misbehaviour.fail(503));
    fake.failNext(2, 500);

    assertEquals(List.of(500, 500, 503, 503), statuses(fake, 4));
  }

  @Test
  void misbehaveRandomlyWithProbabilityZeroStops() {
    fake.misbehaveRandomly(1, 1, Misbehaviour.fail(503));
    assertEquals(503, get(fake, DETAIL).status());

    fake.misbehaveRandomly(0, 1);

    assertEquals(List.of(200, 200, 200), statuses(fake, 3));
  }

  @Test
  void misbehaveRandomlyRejectsInvalidArguments() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fake.misbehaveRandomly(1.5, 1, Misbehaviour.fail(503)));
    assertEquals("probability must be 0 to 1: 1.5", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> fake.misbehaveRandomly(Double.NaN, 1, Misbehaviour.fail(503)));
    e = assertThrows(IllegalArgumentException.class, () -> fake.misbehaveRandomly(0.1, 1));
    assertEquals("no misbehaviours to choose from", e.getMessage());
    NullPointerException n =
        assertThrows(
            NullPointerException.class,
            () -> fake.misbehaveRandomly(0.1, 1, Misbehaviour.fail(503), null));
    assertEquals("misbehaviours contains null", n.getMessage());
  }

  @Test
  void misbehaveNextTakesAnyMisbehaviour() {
    fake.misbehaveNext(1, Misbehaviour.fail(502));
    assertEquals(502, get(fake, DETAIL).status());
  }

  @Test
  void misbehaveNextRejectsACountBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fake.failNext(0, 503));
    assertEquals("count < 1: 0", e.getMessage());
  }

  @Test
  void misbehavioursRejectNegativeDurations() {
    assertThrows(IllegalArgumentException.class, () -> Misbehaviour.slow(Duration.ofSeconds(-1)));
    assertThrows(
        IllegalArgumentException.class, () -> Misbehaviour.rateLimit(Duration.ofSeconds(-1)));
  }

  @Test
  void misbehaviourIsAValue() {
    assertEquals(Misbehaviour.fail(503), Misbehaviour.fail(503));
    assertEquals(Misbehaviour.fail(503).hashCode(), Misbehaviour.fail(503).hashCode());
    assertNotEquals(Misbehaviour.fail(503), Misbehaviour.fail(500));
    assertEquals("Misbehaviour.fail(503)", Misbehaviour.fail(503).toString());
    assertEquals(
        "Misbehaviour.rateLimit(PT2S)", Misbehaviour.rateLimit(Duration.ofSeconds(2)).toString());
    assertEquals("Misbehaviour.dropConnection()", Misbehaviour.dropConnection().toString());
  }
}
