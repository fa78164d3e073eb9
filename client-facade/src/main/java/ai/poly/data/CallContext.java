package ai.poly.data;

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
