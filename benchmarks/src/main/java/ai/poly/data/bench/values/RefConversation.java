package ai.poly.data.bench.values;

import java.util.List;
import java.util.Map;

/** A conversation with its turns, metrics and function events, as {@code Conversation} has them. */
public record RefConversation(
    RefSummary summary,
    List<RefTurn> turns,
    Map<String, List<RefSample>> metrics,
    List<RefEvent> functionEvents) {}
