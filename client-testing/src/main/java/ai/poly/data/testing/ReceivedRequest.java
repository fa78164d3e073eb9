package ai.poly.data.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/** One HTTP request the fake received, with its method, target, headers and body. */
public final class ReceivedRequest {
  private static final String API_KEY = "x-api-key";

  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String body;

  private ReceivedRequest(
      String method, String path, Map<String, List<String>> headers, String body) {
    this.method = method;
    this.path = path;
    this.headers = headers;
    this.body = body;
  }

  static ReceivedRequest from(RecordedRequest request, String body) {
    Headers headers = request.getHeaders();
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      List<String> values = map.get(name);
      if (values == null) {
        values = new ArrayList<>(1);
        map.put(name, values);
      }
      values.add(headers.value(i));
    }
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      entry.setValue(Collections.unmodifiableList(entry.getValue()));
    }
    String method = request.getMethod();
    String path = request.getPath();
    return new ReceivedRequest(
        method == null ? "" : method,
        path == null ? "" : path,
        Collections.unmodifiableMap(map),
        body);
  }

  /** {@return the method, such as {@code GET}} */
  public String method() {
    return method;
  }

  /**
   * Returns the request target as sent: the encoded path and any query, such as {@code
   * /v1/agents/PROJECT-1/conversations?limit=2}.
   *
   * @return the path and query
   */
  public String path() {
    return path;
  }

  /**
   * Returns the first value of header {@code name}, ignoring case, or null if it was not sent.
   *
   * @param name the header name, in any case
   * @return the value, or null
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : values.get(0);
  }

  /** {@return every header, keyed by lower-case name, values in the order sent} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** {@return the body as UTF-8 text; empty when there was none} */
  public String body() {
    return body;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof ReceivedRequest)) {
      return false;
    }
    ReceivedRequest that = (ReceivedRequest) other;
    return method.equals(that.method)
        && path.equals(that.path)
        && headers.equals(that.headers)
        && body.equals(that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, headers, body);
  }

  /** Returns the method, target, headers and body length; the API key's value is never printed. */
  @Override
  public String toString() {
    StringBuilder result = new StringBuilder("ReceivedRequest{").append(method).append(' ');
    result.append(path).append(", headers=[");
    String separator = "";
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      result.append(separator).append(header.getKey()).append('=');
      result.append(header.getKey().equals(API_KEY) ? "██" : String.join(",", header.getValue()));
      separator = ", ";
    }
    return result.append("], body=").append(body.length()).append(" chars}").toString();
  }
}
