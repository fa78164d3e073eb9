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
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ErrorsTest {
  private static final String HTML =
      "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad"
          + " Gateway</h1></center><hr><center>nginx</center></body></html>";
  private static final String TRUNCATED_ENVELOPE = "{\"success\": fal";

  private final MockWebServer server = new MockWebServer();
  private PolyAiData client;

  @BeforeEach
  void start() throws IOException {
    HttpTestSupport.start(server);
    client = HttpTestSupport.builder(server).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private <T extends Throwable> T getFails(Class<T> type) {
    return assertThrows(type, () -> client.conversations().get(AGENT, CONVERSATION));
  }

  private static String envelope(String errorId, String code, String message) {
    return "{\"success\": false, \"error\": \""
        + message
        + "\", \"error_id\": \""
        + errorId
        + "\", \"error_code\": \""
        + code
        + "\", \"error_message\": \""
        + message
        + "\", \"data\": null}";
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** The first {@link ApiError#MAX_EXCERPT_CHARS} characters, marked when cut. */
  private static String excerpt(String body) {
    return body.length() <= ApiError.MAX_EXCERPT_CHARS
        ? body
        : body.substring(0, ApiError.MAX_EXCERPT_CHARS) + "…";
  }

  // Status to exception.

  static Stream<Arguments> statuses() {
    return Stream.of(
        arguments(400, BadRequestException.class),
        arguments(401, AuthenticationException.class),
        arguments(403, PermissionDeniedException.class),
        arguments(404, NotFoundException.class),
        arguments(409, ConflictException.class),
        arguments(410, GoneException.class),
        arguments(422, UnprocessableEntityException.class),
        arguments(429, RateLimitException.class),
        arguments(500, InternalServerException.class),
        arguments(501, InternalServerException.class),
        arguments(502, InternalServerException.class),
        arguments(503, InternalServerException.class),
        arguments(504, InternalServerException.class),
        arguments(405, UnexpectedStatusException.class),
        arguments(412, UnexpectedStatusException.class),
        arguments(415, UnexpectedStatusException.class),
        arguments(418, UnexpectedStatusException.class),
        arguments(300, UnexpectedStatusException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void errorWithEnvelopeCarriesErrorCodeMessageAndErrorId(
      int status, Class<? extends PolyAiApiException> type) throws Exception {
    String body = envelope("c0ffee00-0000-4abc-9def-0000000000" + status, "SOME_CODE", "It broke");
    server.enqueue(json(status, body).setHeader("X-PolyAI-Correlation-Id", "header-id"));

    PolyAiApiException e = getFails(PolyAiApiException.class);

    assertSame(type, e.getClass());
    RecordedRequest request = taken(server);
    assertEquals(DETAIL_PATH, request.getPath());
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    assertEquals(status, e.statusCode());
    assertEquals("SOME_CODE", e.errorCode());
    assertEquals("It broke", e.errorMessage());
    assertEquals("c0ffee00-0000-4abc-9def-0000000000" + status, e.correlationId());
    assertEquals(
        "HTTP "
            + status
            + " SOME_CODE: It broke (correlation id c0ffee00-0000-4abc-9def-0000000000"
            + status
            + ")",
        e.getMessage());
    assertEquals(body, e.body());
    assertEquals(List.of("header-id"), e.headers().get("x-polyai-correlation-id"));
    assertEquals(List.of("application/json"), e.headers().get("content-type"));
    assertNull(e.getCause());
  }

  static Stream<Arguments> statusesWithoutEnvelope() {
    List<Arguments> cases = new ArrayList<>();
    for (Arguments status : statuses().toList()) {
      for (String body :
          List.of("", HTML, TRUNCATED_ENVELOPE, "{}", "[\"not\", \"an\", \"envelope\"]")) {
        cases.add(arguments(status.get()[0], status.get()[1], body));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("statusesWithoutEnvelope")
  void errorWithoutEnvelopeMapsStatusAndUsesTheSentCorrelationId(
      int status, Class<? extends PolyAiApiException> type, String body) throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(status)
            .setHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json")
            .setBody(body));

    PolyAiApiException e = getFails(PolyAiApiException.class);

    assertSame(type, e.getClass());
    String sent = sentCorrelationId(taken(server));
    assertEquals(status, e.statusCode());
    assertNull(e.errorCode());
    assertNull(e.errorMessage());
    assertEquals(sent, e.correlationId());
    assertEquals("HTTP " + status + " (correlation id " + sent + ")", e.getMessage());
    assertEquals(body, e.body());
  }

  @Test
  void notFoundFixtureReadsLikeTheLiveService() throws Exception {
    server.enqueue(json(404, HttpTestSupport.resource("/fixtures/error-not-found.json")));

    NotFoundException e = getFails(NotFoundException.class);

    taken(server);
    assertEquals(404, e.statusCode());
    assertEquals("CONVERSATIONS_NOT_FOUND", e.errorCode());
    assertEquals("Conversation not found", e.errorMessage());
    assertEquals("c0ffee00-1234-4abc-9def-001122334455", e.correlationId());
    assertEquals(
        "HTTP 404 CONVERSATIONS_NOT_FOUND: Conversation not found"
            + " (correlation id c0ffee00-1234-4abc-9def-001122334455)",
        e.getMessage());
  }

  // Which correlation id an error reports.

  @Test
  void responseHeaderCorrelationIdIsUsedWhenEnvelopeHasNoErrorId() throws Exception {
    server.enqueue(
        json(401, "{\"success\": false, \"error_code\": \"AUTH_USER_INVALID_TOKEN\"}")
            .setHeader("X-PolyAI-Correlation-Id", "echoed-by-gateway"));

    AuthenticationException e = getFails(AuthenticationException.class);

    assertNotEquals("echoed-by-gateway", sentCorrelationId(taken(server)));
    assertEquals("echoed-by-gateway", e.correlationId());
    assertEquals("AUTH_USER_INVALID_TOKEN", e.errorCode());
    assertNull(e.errorMessage());
    assertEquals(
        "HTTP 401 AUTH_USER_INVALID_TOKEN (correlation id echoed-by-gateway)", e.getMessage());
  }

  @Test
  void responseHeaderCorrelationIdIsUsedWithoutABody() throws Exception {
    server.enqueue(
        new MockResponse().setResponseCode(503).setHeader("X-PolyAI-Correlation-Id", "lb-42"));

    InternalServerException e = getFails(InternalServerException.class);

    taken(server);
    assertEquals("lb-42", e.correlationId());
    assertEquals("HTTP 503 (correlation id lb-42)", e.getMessage());
    assertEquals("", e.body());
  }

  @Test
  void envelopeErrorFieldStandsInForAMissingErrorMessage() throws Exception {
    server.enqueue(
        json(
            400,
            "{\"success\": false, \"error\": \"Chat draft does not exist\", \"error_id\": \"e-1\","
                + " \"error_code\": \"CHAT_DRAFT_NOT_EXIST\", \"data\": null}"));

    BadRequestException e = getFails(BadRequestException.class);

    taken(server);
    assertEquals("Chat draft does not exist", e.errorMessage());
    assertEquals(
        "HTTP 400 CHAT_DRAFT_NOT_EXIST: Chat draft does not exist (correlation id e-1)",
        e.getMessage());
  }

  @Test
  void envelopeWithNonStringMembersIsReadLeniently() throws Exception {
    server.enqueue(
        json(
            422,
            "{\"success\": false, \"error_id\": 12345, \"error_code\": [\"A\"],"
                + " \"error_message\": {\"detail\": \"x\"}, \"data\": {\"field\": \"limit\"}}"));

    UnprocessableEntityException e = getFails(UnprocessableEntityException.class);

    taken(server);
    assertEquals("12345", e.correlationId());
    assertNull(e.errorCode());
    assertNull(e.errorMessage());
    assertEquals("HTTP 422 (correlation id 12345)", e.getMessage());
  }

  // Bounded bodies.

  @Test
  void hugeHtmlErrorBodyIsCutToAnExcerpt() throws Exception {
    StringBuilder page = new StringBuilder("<html><body>");
    while (page.length() < 1024 * 1024) {
      page.append("<p>Upstream connect error or disconnect/reset before headers.</p>\n");
    }
    server.enqueue(
        new MockResponse()
            .setResponseCode(502)
            .setHeader("Content-Type", "text/html")
            .setBody(page.toString()));

    InternalServerException e = getFails(InternalServerException.class);

    taken(server);
    assertEquals(502, e.statusCode());
    assertEquals(ApiError.MAX_EXCERPT_CHARS + 1, e.body().length());
    assertEquals(page.substring(0, ApiError.MAX_EXCERPT_CHARS) + "…", e.body());
    assertTrue(e.getMessage().startsWith("HTTP 502 (correlation id "), e.getMessage());
  }

  // Retry-After.

  @Test
  void retryAfterSeconds() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));

    RateLimitException e = getFails(RateLimitException.class);

    taken(server);
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
    assertEquals(List.of("7"), e.headers().get("retry-after"));
  }

  @Test
  void retryAfterMillisecondsWinsOverSeconds() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After-Ms", "1500")
            .setHeader("Retry-After", "2"));

    RateLimitException e = getFails(RateLimitException.class);

    taken(server);
    assertEquals(Duration.ofMillis(1500), e.retryAfter());
  }

  @Test
  void retryAfterHttpDateIsMeasuredFromTheClock() throws Exception {
    Instant now = Instant.parse("2026-10-14T18:00:00Z");
    client.close();
    client = HttpTestSupport.builder(server).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After", "Wed, 14 Oct 2026 18:00:30 GMT"));

    RateLimitException e = getFails(RateLimitException.class);

    taken(server);
    assertEquals(Duration.ofSeconds(30), e.retryAfter());
  }

  @Test
  void retryAfterDateInThePastMeansNow() throws Exception {
    Instant now = Instant.parse("2026-10-14T18:00:00Z");
    client.close();
    client = HttpTestSupport.builder(server).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After", "Wed, 14 Oct 2026 17:59:00 GMT"));

    RateLimitException e = getFails(RateLimitException.class);

    taken(server);
    assertEquals(Duration.ZERO, e.retryAfter());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "NaN", "Infinity", "Thursday"})
  void unreadableRetryAfterIsNull(String value) throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", value));

    RateLimitException e = getFails(RateLimitException.class);

    taken(server);
    assertNull(e.retryAfter());
  }

  @Test
  void retryAfterIsNullWhenAbsent() throws Exception {
    server.enqueue(json(429, envelope("e-9", "RATE_LIMITED", "Slow down")));

    RateLimitException e = getFails(RateLimitException.class);

    taken(server);
    assertNull(e.retryAfter());
    assertEquals("HTTP 429 RATE_LIMITED: Slow down (correlation id e-9)", e.getMessage());
  }

  // The API key never shows.

  @Test
  void apiKeyEchoedInErrorIsRedacted() throws Exception {
    server.enqueue(
        json(
                401,
                envelope(
                    "id-" + API_KEY, "AUTH_USER_INVALID_TOKEN", "Invalid API key " + API_KEY + "."))
            .setHeader("X-Echo-Api-Key", API_KEY)
            .addHeader("Set-Cookie", "k=" + API_KEY + "; Path=/"));

    AuthenticationException e = getFails(AuthenticationException.class);

    assertEquals(API_KEY, taken(server).getHeader("X-API-KEY"));
    assertEquals(
        "HTTP 401 AUTH_USER_INVALID_TOKEN: Invalid API key [redacted]."
            + " (correlation id id-[redacted])",
        e.getMessage());
    assertEquals("Invalid API key [redacted].", e.errorMessage());
    assertEquals("id-[redacted]", e.correlationId());
    assertEquals(List.of("[redacted]"), e.headers().get("x-echo-api-key"));
    assertEquals(List.of("k=[redacted]; Path=/"), e.headers().get("set-cookie"));
    assertFalse(e.body().contains(API_KEY));
    assertTrue(e.body().contains("Invalid API key [redacted]."));
    assertFalse(e.toString().contains(API_KEY));
  }

  @Test
  void apiKeyAcrossTheExcerptBoundaryIsNotPartlyShown() throws Exception {
    String body = "x".repeat(ApiError.MAX_EXCERPT_CHARS - 5) + API_KEY + " trailing";
    server.enqueue(new MockResponse().setResponseCode(400).setBody(body));

    BadRequestException e = getFails(BadRequestException.class);

    taken(server);
    assertFalse(e.body().contains(API_KEY.substring(0, 5)), e.body().substring(4080));
  }

  @Test
  void apiKeyEchoedInAnUnreadableSuccessBodyIsRedacted() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "text/html")
            .setBody("<p>Welcome, " + API_KEY + "</p>"));

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    taken(server);
    assertEquals("<p>Welcome, [redacted]</p>", e.body());
    assertFalse(e.getMessage().contains(API_KEY));
  }

  // Success statuses with bodies that cannot be read.

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(
        arguments("empty", "", null, "the response body is empty: End of input"),
        arguments(
            "malformed",
            "{\"conversationId\": ",
            "application/json",
            "malformed JSON body: End of input"),
        arguments(
            "truncated",
            restaurant().substring(0, 200),
            "application/json",
            "malformed JSON body: Unterminated string at path $.startedAt"),
        arguments("html", HTML, "text/html", "expected a JSON body but the response is text/html"),
        arguments(
            "array",
            "[" + restaurant() + "]",
            "application/json",
            "malformed JSON body: Expected a JSON object for ConversationDetailResponse but was an"
                + " array at path $"),
        arguments("null", "null", "application/json", "the response body is JSON null"),
        arguments(
            "trailing garbage",
            restaurant() + " garbage",
            "application/json",
            "malformed JSON body: Use JsonReader.setLenient(true) to accept malformed JSON at path"
                + " $"),
        arguments(
            "two documents",
            "{} {}",
            "application/json",
            "malformed JSON body: Use JsonReader.setLenient(true) to accept malformed JSON at path"
                + " $"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableBodies")
  void unreadableSuccessBodyIsAnInvalidResponse(
      String name, String body, String contentType, String problem) throws Exception {
    MockResponse response = new MockResponse().setBody(body);
    if (contentType != null) {
      response.setHeader("Content-Type", contentType);
    }
    server.enqueue(response);

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    String sent = sentCorrelationId(taken(server));
    assertEquals(200, e.statusCode());
    assertEquals(sent, e.correlationId());
    assertEquals(
        "invalid response (HTTP 200): " + problem + " (correlation id " + sent + ")",
        e.getMessage());
    assertEquals(excerpt(body), e.body());
  }

  @Test
  void invalidResponseReportsTheEchoedCorrelationId() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("X-PolyAI-Correlation-Id", "echoed-7").setBody("nope"));

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    taken(server);
    assertEquals("echoed-7", e.correlationId());
    assertTrue(e.getMessage().endsWith(" (correlation id echoed-7)"), e.getMessage());
  }

  @Test
  void largeUnreadableSuccessBodyIsCutToAnExcerpt() throws Exception {
    String body = "<html>" + "<p>maintenance</p>".repeat(10_000) + "</html>";
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(body));

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    taken(server);
    assertEquals(body.substring(0, ApiError.MAX_EXCERPT_CHARS) + "…", e.body());
  }

  @Test
  void noContentIsAnInvalidResponse() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    String sent = sentCorrelationId(taken(server));
    assertEquals(204, e.statusCode());
    assertEquals(
        "invalid response (HTTP 204): the response has no body (correlation id " + sent + ")",
        e.getMessage());
    assertEquals("", e.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"conversationId", "accountId", "projectId"})
  void conversationWithoutARequiredIdIsAnInvalidResponse(String field) throws Exception {
    Map<String, Object> members = HttpTestSupport.parseObject(restaurant());
    assertTrue(members.containsKey(field));
    members.remove(field);
    server.enqueue(json(200, HttpTestSupport.toJson(members)));

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    String sent = sentCorrelationId(taken(server));
    assertEquals(200, e.statusCode());
    assertEquals(sent, e.correlationId());
    assertEquals(
        "invalid response (HTTP 200): conversation has no "
            + field
            + " (correlation id "
            + sent
            + ")",
        e.getMessage());
    // The excerpt is the body as read, the other members still there.
    assertTrue(e.body().startsWith("{"), e.body());
    assertTrue(e.body().contains("\"turns\""), e.body());
    assertFalse(e.body().contains("\"" + field + "\""), e.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"conversationId", "accountId", "projectId"})
  void conversationWithANullRequiredIdIsAnInvalidResponse(String field) throws Exception {
    Map<String, Object> members = HttpTestSupport.parseObject(restaurant());
    members.put(field, null);
    server.enqueue(json(200, HttpTestSupport.toJson(members)));

    PolyAiInvalidResponseException e = getFails(PolyAiInvalidResponseException.class);

    taken(server);
    assertTrue(e.getMessage().contains("conversation has no " + field), e.getMessage());
  }

  // The network.

  @Test
  void connectionDroppedBeforeResponseIsAnIoException() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    assertEquals(1, server.getRequestCount());
    String id = e.correlationId();
    assertEquals(id, UUID.fromString(id).toString());
    assertTrue(e.getMessage().startsWith("request failed on the network: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" (correlation id " + id + ")"), e.getMessage());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void connectionDroppedDuringBodyIsAnIoExceptionWithTheSentCorrelationId() throws Exception {
    server.enqueue(
        json(200, restaurant()).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    String sent = sentCorrelationId(taken(server));
    assertEquals(sent, e.correlationId());
    assertEquals(
        "request failed on the network: unexpected end of stream (correlation id " + sent + ")",
        e.getMessage());
  }

  @Test
  void bodyShorterThanContentLengthIsAnIoException() throws Exception {
    server.enqueue(
        json(200, "{\"conversationId\": \"CA1\"")
            .setHeader("Content-Length", "5000")
            .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    String sent = sentCorrelationId(taken(server));
    assertEquals(sent, e.correlationId());
    assertEquals(
        "request failed on the network: unexpected end of stream (correlation id " + sent + ")",
        e.getMessage());
  }

  @Test
  void slowBodyTimesOutAsAnIoException() throws Exception {
    client.close();
    client = HttpTestSupport.builder(server).readTimeout(Duration.ofMillis(100)).build();
    server.enqueue(json(200, restaurant()).setBodyDelay(400, TimeUnit.MILLISECONDS));

    PolyAiIoException e = getFails(PolyAiIoException.class);

    String sent = sentCorrelationId(taken(server));
    assertEquals(sent, e.correlationId());
    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    // The detail between is the JDK's ("Read timed out") or OkHttp's ("timeout").
    assertTrue(e.getMessage().startsWith("request timed out or was interrupted: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" (correlation id " + sent + ")"), e.getMessage());
  }
}
