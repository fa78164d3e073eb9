package ai.poly.data.bench.coldstart;

import ai.poly.data.bench.Payloads;
import ai.poly.data.bench.limit.LimitClient;
import ai.poly.data.bench.values.RefConversation;
import okhttp3.OkHttpClient;

/** A fresh JVM's first {@code get} with the hand-written limit. */
public final class LimitFirstGet {
  private LimitFirstGet() {}

  public static void main(String[] args) throws Exception {
    try (LimitClient client = new LimitClient(new OkHttpClient(), args[0], Payloads.API_KEY)) {
      RefConversation conversation = client.get(Payloads.AGENT, Payloads.CONVERSATION);
      System.out.println(conversation.turns().size());
    }
  }
}
