package ai.poly.data.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockWebServer;
import okio.BufferedSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * A local fake of PolyAI's Data API that serves every operation of the spec over HTTP.
 *
 * <pre>{@code
 * try (FakeDataApi fake = FakeDataApi.start()) {
 *   fake.addSampleConversations("PROJECT-1");
 *   PolyAiData client = PolyAiData.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
 *   Conversation call =
 *       client.conversations().get("PROJECT-1", "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d");
 *   assertEquals("GET", fake.takeRequest().method());
 * }
 * }</pre>
 *
 * <p>It behaves like the service where a client can tell: it checks {@code X-API-KEY} on every
 * request (401 {@code AUTH_USER_UNAUTHORISED} if missing or wrong); every error carries PolyAI's
 * envelope {@code {"success": false, "error", "error_id", "error_code", "error_message", "data":
 * null}}; every response echoes the request's {@code X-PolyAI-Correlation-Id} (one is generated
 * when the request has none) and the envelope's {@code error_id} is that id; unknown paths get 404
 * and a wrong method 405. Its error codes are those of the live service: {@code
 * CONVERSATIONS_NOT_FOUND}, {@code CONVERSATIONS_VALIDATION_FAILED}, {@code
 * CONVERSATIONS_RECORDING_NOT_FOUND}, {@code CHAT_DRAFT_NOT_EXIST} and {@code
 * CHAT_CONVERSATION_ENDED}; invalid debug-chat bodies get {@code CHAT_VALIDATION_FAILED}, unknown
 * paths {@code NOT_FOUND} and wrong methods {@code METHOD_NOT_ALLOWED}, codes of the fake's own.
 *
 * <p>Conversations are kept per agent id in the order added; adding one whose id the agent already
 * has replaces it in place. Listing an agent with none gives an empty page. The fake is safe to use
 * from many threads at once: tests may seed and assert while requests are being served.
 */
public final class FakeDataApi implements Closeable {
  /** The API key a fake accepts unless its builder says otherwise. */
  public static final String DEFAULT_API_KEY = "fake-api-key";

  /** How long {@link #takeRequest()} waits for a request before giving up. */
  private static final long TAKE_TIMEOUT_MILLIS = 10_000;

  private static final String SAMPLES = "samples/";
  private static final String RESTAURANT_SAMPLE = "conversation-restaurant.json";
  private static final String CHAT_SAMPLE = "conversation-webchat.json";

