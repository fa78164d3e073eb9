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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PolyAiDataTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void startServer() throws IOException {
    HttpTestSupport.start(server);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  private MockResponse conversation() {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(restaurant());
  }

  @Test
  void debugChatIsMadeOnceOnFirstUseAndSharedByEveryThread() throws Exception {
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      List<java.util.concurrent.Future<DebugChats>> all = new ArrayList<>();
      java.util.concurrent.ExecutorService threads =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        for (int i = 0; i < 16; i++) {
          all.add(threads.submit(client::debugChat));
        }
        for (java.util.concurrent.Future<DebugChats> each : all) {
          assertSame(client.debugChat(), each.get());
        }
      } finally {
        threads.shutdown();
      }
      assertEquals(0, server.getRequestCount());
    }
  }

  // Builder validation.

  @Test
  void buildWithoutApiKeyFailsNamingTheSetter() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PolyAiData.builder().build());
    assertEquals("apiKey == null: set the Data API key with apiKey(...)", e.getMessage());
  }

  @Test
  void nullApiKeyIsRejectedBySetter() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> PolyAiData.builder().apiKey(null));
    assertEquals("apiKey == null", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t "})
  void blankApiKeyIsRejected(String key) {
    PolyAiData.Builder builder = PolyAiData.builder().apiKey(key);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals("apiKey is blank", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        API_KEY + "\n",
        API_KEY + "\r\n",
        API_KEY + "\r",
        API_KEY + "\r\nX-Injected: 1",
        "\n" + API_KEY
      })
  void apiKeyWithLineBreakIsRejectedWithoutEchoingIt(String key) {
    PolyAiData.Builder builder = PolyAiData.builder().apiKey(key);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(
        "apiKey contains a control or non-ASCII character (a stray newline?)", e.getMessage());
    assertFalse(e.getMessage().contains(API_KEY));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void regionAndBaseUrlTogetherAreRejected() {
    PolyAiData.Builder builder =
        PolyAiData.builder().apiKey(API_KEY).region(Region.EU).baseUrl("https://proxy.example/");
    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertEquals(
        "both region and baseUrl are set: use region(...) for PolyAI's servers or baseUrl(...)"
            + " for another, not both",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.us.poly.ai/",
        "http://10.0.0.7:8080/",
        "http://localhost.example.com/",
        "http://127.0.0.1.nip.io/",
        "http://128.0.0.1/"
      })
  void plainHttpToNonLoopbackHostIsRejected(String url) {
    PolyAiData.Builder builder = PolyAiData.builder().apiKey(API_KEY).baseUrl(url);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(
        "baseUrl must use https (plain http is allowed only to localhost, 127.0.0.0/8 or ::1): "
            + url,
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "http://localhost:8080/, http://localhost:8080/",
    "http://LOCALHOST:8080/, http://localhost:8080/",
    "http://127.0.0.1:8080/, http://127.0.0.1:8080/",
    "http://127.4.5.6/, http://127.4.5.6/",
    "http://[::1]:8080/, http://[::1]:8080/",
    "http://[0:0:0:0:0:0:0:1]:8080/, http://[::1]:8080/",
    "https://proxy.example.com/, https://proxy.example.com/"
  })
  void plainHttpToLoopbackAndHttpsAnywhereAreAccepted(String url, String expected) {
    try (PolyAiData client = PolyAiData.builder().apiKey(API_KEY).baseUrl(url).build()) {
      assertEquals(expected, client.baseUrl());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a url", "ftp://example.com/", "//example.com/", "https://"})
  void invalidBaseUrlIsRejected(String url) {
    PolyAiData.Builder builder = PolyAiData.builder().apiKey(API_KEY).baseUrl(url);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals("baseUrl is not an http or https URL: " + url, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://proxy.example.com/?a=b", "https://proxy.example.com/#top"})
  void baseUrlWithQueryOrFragmentIsRejected(String url) {
    PolyAiData.Builder builder = PolyAiData.builder().apiKey(API_KEY).baseUrl(url);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals("baseUrl must not have a query or fragment: " + url, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "https://proxy.example.com, https://proxy.example.com/",
    "https://proxy.example.com/polyai, https://proxy.example.com/polyai/",
    "https://proxy.example.com/polyai/, https://proxy.example.com/polyai/"
  })
  void baseUrlWithoutTrailingSlashGetsOne(String url, String expected) {
    try (PolyAiData client = PolyAiData.builder().apiKey(API_KEY).baseUrl(url).build()) {
      assertEquals(expected, client.baseUrl());
    }
  }

  @Test
  void baseUrlPathWithoutTrailingSlashPrefixesEveryRequest() throws Exception {
    server.enqueue(conversation());
    String url = HttpTestSupport.baseUrl(server) + "gateway/polyai";
    try (PolyAiData client = PolyAiData.builder().apiKey(API_KEY).baseUrl(url).build()) {
      client.conversations().get(AGENT, CONVERSATION);
    }
    assertEquals("/gateway/polyai" + DETAIL_PATH, taken(server).getPath());
  }

  // Arguments are checked before any request.

  @Test
  void nullAgentIdFailsNamingItWithoutARequest() {
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      NullPointerException e =
          assertThrows(
              NullPointerException.class, () -> client.conversations().get(null, CONVERSATION));
      assertEquals("agentId == null", e.getMessage());
      NullPointerException async =
          assertThrows(
              NullPointerException.class,
              () -> client.conversations().getAsync(null, CONVERSATION));
      assertEquals("agentId == null", async.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void nullConversationIdFailsNamingItWithoutARequest() {
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      NullPointerException e =
          assertThrows(NullPointerException.class, () -> client.conversations().get(AGENT, null));
      assertEquals("conversationId == null", e.getMessage());
      NullPointerException async =
          assertThrows(
              NullPointerException.class, () -> client.conversations().getAsync(AGENT, null));
      assertEquals("conversationId == null", async.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void blankIdsFailNamingTheParameterWithoutARequest(String blank) {
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      Conversations conversations = client.conversations();
      IllegalArgumentException agent =
          assertThrows(
              IllegalArgumentException.class, () -> conversations.get(blank, CONVERSATION));
      assertEquals("agentId is blank", agent.getMessage());
      IllegalArgumentException conversation =
          assertThrows(IllegalArgumentException.class, () -> conversations.get(AGENT, blank));
      assertEquals("conversationId is blank", conversation.getMessage());
      IllegalArgumentException async =
          assertThrows(IllegalArgumentException.class, () -> conversations.getAsync(AGENT, blank));
      assertEquals("conversationId is blank", async.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  // Regions.

  @Test
  void regionBaseUrlsAreTheSpecServers() throws IOException {
    String root = System.getProperty("polyai.root");
    assertTrue(root != null && !root.isEmpty(), "system property polyai.root is not set");
    String spec = Files.readString(Path.of(root, "openapi", "openapi.json"));
    Map<?, ?> document =
        (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(spec);
    List<String> servers = new ArrayList<>();
    for (Object entry : (List<?>) document.get("servers")) {
      String url = (String) ((Map<?, ?>) entry).get("url");
      servers.add(url.endsWith("/") ? url : url + "/");
    }
    List<String> regions = new ArrayList<>();
    for (Region region : Region.values()) {
      regions.add(region.baseUrl());
    }
    assertEquals(servers, regions);
    assertEquals("https://api.us.poly.ai/", Region.US.baseUrl());
    assertEquals("https://api.eu.poly.ai/", Region.EU.baseUrl());
    assertEquals("https://api.uk.poly.ai/", Region.UK.baseUrl());
    assertEquals("https://api.studio.poly.ai/", Region.STUDIO.baseUrl());
  }

  @Test
  void eachRegionIsTheClientsBaseUrl() {
    for (Region region : Region.values()) {
      try (PolyAiData client = PolyAiData.builder().apiKey(API_KEY).region(region).build()) {
        assertEquals(region.baseUrl(), client.baseUrl());
      }
    }
  }

  @Test
  void defaultRegionIsUs() {
    try (PolyAiData client = PolyAiData.builder().apiKey(API_KEY).build()) {
      assertEquals("https://api.us.poly.ai/", client.baseUrl());
    }
  }

  @ParameterizedTest
  @CsvSource({"us, US", "EU, EU", "Uk, UK", "STUDIO, STUDIO", "' eu ', EU"})
  void regionOfIgnoresCase(String name, Region expected) {
    assertSame(expected, Region.of(name));
  }

  @Test
  void regionOfUnknownNameListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Region.of("ap"));
    assertEquals("unknown region 'ap': expected one of us, eu, uk, studio", e.getMessage());
  }

  @Test
  void regionToStringIsWhatOfAccepts() {
    for (Region region : Region.values()) {
      assertSame(region, Region.of(region.toString()));
    }
  }

  // Environment.

  @Test
  void fromEnvWithKeyOnlyUsesUs() {
    try (PolyAiData client = PolyAiData.fromEnv(Map.of("POLYAI_API_KEY", API_KEY))) {
      assertEquals(Region.US.baseUrl(), client.baseUrl());
    }
  }

  @Test
  void fromEnvReadsRegion() {
    Map<String, String> env = Map.of("POLYAI_API_KEY", API_KEY, "POLYAI_REGION", "uk");
    try (PolyAiData client = PolyAiData.fromEnv(env)) {
      assertEquals(Region.UK.baseUrl(), client.baseUrl());
    }
  }

  @Test
  void fromEnvWithUnknownRegionNamesTheVariable() {
    Map<String, String> env = Map.of("POLYAI_API_KEY", API_KEY, "POLYAI_REGION", "mars");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PolyAiData.fromEnv(env));
    assertEquals(
        "POLYAI_REGION: unknown region 'mars': expected one of us, eu, uk, studio", e.getMessage());
  }

  @Test
  void fromEnvReadsBaseUrlAndSendsTheKey() throws Exception {
    server.enqueue(conversation());
    Map<String, String> env =
        Map.of("POLYAI_API_KEY", API_KEY, "POLYAI_BASE_URL", HttpTestSupport.baseUrl(server));
    try (PolyAiData client = PolyAiData.fromEnv(env)) {
      assertEquals(HttpTestSupport.baseUrl(server), client.baseUrl());
      client.conversations().get(AGENT, CONVERSATION);
    }
    RecordedRequest request = taken(server);
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    assertEquals(DETAIL_PATH, request.getPath());
  }

  @Test
  void fromEnvWithRegionAndBaseUrlFails() {
    Map<String, String> env =
        Map.of(
            "POLYAI_API_KEY", API_KEY,
            "POLYAI_REGION", "eu",
            "POLYAI_BASE_URL", "https://proxy.example.com/");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PolyAiData.fromEnv(env));
    assertTrue(e.getMessage().startsWith("both region and baseUrl are set"), e.getMessage());
  }

  @Test
  void fromEnvWithoutKeyNamesTheVariable() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PolyAiData.fromEnv(Map.of()));
    assertEquals("POLYAI_API_KEY is not set: export your Data API key", e.getMessage());
  }

  @Test
  void fromEnvTreatsBlankValuesAsUnset() {
    Map<String, String> blankKey = new HashMap<>();
    blankKey.put("POLYAI_API_KEY", "  ");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PolyAiData.fromEnv(blankKey));
    assertEquals("POLYAI_API_KEY is not set: export your Data API key", e.getMessage());

    Map<String, String> blankRegion =
        Map.of("POLYAI_API_KEY", API_KEY, "POLYAI_REGION", "", "POLYAI_BASE_URL", " ");
    try (PolyAiData client = PolyAiData.fromEnv(blankRegion)) {
      assertEquals(Region.US.baseUrl(), client.baseUrl());
    }
  }

  // What every request carries.

  @Test
  void getSendsApiKeyCorrelationIdAndUserAgentToTheConversationPath() throws Exception {
    server.enqueue(conversation());
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      Conversation conversation = client.conversations().get(AGENT, CONVERSATION);
      assertEquals(CONVERSATION, conversation.conversationId());
    }
    RecordedRequest request = taken(server);
    assertEquals("GET", request.getMethod());
    assertEquals(DETAIL_PATH, request.getPath());
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    assertEquals(1, request.getHeaders().values("X-API-KEY").size());
    sentCorrelationId(request);
    assertEquals("polyai-data-java/0.1.0-SNAPSHOT", request.getHeader("User-Agent"));
  }

  @Test
  void userAgentSuffixIsAppended() throws Exception {
    server.enqueue(conversation());
    try (PolyAiData client =
        HttpTestSupport.builder(server).userAgentSuffix("harbour-kitchen/2.4").build()) {
      client.conversations().get(AGENT, CONVERSATION);
    }
    assertEquals(
        "polyai-data-java/0.1.0-SNAPSHOT harbour-kitchen/2.4",
        taken(server).getHeader("User-Agent"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "app/1\r\nX-Injected: 1", "app/é"})
  void userAgentSuffixMustBePrintableAscii(String suffix) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PolyAiData.builder().userAgentSuffix(suffix));
    assertEquals("userAgentSuffix must be non-blank printable ASCII", e.getMessage());
  }

  @Test
  void eachCallSendsItsOwnCorrelationId() throws Exception {
    server.enqueue(conversation());
    server.enqueue(conversation());
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      client.conversations().get(AGENT, CONVERSATION);
      client.conversations().get(AGENT, CONVERSATION);
    }
    String first = sentCorrelationId(taken(server));
    String second = sentCorrelationId(taken(server));
    assertNotEquals(first, second);
  }

  @Test
  void idsArePercentEncodedIntoOnePathSegment() throws Exception {
    server.enqueue(conversation());
    try (PolyAiData client = HttpTestSupport.builder(server).build()) {
      client.conversations().get("PROJECT 1", "CA/12?x#y");
    }
    assertEquals("/v1/agents/PROJECT%201/conversations/CA%2F12%3Fx%23y", taken(server).getPath());
  }

  // A caller's OkHttpClient.

  @Test
  void callerClientIsNotModified() throws Exception {
    OkHttpClient caller =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofSeconds(4))
            .writeTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(6))
            .build();
    server.enqueue(conversation());
    try (PolyAiData client =
        HttpTestSupport.builder(server)
            .okHttpClient(caller)
            .connectTimeout(Duration.ofMillis(900))
            .readTimeout(Duration.ofMillis(800))
            .callTimeout(Duration.ofMillis(700))
            .build()) {
      client.conversations().get(AGENT, CONVERSATION);
    }
    assertEquals(API_KEY, taken(server).getHeader("X-API-KEY"));
    assertTrue(caller.interceptors().isEmpty());
    assertTrue(caller.networkInterceptors().isEmpty());
    assertEquals(3_000, caller.connectTimeoutMillis());
    assertEquals(4_000, caller.readTimeoutMillis());
    assertEquals(5_000, caller.writeTimeoutMillis());
    assertEquals(6_000, caller.callTimeoutMillis());
  }

  @Test
  void callerClientSharesItsPoolAndKeepsWorkingAfterClose() throws Exception {
    OkHttpClient caller = new OkHttpClient();
    server.enqueue(conversation());
    server.enqueue(new MockResponse().setBody("still here"));
    PolyAiData client = HttpTestSupport.builder(server).okHttpClient(caller).build();
    client.conversations().get(AGENT, CONVERSATION);
    // The facade's connection went back to the caller's pool.
    assertEquals(1, caller.connectionPool().idleConnectionCount());
    client.close();

    assertFalse(caller.dispatcher().executorService().isShutdown());
    assertEquals(1, caller.connectionPool().idleConnectionCount());
    Request plain = new Request.Builder().url(HttpTestSupport.baseUrl(server) + "health").build();
    try (Response response = caller.newCall(plain).execute()) {
      assertEquals("still here", response.body().string());
    }
    RecordedRequest facadeRequest = taken(server);
    RecordedRequest callerRequest = taken(server);
    assertEquals(API_KEY, facadeRequest.getHeader("X-API-KEY"));
    assertEquals("/health", callerRequest.getPath());
    // The caller's request carries none of the facade's headers...
    assertEquals(null, callerRequest.getHeader("X-API-KEY"));
    assertEquals(null, callerRequest.getHeader("X-PolyAI-Correlation-Id"));
    // ...and reused the connection the facade had opened.
    assertEquals(1, callerRequest.getSequenceNumber());
  }

  // Closing.

  @Test
  void closedClientRejectsCallsWithoutARequest() {
    PolyAiData client = HttpTestSupport.builder(server).build();
    Conversations conversations = client.conversations();
    client.close();
    IllegalStateException sync =
        assertThrows(IllegalStateException.class, () -> conversations.get(AGENT, CONVERSATION));
    assertEquals("this PolyAiData client is closed", sync.getMessage());
    IllegalStateException async =
        assertThrows(
            IllegalStateException.class, () -> conversations.getAsync(AGENT, CONVERSATION));
    assertEquals("this PolyAiData client is closed", async.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void closeIsIdempotent() throws Exception {
    server.enqueue(conversation());
    PolyAiData client = HttpTestSupport.builder(server).build();
    client.conversations().get(AGENT, CONVERSATION);
    client.close();
    client.close();
    assertThrows(
        IllegalStateException.class, () -> client.conversations().get(AGENT, CONVERSATION));
    assertEquals(1, server.getRequestCount());
  }

  // Secrets.

  @Test
  void toStringNeverShowsTheApiKey() {
    PolyAiData.Builder builder = HttpTestSupport.builder(server);
    assertEquals(
        "PolyAiData.Builder{region=null, baseUrl="
            + HttpTestSupport.baseUrl(server)
            + ", apiKey=[redacted]}",
        builder.toString());
    assertEquals(
        "PolyAiData.Builder{region=null, baseUrl=null, apiKey=unset}",
        PolyAiData.builder().toString());
    try (PolyAiData client = builder.build()) {
      assertEquals(
          "PolyAiData{baseUrl=" + HttpTestSupport.baseUrl(server) + "}", client.toString());
      assertFalse(client.newBuilder().toString().contains(API_KEY));
      assertFalse(client.conversations().toString().contains(API_KEY));
    }
  }

  @Test
  void newBuilderKeepsSettingsForAnotherClient() throws Exception {
    server.enqueue(conversation());
    try (PolyAiData first = HttpTestSupport.builder(server).userAgentSuffix("app/1").build();
        PolyAiData second = first.newBuilder().build()) {
      assertEquals(first.baseUrl(), second.baseUrl());
      second.conversations().get(AGENT, CONVERSATION);
    }
    RecordedRequest request = taken(server);
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));
    assertEquals("polyai-data-java/0.1.0-SNAPSHOT app/1", request.getHeader("User-Agent"));
  }

  @Test
  void timeoutsMustBePositive() {
    PolyAiData.Builder builder = PolyAiData.builder();
    List<Consumer<Duration>> setters =
        List.of(builder::connectTimeout, builder::readTimeout, builder::callTimeout);
    List<String> names = List.of("connectTimeout", "readTimeout", "callTimeout");
    for (int i = 0; i < setters.size(); i++) {
      Consumer<Duration> setter = setters.get(i);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> setter.accept(Duration.ZERO));
      assertEquals(names.get(i) + " must be positive: PT0S", e.getMessage());
    }
  }
}
