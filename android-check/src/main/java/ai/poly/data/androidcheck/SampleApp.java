package ai.poly.data.androidcheck;

import ai.poly.data.Annotation;
import ai.poly.data.AnnotationType;
import ai.poly.data.Conversation;
import ai.poly.data.ConversationPage;
import ai.poly.data.ConversationSummary;
import ai.poly.data.Conversations;
import ai.poly.data.DebugChat;
import ai.poly.data.DebugChatOptions;
import ai.poly.data.DebugChatReply;
import ai.poly.data.Entity;
import ai.poly.data.FunctionEvent;
import ai.poly.data.ListParams;
import ai.poly.data.MetricSample;
import ai.poly.data.NotFoundException;
import ai.poly.data.PolyAiApiException;
import ai.poly.data.PolyAiData;
import ai.poly.data.Role;
import ai.poly.data.Summary;
import ai.poly.data.Turn;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An app that uses the client the way an Android app would, for the shrinker check: the test
 * builds it with ProGuard and only the rules the jars ship, runs it against a local fake, and
 * compares what it prints with what the unshrunk app prints. It prints every value it reads, one
 * {@code name=value} line each, named after the accessor that returned it.
 */
public final class SampleApp {
  private static final String LOGGER_NAME = "ai.poly.data.PolyAiData";
  static final String NOTE = "Called back on 3 November.";
  static final String CHAT_ID = "CHAT-android-check";
  static final String CHAT_MESSAGE = "¿Tienen mesa para cuatro el sábado?";

  private final PrintStream out;

  private SampleApp(PrintStream out) {
    this.out = out;
  }

