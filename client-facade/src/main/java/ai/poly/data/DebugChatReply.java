package ai.poly.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The agent's answer to one debug-chat message (or its greeting): what it said, whether the chat
 * has ended, and where the agent was when it answered (node, flow and step, retrieved topics,
 * function events, state, ...). Immutable.
 *
 * <p>Read leniently: a member of an unexpected type reads as absent (null, false, or empty) and
 * keeps its raw value in {@link #additionalProperties()} or, for a member of {@code metadata},
 * {@link #additionalMetadata()}, with the members this type does not model.
 */
public final class DebugChatReply {
  private final @Nullable String conversationId;
  private final @Nullable String userInput;
  private final @Nullable String response;
  private final boolean conversationEnded;
  private final boolean delayedResponse;
  private final Map<String, @Nullable Object> state;
  private final @Nullable String currentNode;
  private final List<String> nodeTrace;
  private final Map<String, List<MetricSample>> metrics;
  private final List<FunctionEvent> functionEvents;
  private final @Nullable String handoffDestination;
  private final List<String> retrievedTopics;
  private final List<String> retrievedSources;
  private final @Nullable String citedTopic;
  private final @Nullable String inFlow;
  private final @Nullable String inStep;
  private final List<Map<String, @Nullable Object>> llmRequests;
  private final @Nullable String asrLangCode;
  private final @Nullable String ttsLangCode;
  private final Map<String, @Nullable Object> additionalMetadata;
  private final Map<String, @Nullable Object> additionalProperties;

  private DebugChatReply(Reader r, Map<String, @Nullable Object> additionalProperties) {
    this.conversationId = r.conversationId;
    this.userInput = r.userInput;
    this.response = r.response;
    this.conversationEnded = Boolean.TRUE.equals(r.conversationEnded);
    this.delayedResponse = Boolean.TRUE.equals(r.delayedResponse);
    this.state = r.state;
    this.currentNode = r.currentNode;
    this.nodeTrace = r.nodeTrace;
    this.metrics = r.metrics;
    this.functionEvents = r.functionEvents;
    this.handoffDestination = r.handoffDestination;
    this.retrievedTopics = r.retrievedTopics;
    this.retrievedSources = r.retrievedSources;
    this.citedTopic = r.citedTopic;
    this.inFlow = r.inFlow;
    this.inStep = r.inStep;
    this.llmRequests = r.llmRequests;
    this.asrLangCode = r.asrLangCode;
    this.ttsLangCode = r.ttsLangCode;
    this.additionalMetadata = r.metadataFields.extras();
    this.additionalProperties = additionalProperties;
  }

  /** Reads a reply from the JSON members of a debug-chat response. */
  static DebugChatReply read(Map<?, ?> members) {
    Fields fields = new Fields();
    Reader reader = new Reader();
    for (Map.Entry<?, ?> entry : members.entrySet()) {
      reader.read(String.valueOf(entry.getKey()), entry.getValue(), fields);
    }
    return new DebugChatReply(reader, fields.extras());
  }

  /** {@return the chat's id, as the service repeated it} */
  public @Nullable String conversationId() {
    return conversationId;
  }

  /**
   * {@return the message the agent answered, as the service received it; empty for the greeting}
   */
  public @Nullable String userInput() {
    return userInput;
  }

  /** {@return what the agent said; null only if the service sent no text} */
  public @Nullable String response() {
    return response;
  }

  /**
   * {@return whether the agent ended the chat with this reply, after which {@link DebugChat#send}
   * fails; false when the service did not say}
   */
  public boolean conversationEnded() {
    return conversationEnded;
  }

  /**
   * {@return whether the service flagged the response as delayed ({@code delayedResponse}); false
   * when it did not say}
   */
  public boolean delayedResponse() {
    return delayedResponse;
  }

  /**
   * {@return the conversation's state (the variables the agent's functions set), as plain JSON
   * values}
   */
  public Map<String, @Nullable Object> state() {
    return state;
  }

  /** {@return the node the agent is in after answering} */
  public @Nullable String currentNode() {
    return currentNode;
  }

  /** {@return the nodes the agent passed through while answering, in order; empty when none} */
  public List<String> nodeTrace() {
    return nodeTrace;
  }

  /** {@return metrics by name, each with its recorded samples in order; empty when none} */
  public Map<String, List<MetricSample>> metrics() {
    return metrics;
  }

  /** {@return the functions the agent ran while answering; empty when none} */
  public List<FunctionEvent> functionEvents() {
    return functionEvents;
  }

  /** {@return where the agent handed the conversation off to, or null if it did not} */
  public @Nullable String handoffDestination() {
    return handoffDestination;
  }

  /** {@return the knowledge-base topics retrieved for the answer; empty when none} */
  public List<String> retrievedTopics() {
    return retrievedTopics;
  }

  /** {@return the sources retrieved for the answer; empty when none} */
  public List<String> retrievedSources() {
    return retrievedSources;
  }

  /** {@return the topic the answer cites} */
  public @Nullable String citedTopic() {
    return citedTopic;
  }

  /** {@return the flow the agent is in} */
  public @Nullable String inFlow() {
    return inFlow;
  }

  /** {@return the step of {@link #inFlow()} the agent is at} */
  public @Nullable String inStep() {
    return inStep;
  }

  /** {@return the LLM requests made for the answer, each as plain JSON values; empty when none} */
  public List<Map<String, @Nullable Object>> llmRequests() {
    return llmRequests;
  }

  /** {@return the speech-recognition language the agent used} */
  public @Nullable String asrLangCode() {
    return asrLangCode;
  }

  /** {@return the text-to-speech language the agent used} */
  public @Nullable String ttsLangCode() {
    return ttsLangCode;
  }

  /**
   * {@return members of the response's {@code metadata} this type does not model, and members of it
   * whose value had an unexpected type, as plain JSON values}
   */
  public Map<String, @Nullable Object> additionalMetadata() {
    return additionalMetadata;
  }

  /**
   * {@return members of the response this type does not model, and members whose value had an
   * unexpected type ({@code metadata} itself when it is not an object), as plain JSON values:
   * integers are {@code Long}, other numbers {@code Double}, objects {@code Map}, arrays {@code
   * List}}
   */
  public Map<String, @Nullable Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DebugChatReply)) {
      return false;
    }
    DebugChatReply that = (DebugChatReply) o;
    return Objects.equals(conversationId, that.conversationId)
        && Objects.equals(userInput, that.userInput)
        && Objects.equals(response, that.response)
        && conversationEnded == that.conversationEnded
        && delayedResponse == that.delayedResponse
        && state.equals(that.state)
        && Objects.equals(currentNode, that.currentNode)
        && nodeTrace.equals(that.nodeTrace)
        && metrics.equals(that.metrics)
        && functionEvents.equals(that.functionEvents)
        && Objects.equals(handoffDestination, that.handoffDestination)
        && retrievedTopics.equals(that.retrievedTopics)
        && retrievedSources.equals(that.retrievedSources)
        && Objects.equals(citedTopic, that.citedTopic)
        && Objects.equals(inFlow, that.inFlow)
        && Objects.equals(inStep, that.inStep)
        && llmRequests.equals(that.llmRequests)
        && Objects.equals(asrLangCode, that.asrLangCode)
        && Objects.equals(ttsLangCode, that.ttsLangCode)
        && additionalMetadata.equals(that.additionalMetadata)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        conversationId,
        userInput,
        response,
        conversationEnded,
        delayedResponse,
        state,
        currentNode,
        nodeTrace,
        metrics,
        functionEvents,
        handoffDestination,
        retrievedTopics,
        retrievedSources,
        citedTopic,
        inFlow,
        inStep,
        llmRequests,
        asrLangCode,
        ttsLangCode,
        additionalMetadata,
        additionalProperties);
  }

  @Override
  public String toString() {
    return "DebugChatReply{response="
        + response
        + ", conversationEnded="
        + conversationEnded
        + (delayedResponse ? ", delayedResponse=true" : "")
        + ", currentNode="
        + currentNode
        + ", inFlow="
        + inFlow
        + ", inStep="
        + inStep
        + ", functionEvents="
        + functionEvents.size()
        + "}";
  }

  /** Reads the members of a response and of its {@code metadata}. */
  private static final class Reader {
    final Fields metadataFields = new Fields();
    @Nullable String conversationId;
    @Nullable String userInput;
    @Nullable String response;
    @Nullable Boolean conversationEnded;
    @Nullable Boolean delayedResponse;
    Map<String, @Nullable Object> state = Collections.emptyMap();
    @Nullable String currentNode;
    List<String> nodeTrace = Collections.emptyList();
    Map<String, List<MetricSample>> metrics = Collections.emptyMap();
    List<FunctionEvent> functionEvents = Collections.emptyList();
    @Nullable String handoffDestination;
    List<String> retrievedTopics = Collections.emptyList();
    List<String> retrievedSources = Collections.emptyList();
    @Nullable String citedTopic;
    @Nullable String inFlow;
    @Nullable String inStep;
    List<Map<String, @Nullable Object>> llmRequests = Collections.emptyList();
    @Nullable String asrLangCode;
    @Nullable String ttsLangCode;

    void read(String key, @Nullable Object value, Fields fields) {
      switch (key) {
        case "conversationId":
          conversationId = fields.string(key, value);
          break;
        case "userInput":
          userInput = fields.string(key, value);
          break;
        case "response":
          response = fields.string(key, value);
          break;
        case "conversationEnded":
          conversationEnded = fields.bool(key, value);
          break;
        case "delayedResponse":
          delayedResponse = fields.bool(key, value);
          break;
        case "metadata":
          if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
              readMetadata(String.valueOf(entry.getKey()), entry.getValue());
            }
          } else if (value != null) {
            fields.keep(key, value);
          }
          break;
        default:
          fields.keep(key, value);
      }
    }

    private void readMetadata(String key, @Nullable Object value) {
      Fields fields = metadataFields;
      switch (key) {
        case "state":
          Map<String, @Nullable Object> object = fields.object(key, value);
          state = object == null ? Collections.emptyMap() : object;
          break;
        case "currentNode":
          currentNode = fields.string(key, value);
          break;
        case "nodeTrace":
          nodeTrace = fields.strings(key, value);
          break;
        case "metrics":
          metrics = Conversation.metrics(key, value, fields);
          break;
        case "functionEvents":
          functionEvents = Conversation.functionEvents(key, value, fields);
          break;
        case "handoffDestination":
          handoffDestination = fields.string(key, value);
          break;
        case "retrievedTopics":
          retrievedTopics = fields.strings(key, value);
          break;
        case "retrievedSources":
          retrievedSources = fields.strings(key, value);
          break;
        case "citedTopic":
          citedTopic = fields.string(key, value);
          break;
        case "inFlow":
          inFlow = fields.string(key, value);
          break;
        case "inStep":
          inStep = fields.string(key, value);
          break;
        case "llmRequests":
          llmRequests = objects(key, value, fields);
          break;
        case "asrLangCode":
          asrLangCode = fields.string(key, value);
          break;
        case "ttsLangCode":
          ttsLangCode = fields.string(key, value);
          break;
        default:
          fields.keep(key, value);
      }
    }

    /** The objects of a list; anything else in it is skipped, and then the whole list kept raw. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, @Nullable Object>> objects(
        String key, @Nullable Object value, Fields fields) {
      if (value == null) {
        return Collections.emptyList();
      }
      if (!(value instanceof List)) {
        fields.keep(key, value);
        return Collections.emptyList();
      }
      List<Map<String, @Nullable Object>> objects = new ArrayList<>();
      boolean unreadable = false;
      for (Object element : (List<?>) value) {
        if (element instanceof Map) {
          objects.add((Map<String, @Nullable Object>) element);
        } else {
          unreadable = true;
        }
      }
      if (unreadable) {
        fields.keep(key, value);
      }
      return Collections.unmodifiableList(objects);
    }
  }
}
