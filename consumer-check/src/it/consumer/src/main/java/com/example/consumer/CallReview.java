package com.example.consumer;

import ai.poly.data.Conversation;
import ai.poly.data.PolyAiData;
import ai.poly.data.Turn;
import java.util.ArrayList;
import java.util.List;

/** What a user's app might do with the client: print a conversation as a transcript. */
public final class CallReview {
  private final PolyAiData client;

  public CallReview(PolyAiData client) {
    this.client = client;
  }

  /** One line per utterance, {@code caller: ...} or {@code agent: ...}; silent sides left out. */
  public List<String> transcript(String agentId, String conversationId) {
    Conversation conversation = client.conversations().get(agentId, conversationId);
    List<String> lines = new ArrayList<>();
    for (Turn turn : conversation.turns()) {
      addLine(lines, "caller", turn.userInput());
      addLine(lines, "agent", turn.agentResponse());
    }
    return lines;
  }

  private static void addLine(List<String> lines, String who, String text) {
    if (text != null && !text.isEmpty()) {
      lines.add(who + ": " + text);
    }
  }
}
