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

  /** The correlation id the service reported on the last response, else the one sent. */
  String reportedCorrelationId() {
    @Nullable String echoed = lastHeaders.get(HeadersInterceptor.CORRELATION_ID);
    return echoed != null ? echoed : correlationId;
  }
}
