package ai.poly.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.poly.data.generated.model.AddAnnotationsBody;
import ai.poly.data.generated.model.AnnotationItem;
import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.ConversationSummaryResponse;
import ai.poly.data.generated.model.CreateDebugChatBody;
import ai.poly.data.generated.model.DebugChatResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import ai.poly.data.generated.model.UpsertNoteBody;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class GeneratedModelsTest {
  private static final Moshi CLIENT = GeneratedModels.moshi();
  private static final Moshi PLAIN = new Moshi.Builder().build();

  /**
   * Realistic payloads of each generated model: a test resource, optionally followed by a JSON
   * pointer to the member that holds the model. A model a spec bump adds fails {@link
   * #roundTripsEveryPayloadThroughTheClientMoshi} until it has an entry here.
   */
  private static final Map<String, List<String>> PAYLOADS =
      Map.ofEntries(
          Map.entry("AddAnnotationsBody", List.of("payloads/add-annotations-body.json")),
          Map.entry(
              "AnnotationItem",
              List.of(
                  "payloads/add-annotations-body.json#/annotations/0",
                  "payloads/add-annotations-body.json#/annotations/1",
                  "payloads/add-annotations-body.json#/annotations/2")),
          Map.entry(
              "ChatMetadataResponse",
              List.of(
                  "payloads/debug-chat-response.json#/metadata",
                  "payloads/debug-chat-ended-response.json#/metadata")),
          Map.entry(
              "ConversationDetailResponse",
              List.of(
                  "fixtures/conversation-restaurant.json",
                  "payloads/conversation-detail-variants.json")),
          Map.entry(
              "ConversationSummaryResponse",
              List.of(
                  "fixtures/conversations-page.json#/conversations/0",
                  "fixtures/conversations-page.json#/conversations/1")),
          Map.entry(
              "CreateDebugChatBody",
              List.of(
                  "payloads/create-debug-chat-body.json",
                  "payloads/create-debug-chat-body-minimal.json")),
          Map.entry(
              "DebugChatResponse",
              List.of(
                  "payloads/debug-chat-response.json", "payloads/debug-chat-ended-response.json")),
          Map.entry("GetConversationsResponse", List.of("fixtures/conversations-page.json")),
          Map.entry(
              "OperationSuccessResponse", List.of("payloads/operation-success-response.json")),
          Map.entry("RespondDebugChatBody", List.of("payloads/respond-debug-chat-body.json")),
          Map.entry("UpsertNoteBody", List.of("payloads/upsert-note-body.json")));

  /** Payloads whose every member has exactly the type the spec declares. */
  private static final Map<String, String> SPEC_SHAPED =
      Map.ofEntries(
          Map.entry("payloads/add-annotations-body.json", "AddAnnotationsBody"),
          Map.entry("payloads/create-debug-chat-body.json", "CreateDebugChatBody"),
          Map.entry("payloads/create-debug-chat-body-minimal.json", "CreateDebugChatBody"),
          Map.entry("payloads/respond-debug-chat-body.json", "RespondDebugChatBody"),
          Map.entry("payloads/upsert-note-body.json", "UpsertNoteBody"),
          Map.entry("payloads/operation-success-response.json", "OperationSuccessResponse"),
          Map.entry("payloads/debug-chat-response.json", "DebugChatResponse"),
          Map.entry("payloads/debug-chat-ended-response.json", "DebugChatResponse"),
          Map.entry("fixtures/conversations-page.json", "GetConversationsResponse"));

  @Test
  void discoversTheGeneratedModelsFromTheClasspath() throws Exception {
    Set<String> names =
        generatedModels().stream().map(Class::getSimpleName).collect(Collectors.toSet());

    assertTrue(
        names.containsAll(
            Set.of(
                "AddAnnotationsBody",
                "AnnotationItem",
                "ChatMetadataResponse",
                "ConversationDetailResponse",
                "ConversationSummaryResponse",
                "CreateDebugChatBody",
                "DebugChatResponse",
                "GetConversationsResponse",
                "OperationSuccessResponse",
                "RespondDebugChatBody",
                "UpsertNoteBody")),
        "discovered " + names);
    assertFalse(names.contains("RoleEnum"), "inner enums are not models: " + names);
  }

  @Test
  void everyPayloadEntryNamesAGeneratedModel() throws Exception {
    Set<String> names =
        generatedModels().stream().map(Class::getSimpleName).collect(Collectors.toSet());
    Set<String> stale = new TreeSet<>(PAYLOADS.keySet());
    stale.addAll(SPEC_SHAPED.values());
    stale.removeAll(names);

    assertEquals(Set.of(), stale, "payloads name models that were not generated");
  }

  static Stream<Arguments> models() throws Exception {
    return generatedModels().stream().map(c -> Arguments.of(Named.of(c.getSimpleName(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void roundTripsEveryPayloadThroughTheClientMoshi(Class<?> model) throws IOException {
    List<String> payloads = PAYLOADS.get(model.getSimpleName());
    if (payloads == null || payloads.isEmpty()) {
      fail(
          "No payload for generated model "
              + model.getSimpleName()
              + ": add one under src/test/resources/payloads/ and list it in PAYLOADS");
    }
    for (String payload : payloads) {
      assertRoundTrips(CLIENT, model, payload(payload), payload);
    }
  }

  static Stream<Arguments> specShapedPayloads() {
    return SPEC_SHAPED.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("specShapedPayloads")
  void plainMoshiRoundTripsSpecShapedPayloads(String resource, String model) throws Exception {
    Class<?> type = Class.forName(GeneratedModels.MODEL_PACKAGE + "." + model);
    String json = payload(resource);
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) PLAIN.adapter(type);

    Object first = adapter.fromJson(json);
    // Plain Moshi drops null members of untyped values unless told to serialize nulls; it then
    // writes absent fields as null too, so those are left out of both sides of the comparison.
    String written = adapter.serializeNulls().toJson(first);
    Object second = adapter.fromJson(written);

    assertEquals(first, second, resource);
    // Plain Moshi reads untyped numbers as doubles (a 19-digit turn_id loses its last digits, which
    // is why the client reads them with JsonValues), so numbers are compared as doubles.
    assertEquals(
        numbersAsDoubles(withoutNullFields(JsonValues.parse(json), type)),
        numbersAsDoubles(withoutNullFields(JsonValues.parse(written), type)),
        resource + " written by plain Moshi: " + written);
  }

  @Test
  void plainMoshiSkipsUnknownKeys() throws IOException {
    String json =
        """
        {"note": "Call back after 6pm", "author": {"id": 7, "name": "QA"}, "pinned": true}
        """;

    UpsertNoteBody body = PLAIN.adapter(UpsertNoteBody.class).fromJson(json);

    assertEquals("Call back after 6pm", body.getNote());
    assertEquals(Map.of(), body.getAdditionalProperties());
  }

  @Test
  void plainMoshiSkipsUnknownKeysInsideNestedModels() throws IOException {
    String json =
        """
        {"conversations": [{"conversationId": "CA1", "accountId": "ws-1", "projectId": "P",
          "sentiment": {"label": "neutral"}}],
         "count": 1, "limit": 50, "offset": 0, "nextCursor": "abc"}
        """;

    GetConversationsResponse page = PLAIN.adapter(GetConversationsResponse.class).fromJson(json);

    assertEquals(1, page.getCount());
    assertEquals("CA1", page.getConversations().get(0).getConversationId());
    assertEquals(Map.of(), page.getConversations().get(0).getAdditionalProperties());
  }

  @Test
  void clientMoshiKeepsUnknownKeysInAdditionalProperties() throws IOException {
    String json =
        """
        {"note": "Call back after 6pm", "author": {"id": 7, "name": "QA"}, "pinned": true}
        """;

    UpsertNoteBody body = CLIENT.adapter(UpsertNoteBody.class).fromJson(json);

    assertEquals("Call back after 6pm", body.getNote());
    assertEquals(
        Map.of("author", Map.of("id", 7L, "name", "QA"), "pinned", true),
        body.getAdditionalProperties());
  }

  @Test
  void clientMoshiWritesAdditionalPropertiesBack() throws IOException {
    UpsertNoteBody body =
        new UpsertNoteBody().note("Call back").putAdditionalProperty("pinned", true);

    String json = CLIENT.adapter(UpsertNoteBody.class).toJson(body);

    assertEquals(Map.of("note", "Call back", "pinned", true), JsonValues.parse(json));
  }

  @Test
  void valuesOfUnexpectedTypeAreKeptRawAndOtherFieldsStillParse() throws IOException {
    String json =
        """
        {"conversationId": "CA1", "accountId": "ws-1", "projectId": "PROJECT-1",
         "shortSummary": {"heading": "Table booking", "content": "Booked a table for four."},
         "totalDuration": "147", "tags": ["booking", 3], "inProgress": "no",
         "channel": "VOICE-SIP", "polyaiDuration": 131, "polyScore": 6.0}
        """;

    ConversationDetailResponse conversation =
        CLIENT.adapter(ConversationDetailResponse.class).fromJson(json);

    assertNull(conversation.getShortSummary());
    assertNull(conversation.getTotalDuration());
    assertNull(conversation.getTags());
    assertNull(conversation.getInProgress());
    assertEquals(
        Map.of(
            "shortSummary",
            Map.of("heading", "Table booking", "content", "Booked a table for four."),
            "totalDuration",
            "147",
            "tags",
            List.of("booking", 3L),
            "inProgress",
            "no"),
        conversation.getAdditionalProperties());
    assertEquals("CA1", conversation.getConversationId());
    assertEquals("ws-1", conversation.getAccountId());
    assertEquals("PROJECT-1", conversation.getProjectId());
    assertEquals("VOICE-SIP", conversation.getChannel());
    assertEquals(131, conversation.getPolyaiDuration());
    assertEquals(6.0, conversation.getPolyScore());
  }

  @Test
  void aMismatchInsideANestedModelDegradesOnlyThatMember() throws IOException {
    String json =
        """
        {"conversations": [
           {"conversationId": "CA1", "accountId": "ws-1", "projectId": "P", "duration": "long"},
           {"conversationId": "CA2", "accountId": "ws-1", "projectId": "P", "duration": 40}],
         "count": "two", "limit": 2, "offset": 0}
        """;

    GetConversationsResponse page = CLIENT.adapter(GetConversationsResponse.class).fromJson(json);

    assertNull(page.getCount());
    assertEquals(Map.of("count", "two"), page.getAdditionalProperties());
    assertEquals(2, page.getLimit());
    assertEquals(2, page.getConversations().size());
    assertEquals("CA1", page.getConversations().get(0).getConversationId());
    assertNull(page.getConversations().get(0).getDuration());
    assertEquals(
        Map.of("duration", "long"), page.getConversations().get(0).getAdditionalProperties());
    assertEquals(40, page.getConversations().get(1).getDuration());
  }

  @Test
  void membersComeBackAsTheServiceSentThemWhateverTheDeclaredType() throws IOException {
    String json =
        """
        {"conversationId": "CA1", "accountId": "ws-1", "projectId": "P",
         "polyScore": 8, "totalDuration": 147, "duration": 3.0, "tags": ["a"]}
        """;

    ConversationDetailResponse conversation =
        CLIENT.adapter(ConversationDetailResponse.class).fromJson(json);
    Map<String, Object> members = GeneratedModels.toMembers(conversation);

    // An integer literal does not fit the Double field, nor 3.0 the Integer one: both stay raw.
    assertNull(conversation.getPolyScore());
    assertNull(conversation.getDuration());
    assertEquals(147, conversation.getTotalDuration());
    assertEquals(8L, members.get("polyScore"));
    assertEquals(147L, members.get("totalDuration"));
    assertEquals(3.0, members.get("duration"));
    assertEquals(List.of("a"), members.get("tags"));
  }

  @Test
  void membersKeepRawValuesAsTheyAreAndConvertTypedOnesAmongThem() {
    Map<String, Object> rawTurn = Map.of("user_input", "hi");
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("raw", "1");
    metrics.put("typed", new AnnotationItem().turnId(2).role(AnnotationItem.RoleEnum.USER));
    ConversationDetailResponse conversation = new ConversationDetailResponse();
    conversation.setTurns(new ArrayList<>(List.of(rawTurn, new AnnotationItem().turnId(1))));
    conversation.setMetrics(metrics);
    conversation.setFunctionEvents(Map.of("1", List.of(rawTurn)));

    Map<String, Object> members = GeneratedModels.toMembers(conversation);

    List<?> turns = (List<?>) members.get("turns");
    assertEquals(rawTurn, turns.get(0));
    assertEquals(Map.of("turnId", 1L), turns.get(1));
    assertEquals(
        Map.of("raw", "1", "typed", Map.of("turnId", 2L, "role", "user")), members.get("metrics"));
    assertEquals(
        List.of("raw", "typed"), new ArrayList<>(((Map<?, ?>) members.get("metrics")).keySet()));
    assertEquals(Map.of("1", List.of(rawTurn)), members.get("functionEvents"));
    assertThrows(UnsupportedOperationException.class, () -> turns.remove(0));
  }

  /** A facade value may keep a plain list as it is: none may be the model's own, changeable one. */
  @Test
  void aListTheModelHoldsComesBackAsACopyAndAReadListAsItIs() throws IOException {
    List<String> tags = new ArrayList<>(List.of("a", "b"));
    ConversationSummaryResponse summary = new ConversationSummaryResponse();
    summary.setTags(tags);

    Object members = GeneratedModels.toMembers(summary).get("tags");
    tags.add("c");

    assertEquals(List.of("a", "b"), members);
    Object read = JsonValues.parse("[\"x\"]");
    assertSame(JsonValues.LIST, read.getClass());
    summary.setTags(Collections.singletonList("x"));
    assertEquals(List.of("x"), GeneratedModels.toMembers(summary).get("tags"));
    @SuppressWarnings("unchecked")
    List<String> readTags = (List<String>) read;
    summary.setTags(readTags);
    assertSame(read, GeneratedModels.toMembers(summary).get("tags"));
  }

  @Test
  void anIntegerTooLargeForItsFieldIsKeptExactly() throws IOException {
    String json =
        """
        {"conversationId": "CA1", "accountId": "ws-1", "projectId": "P",
         "totalDuration": 12345678901234, "duration": 1.5}
        """;

    ConversationDetailResponse conversation =
        CLIENT.adapter(ConversationDetailResponse.class).fromJson(json);

    assertNull(conversation.getTotalDuration());
    assertNull(conversation.getDuration());
    assertEquals(
        Map.of("totalDuration", 12345678901234L, "duration", 1.5),
        conversation.getAdditionalProperties());
  }

  @Test
  void aModelMemberThatIsNotAnObjectIsKeptRaw() throws IOException {
    String json =
        """
        {"conversationId": "CHAT-1", "userInput": "hi", "response": "Hello!",
         "metadata": "unavailable", "conversationEnded": false, "delayedResponse": false}
        """;

    DebugChatResponse chat = CLIENT.adapter(DebugChatResponse.class).fromJson(json);

    assertNull(chat.getMetadata());
    assertEquals(Map.of("metadata", "unavailable"), chat.getAdditionalProperties());
    assertEquals("Hello!", chat.getResponse());
    assertEquals(false, chat.getConversationEnded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "agent"})
  void roleReadsAndWritesItsWireName(String role) throws IOException {
    assertEnumWireName(role, "missing_topic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing_topic", "wrong_transcript", "wrong_info"})
  void annotationTypeReadsAndWritesItsWireName(String annotationType) throws IOException {
    assertEnumWireName("agent", annotationType);
  }

  private static void assertEnumWireName(String role, String annotationType) throws IOException {
    String json =
        "{\"turnId\": 4, \"role\": \""
            + role
            + "\", \"annotationType\": \""
            + annotationType
            + "\"}";
    for (Moshi moshi : List.of(CLIENT, PLAIN)) {
      JsonAdapter<AnnotationItem> adapter = moshi.adapter(AnnotationItem.class);

      AnnotationItem item = adapter.fromJson(json);

      assertEquals(AnnotationItem.RoleEnum.valueOf(role.toUpperCase(Locale.ROOT)), item.getRole());
      assertEquals(
          AnnotationItem.AnnotationTypeEnum.valueOf(annotationType.toUpperCase(Locale.ROOT)),
          item.getAnnotationType());
      assertEquals(JsonValues.parse(json), JsonValues.parse(adapter.toJson(item)));
    }
  }

  @Test
  void enumsWriteTheirWireNamesNotTheirJavaNames() throws IOException {
    AnnotationItem item =
        new AnnotationItem()
            .turnId(2)
            .role(AnnotationItem.RoleEnum.USER)
            .annotationType(AnnotationItem.AnnotationTypeEnum.WRONG_TRANSCRIPT);

    Map<String, Object> wire =
        Map.of("turnId", 2L, "role", "user", "annotationType", "wrong_transcript");
    assertEquals(wire, JsonValues.parse(CLIENT.adapter(AnnotationItem.class).toJson(item)));
    assertEquals(wire, JsonValues.parse(PLAIN.adapter(AnnotationItem.class).toJson(item)));
  }

  @Test
  void anUnknownEnumValueIsKeptRawAndWrittenBack() throws IOException {
    String json =
        """
        {"turnId": 1, "role": "supervisor", "annotationType": "rude_tone"}
        """;
    JsonAdapter<AnnotationItem> adapter = CLIENT.adapter(AnnotationItem.class);

    AnnotationItem item = adapter.fromJson(json);

    assertEquals(1, item.getTurnId());
    assertNull(item.getRole());
    assertNull(item.getAnnotationType());
    assertEquals(
        Map.of("role", "supervisor", "annotationType", "rude_tone"),
        item.getAdditionalProperties());
    assertEquals(JsonValues.parse(json), JsonValues.parse(adapter.toJson(item)));
  }

  @Test
  void plainMoshiRejectsAnUnknownEnumValue() {
    // The contrast that makes the lenient adapter necessary.
    assertThrows(
        JsonDataException.class,
        () ->
            PLAIN
                .adapter(AnnotationItem.class)
                .fromJson(
                    "{\"turnId\": 1, \"role\": \"supervisor\", \"annotationType\":"
                        + " \"wrong_info\"}"));
  }

  @Test
  void largeTurnIdsSurviveExactlyAsLong() throws IOException {
    String json =
        """
        {"conversationId": "CA1", "accountId": "ws-1", "projectId": "P",
         "turns": [{"turn_id": 1234567890123456789, "user_input": "hi"},
                   {"turn_id": 1234567890123456790, "user_input": "bye"}],
         "sequence": 98765432109876543210}
        """;
    JsonAdapter<ConversationDetailResponse> adapter =
        CLIENT.adapter(ConversationDetailResponse.class);

    ConversationDetailResponse conversation = adapter.fromJson(json);
    String written = adapter.toJson(conversation);
    ConversationDetailResponse again = adapter.fromJson(written);

    assertEquals(1234567890123456789L, turn(conversation, 0).get("turn_id"));
    assertEquals(1234567890123456790L, turn(conversation, 1).get("turn_id"));
    assertEquals(1234567890123456790L, turn(again, 1).get("turn_id"));
    assertTrue(written.contains("\"turn_id\":1234567890123456789"), written);
    assertTrue(written.contains("\"turn_id\":1234567890123456790"), written);
    assertEquals(
        new BigDecimal("98765432109876543210"), again.getAdditionalProperties().get("sequence"));
    assertTrue(written.contains("\"sequence\":98765432109876543210"), written);
  }

  private static Map<?, ?> turn(ConversationDetailResponse conversation, int index) {
    return assertInstanceOf(Map.class, conversation.getTurns().get(index));
  }

  @Test
  void nullMembersInsideRawValuesAreWrittenBack() throws IOException {
    // A raw value is the service's (or the caller's) JSON; a member that is null there is not the
    // same as one that is missing, e.g. an integration attribute cleared on purpose.
    CreateDebugChatBody body =
        new CreateDebugChatBody()
            .clientEnv("sandbox")
            .integrationAttributes(mapWithNull("customer_id", "tier", "gold"));

    String json = CLIENT.adapter(CreateDebugChatBody.class).toJson(body);

    assertEquals(
        Map.of(
            "clientEnv",
            "sandbox",
            "integrationAttributes",
            mapWithNull("customer_id", "tier", "gold")),
        JsonValues.parse(json),
        json);
  }

  @Test
  void nullMembersOfTurnsSurviveTheRoundTrip() throws IOException {
    String json =
        """
        {"conversationId": "CA1", "accountId": "ws-1", "projectId": "P",
         "turns": [{"user_input": "ok thanks", "latency": null}]}
        """;
    JsonAdapter<ConversationDetailResponse> adapter =
        CLIENT.adapter(ConversationDetailResponse.class);

    ConversationDetailResponse conversation = adapter.fromJson(json);
    ConversationDetailResponse again = adapter.fromJson(adapter.toJson(conversation));

    assertEquals(mapWithNull("latency", "user_input", "ok thanks"), turn(conversation, 0));
    assertEquals(conversation.getTurns(), again.getTurns());
  }

  private static Map<String, Object> mapWithNull(String nullKey, String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(nullKey, null);
    map.put(key, value);
    return map;
  }

  @Test
  void plainMoshiCannotReadTheLiveConversationShape() throws IOException {
    // shortSummary arrives as an object although the spec says string: only the lenient binding
    // reads the live shape.
    String json = payload("fixtures/conversation-restaurant.json");

    assertThrows(
        JsonDataException.class,
        () -> PLAIN.adapter(ConversationDetailResponse.class).fromJson(json));
    ConversationDetailResponse conversation =
        CLIENT.adapter(ConversationDetailResponse.class).fromJson(json);
    assertEquals("CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d", conversation.getConversationId());
    assertEquals(147, conversation.getTotalDuration());
    assertEquals(8.5, conversation.getPolyScore());
    assertEquals(List.of("booking", "large-party"), conversation.getTags());
    assertEquals(5, conversation.getTurns().size());
    assertNull(conversation.getShortSummary());
    assertEquals(
        "Table booking for eleven",
        ((Map<?, ?>) conversation.getAdditionalProperties().get("shortSummary")).get("heading"));
  }

  @Test
  void addAnnotationsBodyReadsItsItemsAsModels() throws IOException {
    AddAnnotationsBody body =
        CLIENT
            .adapter(AddAnnotationsBody.class)
            .fromJson(payload("payloads/add-annotations-body.json"));

    assertEquals(
        List.of(
            new AnnotationItem()
                .turnId(0)
                .role(AnnotationItem.RoleEnum.AGENT)
                .annotationType(AnnotationItem.AnnotationTypeEnum.MISSING_TOPIC),
            new AnnotationItem()
                .turnId(1)
                .role(AnnotationItem.RoleEnum.USER)
                .annotationType(AnnotationItem.AnnotationTypeEnum.WRONG_TRANSCRIPT),
            new AnnotationItem()
                .turnId(3)
                .role(AnnotationItem.RoleEnum.AGENT)
                .annotationType(AnnotationItem.AnnotationTypeEnum.WRONG_INFO)),
        body.getAnnotations());
  }

  @Test
  void debugChatResponseReadsItsFullMetadata() throws IOException {
    DebugChatResponse chat =
        CLIENT
            .adapter(DebugChatResponse.class)
            .fromJson(payload("payloads/debug-chat-response.json"));

    assertEquals("collect_name", chat.getMetadata().getCurrentNode());
    assertEquals(
        List.of("greeting", "intent_router", "make_booking", "check_availability", "collect_name"),
        chat.getMetadata().getNodeTrace());
    assertEquals(List.of("Bookings", "Opening hours"), chat.getMetadata().getRetrievedTopics());
    assertEquals("Bookings", chat.getMetadata().getCitedTopic());
    assertEquals("make_booking", chat.getMetadata().getInFlow());
    assertEquals("collect_name", chat.getMetadata().getInStep());
    assertEquals("en-GB", chat.getMetadata().getAsrLangCode());
    assertEquals(4L, ((Map<?, ?>) chat.getMetadata().getState()).get("party_size"));
    assertEquals(1, chat.getMetadata().getFunctionEvents().size());
    assertEquals(
        1234567890123456789L,
        ((Map<?, ?>) chat.getMetadata().getLlmRequests().get(0)).get("turn_id"));
    assertEquals(Map.of(), chat.getAdditionalProperties());
    assertEquals(Map.of(), chat.getMetadata().getAdditionalProperties());
  }

  /**
   * JSON -> model -> JSON -> model: the two models are equal, and the JSON written is the original
   * less the null members of declared fields (a Java field cannot tell null from absent).
   */
  private static void assertRoundTrips(Moshi moshi, Class<?> type, String json, String source)
      throws IOException {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(type);

    Object first = adapter.fromJson(json);
    String written = adapter.toJson(first);
    Object second = adapter.fromJson(written);

    assertNotNull(first, source);
    assertEquals(first, second, source + ": the model read back from " + written);
    assertEquals(
        withoutNullFields(JsonValues.parse(json), type),
        JsonValues.parse(written),
        source + ": the JSON written");
  }

  /** The tree less the null-valued members that map to declared fields of generated models. */
  static Object withoutNullFields(Object tree, Type type) {
    Class<?> raw = Types.getRawType(type);
    if (GeneratedModels.isModel(raw) && tree instanceof Map) {
      Map<String, Field> fields = jsonFields(raw);
      Map<String, Object> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : ((Map<?, ?>) tree).entrySet()) {
        String name = (String) member.getKey();
        Field field = fields.get(name);
        if (field == null) {
          result.put(name, member.getValue());
        } else if (member.getValue() != null) {
          result.put(name, withoutNullFields(member.getValue(), field.getGenericType()));
        }
      }
      return result;
    }
    if (List.class.isAssignableFrom(raw)
        && tree instanceof List
        && type instanceof ParameterizedType) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> result = new ArrayList<>();
      for (Object item : (List<?>) tree) {
        result.add(item == null ? null : withoutNullFields(item, element));
      }
      return result;
    }
    return tree;
  }

  private static Map<String, Field> jsonFields(Class<?> model) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Field field : model.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
        Json json = field.getAnnotation(Json.class);
        fields.put(json != null ? json.name() : field.getName(), field);
      }
    }
    return fields;
  }

  /** The tree with every number as the nearest double, so 4 and 4.0 match. */
  private static Object numbersAsDoubles(Object tree) {
    if (tree instanceof Map) {
      Map<Object, Object> result = new LinkedHashMap<>();
      ((Map<?, ?>) tree).forEach((k, v) -> result.put(k, numbersAsDoubles(v)));
      return result;
    } else if (tree instanceof List) {
      List<Object> result = new ArrayList<>();
      ((List<?>) tree).forEach(v -> result.add(numbersAsDoubles(v)));
      return result;
    } else if (tree instanceof Number) {
      return ((Number) tree).doubleValue();
    }
    return tree;
  }

  /**
   * The JSON text of a test resource, or of the member a JSON pointer after {@code #} selects.
   * Members are written with their nulls, exactly as the resource has them.
   */
  static String payload(String reference) throws IOException {
    int hash = reference.indexOf('#');
    String resource = hash < 0 ? reference : reference.substring(0, hash);
    String text;
    try (InputStream in =
        GeneratedModelsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "missing test resource " + resource);
      text = new String(in.readAllBytes(), UTF_8);
    }
    if (hash < 0) {
      return text;
    }
    Object value = JsonValues.parse(text);
    for (String token : reference.substring(hash + 2).split("/")) {
      value =
          value instanceof List
              ? ((List<?>) value).get(Integer.parseInt(token))
              : ((Map<?, ?>) value).get(token);
      assertNotNull(value, "no member " + reference);
    }
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.setSerializeNulls(true);
    JsonValues.write(writer, value, CLIENT);
    return buffer.readUtf8();
  }

  /** Every top-level class in the generated model package, found where the classes were loaded. */
  static List<Class<?>> generatedModels() throws IOException, URISyntaxException {
    return classesInPackageOf(AnnotationItem.class).stream()
        .filter(c -> !c.isEnum() && !c.isInterface())
        .collect(Collectors.toList());
  }

  /**
   * The top-level classes in the package of {@code anchor}, listed from the directory or jar that
   * {@code anchor} was loaded from, so classes a spec bump adds are found without naming them.
   */
  static List<Class<?>> classesInPackageOf(Class<?> anchor) throws IOException, URISyntaxException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packageName = anchor.getPackageName();
    String directory = packageName.replace('.', '/');
    List<String> files = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> list = Files.list(root.resolve(directory))) {
        list.map(p -> p.getFileName().toString()).forEach(files::add);
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        jar.stream()
            .map(JarEntry::getName)
            .filter(
                n -> n.startsWith(directory + "/") && n.indexOf('/', directory.length() + 1) < 0)
            .map(n -> n.substring(directory.length() + 1))
            .forEach(files::add);
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String file : files) {
      if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
        String name = packageName + "." + file.substring(0, file.length() - ".class".length());
        try {
          classes.add(Class.forName(name));
        } catch (ClassNotFoundException e) {
          throw new AssertionError("listed but not loadable: " + name, e);
        }
      }
    }
    classes.sort(Comparator.comparing(Class::getSimpleName));
    assertFalse(classes.isEmpty(), "no classes found in " + packageName + " under " + root);
    return classes;
  }
}
