package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Shared set-up of the HTTP tests: a loopback server, a client pointed at it, fixtures. */
final class HttpTestSupport {
  static final String API_KEY = "pk-live-7Qx2vR9sLm4TzK8wNb3JcH6d";
  static final String AGENT = "PROJECT-K4T9QZ2M";
  static final String CONVERSATION = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  static final String DETAIL_PATH = "/v1/agents/" + AGENT + "/conversations/" + CONVERSATION;

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private HttpTestSupport() {}

  /**
   * Starts {@code server} on 127.0.0.1. A literal address gives OkHttp a single route, so a dropped
   * connection is never silently retried on another address of {@code localhost}.
   */
  static void start(MockWebServer server) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  static String baseUrl(MockWebServer server) {
    return "http://127.0.0.1:" + server.getPort() + "/";
  }

  /**
   * A client of {@code server} that never retries: tests of anything but retries enqueue one
   * response per call. RetryTest builds its own.
   */
  static PolyAiData.Builder builder(MockWebServer server) {
    return PolyAiData.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl(server))
        .retryPolicy(RetryPolicy.none());
  }

  /** The next request the server received, failing fast instead of hanging when there is none. */
  static RecordedRequest taken(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request, "the server received no request");
    return request;
  }

  /** The correlation id a request carried, checked to be a UUID. */
  static String sentCorrelationId(RecordedRequest request) {
    String id = request.getHeader("X-PolyAI-Correlation-Id");
    assertNotNull(id, "no X-PolyAI-Correlation-Id sent");
    if (!UUID.fromString(id).toString().equals(id)) {
      throw new AssertionError("not a canonical UUID: " + id);
    }
    return id;
  }

  static String resource(String path) {
    try (InputStream in = HttpTestSupport.class.getResourceAsStream(path)) {
      assertNotNull(in, "missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String restaurant() {
    return resource("/fixtures/conversation-restaurant.json");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String json) {
    try {
      return (Map<String, Object>) JSON.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toJson(Object value) {
    return JSON.toJson(value);
  }
}
