package ai.poly.data.testing;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A conversation built in code, rendered in the shape the live service returns.
 *
 * <p>Turns use the live snake_case keys ({@code user_input}, {@code agent_response}, {@code
 * latency} as a {@code {"label", "perceived_latency", "perceived_latency_percentile_1d"}} object,
 * and so on); timestamps have six fractional digits and an offset, except inside {@code metrics}
 * where they have none; durations are whole seconds. Each turn takes {@value #SECONDS_PER_TURN}
 * seconds from {@link Builder#startedAt}, with the agent answering 800 ms after the user.
 *
 * <pre>{@code
 * fake.addConversation("PROJECT-1", FakeConversation.builder("CA-1")
 *     .turn("", "Hello, how can I help?")
 *     .turn("what time do you open", "We open at nine.")
 *     .build());
 * }</pre>
 */
public final class FakeConversation {
  /** How long each built turn lasts, in seconds. */
  public static final int SECONDS_PER_TURN = 6;

  private static final long AGENT_DELAY_MILLIS = 800;
  private static final long FIRST_TURN_ID = 900000001L;
  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter WITHOUT_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private final String conversationId;
  private final String accountId;
  private final String projectId;
  private final Instant startedAt;
  private final String channel;
  private final @Nullable String language;
  private final String clientEnv;
  private final boolean handoff;
  private final List<String> tags;
  private final @Nullable String note;
  private final boolean recording;
  private final List<String[]> turns;
  private final String json;

  private FakeConversation(Builder builder) {
    this.conversationId = builder.conversationId;
    this.accountId = builder.accountId;
    this.projectId = builder.projectId;
    this.startedAt = builder.startedAt;
    this.channel = builder.channel;
    this.language = builder.language;
    this.clientEnv = builder.clientEnv;
    this.handoff = builder.handoff;
    this.tags = Collections.unmodifiableList(new ArrayList<>(builder.tags));
    this.note = builder.note;
    this.recording = builder.recording;
    this.turns = Collections.unmodifiableList(new ArrayList<>(builder.turns));
    this.json = render();
  }

  /**
   * Returns a builder for a conversation with id {@code conversationId}.
   *
   * @param conversationId the id, such as {@code CA123}
   * @return the builder
   */
  public static Builder builder(String conversationId) {
    return new Builder(Objects.requireNonNull(conversationId, "conversationId == null"));
  }

  /** {@return a builder that starts with this conversation's values} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return the conversation's id} */
  public String conversationId() {
    return conversationId;
  }

  /** {@return the conversation as the detail operation serves it} */
  public String toJson() {
    return json;
  }

  private String render() {
    Instant finishedAt = startedAt.plusSeconds((long) SECONDS_PER_TURN * turns.size());
    long seconds = Duration.between(startedAt, finishedAt).getSeconds();
    Buffer buffer = new Buffer();
    try (JsonWriter writer = Json.writer(buffer)) {
      writer.setIndent("  ");
      writer.beginObject();
      writer.name("conversationId").value(conversationId);
      writer.name("accountId").value(accountId);
      writer.name("projectId").value(projectId);
      writer.name("createdAt").value(WITH_OFFSET.format(startedAt));
      writer.name("startedAt").value(WITH_OFFSET.format(startedAt));
      writer.name("finishedAt").value(WITH_OFFSET.format(finishedAt));
      writer.name("channel").value(channel);
      writer.name("fromNumber").nullValue();
      writer.name("toNumber").nullValue();
      writer.name("language").value(language);
      writer.name("variantId").nullValue();
      writer.name("clientEnv").value(clientEnv);
      writer.name("totalDuration").value(seconds);
      writer.name("polyaiDuration").value(seconds);
      writer.name("duration").value(seconds);
      writer.name("inProgress").value(false);
      writer.name("handoff").value(handoff);
      writer.name("handoffDestination").nullValue();
      writer.name("handoffReason").nullValue();
      writer.name("direction").value(channel.startsWith("VOICE") ? "inbound" : null);
      writer.name("tags").beginArray();
      for (String tag : tags) {
        writer.value(tag);
      }
      writer.endArray();
      writer.name("polyScore").nullValue();
      writer.name("shortSummary").nullValue();
      writer.name("deploymentId").nullValue();
      writer.name("note").value(note);
      writer
          .name("audioUrl")
          .value(recording ? "conversations/" + conversationId + "/audio" : null);
      writer.name("turns").beginArray();
      for (int i = 0; i < turns.size(); i++) {
        writeTurn(writer, i, turns.get(i));
      }
      writer.endArray();
      writer.name("metrics").beginObject();
      writer.name("CALL_DURATION").beginArray().beginObject();
      writer.name("timestamp").value(WITHOUT_OFFSET.format(finishedAt));
      writer.name("value").value(Long.toString(seconds));
      writer.endObject().endArray();
      writer.endObject();
      writer.name("functionEvents").beginObject().endObject();
      writer.endObject();
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return buffer.readUtf8();
  }

  private void writeTurn(JsonWriter writer, int index, String[] turn) throws IOException {
    Instant userAt = startedAt.plusSeconds((long) SECONDS_PER_TURN * index);
    Instant agentAt = userAt.plusMillis(AGENT_DELAY_MILLIS);
    writer.beginObject();
    writer.name("turn_id").value(FIRST_TURN_ID + index);
    writer.name("user_input").value(turn[0]);
    writer.name("user_input_dtmf").value("");
    writer.name("user_input_datetime").value(WITH_OFFSET.format(userAt));
    writer.name("agent_response").value(turn[1]);
    writer.name("agent_response_datetime").value(WITH_OFFSET.format(agentAt));
    writer.name("latency").beginObject();
    writer.name("label").nullValue();
    writer.name("perceived_latency").value(AGENT_DELAY_MILLIS / 1000.0);
    writer.name("perceived_latency_percentile_1d").nullValue();
    writer.endObject();
    writer.name("translated_user_input").value("");
    writer.name("english_agent_response").value("");
    writer.name("intents").beginArray().endArray();
    writer.name("entities").beginArray().endArray();
    writer.name("is_ood").value(false);
    writer.name("is_silence").value(false);
    writer.name("barge_in").value(false);
    writer.endObject();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FakeConversation && json.equals(((FakeConversation) other).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "FakeConversation{conversationId=" + conversationId + ", turns=" + turns.size() + "}";
  }

  /** Builds a {@link FakeConversation}. */
  public static final class Builder {
    private String conversationId;
    private String accountId = "ws-fake";
    private String projectId = "PROJECT-FAKE";
    private Instant startedAt = Instant.parse("2026-01-05T09:30:00Z");
    private String channel = "VOICE-SIP";
    private @Nullable String language = "en-GB";
    private String clientEnv = "live";
    private boolean handoff;
    private final List<String> tags = new ArrayList<>();
    private @Nullable String note;
    private boolean recording = true;
    private final List<String[]> turns = new ArrayList<>();

    private Builder(String conversationId) {
      this.conversationId = conversationId;
    }

    private Builder(FakeConversation conversation) {
      conversationId = conversation.conversationId;
      accountId = conversation.accountId;
      projectId = conversation.projectId;
      startedAt = conversation.startedAt;
      channel = conversation.channel;
      language = conversation.language;
      clientEnv = conversation.clientEnv;
      handoff = conversation.handoff;
      tags.addAll(conversation.tags);
      note = conversation.note;
      recording = conversation.recording;
      turns.addAll(conversation.turns);
    }

    /**
     * Sets the conversation's id, first given to {@link FakeConversation#builder}.
     *
     * @param conversationId a non-empty id
     * @return this builder
     */
    public Builder conversationId(String conversationId) {
      this.conversationId = Objects.requireNonNull(conversationId, "conversationId == null");
      return this;
    }

    /**
     * Sets the account id. Default {@code ws-fake}.
     *
     * @param accountId the account id
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId == null");
      return this;
    }

    /**
     * Sets the project id. Default {@code PROJECT-FAKE}.
     *
     * @param projectId the project (agent) id
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = Objects.requireNonNull(projectId, "projectId == null");
      return this;
    }

    /**
     * Sets when the conversation started; {@code createdAt} is the same instant. Default
     * 2026-01-05T09:30:00Z.
     *
     * @param startedAt the start
     * @return this builder
     */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = Objects.requireNonNull(startedAt, "startedAt == null");
      return this;
    }

    /**
     * Sets the channel, such as {@code VOICE-SIP} or {@code WEBCHAT}. Default {@code VOICE-SIP}.
     * Voice channels have {@code "direction": "inbound"}, others a null direction.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(String channel) {
      this.channel = Objects.requireNonNull(channel, "channel == null");
      return this;
    }

    /**
     * Sets the language, or null for none. Default {@code en-GB}.
     *
     * @param language a language tag such as {@code en-GB}, or null
     * @return this builder
     */
    public Builder language(@Nullable String language) {
      this.language = language;
      return this;
    }

    /**
     * Sets the client environment. Default {@code live}.
     *
     * @param clientEnv the environment, such as {@code live} or {@code sandbox}
     * @return this builder
     */
    public Builder clientEnv(String clientEnv) {
      this.clientEnv = Objects.requireNonNull(clientEnv, "clientEnv == null");
      return this;
    }

    /**
     * Sets whether the conversation was handed off to a human. Default false.
     *
     * @param handoff true if it was handed off
     * @return this builder
     */
    public Builder handoff(boolean handoff) {
      this.handoff = handoff;
      return this;
    }

    /**
     * Adds a tag. Default no tags.
     *
     * @param tag the tag
     * @return this builder
     */
    public Builder tag(String tag) {
      tags.add(Objects.requireNonNull(tag, "tag == null"));
      return this;
    }

    /**
     * Sets the note, or null for none. Default null.
     *
     * @param note the note, or null
     * @return this builder
     */
    public Builder note(@Nullable String note) {
      this.note = note;
      return this;
    }

    /**
     * Sets whether the conversation has a recording. Default true: {@code audioUrl} is {@code
     * conversations/<id>/audio} and the audio operation serves a generated WAV. When false, {@code
     * audioUrl} is null and the audio operation answers 404 {@code
     * CONVERSATIONS_RECORDING_NOT_FOUND}.
     *
     * @param recording true if it has a recording
     * @return this builder
     */
    public Builder recording(boolean recording) {
      this.recording = recording;
      return this;
    }

    /**
     * Adds a turn: what the user said, then what the agent answered. Either may be empty, as in an
     * agent's opening greeting {@code turn("", "Hello!")}. Default no turns.
     *
     * @param userInput what the user said or typed; may be empty
     * @param agentResponse what the agent answered; may be empty
     * @return this builder
     */
    public Builder turn(String userInput, String agentResponse) {
      Objects.requireNonNull(userInput, "userInput == null");
      Objects.requireNonNull(agentResponse, "agentResponse == null");
      turns.add(new String[] {userInput, agentResponse});
      return this;
    }

    /** {@return the conversation} */
    public FakeConversation build() {
      return new FakeConversation(this);
    }
  }
}
