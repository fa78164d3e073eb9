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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.PolyAiData.LogLevel;
import ai.poly.data.generated.api.ConversationsApi;
import ai.poly.data.generated.model.UpsertNoteBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LoggingTest {
  private final MockWebServer server = new MockWebServer();
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private PolyAiData client;
  private String url;

  @BeforeEach
  void start() throws IOException {
    HttpTestSupport.start(server);
    url = HttpTestSupport.baseUrl(server) + DETAIL_PATH.substring(1);
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null) {
      client.close();
    }
    server.shutdown();
  }

  private void build(LogLevel level) {
    client = HttpTestSupport.builder(server).logLevel(level).logger(lines::add).build();
  }

  private static MockResponse conversation() {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(restaurant());
  }

  private void assertNoSecret() {
    for (String line : lines) {
      assertFalse(line.contains(API_KEY), line);
      assertFalse(line.contains(API_KEY.substring(0, 8)), line);
    }
  }

  @Test
  void nothingIsLoggedByDefault() throws Exception {
    client = HttpTestSupport.builder(server).logger(lines::add).build();
    server.enqueue(conversation());

    client.conversations().get(AGENT, CONVERSATION);

    assertEquals(List.of(), lines);
  }

  @Test
  void basicLogsOneLineEachWay() throws Exception {
    build(LogLevel.BASIC);
    server.enqueue(conversation());

    client.conversations().get(AGENT, CONVERSATION);

    assertEquals(2, lines.size(), lines.toString());
    assertEquals("--> GET " + url, lines.get(0));
    assertTrue(lines.get(1).matches("<-- 200 OK " + url + " \\(\\d+ ms\\)"), lines.get(1));
  }

  @Test
  void headersAreLoggedWithCredentialsRedacted() throws Exception {
    OkHttpClient caller =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", "Bearer " + API_KEY)
                            .header("Cookie", "session=abc")
                            .build()))
            .build();
    client =
        HttpTestSupport.builder(server)
            .okHttpClient(caller)
            .logLevel(LogLevel.HEADERS)
            .logger(lines::add)
            .build();
    server.enqueue(
        conversation()
            .addHeader("Set-Cookie", "token=" + API_KEY + "; Path=/")
            .addHeader("X-Echo", "you sent " + API_KEY));

    client.conversations().get(AGENT, CONVERSATION);

    String correlationId = sentCorrelationId(taken(server));
    assertTrue(lines.contains("--> GET " + url), lines.toString());
    assertTrue(lines.contains("X-API-KEY: [redacted]"), lines.toString());
    assertTrue(lines.contains("Authorization: [redacted]"), lines.toString());
    assertTrue(lines.contains("Cookie: [redacted]"), lines.toString());
    assertTrue(lines.contains("X-PolyAI-Correlation-Id: " + correlationId), lines.toString());
    assertTrue(lines.contains("User-Agent: polyai-data-java/0.1.0-SNAPSHOT"), lines.toString());
    assertTrue(lines.contains("--> END GET"), lines.toString());
    assertTrue(lines.contains("Set-Cookie: [redacted]"), lines.toString());
    assertTrue(lines.contains("X-Echo: you sent [redacted]"), lines.toString());
    assertTrue(lines.contains("Content-Type: application/json"), lines.toString());
    assertEquals("<-- END HTTP", lines.get(lines.size() - 1));
    assertFalse(lines.contains(restaurant()));
    assertNoSecret();
  }

  @Test
  void bodiesAreLoggedWithTheKeyScrubbed() throws Exception {
    build(LogLevel.BODY);
    String body = "{\"success\": true, \"echo\": \"" + API_KEY + "\"}";
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody(body));
    ConversationsApi api = client.retrofit.create(ConversationsApi.class);

    client.calls.execute(
        api.v1AgentsAgentIdConversationsConversationIdNotePost(
            AGENT, CONVERSATION, new UpsertNoteBody().note("key is " + API_KEY)),
        response -> response);

    assertTrue(lines.contains("{\"note\":\"key is [redacted]\"}"), lines.toString());
    assertTrue(lines.contains("{\"success\": true, \"echo\": \"[redacted]\"}"), lines.toString());
    assertTrue(lines.contains("--> END POST"), lines.toString());
    assertNoSecret();
    // The logger peeked; the request and response went through whole.
    assertEquals("{\"note\":\"key is " + API_KEY + "\"}", taken(server).getBody().readUtf8());
  }

  @Test
  void longBodyIsCutWithoutShowingPartOfAKeyAtTheCut() throws Exception {
    build(LogLevel.BODY);
    // The key starts 5 characters before the cut.
    String padding = "x".repeat(LoggingInterceptor.MAX_LOGGED_BODY_CHARS - 6);
    String body = "\"" + padding + API_KEY + "\"" + " ".repeat(100_000);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
    ConversationsApi api = client.retrofit.create(ConversationsApi.class);

    assertThrows(
        PolyAiInvalidResponseException.class,
        () ->
            client.calls.execute(
                api.v1AgentsAgentIdConversationsConversationIdGet(AGENT, CONVERSATION),
                response -> response));

    assertNoSecret();
    assertTrue(lines.contains("\"" + padding + "[reda"), lines.toString());
    assertTrue(
        lines.contains(
            "(body cut to its first " + LoggingInterceptor.MAX_LOGGED_BODY_CHARS + " characters)"),
        lines.toString());
  }

  @Test
  void streamedBodyIsNeitherLoggedNorConsumed() throws Exception {
    build(LogLevel.BODY);
    byte[] audio = new byte[4096];
    audio[0] = 'R';
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "audio/wav")
            .setBody(new okio.Buffer().write(audio)));
    ConversationsApi api = client.retrofit.create(ConversationsApi.class);

    try (ResponseBody body =
        api.v1AgentsAgentIdConversationsConversationIdAudioGet(AGENT, CONVERSATION, null, null)
            .execute()
            .body()) {
      assertEquals(audio.length, body.bytes().length);
    }

    assertTrue(lines.contains("(streamed body not logged)"), lines.toString());
  }

  @Test
  void binaryBodyIsNotLogged() throws Exception {
    build(LogLevel.BODY);
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody("\u0000"));

    assertThrows(
        PolyAiInvalidResponseException.class,
        () -> client.conversations().get(AGENT, CONVERSATION));

    assertTrue(lines.contains("(binary body not logged)"), lines.toString());
  }

  @Test
  void failedRequestIsLogged() throws Exception {
    build(LogLevel.BASIC);
    server.enqueue(conversation().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    assertThrows(PolyAiIoException.class, () -> client.conversations().get(AGENT, CONVERSATION));

    assertEquals("--> GET " + url, lines.get(0));
    assertTrue(lines.get(1).startsWith("<-- HTTP FAILED: java.io.IOException: "), lines.get(1));
  }

  @Test
  void everyAttemptIsLogged() throws Exception {
    client =
        HttpTestSupport.builder(server)
            .retryPolicy(RetryPolicy.defaults())
            .sleeper(new FakeTime())
            .logLevel(LogLevel.BASIC)
            .logger(lines::add)
            .build();
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(conversation());

    client.conversations().get(AGENT, CONVERSATION);

    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith("<-- 503 Server Error " + url), lines.get(1));
    assertTrue(lines.get(3).startsWith("<-- 200 OK " + url), lines.get(3));
  }

  @Test
  void logSettersRejectNull() {
    PolyAiData.Builder builder = PolyAiData.builder();
    assertEquals(
        "logLevel == null",
        assertThrows(NullPointerException.class, () -> builder.logLevel(null)).getMessage());
    assertEquals(
        "logger == null",
        assertThrows(NullPointerException.class, () -> builder.logger(null)).getMessage());
  }
}
