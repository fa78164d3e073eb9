package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.restaurant;
import static ai.poly.data.HttpTestSupport.sentCorrelationId;
import static ai.poly.data.HttpTestSupport.taken;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Success and error bodies no service should send: nested beyond any parser's stack, numbers out of
 * every range, hundreds of MB, not JSON at all. Each must end as a typed exception or a lenient
 * read, never a StackOverflowError, an OutOfMemoryError or a runtime exception of the JDK's. The
 * plainer cases (empty, truncated, HTML, an array, {@code null}) are in {@link ErrorsTest}.
 */
final class BadResponsesTest {
  private static final int DEEP = 100_000;
  private static final String PLACEHOLDER = "@@raw@@";

  /** How much of a huge body the test server sends before it gives up: past the client's limit. */
  private static final long SERVER_SEND_LIMIT =
      JsonConverterFactory.MAX_JSON_BODY_BYTES + (8L << 20);

  private static final long HUGE_BODY_BYTES = 300L * 1024 * 1024;

  private final CappedServerSocketFactory sockets =
      new CappedServerSocketFactory(SERVER_SEND_LIMIT);
  private final MockWebServer server = new MockWebServer();
  private PolyAiData client;

  @BeforeEach
  void start() throws IOException {
    server.setServerSocketFactory(sockets);
    HttpTestSupport.start(server);
    client = HttpTestSupport.builder(server).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private Conversation get() {
    return client.conversations().get(AGENT, CONVERSATION);
  }

  private PolyAiInvalidResponseException getFailsInvalid() {
    return assertThrows(PolyAiInvalidResponseException.class, this::get);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  /**
   * The restaurant fixture with the member at {@code path} (keys and list indexes) replaced by the
   * JSON text {@code raw}, which need not be valid.
   */
  @SuppressWarnings("unchecked")
  private static String restaurantWith(String raw, Object... path) {
    Object node = HttpTestSupport.parseObject(restaurant());
    Object root = node;
    for (int i = 0; i < path.length - 1; i++) {
      node =
          path[i] instanceof Integer
              ? ((List<Object>) node).get((Integer) path[i])
              : ((Map<String, Object>) node).get((String) path[i]);
    }
    Object last = path[path.length - 1];
    if (last instanceof Integer) {
      ((List<Object>) node).set((Integer) last, PLACEHOLDER);
    } else {
      ((Map<String, Object>) node).put((String) last, PLACEHOLDER);
    }
    String json = HttpTestSupport.toJson(root);
    assertTrue(json.contains('"' + PLACEHOLDER + '"'), json);
    return json.replace('"' + PLACEHOLDER + '"', raw);
  }

  private static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static String nestedObjects(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  private void assertInvalid(PolyAiInvalidResponseException e, String problemStart, String body)
      throws Exception {
    RecordedRequest request = taken(server);
    assertEquals(DETAIL_PATH, request.getPath());
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    String sent = sentCorrelationId(request);
    assertEquals(200, e.statusCode());
    assertEquals(sent, e.correlationId());
    String start = "invalid response (HTTP 200): " + problemStart;
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    assertTrue(e.getMessage().endsWith(" (correlation id " + sent + ")"), e.getMessage());
    assertTrue(e.getMessage().length() < 1200, "message of " + e.getMessage().length() + " chars");
    assertEquals(
        body.length() <= ApiError.MAX_EXCERPT_CHARS
            ? body
            : body.substring(0, ApiError.MAX_EXCERPT_CHARS) + "…",
        e.body());
  }

  // Nesting. Moshi's reader refuses a document nested deeper than 255 levels before the client's
  // recursive reading of plain values could go deeper, so no depth can overflow the stack.

  @Test
  void arraysNestedAHundredThousandLevelsDeepAreAnInvalidResponse() throws Exception {
    String body = nestedArrays(DEEP);
    server.enqueue(json(body));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(e, "malformed JSON body: Nesting too deep at $[0][0]", body);
  }

  @Test
  void objectsNestedAHundredThousandLevelsDeepAreAnInvalidResponse() throws Exception {
    String body = nestedObjects(DEEP);
    server.enqueue(json(body));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(e, "malformed JSON body: Nesting too deep at $.a.a.a", body);
  }

  static Stream<Arguments> deepPlaces() {
    return Stream.of(
        arguments("$.turns[0].metadata", new Object[] {"turns", 0, "metadata"}),
        arguments("$.turns[1].latency", new Object[] {"turns", 1, "latency"}),
        arguments("$.metrics.CALL_DURATION", new Object[] {"metrics", "CALL_DURATION"}),
        arguments(
            "$.functionEvents.2[0].arguments",
            new Object[] {"functionEvents", "2", 0, "arguments"}),
        arguments("$.unknownMember", new Object[] {"unknownMember"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deepPlaces")
  void deepNestingInsideAConversationIsAnInvalidResponse(String at, Object[] path)
      throws Exception {
    String body = restaurantWith(nestedArrays(DEEP), path);
    server.enqueue(json(body));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(e, "malformed JSON body: Nesting too deep at " + at + "[0][0]", body);
  }

  @Test
  void deepNestingUnderLongNamesKeepsTheMessageShort() throws Exception {
    String name = "n".repeat(1000);
    String body = ("{\"" + name + "\":").repeat(300) + "1" + "}".repeat(300);
    server.enqueue(json(body));

    PolyAiInvalidResponseException e = getFailsInvalid();

    String problem = "malformed JSON body: Nesting too deep at $." + name + "." + name;
    assertInvalid(e, problem.substring(0, ApiCalls.MAX_PROBLEM_CHARS) + "…", body);
  }

  @Test
  void nestingMoshiCanReadIsKeptInTheTurn() throws Exception {
    String body = restaurantWith(nestedArrays(250), "turns", 0, "metadata");
    server.enqueue(json(body));

    Conversation conversation = get();

    taken(server);
    Object metadata = conversation.turns().get(0).additionalProperties().get("metadata");
    int depth = 0;
    for (Object node = metadata; node instanceof List && !((List<?>) node).isEmpty(); ) {
      node = ((List<?>) node).get(0);
      depth++;
    }
    assertEquals(249, depth);
    // Equality, hashing and printing walk the whole value: none may overflow the stack.
    Conversation again = TestFixtures.parseConversation(body);
    assertEquals(again, conversation);
    assertEquals(again.hashCode(), conversation.hashCode());
    assertTrue(conversation.turns().get(0).additionalProperties().toString().startsWith("{"));
  }

  @Test
  void deepNestingInsideASummaryStringIsReadAsText() throws Exception {
    String summary = "{\"heading\": " + nestedArrays(DEEP) + "}";
    server.enqueue(json(restaurantWith(HttpTestSupport.toJson(summary), "shortSummary")));

    Conversation conversation = get();

    taken(server);
    assertEquals(Summary.of(null, summary), conversation.shortSummary());
  }

  @Test
  void deepNestingInAnErrorBodyStillYieldsTheStatusException() throws Exception {
    String body = "{\"error_code\": " + nestedArrays(DEEP) + "}";
    server.enqueue(
        new MockResponse()
            .setResponseCode(503)
            .setHeader("Content-Type", "application/json")
            .setBody(body));

    InternalServerException e = assertThrows(InternalServerException.class, this::get);

    String sent = sentCorrelationId(taken(server));
    assertEquals(503, e.statusCode());
    assertNull(e.errorCode());
    assertEquals(sent, e.correlationId());
    assertEquals("HTTP 503 (correlation id " + sent + ")", e.getMessage());
    assertEquals(body.substring(0, ApiError.MAX_EXCERPT_CHARS) + "…", e.body());
  }

  // Numbers. Integers that do not fit a long, and other numbers beyond a double's range, are read
  // exactly as BigDecimal; a typed field they do not fit reads as absent and keeps them raw.

  private static String restaurantWithSummaryNumbers(String literal) {
    String body = restaurantWith(literal, "polyScore");
    String edited =
        body.replace("\"totalDuration\":147.0", "\"totalDuration\":" + literal)
            .replace("\"duration\":147.0", "\"duration\":" + literal);
    assertEquals(body.length() + 2 * (literal.length() - 5), edited.length());
    return edited;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1E+1000"})
  void numbersBeyondADoubleReadAsAbsentAndStayRaw(String literal) throws Exception {
    server.enqueue(json(restaurantWithSummaryNumbers(literal)));

    Conversation conversation = get();

    taken(server);
    BigDecimal exact = new BigDecimal(literal);
    assertNull(conversation.polyScore());
    assertNull(conversation.totalDuration());
    assertNull(conversation.duration());
    assertEquals(exact, conversation.additionalProperties().get("polyScore"));
    assertEquals(exact, conversation.additionalProperties().get("totalDuration"));
    assertEquals(exact, conversation.additionalProperties().get("duration"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678901234567890", "-12345678901234567890"})
  void twentyDigitIntegersAreTheNearestDoubleButNoDuration(String literal) throws Exception {
    server.enqueue(json(restaurantWithSummaryNumbers(literal)));

    Conversation conversation = get();

    taken(server);
    assertEquals(Double.parseDouble(literal), conversation.polyScore());
    assertFalse(conversation.additionalProperties().containsKey("polyScore"));
    // Beyond Duration's range (a long of seconds) even before the sign is considered.
    assertNull(conversation.totalDuration());
    assertNull(conversation.duration());
    assertEquals(new BigDecimal(literal), conversation.additionalProperties().get("totalDuration"));
    assertEquals(new BigDecimal(literal), conversation.additionalProperties().get("duration"));
  }

  @Test
  void twentyDigitTurnIdStaysExact() throws Exception {
    server.enqueue(json(restaurantWith("98765432109876543210", "turns", 0, "turn_id")));

    Conversation conversation = get();

    taken(server);
    assertEquals(
        new BigDecimal("98765432109876543210"),
        conversation.turns().get(0).additionalProperties().get("turn_id"));
  }

  @Test
  void numbersOutOfRangeInTurnsMetricsAndEventsReadAsAbsentAndStayRaw() throws Exception {
    String body = restaurantWith("1e400", "turns", 1, "latency");
    body =
        body.replace("\"duration\":812.0", "\"duration\":-1e400")
            .replace("\"value\":\"147\"", "\"value\":1e400");
    assertTrue(body.contains("-1e400") && body.contains("\"value\":1e400"), body);
    server.enqueue(json(body));

    Conversation conversation = get();

    taken(server);
    Turn turn = conversation.turns().get(1);
    assertNull(turn.latency());
    assertEquals(new BigDecimal("1e400"), turn.additionalProperties().get("latency"));
    FunctionEvent event = conversation.functionEvents().get(0);
    assertNull(event.duration());
    assertEquals(new BigDecimal("-1e400"), event.additionalProperties().get("duration"));
    // A metric value is text: a number sent instead is written out in full.
    assertEquals("1" + "0".repeat(400), conversation.metrics().get("CALL_DURATION").get(0).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e9999999999", "-1E+2147483648", "1e1001", "-0.5e1002"})
  void numberBeyondAnyDecimalIsAnInvalidResponse(String literal) throws Exception {
    String body = restaurantWith(literal, "turns", 0, "turn_id");
    server.enqueue(json(body));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(
        e,
        "malformed JSON body: Number out of range: " + literal + " at path $.turns[0].turn_id",
        body);
  }

  @Test
  void numberOfThousandsOfDigitsIsAnInvalidResponse() throws Exception {
    // Reading a million-digit number exactly takes the JDK seconds; 32 MiB of digits, hours.
    String literal = "7".repeat(1_000_000);
    String body = restaurantWith(literal, "polyScore");
    server.enqueue(json(body));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(
        e,
        "malformed JSON body: Number out of range: " + "7".repeat(20) + "… at path $.polyScore",
        body);
  }

  // Bodies too large to hold.

  @Test
  void hugeBodyFailsAtTheLimitWithoutReadingTheRest() throws Exception {
    server.enqueue(json("").setBody(generatedJson(HUGE_BODY_BYTES)));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(
        e,
        "the response body exceeds " + JsonConverterFactory.MAX_JSON_BODY_BYTES + " bytes",
        "[0," + "0,".repeat(ApiError.MAX_EXCERPT_CHARS));
    // The server gives up sending at 40 MiB of the 300 MB: had the client wanted more, it would
    // have met the end of the stream and failed with a PolyAiIoException instead.
    assertTrue(sockets.mostSent.get() <= SERVER_SEND_LIMIT);
  }

  @Test
  void hugeErrorBodyIsCutWithoutReadingTheRest() throws Exception {
    server.enqueue(json("").setResponseCode(502).setBody(generatedJson(HUGE_BODY_BYTES)));

    InternalServerException e = assertThrows(InternalServerException.class, this::get);

    String sent = sentCorrelationId(taken(server));
    assertEquals(502, e.statusCode());
    assertEquals(sent, e.correlationId());
    assertEquals("[0," + "0,".repeat(2046) + "0…", e.body());
  }

  /**
   * A JSON array of zeros of {@code size} bytes that costs almost no memory: Okio copies buffers by
   * sharing their segments, so every 8 KiB segment after the first shares one array.
   */
  private static Buffer generatedJson(long size) {
    Buffer zeros = new Buffer().writeUtf8("0,".repeat(4096));
    Buffer body = new Buffer().writeUtf8("[0,");
    while (body.size() + zeros.size() < size) {
      zeros.copyTo(body, 0, zeros.size());
    }
    return body;
  }

  // Content types.

  @ParameterizedTest
  @ValueSource(strings = {"application/octet-stream", "text/plain; charset=utf-8", "text/xml"})
  void conversationSentAsAnotherContentTypeIsAnInvalidResponse(String contentType)
      throws Exception {
    server.enqueue(json(restaurant()).setHeader("Content-Type", contentType));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(e, "expected a JSON body but the response is " + contentType, restaurant());
  }

  @Test
  void binaryBodyIsAnInvalidResponseWithAReadableExcerpt() throws Exception {
    byte[] bytes = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/octet-stream")
            .setBody(new Buffer().write(bytes)));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(
        e,
        "expected a JSON body but the response is application/octet-stream",
        "\ufffd\ufffd\ufffd\ufffd\u0000\u0010JFIF");
  }

  @Test
  void invalidUtf8InAStringReadsAsReplacementCharacters() throws Exception {
    Buffer body = new Buffer().writeUtf8(restaurantWith("\"Pizza \"", "turns", 0, "user_input"));
    long at = body.indexOf(ByteString.encodeUtf8("Pizza ")) + "Pizza ".length();
    Buffer broken = new Buffer();
    body.copyTo(broken, 0, at);
    broken.write(new byte[] {(byte) 0xc3, '('});
    body.copyTo(broken, at, body.size() - at);
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(broken));

    Conversation conversation = get();

    taken(server);
    assertEquals("Pizza \ufffd(", conversation.turns().get(0).userInput());
  }

  @Test
  void whitespaceOnlyBodyIsAnInvalidResponse() throws Exception {
    server.enqueue(json(" \r\n\t "));

    PolyAiInvalidResponseException e = getFailsInvalid();

    assertInvalid(e, "malformed JSON body: End of input", " \r\n\t ");
  }

  @Test
  void slowHugeBodyStillEndsAtTheDeadline() throws Exception {
    client.close();
    client = HttpTestSupport.builder(server).callTimeout(Duration.ofMillis(500)).build();
    server.enqueue(
        json("").setBody(generatedJson(HUGE_BODY_BYTES)).throttleBody(64 * 1024, 10, MILLISECONDS));

    PolyAiIoException e = assertThrows(PolyAiIoException.class, this::get);

    String sent = sentCorrelationId(taken(server));
    assertEquals(sent, e.correlationId());
    assertTrue(e.getMessage().startsWith("request timed out or was interrupted: "), e.getMessage());
    assertFalse(sockets.mostSent.get() >= SERVER_SEND_LIMIT);
  }

  /**
   * Server sockets whose connections send at most {@code limit} bytes each, then fail the write as
   * a broken connection would. MockWebServer cannot tell how much of a body went out; this can.
   */
  private static final class CappedServerSocketFactory extends ServerSocketFactory {
    final long limit;
    final AtomicLong mostSent = new AtomicLong();

    CappedServerSocketFactory(long limit) {
      this.limit = limit;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = new CappedSocket();
          implAccept(socket);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException();
    }

    private final class CappedSocket extends Socket {
      private long sent;

      @Override
      public OutputStream getOutputStream() throws IOException {
        return new FilterOutputStream(super.getOutputStream()) {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            int allowed = (int) Math.min(len, limit - sent);
            out.write(b, off, allowed);
            sent += allowed;
            mostSent.accumulateAndGet(sent, Math::max);
            if (allowed < len) {
              throw new IOException("the test server sends at most " + limit + " bytes");
            }
          }
        };
      }
    }
  }
}
