package ai.poly.data.bench;

import ai.poly.data.Conversation;
import ai.poly.data.ConversationSummary;
import ai.poly.data.FunctionEvent;
import ai.poly.data.Turn;
import ai.poly.data.bench.values.RefConversation;
import ai.poly.data.bench.values.RefEntity;
import ai.poly.data.bench.values.RefEvent;
import ai.poly.data.bench.values.RefSample;
import ai.poly.data.bench.values.RefSummary;
import ai.poly.data.bench.values.RefTurn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client's values as the references' records, so that the three can be compared. */
final class OursValues {
  private OursValues() {}

  static RefConversation of(Conversation c) {
    Map<String, List<RefSample>> metrics = new LinkedHashMap<>();
    c.metrics()
        .forEach(
            (name, samples) ->
                metrics.put(
                    name,
                    samples.stream().map(s -> new RefSample(s.timestamp(), s.value())).toList()));
    return new RefConversation(
        of((ConversationSummary) c),
        c.turns().stream().map(OursValues::of).toList(),
        metrics,
        c.functionEvents().stream().map(OursValues::of).toList());
  }

  static RefSummary of(ConversationSummary c) {
    return new RefSummary(
        c.conversationId(), c.accountId(), c.projectId(), c.createdAt(), c.startedAt(),
        c.finishedAt(), c.channel(), c.fromNumber(), c.toNumber(), c.language(), c.variantId(),
        c.clientEnv(), c.totalDuration(), c.polyaiDuration(), c.duration(), c.inProgress(),
        c.handoff(), c.handoffDestination(), c.handoffReason(), c.direction(), c.tags(),
        c.polyScore(), c.shortSummary() == null ? null : c.shortSummary().heading(),
        c.shortSummary() == null ? null : c.shortSummary().content(), c.deploymentId(), c.note(),
        c.audioUrl(), c.additionalProperties());
  }

  private static RefTurn of(Turn t) {
    return new RefTurn(
        t.index(), t.userInput(), t.userInputDtmf(), t.userInputAt(), t.agentResponse(),
        t.agentResponseAt(), t.latency(), t.translatedUserInput(), t.englishAgentResponse(),
        t.intents(), t.entities().stream().map(e -> new RefEntity(e.name(), e.values())).toList(),
        t.isOutOfDomain(), t.isSilence(), t.additionalProperties());
  }

  private static RefEvent of(FunctionEvent e) {
    return new RefEvent(
        e.turnNumber(), e.id(), e.name(), e.functionId(), e.startTime(), e.duration(),
        e.arguments(), e.error(), e.utterance(), e.handoff(), e.additionalProperties());
  }
}
