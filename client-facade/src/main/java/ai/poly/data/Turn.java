package ai.poly.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a conversation: what the caller said or keyed, what the agent answered, and what the
 * agent understood. Read leniently from the service's untyped turn objects: a key of an unexpected
 * type reads as absent and keeps its raw value in {@link #additionalProperties()}, with the keys
 * this type does not model ({@code turn_id}, {@code barge_in}, {@code metadata}, ...).
 */
public final class Turn {
  private final int index;
  private final @Nullable String userInput;
  private final @Nullable String userInputDtmf;
  private final @Nullable Instant userInputAt;
  private final @Nullable String agentResponse;
  private final @Nullable Instant agentResponseAt;
  private final @Nullable Duration latency;
  private final @Nullable String translatedUserInput;
  private final @Nullable String englishAgentResponse;
  private final List<String> intents;
  private final List<Entity> entities;
  private final @Nullable Boolean outOfDomain;
  private final @Nullable Boolean silence;
  private final Map<String, @Nullable Object> additionalProperties;

  private Turn(
      int index,
      @Nullable String userInput,
      @Nullable String userInputDtmf,
      @Nullable Instant userInputAt,
      @Nullable String agentResponse,
      @Nullable Instant agentResponseAt,
      @Nullable Duration latency,
      @Nullable String translatedUserInput,
      @Nullable String englishAgentResponse,
      List<String> intents,
      List<Entity> entities,
      @Nullable Boolean outOfDomain,
      @Nullable Boolean silence,
      Map<String, @Nullable Object> additionalProperties) {
    this.index = index;
    this.userInput = userInput;
    this.userInputDtmf = userInputDtmf;
    this.userInputAt = userInputAt;
    this.agentResponse = agentResponse;
    this.agentResponseAt = agentResponseAt;
    this.latency = latency;
    this.translatedUserInput = translatedUserInput;
    this.englishAgentResponse = englishAgentResponse;
    this.intents = intents;
    this.entities = entities;
    this.outOfDomain = outOfDomain;
    this.silence = silence;
    this.additionalProperties = additionalProperties;
  }

  /** Reads the turn at {@code index} from its JSON members. */
  static Turn read(int index, Map<?, ?> members) {
    return ConversationJson.readAll(members, new Reader()).build(index);
  }

  /**
   * Reads a turn one member at a time, from a map of members or straight from the JSON tokens
   * ({@link ConversationJson}): the one implementation of a turn's leniency.
   */
  static final class Reader implements ConversationJson.MemberReader {
    private final Fields fields = new Fields();
    private @Nullable String userInput;
    private @Nullable String userInputDtmf;
    private @Nullable Instant userInputAt;
    private @Nullable String agentResponse;
    private @Nullable Instant agentResponseAt;
    private @Nullable Duration latency;
    private @Nullable String translatedUserInput;
    private @Nullable String englishAgentResponse;
    private List<String> intents = Collections.emptyList();
    private List<Entity> entities = Collections.emptyList();
    private @Nullable Boolean outOfDomain;
    private @Nullable Boolean silence;

    /** Reads one member; a member this type does not model is kept raw. */
    @Override
    public void read(String key, @Nullable Object value) {
      switch (key) {
        case "user_input":
          userInput = fields.string(key, value);
          break;
        case "user_input_dtmf":
          userInputDtmf = fields.string(key, value);
          break;
        case "user_input_datetime":
          userInputAt = fields.instant(key, value);
          break;
        case "agent_response":
          agentResponse = fields.string(key, value);
          break;
        case "agent_response_datetime":
          agentResponseAt = fields.instant(key, value);
          break;
        case "latency":
          latency = latency(key, value, fields);
          break;
        case "translated_user_input":
          translatedUserInput = fields.string(key, value);
          break;
        case "english_agent_response":
          englishAgentResponse = fields.string(key, value);
          break;
        case "intents":
          intents = fields.strings(key, value);
          break;
        case "entities":
          entities = entities(key, value, fields);
          break;
        case "is_ood":
          outOfDomain = fields.bool(key, value);
          break;
        case "is_silence":
          silence = fields.bool(key, value);
          break;
        default:
          fields.keep(key, value);
      }
    }

    /** {@return the turn read, at position {@code index} of its conversation} */
    Turn build(int index) {
      return new Turn(
          index,
          userInput,
          userInputDtmf,
          userInputAt,
          agentResponse,
          agentResponseAt,
          latency,
          translatedUserInput,
          englishAgentResponse,
          intents,
          entities,
          outOfDomain,
          silence,
          fields.extras());
    }
  }

  /**
   * Latency is documented as seconds; live turns send {@code {"label", "perceived_latency",
   * "perceived_latency_percentile_1d"}} instead. The object is also kept raw, since only its
   * perceived latency has an accessor.
   */
  private static @Nullable Duration latency(String key, @Nullable Object value, Fields fields) {
    if (value instanceof Map) {
      fields.keep(key, value);
      return Fields.duration(((Map<?, ?>) value).get("perceived_latency"), 1);
    }
    return fields.duration(key, value, 1);
  }

  /** Each entities object maps a name to a string or a list of strings. */
  private static List<Entity> entities(String key, @Nullable Object value, Fields fields) {
    if (value == null) {
      return Collections.emptyList();
    }
    if (!(value instanceof List)) {
      fields.keep(key, value);
      return Collections.emptyList();
    }
    List<Entity> entities = new ArrayList<>();
    boolean kept = false;
    for (Object element : (List<?>) value) {
      if (!(element instanceof Map)) {
        kept = keepOnce(fields, key, value, kept);
        continue;
      }
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) element).entrySet()) {
        Object values = entry.getValue();
        if (values instanceof String) {
          entities.add(
              Entity.of(
                  String.valueOf(entry.getKey()), Collections.singletonList((String) values)));
        } else if (values instanceof List
            && allStrings((List<?>) values)
            && !((List<?>) values).isEmpty()) {
          @SuppressWarnings("unchecked")
          List<String> strings = (List<String>) values;
          entities.add(Entity.of(String.valueOf(entry.getKey()), strings));
        } else {
          kept = keepOnce(fields, key, value, kept);
        }
      }
    }
    return Collections.unmodifiableList(entities);
  }

  private static boolean keepOnce(Fields fields, String key, Object value, boolean kept) {
    if (!kept) {
      fields.keep(key, value);
    }
    return true;
  }

  private static boolean allStrings(List<?> list) {
    for (Object element : list) {
      if (!(element instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return the zero-based position of this turn in the conversation: the {@code turnId} of
   * annotations}
   */
  public int index() {
    return index;
  }

  /** {@return what the caller said or typed; may be empty} */
  public @Nullable String userInput() {
    return userInput;
  }

  /** {@return keypad digits the caller pressed; may be empty} */
  public @Nullable String userInputDtmf() {
    return userInputDtmf;
  }

  /** {@return when the input was received} */
  public @Nullable Instant userInputAt() {
    return userInputAt;
  }

  /** {@return what the agent said; may be empty} */
  public @Nullable String agentResponse() {
    return agentResponse;
  }

  /** {@return when the agent started responding} */
  public @Nullable Instant agentResponseAt() {
    return agentResponseAt;
  }

  /**
   * {@return how long the caller waited for the agent (the perceived latency when the service sends
   * it)}
   */
  public @Nullable Duration latency() {
    return latency;
  }

  /** {@return the input translated to the agent's language} */
  public @Nullable String translatedUserInput() {
    return translatedUserInput;
  }

  /** {@return the agent's response in English} */
  public @Nullable String englishAgentResponse() {
    return englishAgentResponse;
  }

  /** {@return intents found in the input, e.g. {@code make_booking}; empty when none} */
  public List<String> intents() {
    return intents;
  }

  /** {@return entities found in the input; empty when none} */
  public List<Entity> entities() {
    return entities;
  }

  /** {@return whether the input was out of the agent's domain; null when unknown} */
  public @Nullable Boolean isOutOfDomain() {
    return outOfDomain;
  }

  /** {@return whether the caller was silent; null when unknown} */
  public @Nullable Boolean isSilence() {
    return silence;
  }

  /**
   * {@return keys this type does not model ({@code turn_id}, {@code barge_in}, {@code metadata},
   * ...), keys whose value had an unexpected type, and the latency object, as plain JSON values:
   * integers are {@code Long}, other numbers {@code Double}, objects {@code Map}, arrays {@code
   * List}}
   */
  public Map<String, @Nullable Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Turn)) {
      return false;
    }
    Turn that = (Turn) o;
    return index == that.index
        && Objects.equals(userInput, that.userInput)
        && Objects.equals(userInputDtmf, that.userInputDtmf)
        && Objects.equals(userInputAt, that.userInputAt)
        && Objects.equals(agentResponse, that.agentResponse)
        && Objects.equals(agentResponseAt, that.agentResponseAt)
        && Objects.equals(latency, that.latency)
        && Objects.equals(translatedUserInput, that.translatedUserInput)
        && Objects.equals(englishAgentResponse, that.englishAgentResponse)
        && intents.equals(that.intents)
        && entities.equals(that.entities)
        && Objects.equals(outOfDomain, that.outOfDomain)
        && Objects.equals(silence, that.silence)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        index,
        userInput,
        userInputDtmf,
        userInputAt,
        agentResponse,
        agentResponseAt,
        latency,
        translatedUserInput,
        englishAgentResponse,
        intents,
        entities,
        outOfDomain,
        silence,
        additionalProperties);
  }

  @Override
  public String toString() {
    return "Turn{index="
        + index
        + ", userInput="
        + userInput
        + ", agentResponse="
        + agentResponse
        + ", latency="
        + latency
        + ", intents="
        + intents
        + ", entities="
        + entities
        + "}";
  }
}
