package ai.poly.data.bench.coldstart;

import ai.poly.data.Conversation;
import ai.poly.data.PolyAiData;
import ai.poly.data.bench.Payloads;

/** A fresh JVM's first {@code get} with the client, as an app would make it. */
public final class OursFirstGet {
  private OursFirstGet() {}

  public static void main(String[] args) {
    try (PolyAiData client = PolyAiData.builder().apiKey(Payloads.API_KEY).baseUrl(args[0]).build()) {
      Conversation conversation = client.conversations().get(Payloads.AGENT, Payloads.CONVERSATION);
      System.out.println(conversation.turns().size());
    }
  }
}
