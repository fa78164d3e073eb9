package ai.poly.data;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Adds what every request carries (the call's correlation id, the User-Agent, and the API key to
 * the configured host only: never to a host a redirect or anything else names), records each
 * response on the call's {@link CallContext}, and bounds error bodies so that a huge error page
 * cannot exhaust memory.
 */
final class HeadersInterceptor implements Interceptor {
  static final String API_KEY = "X-API-KEY";
  static final String CORRELATION_ID = "X-PolyAI-Correlation-Id";

  /**
   * The most of an error body that is read. A PolyAI error envelope is a few hundred bytes; a
   * proxy's HTML error page a few KB. Anything longer is cut here, before Retrofit buffers it.
   */
  static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

  private final Secrets secrets;
  private final String userAgent;
  private final HttpUrl baseUrl;

  HeadersInterceptor(Secrets secrets, String userAgent, HttpUrl baseUrl) {
    this.secrets = secrets;
    this.userAgent = userAgent;
    this.baseUrl = baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext context = CallContext.of(request);
    Request.Builder headers =
        request
            .newBuilder()
            .header(CORRELATION_ID, context.correlationId)
            .header("User-Agent", userAgent);
    if (RedirectInterceptor.sameOrigin(request.url(), baseUrl)) {
      headers.header(API_KEY, secrets.apiKey());
    } else {
      headers.removeHeader(API_KEY);
    }
    Response response = chain.proceed(headers.build());
    context.recordResponse(response.code(), response.headers());
    if (response.isSuccessful() || response.body() == null) {
      return response;
    }
    return response.newBuilder().body(bounded(response.body())).build();
  }

  private static ResponseBody bounded(ResponseBody body) throws IOException {
    MediaType contentType = body.contentType();
    Buffer buffer = new Buffer();
    try (BufferedSource source = body.source()) {
      buffer = Bodies.readAtMost(source, MAX_ERROR_BODY_BYTES);
    } catch (IOException truncated) {
      // A body cut off mid-way is still an error response; the status decides the exception.
    }
    return ResponseBody.create(buffer, contentType, buffer.size());
  }

  @Override
  public String toString() {
    return "HeadersInterceptor{userAgent=" + userAgent + "}";
  }
}
