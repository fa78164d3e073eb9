package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static ai.poly.data.HttpTestSupport.API_KEY;
import static ai.poly.data.HttpTestSupport.CONVERSATION;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated variants of realistic payloads through a real client: the HTTP/1.1 exchange, every
 * interceptor, the converter, the mapping to a {@link Conversation} and the mapping of errors. Each
 * variant must either parse, into values whose every accessor works, or fail with one of the
 * documented {@link PolyAiException}s. Anything else fails the test with the iteration's seed and
 * the start of its payload; rerun one iteration with {@code -Dfuzz.iteration=N}.
 *
 * <p>The responses never cross a real socket: the client's OkHttp sockets are in memory, each
 * answering its one request with that iteration's bytes. 10,000 real sockets would take longer and
 * could run out of ports.
 */
final class ResponseFuzzTest {
  private static final long SEED = 0x5eed_f022L;
  private static final int ITERATIONS = 10_000;
  private static final String PLACEHOLDER = "@@raw-%d@@";

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private static final int[] ERROR_STATUSES = {
    400, 401, 403, 404, 405, 409, 410, 422, 429, 500, 502, 503
  };
  private static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json; charset=utf-8",
    "application/problem+json",
    "text/html",
    "application/octet-stream",
    null
  };
  private static final String[] STRINGS = {
    "",
    "x",
    "null",
    "2026-10-14T18:04:37.925117",
    "2026-10-14T18:02:11.204000+00:00",
    "+999999999-12-31T23:59:59Z",
    "Wed, 14 Oct 2026 18:02:19 GMT",
    "Fri, 31 Feb 2026 25:61:61 GMT",
    "{\"heading\": 1, \"content\": [\"x\"]}",
    "{\"heading\": \"H\"",
    "[" + "[".repeat(300),
    "\u0000\ud800\uffff",
    API_KEY
  };
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "-1",
    "1.5",
    "0e0",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "12345678901234567890",
    "1e400",
    "-1e400",
    "1e-400",
    "1E+1000",
    "1e1001",
    "1e9999999999",
    "-1E+2147483648",
    "1".repeat(999),
    "1".repeat(1001),
    "0." + "0".repeat(998) + "1"
  };
  private static final byte[][] BAD_UTF8 = {
    {(byte) 0xff},
    {(byte) 0xc3, '('},
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xc0, (byte) 0xaf},
    {(byte) 0xe2, (byte) 0x82}
  };
  private static final String PUNCTUATION = "{}[],:\"\\ \n0-.etn";

  private final InMemorySockets sockets = new InMemorySockets();
  private final PolyAiData client =
      PolyAiData.builder()
          .apiKey(API_KEY)
          .baseUrl("http://127.0.0.1:9/")
          .retryPolicy(RetryPolicy.none())
          .okHttpClient(
              new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).socketFactory(sockets).build())
          .build();
  private final List<Base> bases = bases();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void mutatedPayloadsParseOrFailWithDocumentedExceptions() throws Exception {
    String only = System.getProperty("fuzz.iteration");
    int from = only == null ? 0 : Integer.parseInt(only);
    int to = only == null ? ITERATIONS : from + 1;
    Map<String, AtomicInteger> outcomes = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      long seed = SEED * 31 + i;
      Random random = new Random(seed);
      Base base = bases.get(random.nextInt(bases.size()));
      byte[] body = mutate(base, random);
      int status = base.error || random.nextInt(10) == 0 ? pick(random, ERROR_STATUSES) : 200;
      String contentType =
          random.nextInt(4) == 0 ? pick(random, CONTENT_TYPES) : "application/json";
      String header =
          random.nextInt(8) == 0
              ? "Retry-After: " + pick(random, STRINGS).replaceAll("[^ -~]", "")
              : null;
      boolean async = random.nextInt(10) == 0;
      Operation operation = operation(base, random);
      sockets.next = response(status, contentType, header, body);
      String outcome;
      try {
        outcome = operation == Operation.GET ? call(async, status) : call(operation, status);
      } catch (Throwable t) {
        String excerpt = new String(body, 0, Math.min(body.length, 600), UTF_8);
        AssertionError failure =
            new AssertionError(
                "iteration "
                    + i
                    + " (seed "
                    + seed
                    + ", -Dfuzz.iteration="
                    + i
                    + "), "
                    + base.name
                    + ", HTTP "
                    + status
                    + ", "
                    + contentType
                    + ", "
                    + operation
                    + (async ? ", async" : "")
                    + ": "
                    + t
                    + "\npayload ("
                    + body.length
                    + " bytes): "
                    + excerpt,
                t);
        throw failure;
      }
      outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
      if ((operation == Operation.GET || operation == Operation.LIST)
          && readInOnePassAsFromTheTree(operation, body, i)) {
        outcomes.computeIfAbsent("read in one pass", k -> new AtomicInteger()).incrementAndGet();
      }
    }
    // Every iteration went over the in-memory transport, and the variants reached every outcome.
    assertEquals(to - from, sockets.opened.get(), outcomes.toString());
    if (only == null) {
      assertEquals(
          List.of("api error", "invalid response", "parsed", "read in one pass"),
          outcomes.keySet().stream().sorted().toList(),
          outcomes.toString());
      assertTrue(outcomes.get("parsed").get() > ITERATIONS / 10, outcomes.toString());
      assertTrue(outcomes.get("read in one pass").get() > ITERATIONS / 10, outcomes.toString());
    }
  }

  /** The operations fuzzed: each reads its own response type through its own mapper. */
  private enum Operation {
    GET,
    LIST,
    START_DEBUG_CHAT,
    UPSERT_NOTE,
    ANNOTATE
  }

  /** Mostly the operation the payload belongs to, sometimes any other. */
  private static Operation operation(Base base, Random random) {
    if (random.nextInt(5) == 0) {
      return Operation.values()[random.nextInt(Operation.values().length)];
    }
    if (base.name.contains("page")) {
      return Operation.LIST;
    } else if (base.name.contains("debug-chat")) {
      return Operation.START_DEBUG_CHAT;
    } else if (base.name.contains("operation-success")) {
      return random.nextBoolean() ? Operation.UPSERT_NOTE : Operation.ANNOTATE;
    }
    return Operation.GET;
  }

  /** Makes a call other than get; returns its outcome, or throws what is not documented. */
  private String call(Operation operation, int status) throws Exception {
    Object result;
    try {
      switch (operation) {
        case LIST:
          result = client.conversations().list(AGENT, ListParams.builder().limit(2).build());
          break;
        case START_DEBUG_CHAT:
          result = client.debugChat().start(AGENT);
          break;
        case UPSERT_NOTE:
          client.conversations().upsertNote(AGENT, CONVERSATION, "note");
          result = null;
          break;
        default:
          client
              .conversations()
              .annotate(
                  AGENT,
                  CONVERSATION,
                  List.of(Annotation.of(1, Role.AGENT, AnnotationType.WRONG_INFO)));
          result = null;
      }
    } catch (PolyAiInvalidResponseException e) {
      checkException(e, status);
      check(status == 200, "invalid response for HTTP " + status);
      check(e.body().length() <= ApiError.MAX_EXCERPT_CHARS + 1, "excerpt too long");
      check(!e.body().contains(API_KEY), "API key in the excerpt");
      return "invalid response";
    } catch (PolyAiApiException e) {
      checkException(e, status);
      check(e.statusCode() == status, "status " + e.statusCode() + " for HTTP " + status);
      walk(e, "exception", true);
      return "api error";
    }
    check(status == 200, "parsed HTTP " + status);
    walk(result, operation.toString(), true);
    return "parsed";
  }

  /** Makes the call; returns its outcome, or throws whatever is not a documented outcome. */
  private String call(boolean async, int status) throws Exception {
    Conversation conversation;
    try {
      if (async) {
        try {
          conversation =
              client.conversations().getAsync(AGENT, CONVERSATION).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
          throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
      } else {
        conversation = client.conversations().get(AGENT, CONVERSATION);
      }
    } catch (PolyAiInvalidResponseException e) {
      checkException(e, status);
      check(status == 200, "invalid response for HTTP " + status);
      check(e.statusCode() == 200, "status " + e.statusCode());
      check(e.body().length() <= ApiError.MAX_EXCERPT_CHARS + 1, "excerpt too long");
      check(!e.body().contains(API_KEY), "API key in the excerpt");
      return "invalid response";
    } catch (PolyAiApiException e) {
      checkException(e, status);
      check(e.statusCode() == status, "status " + e.statusCode() + " for HTTP " + status);
      check(e.body().length() <= ApiError.MAX_EXCERPT_CHARS + 1, "excerpt too long");
      check(!e.body().contains(API_KEY), "API key in the excerpt");
      check(!e.headers().toString().contains(API_KEY), "API key in the headers");
      walk(e, "exception", true);
      return "api error";
    }
    check(status == 200, "parsed HTTP " + status);
    walk(conversation, "conversation", true);
    // The client reads a conversation in one pass, or else through the bound model: binding the
    // members into the generated model and reading them back out must give the same conversation.
    Object members = JsonValues.read(JsonReader.of(new Buffer().write(sockets.lastBody())));
    ConversationDetailResponse bound =
        GeneratedModels.bind(ConversationDetailResponse.class, (Map<?, ?>) members);
    Conversation again = Conversation.read(GeneratedModels.toMembers(bound));
    check(again.equals(conversation) && again.hashCode() == conversation.hashCode(), "unequal");
    check(
        again.toString().equals(conversation.toString()),
        "unequal text: " + again + " / " + conversation);
    return "parsed";
  }

  /**
   * Reads the body as the converter does in one pass ({@link ConversationJson}), whatever the
   * status; where that reading takes it, reading it from its tree of members must succeed and give
   * the same values. Returns whether the one pass took it.
   */
  private static boolean readInOnePassAsFromTheTree(Operation operation, byte[] body, int iteration)
      throws Exception {
    Class<?> type =
        operation == Operation.GET
            ? ConversationDetailResponse.class
            : GetConversationsResponse.class;
    Object streamed =
        JsonConverterFactory.readStreaming(
            JsonConverterFactory.streamingReader(type), new Buffer().write(body));
    if (streamed == null) {
      return false;
    }
    String failure = "iteration " + iteration + " (-Dfuzz.iteration=" + iteration + "): ";
    JsonReader reader = JsonReader.of(new Buffer().write(body));
    Map<?, ?> tree = (Map<?, ?>) JsonValues.read(reader);
    assertEquals(JsonReader.Token.END_DOCUMENT, reader.peek(), failure + "read past the document");
    try {
      if (operation == Operation.GET) {
        Conversation conversation = ((ConversationJson.Detail) streamed).conversation;
        ConversationJsonTest.assertSameReading(Conversation.read(tree), conversation);
        walk(conversation, "conversation", true);
      } else {
        ListParams params = ListParams.builder().limit(2).build();
        ConversationPage page = ((ConversationJson.Page) streamed).page.build(params, null);
        ConversationPage fromTree = ConversationPage.read(tree, params, null);
        ConversationJsonTest.assertSameSummaries(fromTree.conversations(), page.conversations());
        assertEquals(fromTree.count(), page.count(), "count");
        assertEquals(fromTree.limit(), page.limit(), "limit");
        assertEquals(fromTree.offset(), page.offset(), "offset");
        ConversationJsonTest.assertSameOrder(
            fromTree.additionalProperties(), page.additionalProperties(), "page");
        walk(page, "page", true);
      }
    } catch (AssertionError e) {
      throw new AssertionError(failure + "read in one pass unlike the tree: " + e.getMessage(), e);
    }
    return true;
  }

  private void checkException(PolyAiException e, int status) {
    check(
        e.getMessage() != null && e.getMessage().length() < 2 * ApiCalls.MAX_PROBLEM_CHARS,
        "message");
    check(!e.getMessage().contains(API_KEY), "API key in message");
    // The sent id, unless an error envelope gave its own error_id.
    String sent = sockets.lastCorrelationId();
    check(
        sent.equals(e.correlationId())
            || (e instanceof PolyAiApiException && e.correlationId() != null),
        "correlation id " + e.correlationId());
    check(e.attempts() == 1, "attempts " + e.attempts());
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what);
    }
  }

  /**
   * Reads everything a value offers: every public no-argument method of the client's own types and
   * every element and entry of collections, which must be unmodifiable. Each accessor's result, and
   * each value of the client's types, is also printed, hashed and compared to itself.
   */
  @SuppressWarnings("unchecked")
  private static void walk(Object value, String path, boolean accessed) throws Exception {
    if (value == null) {
      return;
    }
    boolean own = value.getClass().getPackageName().equals("ai.poly.data");
    if (accessed || own) {
      value.toString();
      value.hashCode();
      check(value.equals(value), "not equal to itself: " + path);
    }
    if (value instanceof Map<?, ?> map) {
      checkUnmodifiable(() -> ((Map<Object, Object>) map).put("k", "v"), path);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        walk(entry.getValue(), path + "." + entry.getKey(), false);
      }
    } else if (value instanceof List<?> list) {
      checkUnmodifiable(() -> ((List<Object>) list).add("v"), path);
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", false);
      }
    } else if (own) {
      for (Method method : ACCESSORS.get(value.getClass())) {
        Object result;
        try {
          result = method.invoke(value);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception
              ? (Exception) e.getCause()
              : new Exception(e.getCause());
        }
        walk(result, path + "." + method.getName() + "()", true);
      }
    }
  }

  /** The public no-argument methods the client's own types declare: their accessors. */
  private static final ClassValue<List<Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          return Arrays.stream(type.getMethods())
              .filter(method -> method.getParameterCount() == 0)
              .filter(method -> !Modifier.isStatic(method.getModifiers()))
              .filter(method -> method.getDeclaringClass().getPackageName().equals("ai.poly.data"))
              // Accessors only: no further requests (a page's next page, a chat's next message).
              .filter(method -> !method.getName().startsWith("nextPage"))
              .toList();
        }
      };

  private static void checkUnmodifiable(Runnable change, String path) {
    try {
      change.run();
    } catch (UnsupportedOperationException expected) {
      return;
    }
    throw new IllegalStateException("modifiable: " + path);
  }

  // Payloads and mutations.

  private record Base(String name, byte[] bytes, Object tree, boolean error) {}

  private static List<Base> bases() {
    List<Base> bases = new ArrayList<>();
    for (String path :
        List.of(
            "/fixtures/conversation-restaurant.json",
            "/fixtures/conversations-page.json",
            "/payloads/conversation-detail-variants.json",
            "/payloads/debug-chat-response.json",
            "/payloads/debug-chat-ended-response.json",
            "/payloads/operation-success-response.json")) {
      bases.add(base(path, HttpTestSupport.resource(path), false));
    }
    bases.add(
        base(
            "/fixtures/error-not-found.json",
            HttpTestSupport.resource("/fixtures/error-not-found.json"),
            true));
    // The restaurant call weighs more: it has every shape the service sends.
    bases.add(bases.get(0));
    bases.add(bases.get(0));
    List<?> page = (List<?>) ((Map<?, ?>) bases.get(1).tree).get("conversations");
    for (int i = 0; i < page.size(); i++) {
      bases.add(base("conversations-page.json item " + i, JSON.toJson(page.get(i)), false));
    }
    bases.add(
        base(
            "minimal conversation",
            "{\"conversationId\": \"CA1\", \"accountId\": \"ws-1\", \"projectId\": \"PROJECT-1\"}",
            false));
    return bases;
  }

  private static Base base(String name, String json, boolean error) {
    try {
      return new Base(name, json.getBytes(UTF_8), JsonValues.parse(json), error);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] mutate(Base base, Random random) {
    byte[] bytes = base.bytes;
    if (random.nextInt(20) == 0) {
      return bytes;
    }
    if (random.nextInt(3) > 0) {
      bytes = mutateTree(base.tree, random, 1 + random.nextInt(3));
    }
    if (random.nextInt(2) == 0) {
      for (int n = 1 + random.nextInt(2); n > 0; n--) {
        bytes = mutateBytes(bytes, random);
      }
    }
    return bytes;
  }

  /** Replaces random values of the tree with values of other types; returns the JSON. */
  @SuppressWarnings("unchecked")
  private static byte[] mutateTree(Object tree, Random random, int count) {
    Object copy = mutableCopy(tree);
    List<String> raws = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      List<Object[]> slots = new ArrayList<>();
      slots(copy, slots);
      if (slots.isEmpty()) {
        break;
      }
      Object[] slot = slots.get(random.nextInt(slots.size()));
      Object replacement = replacement(random, raws);
      if (slot[0] instanceof Map<?, ?> map) {
        if (random.nextInt(8) == 0) {
          map.remove(slot[1]);
        } else {
          ((Map<Object, Object>) map).put(slot[1], replacement);
        }
      } else {
        ((List<Object>) slot[0]).set((Integer) slot[1], replacement);
      }
    }
    String json = JSON.toJson(copy);
    for (int i = 0; i < raws.size(); i++) {
      json = json.replace('"' + String.format(PLACEHOLDER, i) + '"', raws.get(i));
    }
    return json.getBytes(UTF_8);
  }

  private static Object replacement(Random random, List<String> raws) {
    switch (random.nextInt(9)) {
      case 0:
        return pick(random, STRINGS);
      case 1:
        return raw(raws, pick(random, NUMBERS));
      case 2:
        return object(pick(random, STRINGS), pick(random, STRINGS));
      case 3:
        return new ArrayList<>(
            random.nextBoolean() ? List.of() : List.of(pick(random, STRINGS), 1L));
      case 4:
        return null;
      case 5:
        return random.nextBoolean();
      case 6:
        int depth = new int[] {200, 254, 255, 256, 1000, 100_000}[random.nextInt(6)];
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String inner = open.equals("[") ? "" : "1";
        return raw(
            raws,
            open.repeat(depth) + inner + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth));
      case 7:
        return object(
            "heading",
            pick(random, STRINGS),
            "perceived_latency",
            1.5,
            "value",
            pick(random, STRINGS));
      default:
        return new ArrayList<>(List.of(object("timestamp", pick(random, STRINGS), "value", 7L)));
    }
  }

  /** An object of these keys and values in this order: Map.of's order changes from run to run. */
  private static Map<Object, Object> object(Object... keysAndValues) {
    Map<Object, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  private static String raw(List<String> raws, String json) {
    raws.add(json);
    return String.format(PLACEHOLDER, raws.size() - 1);
  }

  /** Every place a value sits: {map, key} or {list, index}. */
  private static void slots(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        slots.add(new Object[] {map, entry.getKey()});
        slots(entry.getValue(), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Object[] {list, i});
        slots(list.get(i), slots);
      }
    }
  }

  private static Object mutableCopy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, mutableCopy(v)));
      return copy;
    } else if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(mutableCopy(v)));
      return copy;
    }
    return node;
  }

  private static byte[] mutateBytes(byte[] bytes, Random random) {
    if (bytes.length == 0) {
      return new byte[] {(byte) PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))};
    }
    int at = random.nextInt(bytes.length);
    int span = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 400));
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
    switch (random.nextInt(7)) {
      case 0: // flip
        byte[] flipped = bytes.clone();
        flipped[at] = (byte) random.nextInt(256);
        return flipped;
      case 1: // truncate
        return Arrays.copyOf(bytes, at);
      case 2: // delete a span
        out.write(bytes, 0, at);
        out.write(bytes, at + span, bytes.length - at - span);
        return out.toByteArray();
      case 3: // duplicate a span
        out.write(bytes, 0, at + span);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      case 4: // invalid UTF-8
        out.write(bytes, 0, at);
        out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      case 5: // a member again, earlier: a duplicate key
        int brace = Math.max(0, indexOf(bytes, (byte) '{'));
        out.write(bytes, 0, brace + 1);
        String key =
            pick(
                random,
                new String[] {
                  "turns", "metrics", "functionEvents", "conversationId", "shortSummary", "error_id"
                });
        out.writeBytes(("\"" + key + "\": " + pick(random, NUMBERS) + ",").getBytes(UTF_8));
        out.write(bytes, brace + 1, bytes.length - brace - 1);
        return out.toByteArray();
      default: // punctuation
        out.write(bytes, 0, at);
        out.write(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static int pick(Random random, int[] values) {
    return values[random.nextInt(values.length)];
  }

  private static byte[] response(int status, String contentType, String header, byte[] body) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Fuzzed\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (header != null) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n");
    // One response per socket: OkHttp must not pool it for the next call.
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
    out.writeBytes(head.toString().getBytes(UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /**
   * OkHttp sockets that never touch the network: each answers with {@link #next} whatever is
   * written to it, and keeps what was written.
   */
  private static final class InMemorySockets extends SocketFactory {
    final AtomicInteger opened = new AtomicInteger();
    volatile byte[] next = new byte[0];
    private volatile InMemorySocket last;

    @Override
    public Socket createSocket() {
      opened.incrementAndGet();
      last = new InMemorySocket(next);
      return last;
    }

    byte[] lastBody() {
      byte[] response = last.response;
      int start = indexOf(response, "\r\n\r\n") + 4;
      return Arrays.copyOfRange(response, start, response.length);
    }

    /** The correlation id of the last request, checked to be a request of the client's. */
    String lastCorrelationId() {
      String request = last.written.toString(UTF_8);
      check(
          request.startsWith("GET /v1/agents/" + AGENT + "/")
              || request.startsWith("POST /v1/agents/" + AGENT + "/"),
          request);
      check(request.contains("\r\nX-API-KEY: " + API_KEY + "\r\n"), request);
      int at = request.indexOf("X-PolyAI-Correlation-Id: ");
      return request.substring(at + 25, request.indexOf("\r\n", at));
    }

    private static int indexOf(byte[] bytes, String text) {
      return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(text);
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }
  }

  /** A connected socket in memory; only what OkHttp uses of a plain HTTP/1.1 socket. */
  private static final class InMemorySocket extends Socket {
    final byte[] response;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final InputStream in;
    private volatile boolean connected;
    private volatile boolean closed;
    private int soTimeout;

    InMemorySocket(byte[] response) {
      this.response = response;
      this.in = new ByteArrayInputStream(response);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) {
      connected = true;
    }

    @Override
    public void connect(SocketAddress endpoint) {
      connected = true;
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return written;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) {
      soTimeout = timeout;
    }

    @Override
    public synchronized int getSoTimeout() {
      return soTimeout;
    }

    @Override
    public boolean isConnected() {
      return connected;
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public boolean isInputShutdown() {
      return closed;
    }

    @Override
    public boolean isOutputShutdown() {
      return closed;
    }

    @Override
    public synchronized void close() {
      closed = true;
    }
  }
}
