package ai.poly.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.generated.api.ConversationsApi;
import ai.poly.data.generated.api.DebugChatApi;
import ai.poly.data.generated.model.AddAnnotationsBody;
import ai.poly.data.generated.model.AnnotationItem;
import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.CreateDebugChatBody;
import ai.poly.data.generated.model.DebugChatResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import ai.poly.data.generated.model.OperationSuccessResponse;
import ai.poly.data.generated.model.RespondDebugChatBody;
import ai.poly.data.generated.model.UpsertNoteBody;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Streaming;

final class GeneratedApiTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String CONVERSATION = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";

  private MockWebServer server;
  private ConversationsApi conversations;
  private DebugChatApi debugChat;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(server.url("/"))
            .addConverterFactory(new JsonConverterFactory(false))
            .build();
    conversations = retrofit.create(ConversationsApi.class);
    debugChat = retrofit.create(DebugChatApi.class);
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void listSendsGetWithLimitAndOffset() throws Exception {
    server.enqueue(json(200, GeneratedModelsTest.payload("fixtures/conversations-page.json")));

    Response<GetConversationsResponse> response =
        conversations.v1AgentsAgentIdConversationsGet(AGENT, 2, 40).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v1/agents/PROJECT-K4T9QZ2M/conversations?limit=2&offset=40", request.getPath());
    assertNull(request.getHeader("Content-Type"));
    assertEquals(0, request.getBodySize());
    assertEquals(200, response.code());
    assertEquals(5, response.body().getCount());
    assertEquals(2, response.body().getConversations().size());
    assertEquals(CONVERSATION, response.body().getConversations().get(0).getConversationId());
  }

  @Test
  void listLeavesOutQueryParametersThatAreNull() throws Exception {
    server.enqueue(
        json(200, "{\"conversations\": [], \"count\": 0, \"limit\": 50, \"offset\": 0}"));

    Response<GetConversationsResponse> response =
        conversations.v1AgentsAgentIdConversationsGet(AGENT, null, null).execute();

    assertEquals("/v1/agents/PROJECT-K4T9QZ2M/conversations", server.takeRequest().getPath());
    assertEquals(List.of(), response.body().getConversations());
    assertEquals(50, response.body().getLimit());
  }

  @Test
  void getSendsGetToTheConversationPath() throws Exception {
    server.enqueue(json(200, GeneratedModelsTest.payload("fixtures/conversation-restaurant.json")));

    Response<ConversationDetailResponse> response =
        conversations.v1AgentsAgentIdConversationsConversationIdGet(AGENT, CONVERSATION).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(
        "/v1/agents/PROJECT-K4T9QZ2M/conversations/CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d",
        request.getPath());
    assertEquals(0, request.getBodySize());
    assertEquals(CONVERSATION, response.body().getConversationId());
    assertEquals(5, response.body().getTurns().size());
  }

  @Test
  void pathParametersAreEncodedAsSingleSegments() throws Exception {
    server.enqueue(
        json(200, "{\"conversationId\": \"x\", \"accountId\": \"a\", \"projectId\": \"p\"}"));

    conversations
        .v1AgentsAgentIdConversationsConversationIdGet(AGENT, "CA 1/../audio?x=1")
        .execute();

    assertEquals(
        "/v1/agents/PROJECT-K4T9QZ2M/conversations/CA%201%2F..%2Faudio%3Fx=1",
        server.takeRequest().getPath());
  }

  @Test
  void audioSendsDirectionAndRedacted() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "audio/wav").setBody("RIFF"));

    try (ResponseBody body =
        conversations
            .v1AgentsAgentIdConversationsConversationIdAudioGet(AGENT, CONVERSATION, "agent", true)
            .execute()
            .body()) {
      assertEquals("RIFF", body.string());
    }

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(
        "/v1/agents/PROJECT-K4T9QZ2M/conversations/CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d/audio"
            + "?direction=agent&redacted=true",
        request.getPath());
    assertEquals(0, request.getBodySize());
  }

  @Test
  void audioMethodIsStreaming() throws Exception {
    Method audio =
        ConversationsApi.class.getMethod(
            "v1AgentsAgentIdConversationsConversationIdAudioGet",
            String.class,
            String.class,
            String.class,
            Boolean.class);

    assertNotNull(audio.getAnnotation(Streaming.class));
    assertEquals(ResponseBody.class, typeArgument(audio.getGenericReturnType()));
  }

  @Test
  void audioBodyStreamsAllBytesWithItsContentType() throws Exception {
    byte[] wav = new byte[8 * 1024 * 1024];
    new Random(42).nextBytes(wav);
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "audio/wav").setBody(new Buffer().write(wav)));

    Response<ResponseBody> response =
        conversations
            .v1AgentsAgentIdConversationsConversationIdAudioGet(AGENT, CONVERSATION, null, null)
            .execute();

    try (ResponseBody body = response.body()) {
      assertEquals("audio/wav", body.contentType().toString());
      assertEquals(wav.length, body.contentLength());
      // A buffered body would hold every byte already; a streamed one has read none yet.
      assertTrue(
          body.source().getBuffer().size() < wav.length,
          "the body was buffered before the call returned");
      assertArrayEquals(wav, body.source().readByteArray());
    }
    assertEquals(
        "/v1/agents/PROJECT-K4T9QZ2M/conversations/CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d/audio",
        server.takeRequest().getPath());
  }

  @Test
  void annotationPostsItsBodyAsJson() throws Exception {
    server.enqueue(json(201, "{\"success\": true}"));
    AddAnnotationsBody body =
        new AddAnnotationsBody()
            .annotations(
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
                        .annotationType(AnnotationItem.AnnotationTypeEnum.WRONG_INFO)));

    Response<OperationSuccessResponse> response =
        conversations
            .v1AgentsAgentIdConversationsConversationIdAnnotationPost(AGENT, CONVERSATION, body)
            .execute();

    assertJsonPost(
        server.takeRequest(),
        "/v1/agents/PROJECT-K4T9QZ2M/conversations/CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d/annotation",
        GeneratedModelsTest.payload("payloads/add-annotations-body.json"));
    assertEquals(201, response.code());
    assertEquals(true, response.body().getSuccess());
  }

  @Test
  void notePostsItsBodyAsJson() throws Exception {
    server.enqueue(json(201, "{\"success\": true}"));

    Response<OperationSuccessResponse> response =
        conversations
            .v1AgentsAgentIdConversationsConversationIdNotePost(
                AGENT,
                CONVERSATION,
                new UpsertNoteBody()
                    .note("Caller asked for a manager callback about the large-party policy."))
            .execute();

    assertJsonPost(
        server.takeRequest(),
        "/v1/agents/PROJECT-K4T9QZ2M/conversations/CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d/note",
        GeneratedModelsTest.payload("payloads/upsert-note-body.json"));
    assertEquals(201, response.code());
    assertEquals(true, response.body().getSuccess());
  }

  @Test
  void debugChatCreatePostsItsBodyAsJson() throws Exception {
    server.enqueue(json(201, GeneratedModelsTest.payload("payloads/debug-chat-response.json")));
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("caller_tier", "gold");
    attributes.put("loyalty_points", 1250L);
    attributes.put("opt_in_sms", true);
    attributes.put("preferred_branches", List.of("Harbour", "Old Town"));
    CreateDebugChatBody body =
        new CreateDebugChatBody()
            .clientEnv("sandbox")
            .asrLangCode("en-GB")
            .ttsLangCode("en-GB")
            .conversationId("CHAT-qa-2026-10-14-001")
            .variantId("Main line")
            .channel("chat.polyai")
            .integrationAttributes(attributes);

    Response<DebugChatResponse> response =
        debugChat.v1AgentsAgentIdDebugChatPost(AGENT, body).execute();

    assertJsonPost(
        server.takeRequest(),
        "/v1/agents/PROJECT-K4T9QZ2M/debug-chat",
        GeneratedModelsTest.payload("payloads/create-debug-chat-body.json"));
    assertEquals(201, response.code());
    assertEquals("CHAT-2f4e6a8c-0b1d-4f3a-9c5e-7d9b1f3a5c7e", response.body().getConversationId());
    assertEquals("collect_name", response.body().getMetadata().getCurrentNode());
    assertEquals(false, response.body().getConversationEnded());
  }

  @Test
  void debugChatCreateSendsOnlyTheMembersThatAreSet() throws Exception {
    server.enqueue(json(201, GeneratedModelsTest.payload("payloads/debug-chat-response.json")));

    debugChat
        .v1AgentsAgentIdDebugChatPost(AGENT, new CreateDebugChatBody().clientEnv("pre-release"))
        .execute();

    assertJsonPost(
        server.takeRequest(),
        "/v1/agents/PROJECT-K4T9QZ2M/debug-chat",
        GeneratedModelsTest.payload("payloads/create-debug-chat-body-minimal.json"));
  }

  @Test
  void debugChatRespondPostsItsBodyAsJson() throws Exception {
    server.enqueue(
        json(200, GeneratedModelsTest.payload("payloads/debug-chat-ended-response.json")));
    RespondDebugChatBody body =
        new RespondDebugChatBody()
            .clientEnv("sandbox")
            .asrLangCode("en-GB")
            .ttsLangCode("en-GB")
            .message("It's under Patel, P-A-T-E-L.")
            .metadata(Map.of("input_mode", "typed", "client_sent_at", "2026-10-14T17:55:14.502Z"));

    Response<DebugChatResponse> response =
        debugChat
            .v1AgentsAgentIdDebugChatConversationIdPost(
                AGENT, "CHAT-2f4e6a8c-0b1d-4f3a-9c5e-7d9b1f3a5c7e", body)
            .execute();

    assertJsonPost(
        server.takeRequest(),
        "/v1/agents/PROJECT-K4T9QZ2M/debug-chat/CHAT-2f4e6a8c-0b1d-4f3a-9c5e-7d9b1f3a5c7e",
        GeneratedModelsTest.payload("payloads/respond-debug-chat-body.json"));
    assertEquals(200, response.code());
    assertEquals(true, response.body().getConversationEnded());
    assertEquals("Front of house", response.body().getMetadata().getHandoffDestination());
  }

  @Test
  void requestBodiesCarryTheirAdditionalProperties() throws Exception {
    server.enqueue(json(201, "{\"success\": true}"));
    UpsertNoteBody body =
        new UpsertNoteBody().note("Callback booked").putAdditionalProperty("pinned", true);

    conversations
        .v1AgentsAgentIdConversationsConversationIdNotePost(AGENT, CONVERSATION, body)
        .execute();

    assertEquals(
        Map.of("note", "Callback booked", "pinned", true),
        JsonValues.parse(server.takeRequest().getBody().readUtf8()));
  }

  @Test
  void everySpecOperationHasAGeneratedMethod() throws Exception {
    Set<String> missing = new TreeSet<>(specOperations().keySet());
    missing.removeAll(generatedOperations().keySet());

    assertEquals(Set.of(), missing, "spec operations with no method in the generated API");
  }

  @Test
  void everyGeneratedMethodIsASpecOperation() throws Exception {
    Set<String> extra = new TreeSet<>(generatedOperations().keySet());
    extra.removeAll(specOperations().keySet());

    assertEquals(Set.of(), extra, "generated methods with no operation in the spec");
  }

  @Test
  void generatedMethodsTakeTheSpecParameters() throws Exception {
    Map<String, Method> generated = generatedOperations();
    for (Map.Entry<String, Map<?, ?>> operation : specOperations().entrySet()) {
      Method method = generated.get(operation.getKey());
      if (method == null) {
        continue; // Reported by everySpecOperationHasAGeneratedMethod.
      }
      Set<String> expected = new TreeSet<>();
      for (Object parameter : (List<?>) operation.getValue().get("parameters")) {
        Map<?, ?> p = (Map<?, ?>) parameter;
        expected.add(p.get("in") + ":" + p.get("name"));
      }
      if (operation.getValue().get("requestBody") != null) {
        expected.add("body");
      }

      assertEquals(expected, parameters(method), operation.getKey() + " -> " + method.getName());
    }
  }

  @Test
  void binaryOperationsStreamAndJsonOperationsReturnTheirSchema() throws Exception {
    Map<String, Method> generated = generatedOperations();
    for (Map.Entry<String, Map<?, ?>> operation : specOperations().entrySet()) {
      Method method = generated.get(operation.getKey());
      if (method == null) {
        continue; // Reported by everySpecOperationHasAGeneratedMethod.
      }
      Map<?, ?> content = successContent(operation.getValue());
      String where = operation.getKey() + " -> " + method.getName();
      Type returned = typeArgument(method.getGenericReturnType());
      Map<?, ?> json = (Map<?, ?>) content.get("application/json");
      if (json != null) {
        String ref = (String) ((Map<?, ?>) json.get("schema")).get("$ref");
        assertEquals(
            GeneratedModels.MODEL_PACKAGE + "." + ref.substring(ref.lastIndexOf('/') + 1),
            returned.getTypeName(),
            where);
        assertNull(method.getAnnotation(Streaming.class), where + " buffers its JSON");
      } else {
        assertEquals(ResponseBody.class, returned, where + " returns " + content.keySet());
        assertNotNull(method.getAnnotation(Streaming.class), where + " must stream");
      }
    }
  }

  private static void assertJsonPost(RecordedRequest request, String path, String expectedJson)
      throws IOException {
    assertEquals("POST", request.getMethod());
    assertEquals(path, request.getPath());
    assertEquals("application/json", request.getHeader("Content-Type"));
    assertEquals(JsonValues.parse(expectedJson), JsonValues.parse(request.getBody().readUtf8()));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static Type typeArgument(Type callType) {
    return ((ParameterizedType) callType).getActualTypeArguments()[0];
  }

  /** The 2xx response's content map of an operation in the spec. */
  private static Map<?, ?> successContent(Map<?, ?> operation) {
    for (Map.Entry<?, ?> response : ((Map<?, ?>) operation.get("responses")).entrySet()) {
      if (String.valueOf(response.getKey()).startsWith("2")) {
        Object content = ((Map<?, ?>) response.getValue()).get("content");
        return content != null ? (Map<?, ?>) content : Map.of();
      }
    }
    return Map.of();
  }

  /**
   * Every operation in the bundled spec, keyed "METHOD /path", with its path-level and own
   * parameters merged under "parameters".
   */
  private static Map<String, Map<?, ?>> specOperations() throws IOException {
    String root = System.getProperty("polyai.root");
    assertNotNull(
        root, "polyai.root is not set: run the tests through Maven (see client-facade/pom.xml)");
    Map<?, ?> spec =
        (Map<?, ?>)
            JsonValues.parse(Files.readString(Path.of(root, "openapi", "openapi.json"), UTF_8));
    Map<String, Map<?, ?>> operations = new TreeMap<>();
    for (Map.Entry<?, ?> path : ((Map<?, ?>) spec.get("paths")).entrySet()) {
      Map<?, ?> item = (Map<?, ?>) path.getValue();
      List<?> shared =
          item.get("parameters") != null ? (List<?>) item.get("parameters") : List.of();
      for (String verb :
          List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
        Map<?, ?> operation = (Map<?, ?>) item.get(verb);
        if (operation != null) {
          List<Object> parameters = new ArrayList<>(shared);
          if (operation.get("parameters") != null) {
            parameters.addAll((List<?>) operation.get("parameters"));
          }
          Map<Object, Object> merged = new LinkedHashMap<>(operation);
          merged.put("parameters", parameters);
          operations.put(verb.toUpperCase(Locale.ROOT) + " " + path.getKey(), merged);
        }
      }
    }
    assertTrue(operations.size() >= 7, "too few operations in the spec: " + operations.keySet());
    return operations;
  }

  /** Every method of the generated API interfaces, keyed "METHOD /path" from its annotations. */
  private static Map<String, Method> generatedOperations() throws Exception {
    Map<String, Method> operations = new TreeMap<>();
    for (Class<?> api : GeneratedModelsTest.classesInPackageOf(ConversationsApi.class)) {
      for (Method method : api.getDeclaredMethods()) {
        String operation = operation(method);
        if (operation != null) {
          Method previous = operations.put(operation, method);
          assertNull(previous, "two methods for " + operation);
        }
      }
    }
    assertTrue(operations.size() >= 7, "too few generated operations: " + operations.keySet());
    return operations;
  }

  private static String operation(Method method) {
    String verb = null;
    String path = null;
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation instanceof GET) {
        verb = "GET";
        path = ((GET) annotation).value();
      } else if (annotation instanceof POST) {
        verb = "POST";
        path = ((POST) annotation).value();
      } else if (annotation instanceof PUT) {
        verb = "PUT";
        path = ((PUT) annotation).value();
      } else if (annotation instanceof DELETE) {
        verb = "DELETE";
        path = ((DELETE) annotation).value();
      } else if (annotation instanceof PATCH) {
        verb = "PATCH";
        path = ((PATCH) annotation).value();
      } else if (annotation instanceof HEAD) {
        verb = "HEAD";
        path = ((HEAD) annotation).value();
      } else if (annotation instanceof OPTIONS) {
        verb = "OPTIONS";
        path = ((OPTIONS) annotation).value();
      } else if (annotation instanceof HTTP) {
        verb = ((HTTP) annotation).method();
        path = ((HTTP) annotation).path();
      }
    }
    if (verb == null) {
      return null;
    }
    return verb + " " + (path.startsWith("/") ? path : "/" + path);
  }

  /** The parameters of a generated method as "in:name" (the spec's vocabulary), or "body". */
  private static Set<String> parameters(Method method) {
    Set<String> parameters = new TreeSet<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof retrofit2.http.Path) {
          parameters.add("path:" + ((retrofit2.http.Path) annotation).value());
        } else if (annotation instanceof retrofit2.http.Query) {
          parameters.add("query:" + ((retrofit2.http.Query) annotation).value());
        } else if (annotation instanceof retrofit2.http.Header) {
          parameters.add("header:" + ((retrofit2.http.Header) annotation).value());
        } else if (annotation instanceof Body) {
          parameters.add("body");
        }
      }
    }
    return parameters;
  }
}
