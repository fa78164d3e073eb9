package ai.poly.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A function the agent ran during a conversation (from {@code functionEvents}). Keys this type does
 * not model ({@code state_changes}, {@code logs}, {@code hangup}, ...) are kept as plain JSON
 * values in {@link #additionalProperties()}.
 */
public final class FunctionEvent {
  private final @Nullable Integer turnNumber;
  private final @Nullable String id;
  private final @Nullable String name;
  private final @Nullable String functionId;
  private final @Nullable Instant startTime;
  private final @Nullable Duration duration;
  private final Map<String, @Nullable Object> arguments;
  private final @Nullable String error;
  private final @Nullable String utterance;
  private final @Nullable Map<String, @Nullable Object> handoff;
  private final Map<String, @Nullable Object> additionalProperties;

  private FunctionEvent(
      @Nullable Integer turnNumber,
      @Nullable String id,
      @Nullable String name,
      @Nullable String functionId,
      @Nullable Instant startTime,
      @Nullable Duration duration,
      Map<String, @Nullable Object> arguments,
      @Nullable String error,
      @Nullable String utterance,
      @Nullable Map<String, @Nullable Object> handoff,
      Map<String, @Nullable Object> additionalProperties) {
    this.turnNumber = turnNumber;
    this.id = id;
    this.name = name;
    this.functionId = functionId;
    this.startTime = startTime;
    this.duration = duration;
    this.arguments = arguments;
    this.error = error;
    this.utterance = utterance;
    this.handoff = handoff;
    this.additionalProperties = additionalProperties;
  }

  /** Reads one event; {@code turnNumber} is the key it was listed under, if any. */
  static FunctionEvent read(@Nullable Integer turnNumber, Map<?, ?> members) {
    return ConversationJson.readAll(members, new Reader()).build(turnNumber);
  }

  /**
   * Reads an event one member at a time, from a map of members or straight from the JSON tokens
   * ({@link ConversationJson}).
   */
  static final class Reader implements ConversationJson.MemberReader {
    private final Fields fields = new Fields();
    private @Nullable String id;
    private @Nullable String name;
    private @Nullable String functionId;
    private @Nullable Instant startTime;
    private @Nullable Duration duration;
    private @Nullable Map<String, @Nullable Object> arguments;
    private @Nullable String error;
    private @Nullable String utterance;
    private @Nullable Map<String, @Nullable Object> handoff;

    /** Reads one member; a member this type does not model is kept raw. */
    @Override
    public void read(String key, @Nullable Object value) {
      switch (key) {
        case "id":
          id = fields.string(key, value);
          break;
        case "name":
          name = fields.string(key, value);
          break;
        case "function_id":
          functionId = fields.string(key, value);
          break;
        case "start_time":
          startTime = fields.instant(key, value);
          break;
        case "duration":
          duration = fields.duration(key, value, 0.001);
          break;
        case "arguments":
          arguments = fields.object(key, value);
          break;
        case "error":
          error = value == null || value instanceof String ? (String) value : Json.text(value);
          break;
        case "utterance":
          utterance = fields.string(key, value);
          break;
        case "handoff":
          handoff = fields.object(key, value);
          break;
        default:
          fields.keep(key, value);
      }
    }

    /** {@return the event read; {@code turnNumber} is the key it was listed under, if any} */
    FunctionEvent build(@Nullable Integer turnNumber) {
      return new FunctionEvent(
          turnNumber,
          id,
          name,
          functionId,
          startTime,
          duration,
          arguments == null ? Collections.emptyMap() : arguments,
          error,
          utterance,
          handoff,
          fields.extras());
    }
  }

  /**
   * {@return the number of the turn the event belongs to (the key it was listed under); null if
   * none}
   */
  public @Nullable Integer turnNumber() {
    return turnNumber;
  }

  /** {@return the event's id} */
  public @Nullable String id() {
    return id;
  }

  /** {@return the function's name, e.g. {@code check_availability}} */
  public @Nullable String name() {
    return name;
  }

  /** {@return the function's id in Agent Studio} */
  public @Nullable String functionId() {
    return functionId;
  }

  /** {@return when the function started (sent in RFC 1123 form)} */
  public @Nullable Instant startTime() {
    return startTime;
  }

  /** {@return how long it ran (sent in milliseconds)} */
  public @Nullable Duration duration() {
    return duration;
  }

  /** {@return the arguments it was called with, as plain JSON values; empty when none} */
  public Map<String, @Nullable Object> arguments() {
    return arguments;
  }

  /** {@return the error it raised: the service's string, or the JSON text of a structured error} */
  public @Nullable String error() {
    return error;
  }

  /** {@return what the function had the agent say} */
  public @Nullable String utterance() {
    return utterance;
  }

  /** {@return the handoff it requested ({@code reason}, {@code type}), as plain JSON values} */
  public @Nullable Map<String, @Nullable Object> handoff() {
    return handoff;
  }

  /**
   * {@return every other member of the event, and any member of an unexpected type, as plain JSON
   * values}
   */
  public Map<String, @Nullable Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FunctionEvent)) {
      return false;
    }
    FunctionEvent that = (FunctionEvent) o;
    return Objects.equals(turnNumber, that.turnNumber)
        && Objects.equals(id, that.id)
        && Objects.equals(name, that.name)
        && Objects.equals(functionId, that.functionId)
        && Objects.equals(startTime, that.startTime)
        && Objects.equals(duration, that.duration)
        && arguments.equals(that.arguments)
        && Objects.equals(error, that.error)
        && Objects.equals(utterance, that.utterance)
        && Objects.equals(handoff, that.handoff)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        turnNumber,
        id,
        name,
        functionId,
        startTime,
        duration,
        arguments,
        error,
        utterance,
        handoff,
        additionalProperties);
  }

  @Override
  public String toString() {
    return "FunctionEvent{turn="
        + turnNumber
        + ", name="
        + name
        + ", startTime="
        + startTime
        + ", duration="
        + duration
        + ", arguments="
        + arguments
        + (error != null ? ", error=" + error : "")
        + "}";
  }
}
