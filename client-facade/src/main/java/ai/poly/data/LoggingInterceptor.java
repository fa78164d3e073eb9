package ai.poly.data;

import ai.poly.data.PolyAiData.LogLevel;
import ai.poly.data.PolyAiData.Logger;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Logs each HTTP request and response at a {@link LogLevel}, with secrets removed: the values of
 * credential headers are replaced with {@code [redacted]}, and the API key is scrubbed from every
 * URL, header and body. Installed inside {@link HeadersInterceptor}, so it logs each attempt and
 * each redirect with the headers the client set (OkHttp adds {@code Host}, {@code Accept-Encoding}
 * and {@code Connection} later).
 */
final class LoggingInterceptor implements Interceptor {
  /** Header names (lower case) whose values are never logged. */
  static final Set<String> REDACTED_HEADERS =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie")));

  /**
   * The most of a body logged. A conversation can be a megabyte; the top of it is what a reader of
   * a log needs, and a log line of that size is already generous.
   */
  static final int MAX_LOGGED_BODY_CHARS = 16 * 1024;

  private final LogLevel level;
  private final Logger logger;
  private final Secrets secrets;

  LoggingInterceptor(LogLevel level, Logger logger, Secrets secrets) {
    this.level = level;
    this.logger = logger;
    this.secrets = secrets;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean headers = level.compareTo(LogLevel.HEADERS) >= 0;
    boolean bodies = level == LogLevel.BODY;
    RequestBody body = request.body();
    String url = secrets.scrub(request.url().toString());
    log(
        "--> "
            + request.method()
            + " "
            + url
            + (body != null && !headers ? " (" + length(body) + "-byte body)" : ""));
    if (headers) {
      logHeaders(request.headers());
      if (body != null && body.contentType() != null && request.header("Content-Type") == null) {
        log("Content-Type: " + body.contentType());
      }
      if (bodies && body != null) {
        logRequestBody(body);
      }
      log("--> END " + request.method());
    }

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log("<-- HTTP FAILED: " + secrets.scrub(String.valueOf(e)));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String message = response.message().isEmpty() ? "" : " " + response.message();
    log("<-- " + response.code() + message + " " + url + " (" + millis + " ms)");
    if (headers) {
      logHeaders(response.headers());
      if (bodies) {
        logResponseBody(request, response);
      }
      log("<-- END HTTP");
    }
    return response;
  }

  private void logHeaders(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          REDACTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
              ? Secrets.REDACTED
              : secrets.scrub(headers.value(i));
      log(name + ": " + value);
    }
  }

  private void logRequestBody(RequestBody body) throws IOException {
    if (body.isDuplex() || body.isOneShot()) {
      log("(body of " + length(body) + " bytes not logged: it can be read only once)");
    } else if (!isText(body.contentType())) {
      log("(binary body of " + length(body) + " bytes not logged)");
    } else {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      logText(buffer.readUtf8(), false);
    }
  }

  private void logResponseBody(Request request, Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return;
    }
    if (RetryInterceptor.isStreaming(request)) {
      log("(streamed body not logged)");
    } else if (!isText(body.contentType())) {
      log("(binary body not logged)");
    } else {
      // Peeking leaves the body whole for the converter; a body cut short fails here as it would
      // there. The logged characters take at most 4 bytes each; a key's length more is read so that
      // a key across the cut is still recognised and scrubbed before the cut.
      long limit = MAX_LOGGED_BODY_CHARS * 4L + secrets.apiKey().length();
      byte[] bytes = response.peekBody(limit).bytes();
      logText(new Buffer().write(bytes).readUtf8(), bytes.length == limit);
    }
  }

  /** Logs {@code text}, scrubbed, then cut; {@code partial} when it is only the start of a body. */
  private void logText(String text, boolean partial) {
    String scrubbed = secrets.scrub(text);
    if (scrubbed.length() > MAX_LOGGED_BODY_CHARS) {
      log(scrubbed.substring(0, MAX_LOGGED_BODY_CHARS));
      log("(body cut to its first " + MAX_LOGGED_BODY_CHARS + " characters)");
    } else {
      log(scrubbed);
      if (partial) {
        log("(body cut)");
      }
    }
  }

  private static String length(RequestBody body) throws IOException {
    long length = body.contentLength();
    return length >= 0 ? Long.toString(length) : "unknown";
  }

  /** JSON, any {@code text/*}, and forms: what a person can read in a log. */
  private static boolean isText(@Nullable MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return type.type().equals("text")
        || JsonConverterFactory.isJson(type)
        || subtype.equals("x-www-form-urlencoded")
        || subtype.endsWith("+xml")
        || subtype.equals("xml");
  }

  private void log(String message) {
    logger.log(message);
  }

  @Override
  public String toString() {
    return "LoggingInterceptor{level=" + level + "}";
  }
}
