package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static java.util.stream.Collectors.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import ai.poly.data.generated.model.OperationSuccessResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reading of a conversation and a page ({@link ConversationJson}) gives what reading
 * them from a tree of their members gives, and leaves to that reading every shape it cannot read
 * the same way.
 */
final class ConversationJsonTest {
  private static final ConversationPage.Fetcher NO_FETCHER =
      new ConversationPage.Fetcher() {
        @Override
        public ConversationPage fetch(ListParams params) {
          throw new AssertionError("no paging here");
        }

        @Override
        public CompletableFuture<ConversationPage> fetchAsync(ListParams params) {
          throw new AssertionError("no paging here");
        }
      };

  @RegisterExtension final LoopbackApi api = new LoopbackApi();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/fixtures/conversation-restaurant.json",
        "/payloads/conversation-detail-variants.json"
      })
  void readsAConversationInOnePassAsTheTreeReadingDoes(String path) throws IOException {
    String json = HttpTestSupport.resource(path);

    Object streamed = streamDetail(json);

    Conversation conversation =
        assertInstanceOf(ConversationJson.Detail.class, streamed).conversation;
    Conversation fromTree = Conversation.read(tree(json));
    assertSameReading(fromTree, conversation);
    assertTrue(conversation.turns().size() > 0, "the payload has turns");
  }

  @Test
  void readsAPageInOnePassAsTheTreeReadingDoes() {
    String json = HttpTestSupport.resource("/fixtures/conversations-page.json");
    ListParams params = ListParams.builder().limit(2).offset(40).build();

    Object streamed = streamPage(json);

    ConversationPage page =
        assertInstanceOf(ConversationJson.Page.class, streamed).page.build(params, NO_FETCHER);
    ConversationPage fromTree = ConversationPage.read(tree(json), params, NO_FETCHER);
    assertSameSummaries(fromTree.conversations(), page.conversations());
    assertEquals(2, page.conversations().size());
    assertEquals(fromTree.count(), page.count());
    assertEquals(fromTree.limit(), page.limit());
    assertEquals(fromTree.offset(), page.offset());
    assertEquals(fromTree.additionalProperties(), page.additionalProperties());
  }

  @Test
  void membersOfUnexpectedTypesAreKeptRawInTheSameOrder() {
    String json =
        "{\"turns\": [{\"turn_id\": 7, \"latency\": {\"perceived_latency\": 1.5}, \"user_input\":"
            + " 3, \"intents\": [\"a\", 1], \"entities\": [{\"date\": [\"x\"]}], \"extra\": null}],"
            + " \"conversationId\": \"c\", \"channel\": [1], \"accountId\": \"a\", \"projectId\":"
            + " \"p\", \"metrics\": [{\"value\": 1}], \"functionEvents\": [],"
            + " \"shortSummary\": \"{\\\"heading\\\": \\\"H\\\"}\", \"new\": {\"deep\": [1]}}";

    Conversation conversation = ((ConversationJson.Detail) streamDetail(json)).conversation;

    assertSameReading(Conversation.read(tree(json)), conversation);
    assertEquals(
        List.of("channel", "metrics", "new"),
        List.copyOf(conversation.additionalProperties().keySet()));
    Turn turn = conversation.turns().get(0);
    assertEquals(
        List.of("turn_id", "latency", "user_input", "intents", "extra"),
        List.copyOf(turn.additionalProperties().keySet()));
    assertEquals(Duration.ofMillis(1500), turn.latency());
    assertEquals("H", conversation.shortSummary().heading());
  }

  @Test
  void escapedMemberNamesAreTheNamesTheyEscape() {
    String json =
        "{\"conversation\\u0049d\": \"c\", \"accountId\": \"a\", \"projectId\": \"p\","
            + " \"tur\\u006es\": [{\"user_\\u0069nput\": \"hi\"}]}";

    Conversation conversation = ((ConversationJson.Detail) streamDetail(json)).conversation;

    assertEquals("c", conversation.conversationId());
    assertEquals("hi", conversation.turns().get(0).userInput());
    assertSameReading(Conversation.read(tree(json)), conversation);
    assertNull(streamDetail(json.replace("}]}", "}], \"turns\": []}")), "turns twice");
  }

  @Test
  void aRepeatedUnknownMemberKeepsItsFirstPlaceAndLastValueAsInTheTree() {
    String json =
        "{\"x\": 1, \"conversationId\": \"c\", \"y\": 2, \"x\": 3, \"accountId\": \"a\","
            + " \"projectId\": \"p\", \"turns\": [{\"k\": 1, \"user_input\": \"hi\", \"k\": 2}],"
            + " \"functionEvents\": {\"0\": [{\"q\": 1, \"name\": \"f\", \"q\": [2]}]}}";

    Conversation conversation = ((ConversationJson.Detail) streamDetail(json)).conversation;

    assertSameReading(Conversation.read(tree(json)), conversation);
    assertEquals(List.of("x", "y"), List.copyOf(conversation.additionalProperties().keySet()));
    assertEquals(3L, conversation.additionalProperties().get("x"));
    assertEquals(2L, conversation.turns().get(0).additionalProperties().get("k"));
    assertEquals(List.of(2L), conversation.functionEvents().get(0).additionalProperties().get("q"));
  }

  @Test
  void aPageWithOddMembersIsReadAsTheTreeReadsIt() {
    String json =
        "{\"extra\": {\"a\": [1]}, \"count\": \"many\", \"conversations\": [{\"conversationId\":"
            + " \"c\", \"accountId\": \"a\", \"projectId\": \"p\", \"turns\": [1], \"channel\": 7,"
            + " \"new\": null, \"shortSummary\": {\"heading\": \"H\"}, \"tags\": [\"t\", 1]}],"
            + " \"offset\": -1, \"limit\": 10}";
    ListParams params = ListParams.builder().limit(10).build();

    ConversationPage page =
        ((ConversationJson.Page) streamPage(json)).page.build(params, NO_FETCHER);

    ConversationPage fromTree = ConversationPage.read(tree(json), params, NO_FETCHER);
    assertSameSummaries(fromTree.conversations(), page.conversations());
    assertSameOrder(fromTree.additionalProperties(), page.additionalProperties(), "page");
    assertEquals(
        List.of("extra", "count", "offset"), List.copyOf(page.additionalProperties().keySet()));
    assertNull(page.count());
    assertEquals(
        List.of("turns", "channel", "new", "tags"),
        List.copyOf(page.conversations().get(0).additionalProperties().keySet()));
  }

  @Test
  void functionEventsAreOrderedByTurnNumberAsTheTreeReadingOrdersThem() {
    String json =
        "{\"conversationId\": \"c\", \"accountId\": \"a\", \"projectId\": \"p\","
            + " \"functionEvents\": {\"10\": [{\"name\": \"late\"}], \" 2\": [{\"name\":"
            + " \"early\"}, {\"name\": \"next\"}]}}";

    Conversation conversation = ((ConversationJson.Detail) streamDetail(json)).conversation;

    assertSameReading(Conversation.read(tree(json)), conversation);
    assertEquals(
        List.of("early", "next", "late"),
        conversation.functionEvents().stream().map(FunctionEvent::name).toList());
    assertEquals(2, conversation.functionEvents().get(0).turnNumber());
  }

  @Test
  void signedTurnNumbersOrderTheirEventsAsNumbers() {
    String json =
        "{\"conversationId\": \"c\", \"accountId\": \"a\", \"projectId\": \"p\","
            + " \"functionEvents\": {\"+3\": [{\"name\": \"three\"}], \"-1\": [{\"name\":"
            + " \"minus\"}], \"02\": [{\"name\": \"two\"}]}}";

    Conversation conversation = ((ConversationJson.Detail) streamDetail(json)).conversation;

    assertSameReading(Conversation.read(tree(json)), conversation);
    assertEquals(
        List.of("minus", "two", "three"),
        conversation.functionEvents().stream().map(FunctionEvent::name).toList());
  }

  @Test
  void twoKeysForOneTurnLoseNoEventAndKeepTheMemberRaw() throws Exception {
    String json =
        "{\"conversationId\": \""
            + CONVERSATION
            + "\", \"accountId\": \"a\", \"projectId\": \"p\","
            + " \"functionEvents\": {\"1\": [{\"name\": \"a\"}], \"01\": [{\"name\": \"b\"}]}}";
    assertNull(streamDetail(json), "read in one pass");
    api.enqueueJson(200, json);

    Conversation conversation = api.client().conversations().get(AGENT, CONVERSATION);

    assertEquals(
        List.of("a", "b"),
        conversation.functionEvents().stream().map(FunctionEvent::name).toList());
    assertEquals(
        tree(json).get("functionEvents"),
        conversation.additionalProperties().get("functionEvents"));
    assertEquals(HttpTestSupport.DETAIL_PATH, api.server.takeRequest().getPath());
  }

  @Test
  void metricsAreReadInOnePassAsTheTreeReadsThem() {
    String json =
        "{\"conversationId\": \"c\", \"accountId\": \"a\", \"projectId\": \"p\", \"metrics\":"
            + " {\"B\": [{\"timestamp\": \"2026-06-03T13:19:19.757917\", \"value\": \"4\"}],"
            + " \"A\": [\"plain\", 2.50, true, {\"value\": 1, \"value\": 3, \"extra\": [1]}],"
            + " \"E\": [], \"S\": \"31\", \"O\": {\"value\": \"5\"},"
            + " \"B\": [{\"value\": 1e2, \"timestamp\": null}]}}";

    Conversation conversation = ((ConversationJson.Detail) streamDetail(json)).conversation;

    assertSameReading(Conversation.read(tree(json)), conversation);
    assertEquals(List.of("B", "A", "E", "S", "O"), List.copyOf(conversation.metrics().keySet()));
    assertEquals("31", conversation.metrics().get("S").get(0).value());
    assertEquals("5", conversation.metrics().get("O").get(0).value());
    assertEquals(
        List.of("plain", "2.5", "true", "3"),
        conversation.metrics().get("A").stream().map(MetricSample::value).collect(toList()));
    assertEquals("100", conversation.metrics().get("B").get(0).value());
    assertNull(conversation.metrics().get("B").get(0).timestamp());
    assertTrue(conversation.additionalProperties().isEmpty());
  }

  /** Shapes whose tree reading keeps a whole member raw, or lets one value replace another. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"channel\": 1, \"channel\": \"VOICE\", IDS",
        "IDS, \"turns\": [{\"user_input\": 1, \"user_input\": \"hi\"}]",
        "IDS, \"turns\": [{\"user_input\": \"a\"}, 3, {\"user_input\": \"b\"}]",
        "IDS, \"turns\": [null]",
        "IDS, \"functionEvents\": {\"1\": [{\"name\": \"a\"}], \"x\": [{\"name\": \"b\"}]}",
        "IDS, \"functionEvents\": {\"1\": [{\"name\": \"a\"}], \" 1\": [{\"name\": \"b\"}]}",
        "IDS, \"functionEvents\": {\"1\": {\"name\": \"a\"}}",
        "IDS, \"functionEvents\": [{\"name\": \"a\"}, \"b\"]",
        "IDS, \"functionEvents\": [{\"name\": \"a\", \"name\": 2}]",
        "IDS, \"metrics\": {\"M\": [{\"value\": \"1\"}, {\"value\": {}}]}",
        "IDS, \"metrics\": {\"M\": [{\"value\": \"1\", \"timestamp\": \"today\"}]}",
        "IDS, \"metrics\": {\"M\": [null]}",
        "IDS, \"metrics\": {\"M\": {\"value\": []}}",
        "IDS, \"metrics\": {\"M\": [{\"value\": \"1\"}], \"N\": null}",
      })
  void leavesToTheTreeReadingWhatItCannotReadTheSameWay(String shape) throws Exception {
    String ids =
        "\"conversationId\": \"" + CONVERSATION + "\", \"accountId\": \"a\", \"projectId\": \"p\"";
    String json = "{" + shape.replace("IDS", ids) + "}";

    assertNull(streamDetail(json), "read in one pass");
    api.enqueueJson(200, json);
    Conversation conversation = api.client().conversations().get(AGENT, CONVERSATION);
    assertSameReading(Conversation.read(tree(json)), conversation);
    assertEquals(HttpTestSupport.DETAIL_PATH, api.server.takeRequest().getPath());
  }

  /**
   * The one pass reads the body's bytes without consuming them, so the tree reading gets them
   * whole, whether they fit in one of Okio's segments or span more than its pool holds.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2500})
  void theBodyStaysWholeForTheTreeReadingWhateverItsSize(int turns) throws Exception {
    StringBuilder json =
        new StringBuilder(
            "{\"conversationId\": \""
                + CONVERSATION
                + "\", \"accountId\": \"a\", \"projectId\": \"p\", \"turns\": [");
    for (int i = 0; i < turns; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"user_input\": \"turn ").append(i).append("\"}");
    }
    String read = json + "]}";
    String givenUp = json + "], \"channel\": 1, \"channel\": \"VOICE\"}";
    assertTrue(givenUp.length() > 64 * 1024 == turns > 1, "size " + givenUp.length());
    api.enqueueJson(200, read);
    api.enqueueJson(200, givenUp);

    Conversation first = api.client().conversations().get(AGENT, CONVERSATION);
    Conversation second = api.client().conversations().get(AGENT, CONVERSATION);

    assertInstanceOf(ConversationJson.Detail.class, streamDetail(read));
    assertNull(streamDetail(givenUp));
    assertSameReading(Conversation.read(tree(read)), first);
    assertSameReading(Conversation.read(tree(givenUp)), second);
    assertEquals(turns, second.turns().size());
    assertEquals("VOICE", second.channel());
  }

  @Test
  void aMissingIdIsReportedAsTheTreeReadingReportsIt() {
    String json = "{\"accountId\": \"a\", \"projectId\": \"p\", \"turns\": []}";
    assertNull(streamDetail(json));
    api.enqueueJson(200, json);

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () -> api.client().conversations().get(AGENT, CONVERSATION));

    assertTrue(e.getMessage().contains("conversationId"), e.getMessage());
    assertTrue(e.body().contains("\"accountId\""), e.body());
  }

  @Test
  void aPageSummaryWithoutItsIdIsReportedWithItsPosition() {
    String json =
        "{\"conversations\": [{\"conversationId\": \"c\", \"accountId\": \"a\", \"projectId\":"
            + " \"p\"}, {\"accountId\": \"a\", \"projectId\": \"p\"}], \"count\": 2}";
    assertNull(streamPage(json));
    api.enqueueJson(200, json);

    PolyAiInvalidResponseException e =
        assertThrows(
            PolyAiInvalidResponseException.class,
            () ->
                api.client().conversations().list(AGENT, ListParams.builder().offset(40).build()));

    assertTrue(e.getMessage().contains("conversation 1 of the page at offset 40"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"count\": 0}",
        "{\"conversations\": [], \"conversations\": []}",
        "{\"conversations\": {}}",
        "{\"conversations\": [[]]}",
        "{\"conversations\": []} {}",
        "[]",
        "null",
        "{\"conversations\": [], \"count\": 1e1001}"
      })
  void leavesPagesItCannotReadToTheTreeReading(String json) {
    assertNull(streamPage(json));
  }

  /** Only the facade's factory reads in one pass; the generated API alone gets bound models. */
  @Test
  void onlyTheFacadesConvertersReadInOnePass() throws IOException {
    JsonConverterFactory bound = new JsonConverterFactory(false);
    JsonConverterFactory facade = new JsonConverterFactory(true);
    String page = HttpTestSupport.resource("/fixtures/conversations-page.json");

    Object boundConversation =
        convert(bound, ConversationDetailResponse.class, HttpTestSupport.restaurant());
    Object boundPage = convert(bound, GetConversationsResponse.class, page);
    Object readConversation =
        convert(facade, ConversationDetailResponse.class, HttpTestSupport.restaurant());
    Object readPage = convert(facade, GetConversationsResponse.class, page);

    assertEquals(
        CONVERSATION, ((ConversationDetailResponse) boundConversation).getConversationId());
    assertEquals(5, ((GetConversationsResponse) boundPage).getCount());
    assertEquals(
        CONVERSATION,
        assertInstanceOf(ConversationJson.Detail.class, readConversation)
            .conversation
            .conversationId());
    assertInstanceOf(ConversationJson.Page.class, readPage);
    assertNull(JsonConverterFactory.streamingReader(OperationSuccessResponse.class));
  }

  private static Object convert(JsonConverterFactory factory, Class<?> type, String json)
      throws IOException {
    return factory
        .responseBodyConverter(type, new Annotation[0], null)
        .convert(ResponseBody.create(json, MediaType.get("application/json")));
  }

  private static @Nullable Object streamDetail(String json) {
    return JsonConverterFactory.readStreaming(
        JsonConverterFactory.streamingReader(ConversationDetailResponse.class),
        new Buffer().writeUtf8(json));
  }

  private static @Nullable Object streamPage(String json) {
    return JsonConverterFactory.readStreaming(
        JsonConverterFactory.streamingReader(GetConversationsResponse.class),
        new Buffer().writeUtf8(json));
  }

  /**
   * The members as the general reading reads them (not Moshi's own: exact numbers, last of two).
   */
  private static Map<?, ?> tree(String json) {
    try {
      return (Map<?, ?>) JsonValues.parse(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The same conversation, however it was read: equal, with equal hash codes and text, and every
   * map of it (extras, arguments, metrics) with its keys in the same order.
   */
  static void assertSameReading(Conversation expected, Conversation actual) {
    assertEquals(expected, actual);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
    assertSameOrder(expected.additionalProperties(), actual.additionalProperties(), "conversation");
    assertSameOrder(expected.metrics(), actual.metrics(), "metrics");
    for (int i = 0; i < expected.turns().size(); i++) {
      assertSameOrder(
          expected.turns().get(i).additionalProperties(),
          actual.turns().get(i).additionalProperties(),
          "turn " + i);
    }
    for (int i = 0; i < expected.functionEvents().size(); i++) {
      FunctionEvent want = expected.functionEvents().get(i);
      FunctionEvent got = actual.functionEvents().get(i);
      assertSameOrder(want.additionalProperties(), got.additionalProperties(), "event " + i);
      assertSameOrder(want.arguments(), got.arguments(), "event arguments " + i);
    }
  }

  /** The same summaries, each with its extras in the same order. */
  static void assertSameSummaries(
      List<ConversationSummary> expected, List<ConversationSummary> actual) {
    assertEquals(expected, actual);
    for (int i = 0; i < expected.size(); i++) {
      assertSameOrder(
          expected.get(i).additionalProperties(),
          actual.get(i).additionalProperties(),
          "summary " + i);
    }
  }

  /** Equal values whose maps, at every depth, list their keys in the same order. */
  static void assertSameOrder(@Nullable Object expected, @Nullable Object actual, String what) {
    assertEquals(expected, actual, what);
    if (expected instanceof Map<?, ?> want && actual instanceof Map<?, ?> got) {
      assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()), what + ": key order");
      for (Object key : want.keySet()) {
        assertSameOrder(want.get(key), got.get(key), what + "." + key);
      }
    } else if (expected instanceof List<?> want && actual instanceof List<?> got) {
      for (int i = 0; i < want.size(); i++) {
        assertSameOrder(want.get(i), got.get(i), what + "[" + i + "]");
      }
    }
  }
}
