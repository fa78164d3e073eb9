package ai.poly.data;

import java.io.IOException;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer on loopback and a client of it, fresh for each test and closed after it:
 * {@code @RegisterExtension final LoopbackApi api = new LoopbackApi();}. The client never retries
 * unless {@code configure} says otherwise (see {@link HttpTestSupport#builder}).
 */
final class LoopbackApi implements BeforeEachCallback, AfterEachCallback {
  final MockWebServer server = new MockWebServer();
  private final UnaryOperator<PolyAiData.Builder> configure;
  private PolyAiData client;

  LoopbackApi() {
    this(builder -> builder);
  }

  LoopbackApi(UnaryOperator<PolyAiData.Builder> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    HttpTestSupport.start(server);
    client = configure.apply(HttpTestSupport.builder(server)).build();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    client.close();
    server.shutdown();
  }

  PolyAiData client() {
    return client;
  }

  /** Replaces the client with one of the same server configured by {@code configure}. */
  void rebuild(UnaryOperator<PolyAiData.Builder> configure) {
    client.close();
    client = configure.apply(HttpTestSupport.builder(server)).build();
  }

  /**
   * Replaces the client with one that retries by the default policy, waiting on {@code time}
   * instead of the clock, with the jitter fixed at its midpoint.
   */
  void rebuildRetrying(FakeTime time) {
    rebuild(
        builder ->
            builder
                .retryPolicy(RetryPolicy.defaults())
                .clock(time)
                .sleeper(time)
                .random(() -> 0.5));
  }

  /** Enqueues a JSON response with {@code status}. */
  void enqueueJson(int status, String body) {
    server.enqueue(
        new MockResponse()
            .setResponseCode(status)
            .setHeader("Content-Type", "application/json")
            .setBody(body));
  }
}
