package ai.poly.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer dispatcher serving an agent's conversations as the list operation does: newest
 * first, {@code limit} from {@code offset}, with a {@code count} that tests may falsify.
 */
final class ListingServer extends Dispatcher {
  private final List<String> ids = new CopyOnWriteArrayList<>();
  private final List<HttpUrl> requested = new CopyOnWriteArrayList<>();
  private volatile IntUnaryOperator reportedCount = IntUnaryOperator.identity();
  private volatile boolean ignoreOffset;
  private volatile int arrivalsPerPage;
  private volatile int pagesWithArrivals = Integer.MAX_VALUE;
  private int arrived;

  /** A listing of {@code total} conversations, {@code CA0} the oldest. */
  static ListingServer of(int total) {
    ListingServer server = new ListingServer();
    for (int i = total - 1; i >= 0; i--) {
      server.ids.add("CA" + i);
    }
    return server;
  }

  /** Reports {@code count} as {@code f(true count)}. */
  ListingServer reportCount(IntUnaryOperator f) {
    this.reportedCount = f;
    return this;
  }

  /** Serves the first page whatever the offset, as a broken service might. */
  ListingServer ignoreOffset() {
    this.ignoreOffset = true;
    return this;
  }

  /** Adds {@code n} new conversations at the top after serving each page. */
  ListingServer arrivalsPerPage(int n) {
    this.arrivalsPerPage = n;
    return this;
  }

  /** Adds {@code n} new conversations at the top after serving the first page only. */
  ListingServer arrivalsAfterTheFirstPage(int n) {
    this.arrivalsPerPage = n;
    this.pagesWithArrivals = 1;
    return this;
  }

  List<HttpUrl> requested() {
    return requested;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    requested.add(url);
    int limit = intParameter(url, "limit", ConversationPage.SERVICE_DEFAULT_LIMIT);
    int offset = ignoreOffset ? 0 : intParameter(url, "offset", 0);
    List<Map<String, Object>> page = new ArrayList<>();
    for (int i = offset; i < Math.min(ids.size(), offset + limit); i++) {
      page.add(summary(ids.get(i)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("conversations", page);
    body.put("count", reportedCount.applyAsInt(ids.size()));
    body.put("limit", limit);
    body.put("offset", offset);
    if (requested.size() <= pagesWithArrivals) {
      for (int i = 0; i < arrivalsPerPage; i++) {
        ids.add(0, "CA-new-" + arrived++);
      }
    }
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(HttpTestSupport.toJson(body));
  }

  private static int intParameter(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  static Map<String, Object> summary(String id) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("conversationId", id);
    summary.put("accountId", "ws-7c41a9e2");
    summary.put("projectId", HttpTestSupport.AGENT);
    summary.put("channel", "VOICE-SIP");
    summary.put("totalDuration", 60);
    return summary;
  }
}