  /** Arguments: base URL, API key, agent id, conversation id, id of a missing conversation. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: SampleApp baseUrl apiKey agentId conversationId missingConversationId");
      System.exit(2);
    }
    // UTF-8 whatever the platform's default, so that the test reads back exactly what was printed.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    run(args, out);
    out.flush();
  }

  static void run(String[] args, PrintStream out)
      throws InterruptedException, ExecutionException, TimeoutException {
    String agentId = args[2];
    SampleApp app = new SampleApp(out);
    PolyAiData.Builder builder = PolyAiData.builder().apiKey(args[1]).baseUrl(args[0]);
    try (PolyAiData client = builder.build()) {
      Conversations conversations = client.conversations();
      conversations.upsertNote(agentId, args[3], NOTE);
      Conversation conversation = conversations.get(agentId, args[3]);
      app.conversation("conversation", conversation);

      Conversation async = conversations.getAsync(agentId, args[3]).get(30, TimeUnit.SECONDS);
      app.print("async.equalsGet", async.equals(conversation));

      conversations.annotate(
          agentId,
          args[3],
          Arrays.asList(
              Annotation.of(conversation.turns().get(1), Role.AGENT, AnnotationType.WRONG_INFO),
              Annotation.of(0, Role.USER, AnnotationType.WRONG_TRANSCRIPT)));

      ConversationPage page = conversations.list(agentId, ListParams.builder().limit(2).build());
      app.page("page", page);
      app.page("nextPage", page.nextPage());

      DebugChat chat =
          client
              .debugChat()
              .start(agentId, DebugChatOptions.builder().conversationId(CHAT_ID).build());
      app.print("chat.agentId", chat.agentId());
      app.print("chat.conversationId", chat.conversationId());
      app.debugChatReply("chat.greeting", chat.greeting());
      app.debugChatReply("chat.reply", chat.send(CHAT_MESSAGE));
      app.print("chat.isEnded", chat.isEnded());
    }

    // The default logger logs to java.util.logging under the client's documented name.
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(LOGGER_NAME);
    boolean useParentHandlers = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    try (PolyAiData client = builder.logLevel(PolyAiData.LogLevel.BASIC).build()) {
      client.conversations().get(agentId, args[4]);
      app.print("error", "none");
    } catch (PolyAiApiException e) {
      app.error("error", e);
    } finally {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(useParentHandlers);
    }
    for (int i = 0; i < logged.size(); i++) {
      app.print("log[" + i + "]", logged.get(i).replaceAll("\\(\\d+ ms\\)", "(<ms>)"));
    }
  }

  private void conversation(String name, Conversation conversation) {
    summary(name, conversation);
    List<Turn> turns = conversation.turns();
    print(name + ".turns.size", turns.size());
    for (int i = 0; i < turns.size(); i++) {
      turn(name + ".turns[" + i + "]", turns.get(i));
    }
    for (Map.Entry<String, List<MetricSample>> metric : conversation.metrics().entrySet()) {
      List<MetricSample> samples = metric.getValue();
      for (int i = 0; i < samples.size(); i++) {
        String sample = name + ".metrics[" + metric.getKey() + "][" + i + "]";
        print(sample + ".timestamp", samples.get(i).timestamp());
        print(sample + ".value", samples.get(i).value());
      }
    }
    List<FunctionEvent> events = conversation.functionEvents();
    print(name + ".functionEvents.size", events.size());
    for (int i = 0; i < events.size(); i++) {
      functionEvent(name + ".functionEvents[" + i + "]", events.get(i));
    }
  }

  private void page(String name, ConversationPage page) {
    print(name + ".count", page.count());
    print(name + ".limit", page.limit());
    print(name + ".offset", page.offset());
    print(name + ".hasNextPage", page.hasNextPage());
    print(name + ".additionalProperties", page.additionalProperties());
    List<ConversationSummary> summaries = page.conversations();
    print(name + ".conversations.size", summaries.size());
    for (int i = 0; i < summaries.size(); i++) {
      summary(name + ".conversations[" + i + "]", summaries.get(i));
    }
  }

  private void debugChatReply(String name, DebugChatReply reply) {
    print(name + ".conversationId", reply.conversationId());
    print(name + ".userInput", reply.userInput());
    print(name + ".response", reply.response());
    print(name + ".conversationEnded", reply.conversationEnded());
    print(name + ".delayedResponse", reply.delayedResponse());
    print(name + ".state", reply.state());
    print(name + ".currentNode", reply.currentNode());
    print(name + ".nodeTrace", reply.nodeTrace());
    print(name + ".metrics", reply.metrics());
    print(name + ".functionEvents.size", reply.functionEvents().size());
    print(name + ".handoffDestination", reply.handoffDestination());
    print(name + ".retrievedTopics", reply.retrievedTopics());
    print(name + ".retrievedSources", reply.retrievedSources());
    print(name + ".citedTopic", reply.citedTopic());
    print(name + ".inFlow", reply.inFlow());
    print(name + ".inStep", reply.inStep());
    print(name + ".llmRequests", reply.llmRequests());
    print(name + ".asrLangCode", reply.asrLangCode());
    print(name + ".ttsLangCode", reply.ttsLangCode());
    print(name + ".additionalMetadata", reply.additionalMetadata());
    print(name + ".additionalProperties", reply.additionalProperties());
  }

  private void summary(String name, ConversationSummary summary) {
    print(name + ".conversationId", summary.conversationId());
    print(name + ".accountId", summary.accountId());
    print(name + ".projectId", summary.projectId());
    print(name + ".createdAt", summary.createdAt());
    print(name + ".startedAt", summary.startedAt());
    print(name + ".finishedAt", summary.finishedAt());
    print(name + ".channel", summary.channel());
    print(name + ".fromNumber", summary.fromNumber());
    print(name + ".toNumber", summary.toNumber());
    print(name + ".language", summary.language());
    print(name + ".variantId", summary.variantId());
    print(name + ".clientEnv", summary.clientEnv());
    print(name + ".totalDuration", summary.totalDuration());
    print(name + ".polyaiDuration", summary.polyaiDuration());
    print(name + ".duration", summary.duration());
    print(name + ".inProgress", summary.inProgress());
    print(name + ".handoff", summary.handoff());
    print(name + ".handoffDestination", summary.handoffDestination());
    print(name + ".handoffReason", summary.handoffReason());
    print(name + ".direction", summary.direction());
    print(name + ".tags", summary.tags());
    print(name + ".polyScore", summary.polyScore());
    Summary shortSummary = summary.shortSummary();
    print(name + ".shortSummary.heading", shortSummary == null ? null : shortSummary.heading());
    print(name + ".shortSummary.content", shortSummary == null ? null : shortSummary.content());
    print(name + ".deploymentId", summary.deploymentId());
    print(name + ".note", summary.note());
    print(name + ".audioUrl", summary.audioUrl());
    print(name + ".additionalProperties", summary.additionalProperties());
  }

  private void turn(String name, Turn turn) {
    print(name + ".index", turn.index());
    print(name + ".userInput", turn.userInput());
    print(name + ".userInputDtmf", turn.userInputDtmf());
    print(name + ".userInputAt", turn.userInputAt());
    print(name + ".agentResponse", turn.agentResponse());
    print(name + ".agentResponseAt", turn.agentResponseAt());
    print(name + ".latency", turn.latency());
    print(name + ".translatedUserInput", turn.translatedUserInput());
    print(name + ".englishAgentResponse", turn.englishAgentResponse());
    print(name + ".intents", turn.intents());
    List<Entity> entities = turn.entities();
    for (int i = 0; i < entities.size(); i++) {
      print(name + ".entities[" + i + "].name", entities.get(i).name());
      print(name + ".entities[" + i + "].values", entities.get(i).values());
    }
    print(name + ".isOutOfDomain", turn.isOutOfDomain());
    print(name + ".isSilence", turn.isSilence());
    print(name + ".additionalProperties", turn.additionalProperties());
  }

  private void functionEvent(String name, FunctionEvent event) {
    print(name + ".turnNumber", event.turnNumber());
    print(name + ".id", event.id());
    print(name + ".name", event.name());
    print(name + ".functionId", event.functionId());
    print(name + ".startTime", event.startTime());
    print(name + ".duration", event.duration());
    print(name + ".arguments", event.arguments());
    print(name + ".error", event.error());
    print(name + ".utterance", event.utterance());
    print(name + ".handoff", event.handoff());
    print(name + ".additionalProperties", event.additionalProperties());
  }

  private void error(String name, PolyAiApiException e) {
    // Class names are obfuscated in a shrunk app, so the type is printed as a check.
    print(name + ".isNotFoundException", e instanceof NotFoundException);
    print(name + ".statusCode", e.statusCode());
    print(name + ".errorCode", e.errorCode());
    print(name + ".errorMessage", e.errorMessage());
    print(name + ".correlationId", e.correlationId());
    print(name + ".attempts", e.attempts());
    print(name + ".retryAfter", e.retryAfter());
    print(name + ".message", e.getMessage());
    print(name + ".headers.content-type", e.headers().get("content-type"));
    print(name + ".body", e.body());
  }

  private void print(String name, Object value) {
    out.println(name + "=" + value);
  }
}
