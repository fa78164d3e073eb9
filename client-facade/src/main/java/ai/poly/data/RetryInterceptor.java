package ai.poly.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.AsyncTimeout;
import okio.Buffer;
import okio.BufferedSource;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;
import retrofit2.http.POST;
import retrofit2.http.Streaming;

/**
 * Retries a call's transient failures under its {@link RetryPolicy}, within its deadline, and
 * applies its per-call timeouts. The outermost of the client's interceptors: each attempt passes
 * through the redirect and header interceptors again, with the same correlation id.
 *
 * <p>Success bodies of non-streaming calls are read here, inside the loop, so that a body cut short
 * is retried like any other network failure (the converter would read it only after the loop).
 *
 * <p>A synchronous call waits between attempts here, on its own thread. An async call must not: it
 * runs on one of OkHttp's dispatcher threads, of which only five serve one host. Its context has
 * retries {@linkplain CallContext#handRetriesBack() handed back}: the interceptor makes one
 * attempt, notes the wait before the next, and {@link ApiCalls} enqueues that attempt when the wait
 * is over.
 */
final class RetryInterceptor implements Interceptor {
  private final RetryPolicy defaultPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  RetryInterceptor(RetryPolicy defaultPolicy, Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this.defaultPolicy = defaultPolicy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext context = CallContext.of(request);
    RequestOptions options = context.options();
    RetryPolicy policy = options.retryPolicy() != null ? options.retryPolicy() : defaultPolicy;
    chain = withTimeouts(chain, options);
    Call call = chain.call();
    boolean streaming = isStreaming(request);
    boolean idempotent = isIdempotent(request);
    // OkHttp's call timeout (the client's, or the one ApiCalls set for this call) is the deadline,
    // from the call's first attempt: an async call's later attempts are new OkHttp calls.
    long deadline =
        context.startDeadline(
            clock.millis(), TimeUnit.NANOSECONDS.toMillis(call.timeout().timeoutNanos()));
    while (true) {
      if (call.isCanceled()) {
        throw new IOException("Canceled");
      }
      if (context.attempts() > 0 && clock.millis() >= deadline) {
        // An async retry may wait in OkHttp's dispatcher queue, where its own timeout is not yet
        // running: the deadline of the call, not of the attempt, decides.
        throw new InterruptedIOException("timeout: the call's deadline passed before its retry");
      }
      context.attemptStarted();
      context.stopReason(null);
      int attempt = context.attempts();
      boolean mayRetry = attempt <= policy.maxRetries();
      Response response;
      try {
        response = chain.proceed(request);
        if (!streaming) {
          response = buffered(response);
        }
      } catch (IOException e) {
        if (!mayRetry || !retryable(e, idempotent, call)) {
          throw e;
        }
        Duration wait = policy.backoff(attempt, random.getAsDouble());
        if (!withinDeadline(context, wait, deadline)) {
          throw e;
        }
        if (context.retriesHandedBack()) {
          context.retryAfter(wait);
          throw e;
        }
        sleep(wait, call);
        continue;
      }
      if (!mayRetry || !retryable(response.code(), idempotent)) {
        return done(response, streaming, call);
      }
      Duration requested = RetryAfter.parse(response.headers(), clock);
      if (requested != null && requested.compareTo(policy.maxRetryAfter()) > 0) {
        context.stopReason(
            "not retried: the service asked to wait "
                + text(requested)
                + ", longer than the "
                + text(policy.maxRetryAfter())
                + " of RetryPolicy.maxRetryAfter");
        return done(response, streaming, call);
      }
      Duration wait = requested != null ? requested : policy.backoff(attempt, random.getAsDouble());
      if (!withinDeadline(context, wait, deadline)) {
        return done(response, streaming, call);
      }
      if (context.retriesHandedBack()) {
        // Retrofit reads and closes the response; ApiCalls discards it and tries again.
        context.retryAfter(wait);
        return response;
      }
      // Release the connection before waiting: a discarded response must never leak.
      response.close();
      sleep(wait, call);
    }
  }

  /** Whether the call may wait {@code wait} and try again; records why not when it may not. */
  private boolean withinDeadline(CallContext context, Duration wait, long deadline) {
    if (deadline - clock.millis() >= wait.toMillis()) {
      return true;
    }
    context.stopReason(
        "not retried: waiting "
            + text(wait)
            + " would pass the call's deadline ("
            + text(Duration.ofMillis(context.timeoutMillis()))
            + ")");
    return false;
  }

