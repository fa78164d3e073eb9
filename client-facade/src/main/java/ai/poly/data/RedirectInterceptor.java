package ai.poly.data;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Follows redirects in place of OkHttp, whose own following would carry {@code X-API-KEY} to any
 * host a {@code Location} names. This interceptor runs outside {@link HeadersInterceptor}, which
 * adds the key only to requests for the configured base URL's scheme, host and port.
 *
 * <p>GET and HEAD follow 301, 302, 303, 307 and 308. Other methods follow only 307 and 308, which
 * keep the method and body; a 301, 302 or 303 would turn them into a GET, so it is returned as it
 * is (and surfaces as {@link UnexpectedStatusException}).
 */
final class RedirectInterceptor implements Interceptor {
  /**
   * The most redirects followed in one attempt, as OkHttp's own limit: Chrome follows 21 redirects;
   * Firefox, curl and wget follow 20; Safari 16; HTTP/1.0 recommended 5.
   */
  static final int MAX_REDIRECTS = 20;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int redirects = 0; ; redirects++) {
      Response response = chain.proceed(request);
      Request next = followUp(request, response);
      if (next == null) {
        return response;
      }
      response.close();
      if (redirects == MAX_REDIRECTS) {
        throw new TooManyRedirectsException();
      }
      request = next;
    }
  }

  private static @Nullable Request followUp(Request request, Response response) {
    int code = response.code();
    boolean keepsMethod = code == 307 || code == 308;
    if (!keepsMethod && code != 301 && code != 302 && code != 303) {
      return null;
    }
    String location = response.header("Location");
    HttpUrl url = location != null ? request.url().resolve(location) : null;
    if (url == null) {
      return null;
    }
    String method = request.method();
    if (!keepsMethod && !method.equals("GET") && !method.equals("HEAD")) {
      return null;
    }
    RequestBody body = request.body();
    if (body != null && body.isOneShot()) {
      return null;
    }
    Request.Builder next = request.newBuilder().url(url);
    if (!sameOrigin(request.url(), url)) {
      // Credentials of any kind stay with the origin that asked for them.
      next.removeHeader("Authorization").removeHeader("Cookie");
    }
    return next.build();
  }

  /** Whether two URLs share scheme, host and port: the unit to which a credential belongs. */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  @Override
  public String toString() {
    return "RedirectInterceptor";
  }

  /** More than {@link #MAX_REDIRECTS} redirects: a loop, which a retry would only repeat. */
  static final class TooManyRedirectsException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    TooManyRedirectsException() {
      super("too many redirects: more than " + MAX_REDIRECTS);
    }
  }
}