  private final MockWebServer server;
  private final FakeState state;
  private final String apiKey;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeDataApi(MockWebServer server, FakeState state, String apiKey, String baseUrl) {
    this.server = server;
    this.state = state;
    this.apiKey = apiKey;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts a fake on a free port of 127.0.0.1 that accepts {@value #DEFAULT_API_KEY}.
   *
   * @return the running fake; close it when done
   */
  public static FakeDataApi start() {
    return builder().start();
  }

  /** {@return a builder, to start a fake with other settings} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the sample voice conversation: a restaurant booking call with five turns, a handoff,
   * metrics and function events, in the live shape.
   *
   * @return the JSON object the detail operation serves for it
   */
  public static String sampleConversationJson() {
    return sample(RESTAURANT_SAMPLE);
  }

  /**
   * Returns the sample chat conversation: a {@code WEBCHAT} conversation with four turns, no
   * handoff and no recording, in the live shape.
   *
   * @return the JSON object the detail operation serves for it
   */
  public static String sampleChatConversationJson() {
    return sample(CHAT_SAMPLE);
  }

  private static String sample(String name) {
    InputStream in = FakeDataApi.class.getResourceAsStream(SAMPLES + name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + SAMPLES + name);
    }
    try (BufferedSource source = Okio.buffer(Okio.source(in))) {
      return source.readUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the URL the fake serves, ending in {@code /}, such as {@code http://127.0.0.1:54321/}.
   *
   * @return the base URL to give the client
   */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@return the API key the fake accepts in {@code X-API-KEY}} */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Adds one conversation to the agent, given as the JSON object the detail operation returns.
   *
   * <p>The JSON is served as given, whatever it holds (so a test can seed shapes the spec does not
   * describe), except that the list leaves out {@code turns}, {@code metrics} and {@code
   * functionEvents}, and a note posted later replaces {@code note}. The only requirement is a
   * non-empty string {@code conversationId}. The conversation has a recording when its {@code
   * audioUrl} is a non-empty string; see {@link #setAudio}.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationJson one JSON object
   * @throws IllegalArgumentException if the JSON is not one object with a {@code conversationId}
   */
  public void addConversation(String agentId, String conversationJson) {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(conversationJson, "conversationJson == null");
    state.add(agentId, Collections.singletonList(StoredConversation.parse(conversationJson)));
  }

  /**
   * Adds a conversation built in code to the agent.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversation the conversation
   */
  public void addConversation(String agentId, FakeConversation conversation) {
    Objects.requireNonNull(conversation, "conversation == null");
    addConversation(agentId, conversation.toJson());
  }

  /**
   * Adds conversations to the agent from a JSON array of conversation objects, each as {@link
   * #addConversation(String, String)} takes one.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationsJsonArray a JSON array of conversation objects
   * @throws IllegalArgumentException if the JSON is not such an array; nothing is added then
   */
  public void addConversations(String agentId, String conversationsJsonArray) {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(conversationsJsonArray, "conversationsJsonArray == null");
    state.add(agentId, StoredConversation.parseArray(conversationsJsonArray));
  }

  /**
   * Adds conversations to the agent from a stream of a UTF-8 JSON array, then closes the stream.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationsJsonArray the stream
   * @throws IOException if the stream cannot be read
   */
  public void addConversations(String agentId, InputStream conversationsJsonArray)
      throws IOException {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(conversationsJsonArray, "conversationsJsonArray == null");
    try (BufferedSource source = Okio.buffer(Okio.source(conversationsJsonArray))) {
      addConversations(agentId, source.readUtf8());
    }
  }

  /**
   * Adds conversations to the agent from a file holding a UTF-8 JSON array.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationsJsonArray the file
   * @throws IOException if the file cannot be read
   */
  public void addConversations(String agentId, Path conversationsJsonArray) throws IOException {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(conversationsJsonArray, "conversationsJsonArray == null");
    addConversations(
        agentId, new String(Files.readAllBytes(conversationsJsonArray), StandardCharsets.UTF_8));
  }

  /**
   * Adds both samples to the agent: {@link #sampleConversationJson()} (a voice call with a
   * recording) then {@link #sampleChatConversationJson()} (a chat without one).
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   */
  public void addSampleConversations(String agentId) {
    Objects.requireNonNull(agentId, "agentId == null");
    state.add(
        agentId,
        Arrays.asList(
            StoredConversation.parse(sampleConversationJson()),
            StoredConversation.parse(sampleChatConversationJson())));
  }

  /**
   * Sets the recording the audio operation serves for a conversation, for every direction and
   * redaction, even if its {@code audioUrl} is null.
   *
   * <p>Without this, a conversation with a recording serves a generated WAV (16-bit PCM, mono, a
   * quarter of a second) that tells the query apart: the sample rate gives the direction ({@code
   * combined} 8000 Hz, {@code user} 16000 Hz, {@code agent} 24000 Hz; bytes 24 to 27,
   * little-endian), and the samples give the redaction (a 440 Hz tone, or all zeros when {@code
   * redacted=true}).
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationId the conversation
   * @param wav the bytes to serve; copied
   * @throws IllegalArgumentException if the agent has no such conversation
   */
  public void setAudio(String agentId, String conversationId, byte[] wav) {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(conversationId, "conversationId == null");
    Objects.requireNonNull(wav, "wav == null");
    state.setRecording(agentId, conversationId, new FakeState.Recording(wav.clone(), wav.length));
  }

  /**
   * Makes the audio operation serve a silent WAV of exactly {@code bytes} bytes for a conversation,
   * to test clients with recordings of long calls (tens of MB live).
   *
   * <p>The body is a 44-byte header (16-bit PCM, mono, 8000 Hz) then zeros, sent with its {@code
   * Content-Length}. It is never held in memory: all of its 8 KiB segments share one array, so a
   * response costs about 5 MB of heap per GiB while it is sent. The limit is the WAV format's: 4
   * GiB plus 8 bytes.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationId the conversation
   * @param bytes the size of the WAV, header included
   * @throws IllegalArgumentException if {@code bytes} is under 44 or over the limit, or the agent
   *     has no such conversation
   */
  public void setAudioSize(String agentId, String conversationId, long bytes) {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(conversationId, "conversationId == null");
    if (bytes < Wav.HEADER_SIZE || bytes > Wav.MAX_SIZE) {
      throw new IllegalArgumentException(
          "bytes must be " + Wav.HEADER_SIZE + " to " + Wav.MAX_SIZE + ": " + bytes);
    }
    state.setRecording(agentId, conversationId, new FakeState.Recording(null, bytes));
  }

  /**
   * Returns every annotation posted for the conversation, in the order received.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationId the conversation
   * @return the annotations; empty when none
   */
  public List<RecordedAnnotation> annotations(String agentId, String conversationId) {
    return state.annotations(agentId, conversationId);
  }

  /**
   * Returns the latest note posted for the conversation, or null if none was.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationId the conversation
   * @return the note, or null
   */
  public @Nullable String note(String agentId, String conversationId) {
    return state.note(agentId, conversationId);
  }

  /**
   * Scripts the agent's debug chats: each chat created afterwards runs through {@code replies} in
   * order.
   *
   * <p>Creating a chat takes the first reply as its greeting; each message takes the next. A reply
   * made with {@link DebugChatReply#ending} ends the chat, and later messages get 410 {@code
   * CHAT_CONVERSATION_ENDED}. Without a script, or once it runs out, the greeting is {@code "Hello!
   * You're chatting with a fake PolyAI agent. How can I help?"} and replies echo the message:
   * {@code "You said: " + message}.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param replies the greeting, then one reply per message
   */
  public void scriptDebugChat(String agentId, List<DebugChatReply> replies) {
    Objects.requireNonNull(agentId, "agentId == null");
    Objects.requireNonNull(replies, "replies == null");
    for (DebugChatReply reply : replies) {
      Objects.requireNonNull(reply, "replies contains null");
    }
    state.script(agentId, replies);
  }

  /**
   * Returns the messages sent to a debug chat, in order; empty for an unknown chat.
   *
   * @param agentId the agent, such as {@code PROJECT-K4T9QZ2M}
   * @param conversationId the debug chat
   * @return the messages
   */
  public List<String> debugChatMessages(String agentId, String conversationId) {
    return state.chatMessages(agentId, conversationId);
  }

  /**
   * Makes the next {@code count} requests misbehave, after any misbehaviours already queued.
   *
   * <p>Each request takes one misbehaviour from the queue before the fake looks at it, whatever its
   * path or API key; requests after the queue is empty are served normally.
   *
   * @param count how many requests, 1 or more
   * @param misbehaviour what to do instead of answering normally
   */
  public void misbehaveNext(int count, Misbehaviour misbehaviour) {
    Objects.requireNonNull(misbehaviour, "misbehaviour == null");
    if (count < 1) {
      throw new IllegalArgumentException("count < 1: " + count);
    }
    state.misbehaveNext(count, misbehaviour);
  }

  /**
   * Makes requests misbehave at random from now on, to test a client's retries under a flaky
   * service: each request that no {@link #misbehaveNext queued} misbehaviour takes misbehaves with
   * {@code probability}, in one of {@code misbehaviours} picked uniformly.
   *
   * <pre>{@code
   * fake.misbehaveRandomly(0.1, 42, Misbehaviour.fail(503), Misbehaviour.dropConnection());
   * }</pre>
   *
   * <p>The draws come from one {@link java.util.Random} seeded with {@code seed}, one or two per
   * request in the order requests arrive: requests made one after another misbehave the same way on
   * every run, while concurrent requests share the same sequence in an order of their own. A later
   * call replaces the setting; {@code probability} 0 turns it off.
   *
   * @param probability the share of requests that misbehave, 0 to 1
   * @param seed the seed of the draws
   * @param misbehaviours what a misbehaving request does, one picked at random each time
   * @throws IllegalArgumentException if {@code probability} is not 0 to 1, or is above 0 with no
   *     misbehaviours given
   */
  public void misbehaveRandomly(double probability, long seed, Misbehaviour... misbehaviours) {
    Objects.requireNonNull(misbehaviours, "misbehaviours == null");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be 0 to 1: " + probability);
    }
    List<Misbehaviour> choices = Arrays.asList(misbehaviours.clone());
    for (Misbehaviour misbehaviour : choices) {
      Objects.requireNonNull(misbehaviour, "misbehaviours contains null");
    }
    if (probability > 0 && choices.isEmpty()) {
      throw new IllegalArgumentException("no misbehaviours to choose from");
    }
    state.misbehaveRandomly(
        probability == 0 ? null : new FakeState.RandomMisbehaviour(probability, seed, choices));
  }

  /**
   * Answers the next {@code count} requests with {@code status}; see {@link Misbehaviour#fail}.
   *
   * @param count how many requests, 1 or more
   * @param status an error status, 400 to 599
   */
  public void failNext(int count, int status) {
    misbehaveNext(count, Misbehaviour.fail(status));
  }

  /**
   * Answers the next {@code count} requests with 429; see {@link Misbehaviour#rateLimit}.
   *
   * @param count how many requests, 1 or more
   * @param retryAfter the wait to ask for; not negative
   */
  public void rateLimitNext(int count, Duration retryAfter) {
    misbehaveNext(count, Misbehaviour.rateLimit(retryAfter));
  }

  /**
   * Drops the connection of the next {@code count} requests; see {@link
   * Misbehaviour#dropConnection}.
   *
   * @param count how many requests, 1 or more
   */
  public void dropConnectionNext(int count) {
    misbehaveNext(count, Misbehaviour.dropConnection());
  }

  /**
   * Delays the next {@code count} responses by {@code delay}; see {@link Misbehaviour#slow}.
   *
   * @param count how many requests, 1 or more
   * @param delay the wait before each response; not negative
   */
  public void slowNext(int count, Duration delay) {
    misbehaveNext(count, Misbehaviour.slow(delay));
  }

  /**
   * Cuts off the body of the next {@code count} responses; see {@link Misbehaviour#truncate}.
   *
   * @param count how many requests, 1 or more
   */
  public void truncateNext(int count) {
    misbehaveNext(count, Misbehaviour.truncate());
  }

  /**
   * Answers the next {@code count} requests with broken JSON; see {@link
   * Misbehaviour#malformedJson}.
   *
   * @param count how many requests, 1 or more
   */
  public void malformedJsonNext(int count) {
    misbehaveNext(count, Misbehaviour.malformedJson());
  }

  /** {@return how many requests the fake has received, including those it misbehaved on} */
  public int requestCount() {
    return state.requestCount();
  }

  /**
   * Returns the oldest request not yet taken, waiting up to 10 seconds for one to arrive.
   *
   * @return the request
   * @throws IllegalStateException if no request arrives in time
   * @throws InterruptedException if interrupted while waiting
   */
  public ReceivedRequest takeRequest() throws InterruptedException {
    ReceivedRequest request = state.take(TAKE_TIMEOUT_MILLIS);
    if (request == null) {
      throw new IllegalStateException(
          "no request received within " + TAKE_TIMEOUT_MILLIS / 1000 + " seconds");
    }
    return request;
  }

  /** {@return every request received so far, oldest first, whether taken or not} */
  public List<ReceivedRequest> requests() {
    return state.requests();
  }

  /**
   * Stops serving and closes open connections. Calling it again does nothing.
   *
   * @throws UncheckedIOException if MockWebServer's threads do not stop within its 5-second limit,
   *     as when a {@link #slowNext slow} response is still waiting
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        server.shutdown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public String toString() {
    return "FakeDataApi{" + baseUrl + "}";
  }

  /** Starts a {@link FakeDataApi}; a builder may start any number of fakes. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;

    private Builder() {}

    /**
     * Sets the API key the fake accepts. Default {@value FakeDataApi#DEFAULT_API_KEY}.
     *
     * @param apiKey a non-empty key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      if (apiKey.isEmpty()) {
        throw new IllegalArgumentException("apiKey is empty");
      }
      this.apiKey = apiKey;
      return this;
    }

    Builder copy() {
      return new Builder().apiKey(apiKey);
    }

    /**
     * Starts a fake on a free port of 127.0.0.1.
     *
     * @return the running fake; close it when done
     * @throws UncheckedIOException if no port can be bound
     */
    public FakeDataApi start() {
      FakeState state = new FakeState();
      MockWebServer server = new MockWebServer();
      server.setDispatcher(new FakeDispatcher(state, apiKey));
      server.setServerSocketFactory(new NoDelayServerSockets());
      try {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new FakeDataApi(server, state, apiKey, "http://127.0.0.1:" + server.getPort() + "/");
    }
  }
}
