package ai.poly.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the service tells about a conversation without its turns: who called whom, when, on which
 * channel, how it ended. {@link Conversation} adds the turns, metrics and function events.
 *
 * <p>Read leniently: any field but the three ids may be absent (null, or an empty list), and a
 * field of an unexpected type reads as absent with its raw value kept in {@link
 * #additionalProperties()}.
 */
public class ConversationSummary {
  private final String conversationId;
  private final String accountId;
  private final String projectId;
  private final @Nullable Instant createdAt;
  private final @Nullable Instant startedAt;
  private final @Nullable Instant finishedAt;
  private final @Nullable String channel;
  private final @Nullable String fromNumber;
  private final @Nullable String toNumber;
  private final @Nullable String language;
  private final @Nullable String variantId;
  private final @Nullable String clientEnv;
  private final @Nullable Duration totalDuration;
  private final @Nullable Duration polyaiDuration;
  private final @Nullable Duration duration;
  private final @Nullable Boolean inProgress;
  private final @Nullable Boolean handoff;
  private final @Nullable String handoffDestination;
  private final @Nullable String handoffReason;
  private final @Nullable String direction;
  private final List<String> tags;
  private final @Nullable Double polyScore;
  private final @Nullable Summary shortSummary;
  private final @Nullable String deploymentId;
  private final @Nullable String note;
  private final @Nullable String audioUrl;
  private final Map<String, @Nullable Object> additionalProperties;

  ConversationSummary(Reader r, Map<String, @Nullable Object> additionalProperties) {
    this.conversationId = r.required(r.conversationId, "conversationId");
    this.accountId = r.required(r.accountId, "accountId");
    this.projectId = r.required(r.projectId, "projectId");
    this.createdAt = r.createdAt;
    this.startedAt = r.startedAt;
    this.finishedAt = r.finishedAt;
    this.channel = r.channel;
    this.fromNumber = r.fromNumber;
    this.toNumber = r.toNumber;
    this.language = r.language;
    this.variantId = r.variantId;
    this.clientEnv = r.clientEnv;
    this.totalDuration = r.totalDuration;
    this.polyaiDuration = r.polyaiDuration;
    this.duration = r.duration;
    this.inProgress = r.inProgress;
    this.handoff = r.handoff;
    this.handoffDestination = r.handoffDestination;
    this.handoffReason = r.handoffReason;
    this.direction = r.direction;
    this.tags = r.tags;
    this.polyScore = r.polyScore;
    this.shortSummary = r.shortSummary;
    this.deploymentId = r.deploymentId;
    this.note = r.note;
    this.audioUrl = r.audioUrl;
    this.additionalProperties = additionalProperties;
  }

  /** Reads a summary from the JSON members of a conversation. */
  static ConversationSummary read(Map<?, ?> members) {
    return read(members, "conversation summary");
  }

  /** Reads a summary; {@code what} names it in the message of a missing required field. */
  static ConversationSummary read(Map<?, ?> members, String what) {
    Fields fields = new Fields();
    Reader reader = new Reader(what);
    for (Map.Entry<?, ?> entry : members.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!reader.read(key, entry.getValue(), fields)) {
        fields.keep(key, entry.getValue());
      }
    }
    return new ConversationSummary(reader, fields.extras());
  }

  /** {@return the conversation's id, e.g. {@code CA5e1b...} for a call} */
  public final String conversationId() {
    return conversationId;
  }

  /** {@return the account the conversation belongs to} */
  public final String accountId() {
    return accountId;
  }

  /** {@return the project (agent) the conversation belongs to, e.g. {@code PROJECT-K4T9QZ2M}} */
  public final String projectId() {
    return projectId;
  }

  /** {@return when the record was created} */
  public final @Nullable Instant createdAt() {
    return createdAt;
  }

  /** {@return when the conversation started} */
  public final @Nullable Instant startedAt() {
    return startedAt;
  }

  /** {@return when it finished; null while in progress} */
  public final @Nullable Instant finishedAt() {
    return finishedAt;
  }

  /** {@return the channel, e.g. {@code VOICE-SIP} or {@code WEBCHAT}} */
  public final @Nullable String channel() {
    return channel;
  }

  /** {@return the caller's number} */
  public final @Nullable String fromNumber() {
    return fromNumber;
  }

  /** {@return the number called} */
  public final @Nullable String toNumber() {
    return toNumber;
  }

  /** {@return the conversation's language, e.g. {@code en-GB}} */
  public final @Nullable String language() {
    return language;
  }

  /** {@return the agent variant that handled it} */
  public final @Nullable String variantId() {
    return variantId;
  }

  /** {@return the environment, e.g. {@code live} or {@code sandbox}} */
  public final @Nullable String clientEnv() {
    return clientEnv;
  }

  /** {@return the total length of the call} */
  public final @Nullable Duration totalDuration() {
    return totalDuration;
  }

  /** {@return how long the PolyAI agent handled the call} */
  public final @Nullable Duration polyaiDuration() {
    return polyaiDuration;
  }

  /** {@return the conversation's duration} */
  public final @Nullable Duration duration() {
    return duration;
  }

  /** {@return whether the conversation is still going on} */
  public final @Nullable Boolean inProgress() {
    return inProgress;
  }

  /** {@return whether the agent handed the conversation off (e.g. transferred the call)} */
  public final @Nullable Boolean handoff() {
    return handoff;
  }

  /** {@return where it was handed off to} */
  public final @Nullable String handoffDestination() {
    return handoffDestination;
  }

  /** {@return why it was handed off} */
  public final @Nullable String handoffReason() {
    return handoffReason;
  }

  /** {@return the direction, e.g. {@code inbound}} */
  public final @Nullable String direction() {
    return direction;
  }

  /** {@return tags on the conversation; empty when none} */
  public final List<String> tags() {
    return tags;
  }

  /** {@return PolyAI's quality score for the conversation} */
  public final @Nullable Double polyScore() {
    return polyScore;
  }

  /** {@return the short summary, from any of the forms the service sends} */
  public final @Nullable Summary shortSummary() {
    return shortSummary;
  }

  /** {@return the deployment of the agent that handled it} */
  public final @Nullable String deploymentId() {
    return deploymentId;
  }

  /** {@return the note left on the conversation} */
  public final @Nullable String note() {
    return note;
  }

  /**
   * {@return the path of the recording relative to the API base ({@code conversations/<id>/audio}),
   * as the service sends it; not a full URL}
   */
  public final @Nullable String audioUrl() {
    return audioUrl;
  }

  /**
   * {@return members this type does not model (a field a newer API version added, say) and members
   * whose value had an unexpected type, as plain JSON values: integers are {@code Long}, other
   * numbers {@code Double}, objects {@code Map}, arrays {@code List}}
   */
  public final Map<String, @Nullable Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    ConversationSummary that = (ConversationSummary) o;
    return conversationId.equals(that.conversationId)
        && accountId.equals(that.accountId)
        && projectId.equals(that.projectId)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(startedAt, that.startedAt)
        && Objects.equals(finishedAt, that.finishedAt)
        && Objects.equals(channel, that.channel)
        && Objects.equals(fromNumber, that.fromNumber)
        && Objects.equals(toNumber, that.toNumber)
        && Objects.equals(language, that.language)
        && Objects.equals(variantId, that.variantId)
        && Objects.equals(clientEnv, that.clientEnv)
        && Objects.equals(totalDuration, that.totalDuration)
        && Objects.equals(polyaiDuration, that.polyaiDuration)
        && Objects.equals(duration, that.duration)
        && Objects.equals(inProgress, that.inProgress)
        && Objects.equals(handoff, that.handoff)
        && Objects.equals(handoffDestination, that.handoffDestination)
        && Objects.equals(handoffReason, that.handoffReason)
        && Objects.equals(direction, that.direction)
        && tags.equals(that.tags)
        && Objects.equals(polyScore, that.polyScore)
        && Objects.equals(shortSummary, that.shortSummary)
        && Objects.equals(deploymentId, that.deploymentId)
        && Objects.equals(note, that.note)
        && Objects.equals(audioUrl, that.audioUrl)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        conversationId,
        accountId,
        projectId,
        createdAt,
        startedAt,
        finishedAt,
        channel,
        fromNumber,
        toNumber,
        language,
        variantId,
        clientEnv,
        totalDuration,
        polyaiDuration,
        duration,
        inProgress,
        handoff,
        handoffDestination,
        handoffReason,
        direction,
        tags,
        polyScore,
        shortSummary,
        deploymentId,
        note,
        audioUrl,
        additionalProperties);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{conversationId="
        + conversationId
        + ", projectId="
        + projectId
        + ", channel="
        + channel
        + ", direction="
        + direction
        + ", startedAt="
        + startedAt
        + ", duration="
        + duration
        + ", handoff="
        + handoff
        + ", polyScore="
        + polyScore
        + extraToString()
        + "}";
  }

  /** What a subclass adds to {@link #toString()}. */
  String extraToString() {
    return "";
  }

  /**
   * Reads the summary members of a conversation object, the one implementation shared by {@link
   * ConversationSummary} and {@link Conversation}.
   */
  static final class Reader {
    private final String what;
    @Nullable String conversationId;
    @Nullable String accountId;
    @Nullable String projectId;
    @Nullable Instant createdAt;
    @Nullable Instant startedAt;
    @Nullable Instant finishedAt;
    @Nullable String channel;
    @Nullable String fromNumber;
    @Nullable String toNumber;
    @Nullable String language;
    @Nullable String variantId;
    @Nullable String clientEnv;
    @Nullable Duration totalDuration;
    @Nullable Duration polyaiDuration;
    @Nullable Duration duration;
    @Nullable Boolean inProgress;
    @Nullable Boolean handoff;
    @Nullable String handoffDestination;
    @Nullable String handoffReason;
    @Nullable String direction;
    List<String> tags = Collections.emptyList();
    @Nullable Double polyScore;
    @Nullable Summary shortSummary;
    @Nullable String deploymentId;
    @Nullable String note;
    @Nullable String audioUrl;

    Reader(String what) {
      this.what = what;
    }

    /** Reads {@code key} if it is a summary member; returns false for any other key. */
    boolean read(String key, @Nullable Object value, Fields fields) {
      Member member = Member.named(key);
      if (member == null) {
        return false;
      }
      read(member, value, fields);
      return true;
    }

    /** Reads the value of a summary member. */
    void read(Member member, @Nullable Object value, Fields fields) {
      String key = member.json;
      switch (member) {
        case CONVERSATION_ID:
          conversationId = fields.string(key, value);
          break;
        case ACCOUNT_ID:
          accountId = fields.string(key, value);
          break;
        case PROJECT_ID:
          projectId = fields.string(key, value);
          break;
        case CREATED_AT:
          createdAt = fields.instant(key, value);
          break;
        case STARTED_AT:
          startedAt = fields.instant(key, value);
          break;
        case FINISHED_AT:
          finishedAt = fields.instant(key, value);
          break;
        case CHANNEL:
          channel = fields.string(key, value);
          break;
        case FROM_NUMBER:
          fromNumber = fields.string(key, value);
          break;
        case TO_NUMBER:
          toNumber = fields.string(key, value);
          break;
        case LANGUAGE:
          language = fields.string(key, value);
          break;
        case VARIANT_ID:
          variantId = fields.string(key, value);
          break;
        case CLIENT_ENV:
          clientEnv = fields.string(key, value);
          break;
        case TOTAL_DURATION:
          totalDuration = fields.duration(key, value, 1);
          break;
        case POLYAI_DURATION:
          polyaiDuration = fields.duration(key, value, 1);
          break;
        case DURATION:
          duration = fields.duration(key, value, 1);
          break;
        case IN_PROGRESS:
          inProgress = fields.bool(key, value);
          break;
        case HANDOFF:
          handoff = fields.bool(key, value);
          break;
        case HANDOFF_DESTINATION:
          handoffDestination = fields.string(key, value);
          break;
        case HANDOFF_REASON:
          handoffReason = fields.string(key, value);
          break;
        case DIRECTION:
          direction = fields.string(key, value);
          break;
        case TAGS:
          tags = fields.strings(key, value);
          break;
        case POLY_SCORE:
          polyScore = fields.number(key, value);
          break;
        case SHORT_SUMMARY:
          shortSummary = Summary.read(value);
          if (shortSummary == null && value != null) {
            fields.keep(key, value);
          }
          break;
        case DEPLOYMENT_ID:
          deploymentId = fields.string(key, value);
          break;
        case NOTE:
          note = fields.string(key, value);
          break;
        case AUDIO_URL:
          audioUrl = fields.string(key, value);
          break;
        default:
          throw new AssertionError(member); // A member without a case here.
      }
    }

    String required(@Nullable String value, String field) {
      if (value == null) {
        throw new MissingFieldException(what, field);
      }
      return value;
    }
  }

  /** The members of a conversation object that a summary reads, each with its JSON name. */
  enum Member {
    CONVERSATION_ID("conversationId"),
    ACCOUNT_ID("accountId"),
    PROJECT_ID("projectId"),
    CREATED_AT("createdAt"),
    STARTED_AT("startedAt"),
    FINISHED_AT("finishedAt"),
    CHANNEL("channel"),
    FROM_NUMBER("fromNumber"),
    TO_NUMBER("toNumber"),
    LANGUAGE("language"),
    VARIANT_ID("variantId"),
    CLIENT_ENV("clientEnv"),
    TOTAL_DURATION("totalDuration"),
    POLYAI_DURATION("polyaiDuration"),
    DURATION("duration"),
    IN_PROGRESS("inProgress"),
    HANDOFF("handoff"),
    HANDOFF_DESTINATION("handoffDestination"),
    HANDOFF_REASON("handoffReason"),
    DIRECTION("direction"),
    TAGS("tags"),
    POLY_SCORE("polyScore"),
    SHORT_SUMMARY("shortSummary"),
    DEPLOYMENT_ID("deploymentId"),
    NOTE("note"),
    AUDIO_URL("audioUrl");

    final String json;

    Member(String json) {
      this.json = json;
    }

    /** {@return the member of this JSON name, or null for a name that is not a summary's} */
    static @Nullable Member named(String json) {
      return ByName.MEMBERS.get(json);
    }

    /**
     * The members by name, for reading a map of members. Made on first use, not with the enum: the
     * one pass from the tokens, a fresh process's first read, never looks a name up.
     */
    private static final class ByName {
      static final Map<String, Member> MEMBERS = new HashMap<>();

      static {
        for (Member member : values()) {
          MEMBERS.put(member.json, member);
        }
      }
    }
  }
}
