package ai.poly.data.bench.limit;

import ai.poly.data.bench.values.RefConversation;
import ai.poly.data.bench.values.RefPage;
import ai.poly.data.bench.values.RefSummary;
import com.squareup.moshi.JsonReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;

/**
 * The limit for a whole call: plain OkHttp with the API key header, and {@link LimitJson} reading
 * the body as it streams in. No retries, no error mapping, no leniency: the least a client can do.
 */
public final class LimitClient implements Closeable {
  private final OkHttpClient http;
  private final HttpUrl base;
  private final String apiKey;

  public LimitClient(OkHttpClient http, String baseUrl, String apiKey) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl);
    this.apiKey = apiKey;
  }

  public RefConversation get(String agentId, String conversationId) throws IOException {
    try (Response response = http.newCall(detail(agentId, conversationId)).execute()) {
      return LimitJson.conversation(JsonReader.of(ok(response).body().source()));
    }
  }

  public CompletableFuture<RefConversation> getAsync(String agentId, String conversationId) {
    CompletableFuture<RefConversation> future = new CompletableFuture<>();
    http.newCall(detail(agentId, conversationId))
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  future.complete(
                      LimitJson.conversation(JsonReader.of(ok(response).body().source())));
                } catch (IOException | RuntimeException e) {
                  future.completeExceptionally(e);
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                future.completeExceptionally(e);
              }
            });
    return future;
  }

  public RefPage page(String agentId, int limit, int offset) throws IOException {
    HttpUrl url =
        agent(agentId)
            .addPathSegment("conversations")
            .addQueryParameter("limit", String.valueOf(limit))
            .addQueryParameter("offset", String.valueOf(offset))
            .build();
    try (Response response = http.newCall(request(url)).execute()) {
      return LimitJson.page(JsonReader.of(ok(response).body().source()));
    }
  }

  /** Every conversation of the agent, a page at a time: only the current page is held. */
  public Iterable<RefSummary> listAll(String agentId, int pageSize) {
    return () ->
        new Iterator<>() {
          private Iterator<RefSummary> page = java.util.Collections.emptyIterator();
          private int offset;
          private boolean last;

          @Override
          public boolean hasNext() {
            while (!page.hasNext() && !last) {
              try {
                RefPage next = page(agentId, pageSize, offset);
                offset += next.conversations().size();
                last = next.conversations().isEmpty() || offset >= next.count();
                page = next.conversations().iterator();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
            return page.hasNext();
          }

          @Override
          public RefSummary next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.next();
          }
        };
  }

  /** Copies the recording to {@code target} as it arrives; returns the bytes written. */
  public long downloadAudio(String agentId, String conversationId, Path target) throws IOException {
    HttpUrl url =
        agent(agentId)
            .addPathSegment("conversations")
            .addPathSegment(conversationId)
            .addPathSegment("audio")
            .build();
    try (Response response = http.newCall(request(url)).execute();
        BufferedSink sink = Okio.buffer(Okio.sink(target))) {
      return sink.writeAll(ok(response).body().source());
    }
  }

  private Request detail(String agentId, String conversationId) {
    return request(
        agent(agentId).addPathSegment("conversations").addPathSegment(conversationId).build());
  }

  private HttpUrl.Builder agent(String agentId) {
    return base.newBuilder().addPathSegments("v1/agents").addPathSegment(agentId);
  }

  private Request request(HttpUrl url) {
    return new Request.Builder().url(url).header("X-API-KEY", apiKey).build();
  }

  private static Response ok(Response response) throws IOException {
    if (response.code() != 200) {
      throw new IOException("HTTP " + response.code());
    }
    return response;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
