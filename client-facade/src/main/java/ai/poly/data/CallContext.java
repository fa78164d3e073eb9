package ai.poly.data;

import java.time.Duration;
import java.util.UUID;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * State of one logical call, shared by all its attempts: tagged on its OkHttp request by {@link
 * ContextCallFactory}, read by the interceptors and by {@link ApiCalls}.
 */
final class CallContext {
  /** A fresh UUID per logical call; every retry of the call sends the same one. */
  final String correlationId;

  private volatile int lastStatus;
  private volatile Headers lastHeaders = Headers.of();
  private volatile RequestOptions options = RequestOptions.none();
  private volatile int attempts;
  private volatile @Nullable String stopReason;
  private volatile boolean retriesHandedBack;
  private volatile @Nullable Duration retryWait;
  private volatile long deadlineMillis = -1;
  private volatile long timeoutMillis;

  CallContext(String correlationId) {
    this.correlationId = correlationId;
  }

  static CallContext create() {
    return new CallContext(UUID.randomUUID().toString());
  }

  /** The context of {@code request}, or a new one for a request built elsewhere. */
  static CallContext of(Request request) {
    CallContext context = request.tag(CallContext.class);
    return context != null ? context : create();
  }

  void recordResponse(int status, Headers headers) {
    this.lastHeaders = headers;
    this.lastStatus = status;
  }

  /** The status of the last response seen, or 0 before any. */
  int lastStatus() {
    return lastStatus;
  }

  Headers lastHeaders() {
    return lastHeaders;
  }

  /** The call's own settings, set by {@link ApiCalls} before the call starts. */
  RequestOptions options() {
    return options;
  }

  void options(RequestOptions options) {
    this.options = options;
  }

  /** How many attempts (HTTP requests, redirects aside) the call has started. */
  int attempts() {
    return attempts;
  }

  void attemptStarted() {
    attempts++;
  }

  /**
   * Makes {@link RetryInterceptor} hand each retry back instead of waiting for it: an async call
   * waits without holding an OkHttp thread, and {@link ApiCalls} makes the next attempt.
   */
  void handRetriesBack() {
    retriesHandedBack = true;
  }

  boolean retriesHandedBack() {
    return retriesHandedBack;
  }

  /** Asks for another attempt after {@code wait}; only when retries are handed back. */
  void retryAfter(Duration wait) {
    retryWait = wait;
  }

  /** The wait before the attempt asked for by the last one, cleared; null when none was. */
  @Nullable Duration takeRetryWait() {
    Duration wait = retryWait;
    retryWait = null;
    return wait;
  }

  /**
   * Starts the call's deadline at {@code nowMillis} plus {@code timeoutMillis} (0: none), unless an
   * earlier attempt started it already. Returns the deadline, or Long.MAX_VALUE for none.
   */
  synchronized long startDeadline(long nowMillis, long timeoutMillis) {
    if (deadlineMillis < 0) {
      this.timeoutMillis = timeoutMillis;
      deadlineMillis = timeoutMillis == 0 ? Long.MAX_VALUE : nowMillis + timeoutMillis;
    }
    return deadlineMillis;
  }

  /** The call's deadline on the clock, or Long.MAX_VALUE when it has none or has not started. */
  long deadlineMillis() {
    long deadline = deadlineMillis;
    return deadline < 0 ? Long.MAX_VALUE : deadline;
  }

  /** The call's whole timeout as configured, in milliseconds; 0 for none. */
  long timeoutMillis() {
    return timeoutMillis;
  }

  /** Why the call was not retried although its failure is retryable, or null. */
  @Nullable String stopReason() {
    return stopReason;
  }

  void stopReason(@Nullable String reason) {
    this.stopReason = reason;
  }

  /**
   * What exception messages append: the attempts made, when more than one, and why no more were.
   */
  String outcome() {
    StringBuilder outcome = new StringBuilder();
    if (attempts > 1) {
      outcome.append(" after ").append(attempts).append(" attempts");
    }
    String reason = stopReason;
    if (reason != null) {
      outcome.append("; ").append(reason);
    }
    return outcome.toString();
  }

  /** The correlation id the service reported on the last response, else the one sent. */
  String reportedCorrelationId() {
    @Nullable String echoed = lastHeaders.get(HeadersInterceptor.CORRELATION_ID);
    return echoed != null ? echoed : correlationId;
  }
}
