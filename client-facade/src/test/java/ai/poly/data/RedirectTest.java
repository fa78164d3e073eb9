package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static ai.poly.data.HttpTestSupport.DETAIL_PATH;
import static ai.poly.data.HttpTestSupport.restaurant;
import static ai.poly.data.HttpTestSupport.sentCorrelationId;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.poly.data.generated.api.ConversationsApi;
import ai.poly.data.generated.model.AddAnnotationsBody;
import ai.poly.data.generated.model.AnnotationItem;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RedirectTest {
  private final MockWebServer server = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private PolyAiData client;

  @BeforeEach
  void start() throws IOException {
    HttpTestSupport.start(server);
    HttpTestSupport.start(elsewhere);
    client = HttpTestSupport.builder(server).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
    elsewhere.shutdown();
  }

  private static MockResponse conversation() {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(restaurant());
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse().setResponseCode(code).setHeader("Location", location);
  }

  private Object annotate() {
    AddAnnotationsBody body =
        new AddAnnotationsBody()
            .annotations(
                List.of(
                    new AnnotationItem()
                        .turnId(2)
                        .role(AnnotationItem.RoleEnum.AGENT)
                        .annotationType(AnnotationItem.AnnotationTypeEnum.WRONG_INFO)));
    ConversationsApi api = client.retrofit.create(ConversationsApi.class);
    return client.calls.execute(
        api.v1AgentsAgentIdConversationsConversationIdAnnotationPost(AGENT, CONVERSATION, body),
        response -> response);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirectToAnotherHostIsFollowedWithoutTheApiKey(int code) throws Exception {
    server.enqueue(redirect(code, HttpTestSupport.baseUrl(elsewhere) + "moved/here"));
    elsewhere.enqueue(conversation());

    Conversation c = client.conversations().get(AGENT, CONVERSATION);

    assertEquals(CONVERSATION, c.conversationId());
    RecordedRequest first = taken(server);
    RecordedRequest moved = taken(elsewhere);
    assertEquals(API_KEY, first.getHeader("X-API-KEY"));
    assertEquals("/moved/here", moved.getPath());
    assertEquals("GET", moved.getMethod());
    assertNull(moved.getHeader("X-API-KEY"));
    // The correlation id is no secret: it follows, so that both hops can be traced as one call.
    assertEquals(sentCorrelationId(first), sentCorrelationId(moved));
  }

  @Test
  void redirectOnTheSameOriginKeepsTheApiKey() throws Exception {
    server.enqueue(redirect(301, "/v2/elsewhere"));
    server.enqueue(conversation());

    client.conversations().get(AGENT, CONVERSATION);

    assertEquals(DETAIL_PATH, taken(server).getPath());
    RecordedRequest moved = taken(server);
    assertEquals("/v2/elsewhere", moved.getPath());
    assertEquals(API_KEY, moved.getHeader("X-API-KEY"));
  }

  @Test
  void redirectBackToTheConfiguredHostCarriesTheKeyAgain() throws Exception {
    server.enqueue(redirect(302, HttpTestSupport.baseUrl(elsewhere) + "bounce"));
    elsewhere.enqueue(redirect(302, HttpTestSupport.baseUrl(server) + "back"));
    server.enqueue(conversation());

    client.conversations().get(AGENT, CONVERSATION);

    taken(server);
    assertNull(taken(elsewhere).getHeader("X-API-KEY"));
    RecordedRequest back = taken(server);
    assertEquals("/back", back.getPath());
    assertEquals(API_KEY, back.getHeader("X-API-KEY"));
  }

  @Test
  void anotherHostThatRejectsTheRequestFailsTheCall() throws Exception {
    server.enqueue(redirect(302, HttpTestSupport.baseUrl(elsewhere)));
    elsewhere.enqueue(new MockResponse().setResponseCode(401));

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class, () -> client.conversations().get(AGENT, CONVERSATION));

    assertEquals(401, e.statusCode());
    assertNull(taken(elsewhere).getHeader("X-API-KEY"));
  }

  @Test
  void postFollows307KeepingMethodAndBody() throws Exception {
    server.enqueue(redirect(307, HttpTestSupport.baseUrl(elsewhere) + "annotation"));
    elsewhere.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"success\": true}"));

    annotate();

    String sent = taken(server).getBody().readUtf8();
    RecordedRequest moved = taken(elsewhere);
    assertEquals("POST", moved.getMethod());
    assertEquals(sent, moved.getBody().readUtf8());
    assertNull(moved.getHeader("X-API-KEY"));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303})
  void postIsNotTurnedIntoAGet(int code) throws Exception {
    server.enqueue(redirect(code, HttpTestSupport.baseUrl(elsewhere)));

    UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class, this::annotate);

    assertEquals(code, e.statusCode());
    assertEquals(1, server.getRequestCount());
    assertEquals(0, elsewhere.getRequestCount());
  }

  @Test
  void redirectWithoutALocationIsReturnedAsItIs() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(302));

    UnexpectedStatusException e =
        assertThrows(
            UnexpectedStatusException.class, () -> client.conversations().get(AGENT, CONVERSATION));

    assertEquals(302, e.statusCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void moreThanTwentyRedirectsFail() throws Exception {
    for (int i = 0; i <= RedirectInterceptor.MAX_REDIRECTS; i++) {
      server.enqueue(redirect(302, "/hop/" + i));
    }

    PolyAiIoException e =
        assertThrows(
            PolyAiIoException.class, () -> client.conversations().get(AGENT, CONVERSATION));

    assertInstanceOf(ProtocolException.class, e.getCause());
    assertEquals(
        "request failed on the network: too many redirects: more than 20 (correlation id "
            + e.correlationId()
            + ")",
        e.getMessage());
    assertEquals(21, server.getRequestCount());
  }
}
