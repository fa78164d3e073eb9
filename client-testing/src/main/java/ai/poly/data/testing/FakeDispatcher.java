package ai.poly.data.testing;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Answers each request as the Data API would, unless a misbehaviour is queued. */
final class FakeDispatcher extends Dispatcher {
  static final String CORRELATION_ID = "X-PolyAI-Correlation-Id";
  static final String API_KEY = "X-API-KEY";
  static final String MALFORMED_JSON = "{\"conversations\": [{\"conversationId\": \"CA";
  static final String GREETING = "Hello! You're chatting with a fake PolyAI agent. How can I help?";
  static final String ECHO_PREFIX = "You said: ";

  static final String NOT_FOUND = "CONVERSATIONS_NOT_FOUND";
  static final String VALIDATION_FAILED = "CONVERSATIONS_VALIDATION_FAILED";
  static final String RECORDING_NOT_FOUND = "CONVERSATIONS_RECORDING_NOT_FOUND";
  static final String CHAT_VALIDATION_FAILED = "CHAT_VALIDATION_FAILED";
  static final String CHAT_DRAFT_NOT_EXIST = "CHAT_DRAFT_NOT_EXIST";
  static final String CHAT_CONVERSATION_ENDED = "CHAT_CONVERSATION_ENDED";
  static final String UNAUTHORISED = "AUTH_USER_UNAUTHORISED";

  static final int DEFAULT_LIMIT = 50;

  private static final Set<String> DIRECTIONS = orderedSet("combined", "user", "agent");
  private static final Set<String> ROLES = orderedSet("user", "agent");
  private static final Set<String> ANNOTATION_TYPES =
      orderedSet("missing_topic", "wrong_transcript", "wrong_info");
  private static final Set<String> CLIENT_ENVS = orderedSet("sandbox", "pre-release", "live");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  /** Longer runs of digits than this may not fit in a long; they saturate instead. */
  private static final int MAX_LONG_DIGITS = 18;

  private static final Map<Integer, String> REASONS = new HashMap<>();

  static {
    String[] reasons = {
      "200 OK",
      "201 Created",
      "400 Bad Request",
      "401 Unauthorized",
      "403 Forbidden",
      "404 Not Found",
      "405 Method Not Allowed",
      "408 Request Timeout",
      "409 Conflict",
      "410 Gone",
      "412 Precondition Failed",
      "415 Unsupported Media Type",
      "422 Unprocessable Entity",
      "429 Too Many Requests",
      "500 Internal Server Error",
      "501 Not Implemented",
      "502 Bad Gateway",
      "503 Service Unavailable",
      "504 Gateway Timeout",
    };
    for (String reason : reasons) {
      REASONS.put(Integer.parseInt(reason.substring(0, 3)), reason.substring(4));
    }
  }

  private final FakeState state;
  private final String apiKey;