  private void sleep(Duration wait, Call call) throws InterruptedIOException {
    try {
      sleeper.sleep(wait, call::isCanceled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private static Chain withTimeouts(Chain chain, RequestOptions options) {
    Duration connect = options.connectTimeout();
    if (connect != null) {
      chain = chain.withConnectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS);
    }
    Duration read = options.readTimeout();
    if (read != null) {
      chain =
          chain
              .withReadTimeout((int) read.toMillis(), TimeUnit.MILLISECONDS)
              .withWriteTimeout((int) read.toMillis(), TimeUnit.MILLISECONDS);
    }
    return chain;
  }

  /**
   * Whether the request may be sent twice. GETs read; a note upsert replaces the note with the same
   * text. Adding annotations and debug-chat messages are not: sent twice, they act twice.
   */
  static boolean isIdempotent(Request request) {
    if (request.method().equals("GET") || request.method().equals("HEAD")) {
      return true;
    }
    // The path template, not the URL: an id that happens to read "note" cannot fool it.
    Method method = invoked(request);
    POST post = method != null ? method.getAnnotation(POST.class) : null;
    return post != null && post.value().endsWith("/note");
  }

  /** Whether the call streams its body ({@code @Streaming}, i.e. audio): never buffered here. */
  static boolean isStreaming(Request request) {
    Method method = invoked(request);
    return method != null && method.isAnnotationPresent(Streaming.class);
  }

  private static @Nullable Method invoked(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation != null ? invocation.method() : null;
  }

  /**
   * 408, 429 and 502-504 ask to come back later; a 500 is often transient too. A 429 is retried
   * even when not idempotent: the service turned the request away without acting on it. Other
   * statuses are final.
   */
  static boolean retryable(int status, boolean idempotent) {
    switch (status) {
      case 429:
        return true;
      case 408:
      case 500:
      case 502:
      case 503:
      case 504:
        return idempotent;
      default:
        return false;
    }
  }

  /**
   * Network failures are retried when the request is idempotent, or when it certainly never reached
   * the service (connection refused). Never retried: a canceled or interrupted call, and failures
   * that would only repeat (a certificate error, cleartext not permitted, a redirect loop). A
   * response cut short is retried, although OkHttp reports it as a {@code ProtocolException}.
   */
  private static boolean retryable(IOException e, boolean idempotent, Call call) {
    if (call.isCanceled()
        || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))
        || e instanceof RedirectInterceptor.TooManyRedirectsException
        || e instanceof UnknownServiceException
        || e instanceof SSLPeerUnverifiedException
        || (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException)) {
      return false;
    }
    return idempotent || e instanceof ConnectException;
  }

  /**
   * A success response with its body read into memory, up to one byte past the converter's limit so
   * that the converter still reports an oversized body. Reading it here turns a body cut short into
   * an {@link IOException} of this attempt.
   */
  private static Response buffered(Response response) throws IOException {
    ResponseBody body = response.body();
    if (!response.isSuccessful() || body == null) {
      return response;
    }
    Buffer buffer;
    try (BufferedSource source = body.source()) {
      buffer = Bodies.readAtMost(source, JsonConverterFactory.MAX_JSON_BODY_BYTES + 1);
    }
    return response
        .newBuilder()
        .body(ResponseBody.create(buffer, body.contentType(), buffer.size()))
        .build();
  }

  /**
   * The response to return. A streaming call's deadline ends here, once its headers are in: a
   * recording of a long call can take longer to download than any sensible call timeout, and the
   * read timeout still bounds every silence.
   */
  private static Response done(Response response, boolean streaming, Call call) {
    if (streaming && response.isSuccessful()) {
      Timeout timeout = call.timeout();
      if (timeout instanceof AsyncTimeout) {
        ((AsyncTimeout) timeout).exit();
      }
    }
    return response;
  }

  /** A duration for a message: {@code 750 ms}, {@code 2 s}, {@code 1.5 s}. */
  static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
  }

  @Override
  public String toString() {
    return "RetryInterceptor{" + defaultPolicy + "}";
  }
}
