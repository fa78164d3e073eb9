package ai.poly.data.bench;

import ai.poly.data.AudioOptions;
import ai.poly.data.ConversationSummary;
import ai.poly.data.ListParams;
import ai.poly.data.PolyAiData;
import ai.poly.data.bench.limit.LimitClient;
import ai.poly.data.bench.stock.ApiCallback;
import ai.poly.data.bench.stock.ApiClient;
import ai.poly.data.bench.stock.ApiException;
import ai.poly.data.bench.stock.api.ConversationsApi;
import ai.poly.data.bench.stock.model.ConversationDetailResponse;
import ai.poly.data.bench.stock.model.ConversationSummaryResponse;
import ai.poly.data.bench.stock.model.GetConversationsResponse;
import ai.poly.data.bench.stockvalues.StockValues;
import ai.poly.data.bench.values.RefSummary;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * One of the clients under test, driven the same way by every benchmark: {@code ours} (the
 * library), {@code limit} (the hand-written OkHttp + Moshi client), {@code stock} (openapi-
 * generator's okhttp-gson client plus the conversion of its untyped parts into typed values) and
 * {@code stock-untyped} (the stock client alone, leaving turns as Gson maps).
 */
public abstract class BenchClient implements Closeable {
  BenchClient() {}

  /**
   * A client of {@code baseUrl}, on its own default HTTP stack when {@code http} is null, else on
   * {@code http} (the parse benchmark's in-memory one).
   */
  public static BenchClient create(String name, String baseUrl, OkHttpClient http) {
    return switch (name) {
      case "ours" -> new Ours(baseUrl, http);
      case "limit" -> new Limit(baseUrl, http);
      case "stock" -> new Stock(baseUrl, http, true);
      case "stock-untyped" -> new Stock(baseUrl, http, false);
      default -> throw new IllegalArgumentException("no such client: " + name);
    };
  }

  /** Fetches one conversation as typed values. */
  public abstract Object get(String agentId, String conversationId) throws Exception;

  /** Fetches one conversation without blocking. */
  public abstract CompletableFuture<?> getAsync(String agentId, String conversationId);

  /** Hands every conversation of the agent to {@code each}, fetching pages of {@code pageSize}. */
  public abstract void listAll(String agentId, int pageSize, Consumer<Object> each)
      throws Exception;

  /** Streams a recording to {@code target}; returns its size. */
  public abstract long downloadAudio(String agentId, String conversationId, Path target)
      throws Exception;

  @Override
  public abstract void close();

  private static final class Ours extends BenchClient {
    private final PolyAiData client;

    Ours(String baseUrl, OkHttpClient http) {
      PolyAiData.Builder builder = PolyAiData.builder().apiKey(Payloads.API_KEY).baseUrl(baseUrl);
      if (http != null) {
        builder.okHttpClient(http);
      }
      this.client = builder.build();
    }

    @Override
    public Object get(String agentId, String conversationId) {
      return client.conversations().get(agentId, conversationId);
    }

    @Override
    public CompletableFuture<?> getAsync(String agentId, String conversationId) {
      return client.conversations().getAsync(agentId, conversationId);
    }

    @Override
    public void listAll(String agentId, int pageSize, Consumer<Object> each) {
      ListParams params = ListParams.builder().limit(pageSize).build();
      for (ConversationSummary summary : client.conversations().listAll(agentId, params)) {
        each.accept(summary);
      }
    }

    @Override
    public long downloadAudio(String agentId, String conversationId, Path target)
        throws IOException {
      return client
          .conversations()
          .downloadAudio(agentId, conversationId, AudioOptions.defaults(), target);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private static final class Limit extends BenchClient {
    private final LimitClient client;

    Limit(String baseUrl, OkHttpClient http) {
      this.client = new LimitClient(http != null ? http : new OkHttpClient(), baseUrl, Payloads.API_KEY);
    }

    @Override
    public Object get(String agentId, String conversationId) throws Exception {
      return client.get(agentId, conversationId);
    }

    @Override
    public CompletableFuture<?> getAsync(String agentId, String conversationId) {
      return client.getAsync(agentId, conversationId);
    }

    @Override
    public void listAll(String agentId, int pageSize, Consumer<Object> each) {
      for (RefSummary summary : client.listAll(agentId, pageSize)) {
        each.accept(summary);
      }
    }

    @Override
    public long downloadAudio(String agentId, String conversationId, Path target)
        throws Exception {
      return client.downloadAudio(agentId, conversationId, target);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** What a user of the stock client writes: its API calls, then the conversion to values. */
  private static final class Stock extends BenchClient {
    private final ApiClient apiClient;
    private final ConversationsApi api;
    private final boolean typed;

    Stock(String baseUrl, OkHttpClient http, boolean typed) {
      this.apiClient = http != null ? new ApiClient(http) : new ApiClient();
      apiClient.setBasePath(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      apiClient.setApiKey(Payloads.API_KEY);
      this.api = new ConversationsApi(apiClient);
      this.typed = typed;
    }

    @Override
    public Object get(String agentId, String conversationId) throws ApiException {
      ConversationDetailResponse response =
          api.v1AgentsAgentIdConversationsConversationIdGet(agentId, conversationId);
      return typed ? StockValues.conversation(response) : response;
    }

    @Override
    public CompletableFuture<?> getAsync(String agentId, String conversationId) {
      CompletableFuture<Object> future = new CompletableFuture<>();
      try {
        api.v1AgentsAgentIdConversationsConversationIdGetAsync(
            agentId,
            conversationId,
            new ApiCallback<>() {
              @Override
              public void onSuccess(
                  ConversationDetailResponse result, int status, Map<String, List<String>> h) {
                try {
                  future.complete(typed ? StockValues.conversation(result) : result);
                } catch (RuntimeException e) {
                  future.completeExceptionally(e);
                }
              }

              @Override
              public void onFailure(ApiException e, int status, Map<String, List<String>> h) {
                future.completeExceptionally(e);
              }

              @Override
              public void onUploadProgress(long written, long total, boolean done) {}

              @Override
              public void onDownloadProgress(long read, long total, boolean done) {}
            });
      } catch (ApiException e) {
        future.completeExceptionally(e);
      }
      return future;
    }

    @Override
    public void listAll(String agentId, int pageSize, Consumer<Object> each) throws ApiException {
      int offset = 0;
      while (true) {
        GetConversationsResponse page =
            api.v1AgentsAgentIdConversationsGet(agentId, pageSize, offset);
        for (ConversationSummaryResponse summary : page.getConversations()) {
          each.accept(typed ? StockValues.summary(summary) : summary);
        }
        offset += page.getConversations().size();
        if (page.getConversations().isEmpty() || offset >= page.getCount()) {
          return;
        }
      }
    }

    @Override
    public long downloadAudio(String agentId, String conversationId, Path target)
        throws Exception {
      apiClient.setTempFolderPath(target.toAbsolutePath().getParent().toString());
      File file = api.v1AgentsAgentIdConversationsConversationIdAudioGet(agentId, conversationId, null, null);
      Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return Files.size(target);
    }

    @Override
    public void close() {
      apiClient.getHttpClient().dispatcher().executorService().shutdown();
      apiClient.getHttpClient().connectionPool().evictAll();
    }
  }
}
