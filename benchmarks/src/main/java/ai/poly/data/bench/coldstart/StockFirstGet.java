package ai.poly.data.bench.coldstart;

import ai.poly.data.bench.Payloads;
import ai.poly.data.bench.stock.ApiClient;
import ai.poly.data.bench.stock.api.ConversationsApi;
import ai.poly.data.bench.stockvalues.StockValues;
import ai.poly.data.bench.values.RefConversation;

/** A fresh JVM's first {@code get} with the stock client, converted to typed values. */
public final class StockFirstGet {
  private StockFirstGet() {}

  public static void main(String[] args) throws Exception {
    ApiClient apiClient = new ApiClient();
    apiClient.setBasePath(args[0].replaceAll("/$", ""));
    apiClient.setApiKey(Payloads.API_KEY);
    RefConversation conversation =
        StockValues.conversation(
            new ConversationsApi(apiClient)
                .v1AgentsAgentIdConversationsConversationIdGet(
                    Payloads.AGENT, Payloads.CONVERSATION));
    System.out.println(conversation.turns().size());
    apiClient.getHttpClient().dispatcher().executorService().shutdown();
    apiClient.getHttpClient().connectionPool().evictAll();
  }
}
