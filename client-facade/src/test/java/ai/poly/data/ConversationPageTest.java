package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.resource;
import static ai.poly.data.HttpTestSupport.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ConversationPageTest {
  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;

  private static String page(int count, int limit, int offset, String... ids) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "conversations",
        Arrays.stream(ids).map(ListingServer::summary).collect(Collectors.toList()));
    body.put("count", count);
    body.put("limit", limit);
    body.put("offset", offset);
    return HttpTestSupport.toJson(body);
  }

  @Test
  void listSendsLimitAndOffsetAndReadsTheFixturePage() throws Exception {
    api.enqueueJson(200, resource("/fixtures/conversations-page.json"));

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(2).offset(0).build());

    RecordedRequest request = taken(server);
    assertEquals("GET", request.getMethod());
    HttpUrl url = request.getRequestUrl();
    assertEquals("/v1/agents/" + AGENT + "/conversations", url.encodedPath());
    assertEquals("2", url.queryParameter("limit"));
    assertEquals("0", url.queryParameter("offset"));
    assertEquals(API_KEY, request.getHeader("X-API-KEY"));

    assertEquals(5, page.count());
    assertEquals(2, page.limit());
    assertEquals(0, page.offset());
    assertEquals(2, page.conversations().size());
    ConversationSummary first = page.conversations().get(0);
    assertEquals("CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d", first.conversationId());
    assertEquals(Duration.ofSeconds(147), first.totalDuration());
    assertEquals(Instant.parse("2026-10-14T18:02:11.204Z"), first.startedAt());
    assertEquals("Table booking for eleven", first.shortSummary().heading());
    assertEquals(Arrays.asList("booking", "large-party"), first.tags());
    assertTrue(page.hasNextPage());
  }

  @Test
  void defaultParamsSendNoQuery() throws Exception {
    api.enqueueJson(200, page(1, 50, 0, "CA1"));

    ConversationPage page = api.client().conversations().list(AGENT, ListParams.defaults());

    HttpUrl url = taken(server).getRequestUrl();
    assertNull(url.query());
    assertEquals(50, page.limit());
    assertFalse(page.hasNextPage());
  }

  @Test
  void nextPageAsksForTheFollowingOffsetWithTheSameLimit() throws Exception {
    api.enqueueJson(200, page(5, 2, 0, "CA4", "CA3"));
    api.enqueueJson(200, page(5, 2, 2, "CA2", "CA1"));
    api.enqueueJson(200, page(5, 2, 4, "CA0"));

    ConversationPage first =
        api.client().conversations().list(AGENT, ListParams.builder().limit(2).build());
    ConversationPage second = first.nextPage();
    ConversationPage third = second.nextPage();

    taken(server);
    HttpUrl secondUrl = taken(server).getRequestUrl();
    assertEquals("2", secondUrl.queryParameter("limit"));
    assertEquals("2", secondUrl.queryParameter("offset"));
    assertEquals("4", taken(server).getRequestUrl().queryParameter("offset"));
    assertEquals("CA2", second.conversations().get(0).conversationId());
    assertEquals(1, third.conversations().size());
    assertFalse(third.hasNextPage());
    NoSuchElementException e = assertThrows(NoSuchElementException.class, third::nextPage);
    assertEquals("no page follows the page at offset 4 (1 conversations of 5)", e.getMessage());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void nextPageFollowsTheOffsetAskedForNotTheOneReported() throws Exception {
    api.enqueueJson(200, page(100, 2, 0, "CA9", "CA8"));
    api.enqueueJson(200, page(100, 2, 12, "CA7", "CA6"));

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(2).offset(10).build());
    page.nextPage();

    assertEquals(0, page.offset());
    taken(server);
    assertEquals("12", taken(server).getRequestUrl().queryParameter("offset"));
  }

  @Test
  void pageReachingTheCountHasNoNextPage() {
    api.enqueueJson(200, page(4, 2, 2, "CA1", "CA0"));

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(2).offset(2).build());

    assertFalse(page.hasNextPage());
  }

  @Test
  void shortPageHasNoNextPageEvenWhenTheCountSaysMore() {
    api.enqueueJson(200, page(100, 10, 0, "CA1", "CA0"));

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(10).build());

    assertFalse(page.hasNextPage());
  }

  @Test
  void emptyPageHasNoNextPage() {
    api.enqueueJson(200, page(0, 10, 0));

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(10).build());

    assertTrue(page.conversations().isEmpty());
    assertFalse(page.hasNextPage());
  }

  @Test
  void missingCountReadsAsUnknownAndAFullPageMayHaveANext() {
    api.enqueueJson(
        200,
        "{\"conversations\": ["
            + HttpTestSupport.toJson(ListingServer.summary("CA1"))
            + "], \"limit\": 1, \"offset\": 0}");

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(1).build());

    assertNull(page.count());
    assertTrue(page.hasNextPage());
  }

  @Test
  void countOfAnUnexpectedTypeIsKeptRawAndReadsAsUnknown() {
    api.enqueueJson(
        200,
        "{\"conversations\": [], \"count\": \"many\", \"limit\": 10, \"offset\": 0, \"next\":"
            + " \"cursor-1\"}");

    ConversationPage page =
        api.client().conversations().list(AGENT, ListParams.builder().limit(10).build());

    assertNull(page.count());
    assertEquals("many", page.additionalProperties().get("count"));
    assertEquals("cursor-1", page.additionalProperties().get("next"));
  }

  @Test
  void pageWithoutConversationsIsAnInvalidResponse() {
    api.enqueueJson(200, "{\"count\": 3, \"limit\": 10, \"offset\": 0}");

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () -> api.client().conversations().list(AGENT, ListParams.defaults()));

    assertEquals(200, e.statusCode());
    assertTrue(e.getMessage().contains("conversation page has no conversations"), e.getMessage());
  }

  @Test
  void summaryWithoutItsIdNamesItsPositionInTheMessage() {
    api.enqueueJson(
        200,
        "{\"conversations\": ["
            + HttpTestSupport.toJson(ListingServer.summary("CA9"))
            + ", {\"accountId\": \"ws-1\", \"projectId\": \"P\"}], \"count\": 2, \"limit\": 10,"
            + " \"offset\": 30}");

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () ->
                api.client().conversations().list(AGENT, ListParams.builder().offset(30).build()));

    assertTrue(
        e.getMessage().contains("conversation 1 of the page at offset 30 has no conversationId"),
        e.getMessage());
    assertTrue(e.body().startsWith("{\"conversations\":[{\"conversationId\":\"CA9\""), e.body());
  }

  @Test
  void invalidLimitAndOffsetFailInTheBuilder() {
    IllegalArgumentException limit =
        assertThrows(IllegalArgumentException.class, () -> ListParams.builder().limit(0));
    assertEquals("limit must be at least 1: 0", limit.getMessage());
    IllegalArgumentException offset =
        assertThrows(IllegalArgumentException.class, () -> ListParams.builder().offset(-1));
    assertEquals("offset must not be negative: -1", offset.getMessage());
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() {
    assertThrows(
        NullPointerException.class,
        () -> api.client().conversations().list(null, ListParams.defaults()));
    assertThrows(
        IllegalArgumentException.class,
        () -> api.client().conversations().list(" ", ListParams.defaults()));
    assertThrows(NullPointerException.class, () -> api.client().conversations().list(AGENT, null));
    assertThrows(
        NullPointerException.class,
        () -> api.client().conversations().listAsync(AGENT, ListParams.defaults(), null));
    assertThrows(
        NullPointerException.class, () -> api.client().conversations().listAll(AGENT, null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void listAsyncCompletesWithThePageAndItsNextPageAsync() throws Exception {
    api.enqueueJson(200, page(3, 2, 0, "CA2", "CA1"));
    api.enqueueJson(200, page(3, 2, 2, "CA0"));

    ConversationPage first =
        api.client()
            .conversations()
            .listAsync(AGENT, ListParams.builder().limit(2).build())
            .get(5, TimeUnit.SECONDS);
    ConversationPage second = first.nextPageAsync().get(5, TimeUnit.SECONDS);

    assertEquals(
        Arrays.asList("CA2", "CA1"),
        first.conversations().stream()
            .map(ConversationSummary::conversationId)
            .collect(Collectors.toList()));
    assertEquals("CA0", second.conversations().get(0).conversationId());
    taken(server);
    assertEquals("2", taken(server).getRequestUrl().queryParameter("offset"));
  }

  @Test
  void listAsyncFailsWithTheTypedException() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(401)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"success\": false, \"error_code\": \"AUTH_USER_INVALID_TOKEN\","
                    + " \"error_message\": \"bad key\"}"));

    CompletionException e =
        assertThrows(
            CompletionException.class,
            () -> api.client().conversations().listAsync(AGENT, ListParams.defaults()).join());

    AuthenticationException cause = assertInstanceOf(AuthenticationException.class, e.getCause());
    assertEquals("AUTH_USER_INVALID_TOKEN", cause.errorCode());
  }

  @Test
  void pagesWithTheSameContentAreEqual() {
    api.enqueueJson(200, page(1, 10, 0, "CA1"));
    api.enqueueJson(200, page(1, 10, 0, "CA1"));
    ListParams params = ListParams.builder().limit(10).build();

    ConversationPage a = api.client().conversations().list(AGENT, params);
    ConversationPage b = api.client().conversations().list(AGENT, params);

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("ConversationPage{offset=0, limit=10, count=1, conversations=1}", a.toString());
    assertEquals(Collections.singletonList("CA1"), ids(a.conversations()));
  }

  private static List<String> ids(List<ConversationSummary> summaries) {
    return summaries.stream().map(ConversationSummary::conversationId).collect(Collectors.toList());
  }
}