  FakeDispatcher(FakeState state, String apiKey) {
    this.state = state;
    this.apiKey = apiKey;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = request.getBody().readUtf8();
    state.record(ReceivedRequest.from(request, body));
    String sent = request.getHeader(CORRELATION_ID);
    String correlationId = sent == null || sent.isEmpty() ? UUID.randomUUID().toString() : sent;
    Misbehaviour misbehaviour = state.nextMisbehaviour();
    if (misbehaviour != null && misbehaviour.kind == Misbehaviour.Kind.DROP_CONNECTION) {
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    MockResponse response =
        misbehaviour == null
            ? handle(request, body, correlationId)
            : misbehave(misbehaviour, request, body, correlationId);
    return response.setHeader(CORRELATION_ID, correlationId);
  }

  private MockResponse misbehave(
      Misbehaviour misbehaviour, RecordedRequest request, String body, String correlationId) {
    switch (misbehaviour.kind) {
      case FAIL:
        return error(misbehaviour.status, reasonCode(misbehaviour.status), null, correlationId);
      case RATE_LIMIT:
        Duration retryAfter = misbehaviour.duration;
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return error(429, reasonCode(429), null, correlationId).setHeader("Retry-After", seconds);
      case SLOW:
        return handle(request, body, correlationId)
            .setHeadersDelay(misbehaviour.duration.toMillis(), TimeUnit.MILLISECONDS);
      case TRUNCATE:
        return handle(request, body, correlationId)
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
      case MALFORMED_JSON:
        return json(200, MALFORMED_JSON);
      default:
        throw new AssertionError(misbehaviour); // DROP_CONNECTION never gets a response.
    }
  }

  private MockResponse handle(RecordedRequest request, String body, String correlationId) {
    String key = request.getHeader(API_KEY);
    if (key == null || key.isEmpty()) {
      return error(401, UNAUTHORISED, "The X-API-KEY header is missing.", correlationId);
    }
    if (!key.equals(apiKey)) {
      return error(401, UNAUTHORISED, "The X-API-KEY header is not a valid key.", correlationId);
    }
    HttpUrl url = request.getRequestUrl();
    Route route = url == null ? null : Route.match(url.pathSegments());
    String method = request.getMethod();
    if (url == null || route == null) {
      String path = url == null ? String.valueOf(request.getPath()) : url.encodedPath();
      return error(404, "NOT_FOUND", "No such path: " + path, correlationId);
    }
    if (!route.operation.method.equals(method)) {
      return error(
              405,
              "METHOD_NOT_ALLOWED",
              method
                  + " is not allowed on "
                  + url.encodedPath()
                  + "; use "
                  + route.operation.method,
              correlationId)
          .setHeader("Allow", route.operation.method);
    }
    switch (route.operation) {
      case LIST:
        return list(url, route.agentId, correlationId);
      case DETAIL:
        return detail(route.agentId, route.conversationId, correlationId);
      case AUDIO:
        return audio(url, route.agentId, route.conversationId, correlationId);
      case ANNOTATION:
        return annotate(body, route.agentId, route.conversationId, correlationId);
      case NOTE:
        return note(body, route.agentId, route.conversationId, correlationId);
      case CHAT_CREATE:
        return createChat(body, route.agentId, correlationId);
      default:
        return respondChat(body, route.agentId, route.conversationId, correlationId);
    }
  }

  private MockResponse list(HttpUrl url, String agentId, String correlationId) {
    Long limit = integerParameter(url, "limit", DEFAULT_LIMIT);
    if (limit == null || limit < 1) {
      return error(400, VALIDATION_FAILED, "limit must be an integer of at least 1", correlationId);
    }
    Long offset = integerParameter(url, "offset", 0);
    if (offset == null || offset < 0) {
      return error(
          400, VALIDATION_FAILED, "offset must be an integer of at least 0", correlationId);
    }
    FakeState.Page page = state.page(agentId, offset, limit);
    Buffer buffer = new Buffer();
    try (JsonWriter writer = Json.writer(buffer)) {
      writer.beginObject().name("conversations").beginArray();
      for (StoredConversation conversation : page.conversations) {
        conversation.writeSummary(writer);
      }
      writer.endArray();
      writer.name("count").value(page.count);
      writer.name("limit").value(limit);
      writer.name("offset").value(offset);
      writer.endObject();
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return json(200, buffer.readUtf8());
  }

  private MockResponse detail(String agentId, String conversationId, String correlationId) {
    StoredConversation conversation = state.conversation(agentId, conversationId);
    if (conversation == null) {
      return conversationNotFound(correlationId);
    }
    Buffer buffer = new Buffer();
    try (JsonWriter writer = Json.writer(buffer)) {
      conversation.writeDetail(writer);
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return json(200, buffer.readUtf8());
  }

  private MockResponse audio(
      HttpUrl url, String agentId, String conversationId, String correlationId) {
    String direction = url.queryParameter("direction");
    if (direction == null) {
      direction = "combined";
    }
    if (!DIRECTIONS.contains(direction)) {
      return error(
          400, VALIDATION_FAILED, "direction must be one of " + join(DIRECTIONS), correlationId);
    }
    String redactedText = url.queryParameter("redacted");
    boolean redacted = "true".equalsIgnoreCase(redactedText);
    if (redactedText != null && !redacted && !"false".equalsIgnoreCase(redactedText)) {
      return error(400, VALIDATION_FAILED, "redacted must be true or false", correlationId);
    }
    FakeState.Recording recording = state.recording(agentId, conversationId);
    if (recording == null) {
      return error(404, RECORDING_NOT_FOUND, "Recording not found", correlationId);
    }
    Buffer wav;
    if (recording == FakeState.Recording.GENERATED) {
      wav = Wav.generated(direction, redacted);
    } else if (recording.bytes != null) {
      wav = new Buffer().write(recording.bytes);
    } else {
      wav = Wav.silence(recording.size);
    }
    return new MockResponse()
        .setStatus(statusLine(200))
        .setHeader("Content-Type", "audio/wav")
        .setBody(wav);
  }

  private MockResponse annotate(
      String body, String agentId, String conversationId, String correlationId) {
    Map<?, ?> object;
    List<RecordedAnnotation> annotations = new ArrayList<>();
    try {
      object = jsonObject(body);
      Object items = object.get("annotations");
      if (!(items instanceof List) || ((List<?>) items).isEmpty()) {
        throw new IllegalArgumentException("annotations must be a non-empty array");
      }
      List<?> list = (List<?>) items;
      for (int i = 0; i < list.size(); i++) {
        annotations.add(annotation(list.get(i), "annotations[" + i + "]"));
      }
    } catch (IllegalArgumentException e) {
      return error(400, VALIDATION_FAILED, e.getMessage(), correlationId);
    }
    if (!state.annotate(agentId, conversationId, annotations)) {
      return conversationNotFound(correlationId);
    }
    return json(201, "{\"success\":true}");
  }

  private static RecordedAnnotation annotation(@Nullable Object item, String name) {
    if (!(item instanceof Map)) {
      throw new IllegalArgumentException(name + " must be an object");
    }
    Map<?, ?> map = (Map<?, ?>) item;
    Object turnId = map.get("turnId");
    if (!(turnId instanceof Double)
        || (Double) turnId < 0
        || (Double) turnId > Integer.MAX_VALUE
        || (Double) turnId != Math.rint((Double) turnId)) {
      throw new IllegalArgumentException(name + ".turnId must be an integer of at least 0");
    }
    Object role = map.get("role");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException(name + ".role must be one of " + join(ROLES));
    }
    Object type = map.get("annotationType");
    if (!ANNOTATION_TYPES.contains(type)) {
      throw new IllegalArgumentException(
          name + ".annotationType must be one of " + join(ANNOTATION_TYPES));
    }
    return RecordedAnnotation.of(((Double) turnId).intValue(), (String) role, (String) type);
  }

  private MockResponse note(
      String body, String agentId, String conversationId, String correlationId) {
    Object note;
    try {
      note = jsonObject(body).get("note");
    } catch (IllegalArgumentException e) {
      return error(400, VALIDATION_FAILED, e.getMessage(), correlationId);
    }
    if (!(note instanceof String)) {
      return error(400, VALIDATION_FAILED, "note must be a string", correlationId);
    }
    if (!state.note(agentId, conversationId, (String) note)) {
      return conversationNotFound(correlationId);
    }
    return json(201, "{\"success\":true}");
  }

  private MockResponse createChat(String body, String agentId, String correlationId) {
    Map<?, ?> object;
    try {
      object = chatBody(body);
    } catch (IllegalArgumentException e) {
      return error(400, CHAT_VALIDATION_FAILED, e.getMessage(), correlationId);
    }
    Object id = object.get("conversationId");
    if (id != null && (!(id instanceof String) || ((String) id).isEmpty())) {
      return error(
          400, CHAT_VALIDATION_FAILED, "conversationId must be a non-empty string", correlationId);
    }
    FakeState.ChatTurn turn = state.startChat(agentId, (String) id);
    DebugChatReply reply = turn.reply != null ? turn.reply : DebugChatReply.of(GREETING);
    return json(201, chatResponse(turn.conversationId, "", reply, "greeting"));
  }

  private MockResponse respondChat(
      String body, String agentId, String conversationId, String correlationId) {
    Object message;
    try {
      message = chatBody(body).get("message");
    } catch (IllegalArgumentException e) {
      return error(400, CHAT_VALIDATION_FAILED, e.getMessage(), correlationId);
    }
    if (message == null) {
      message = "";
    }
    if (!(message instanceof String)) {
      return error(400, CHAT_VALIDATION_FAILED, "message must be a string", correlationId);
    }
    FakeState.ChatTurn turn = state.respond(agentId, conversationId, (String) message);
    switch (turn.outcome) {
      case NO_SUCH_CHAT:
        return error(
            400,
            CHAT_DRAFT_NOT_EXIST,
            "Chat conversation " + conversationId + " does not exist",
            correlationId);
      case ENDED:
        return error(
            410,
            CHAT_CONVERSATION_ENDED,
            "Chat conversation " + conversationId + " has ended",
            correlationId);
      default:
        DebugChatReply reply =
            turn.reply != null ? turn.reply : DebugChatReply.of(ECHO_PREFIX + message);
        return json(200, chatResponse(conversationId, (String) message, reply, "reply"));
    }
  }

  /** A debug-chat body: a JSON object with a known {@code clientEnv}. */
  private static Map<?, ?> chatBody(String body) {
    Map<?, ?> object = jsonObject(body);
    if (!CLIENT_ENVS.contains(object.get("clientEnv"))) {
      throw new IllegalArgumentException("clientEnv must be one of " + join(CLIENT_ENVS));
    }
    return object;
  }

  private static String chatResponse(
      String conversationId, String userInput, DebugChatReply reply, String node) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = Json.writer(buffer)) {
      writer.beginObject();
      writer.name("conversationId").value(conversationId);
      writer.name("userInput").value(userInput);
      writer.name("response").value(reply.response());
      writer.name("metadata").beginObject();
      writer.name("state").beginObject().endObject();
      writer.name("currentNode").value(reply.endsConversation() ? "end" : node);
      writer.name("nodeTrace").beginArray().endArray();
      writer.name("metrics").beginObject().endObject();
      writer.name("functionEvents").beginArray().endArray();
      writer.endObject();
      writer.name("conversationEnded").value(reply.endsConversation());
      writer.name("delayedResponse").value(false);
      writer.endObject();
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return buffer.readUtf8();
  }

  private static Map<?, ?> jsonObject(String body) {
    Object parsed;
    try {
      parsed = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("body must be a JSON object", e);
    }
    if (!(parsed instanceof Map)) {
      throw new IllegalArgumentException("body must be a JSON object");
    }
    return (Map<?, ?>) parsed;
  }

  /** The parameter as a long: {@code fallback} if absent, null if not an integer. */
  private static @Nullable Long integerParameter(HttpUrl url, String name, long fallback) {
    String value = url.queryParameter(name);
    if (value == null) {
      return fallback;
    }
    if (!INTEGER.matcher(value).matches()) {
      return null;
    }
    boolean negative = value.startsWith("-");
    if (value.length() - (negative ? 1 : 0) > MAX_LONG_DIGITS) {
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return Long.parseLong(value);
  }

  private static MockResponse conversationNotFound(String correlationId) {
    return error(404, NOT_FOUND, "Conversation not found", correlationId);
  }

  /**
   * The PolyAI error envelope. {@code error} and {@code error_message} carry the same text; the
   * status's reason phrase when {@code message} is null.
   */
  private static MockResponse error(
      int status, String code, @Nullable String message, String correlationId) {
    String text = message != null ? message : reason(status);
    Buffer buffer = new Buffer();
    try (JsonWriter writer = Json.writer(buffer)) {
      writer.beginObject();
      writer.name("success").value(false);
      writer.name("error").value(text);
      writer.name("error_id").value(correlationId);
      writer.name("error_code").value(code);
      writer.name("error_message").value(text);
      writer.name("data").nullValue();
      writer.endObject();
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return json(status, buffer.readUtf8());
  }

  private static MockResponse json(int status, String json) {
    return new MockResponse()
        .setStatus(statusLine(status))
        .setHeader("Content-Type", "application/json")
        .setBody(json);
  }

  private static String statusLine(int status) {
    return "HTTP/1.1 " + status + " " + reason(status);
  }

  private static String reason(int status) {
    String reason = REASONS.get(status);
    return reason != null ? reason : "HTTP " + status;
  }

  /** {@code SERVICE_UNAVAILABLE} for 503: the reason phrase in upper snake case. */
  static String reasonCode(int status) {
    return reason(status).toUpperCase(Locale.ROOT).replace(' ', '_');
  }

  private static String join(Set<String> values) {
    return String.join(", ", values);
  }

  private static Set<String> orderedSet(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
  }

  /** The operations of the Data API, each with its one allowed method. */
  private enum Operation {
    LIST("GET"),
    DETAIL("GET"),
    AUDIO("GET"),
    ANNOTATION("POST"),
    NOTE("POST"),
    CHAT_CREATE("POST"),
    CHAT_RESPOND("POST");

    final String method;

    Operation(String method) {
      this.method = method;
    }
  }

  /** A request path matched to an operation and its path parameters. */
  private static final class Route {
    final Operation operation;
    final String agentId;
    final String conversationId;

    private Route(Operation operation, String agentId, String conversationId) {
      this.operation = operation;
      this.agentId = agentId;
      this.conversationId = conversationId;
    }

    static @Nullable Route match(List<String> segments) {
      int size = segments.size();
      if (size < 4
          || size > 6
          || !segments.get(0).equals("v1")
          || !segments.get(1).equals("agents")
          || segments.contains("")) {
        return null;
      }
      String agentId = segments.get(2);
      String collection = segments.get(3);
      String conversationId = size > 4 ? segments.get(4) : "";
      if (collection.equals("conversations")) {
        if (size == 4) {
          return new Route(Operation.LIST, agentId, conversationId);
        }
        if (size == 5) {
          return new Route(Operation.DETAIL, agentId, conversationId);
        }
        switch (segments.get(5)) {
          case "audio":
            return new Route(Operation.AUDIO, agentId, conversationId);
          case "annotation":
            return new Route(Operation.ANNOTATION, agentId, conversationId);
          case "note":
            return new Route(Operation.NOTE, agentId, conversationId);
          default:
            return null;
        }
      }
      if (collection.equals("debug-chat") && size == 4) {
        return new Route(Operation.CHAT_CREATE, agentId, conversationId);
      }
      if (collection.equals("debug-chat") && size == 5) {
        return new Route(Operation.CHAT_RESPOND, agentId, conversationId);
      }
      return null;
    }
  }
}
