package ai.poly.data;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** What an error response said, read leniently; becomes the exception for its status. */
final class ApiError {
  /**
   * The most of a body an exception keeps. Enough for any PolyAI envelope and the useful top of a
   * proxy's HTML page; small enough that exceptions stay cheap to log and hold.
   */
  static final int MAX_EXCERPT_CHARS = 4096;

  final int statusCode;
  final @Nullable String errorCode;
  final @Nullable String errorMessage;
  final @Nullable String correlationId;
  final Map<String, List<String>> headers;
  final String body;
  final @Nullable Duration retryAfter;
  final int attempts;

  /** Appended to the message: the attempts made and why no more were; see CallContext#outcome. */
  final String outcome;

  private ApiError(
      int statusCode,
      @Nullable String errorCode,
      @Nullable String errorMessage,
      @Nullable String correlationId,
      Map<String, List<String>> headers,
      String body,
      @Nullable Duration retryAfter,
      int attempts,
      String outcome) {
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.correlationId = correlationId;
    this.headers = headers;
    this.body = body;
    this.retryAfter = retryAfter;
    this.attempts = attempts;
    this.outcome = outcome;
  }

  /**
   * Reads an error response. The correlation id is the envelope's {@code error_id}, else the
   * response's {@code X-PolyAI-Correlation-Id}, else the one sent. {@code outcome} is appended to
   * the message.
   */
  static ApiError read(
      int statusCode,
      Headers headers,
      String body,
      @Nullable String sentCorrelationId,
      Secrets secrets,
      Clock clock,
      int attempts,
      String outcome) {
    String errorCode = null;
    String errorMessage = null;
    String errorId = null;
    Object envelope = null;
    if (body.trim().startsWith("{")) {
      try {
        envelope = JsonValues.parse(body);
      } catch (IOException | RuntimeException notJson) {
        // A truncated or malformed envelope: the status alone decides the exception.
      }
    }
    if (envelope instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) envelope;
      errorCode = text(map.get("error_code"));
      errorMessage = text(map.get("error_message"));
      if (errorMessage == null) {
        errorMessage = text(map.get("error"));
      }
      errorId = text(map.get("error_id"));
    }
    String correlationId = errorId;
    if (correlationId == null) {
      correlationId = headers.get(HeadersInterceptor.CORRELATION_ID);
    }
    if (correlationId == null) {
      correlationId = sentCorrelationId;
    }
    return new ApiError(
        statusCode,
        errorCode == null ? null : secrets.scrub(errorCode),
        errorMessage == null ? null : secrets.scrub(errorMessage),
        correlationId == null ? null : secrets.scrub(correlationId),
        headerMap(headers, secrets),
        // Scrub before cutting: a key straddling the cut would otherwise show in part.
        excerpt(secrets.scrub(body)),
        RetryAfter.parse(headers, clock),
        attempts,
        outcome);
  }

  String message() {
    StringBuilder message = new StringBuilder("HTTP ").append(statusCode);
    if (errorCode != null) {
      message.append(' ').append(errorCode);
    }
    if (errorMessage != null) {
      message.append(": ").append(errorMessage);
    }
    if (correlationId != null) {
      message.append(" (correlation id ").append(correlationId).append(')');
    }
    message.append(outcome);
    return message.toString();
  }

  PolyAiApiException toException() {
    switch (statusCode) {
      case 400:
        return new BadRequestException(this);
      case 401:
        return new AuthenticationException(this);
      case 403:
        return new PermissionDeniedException(this);
      case 404:
        return new NotFoundException(this);
      case 409:
        return new ConflictException(this);
      case 410:
        return new GoneException(this);
      case 422:
        return new UnprocessableEntityException(this);
      case 429:
        return new RateLimitException(this);
      default:
        return statusCode >= 500 && statusCode <= 599
            ? new InternalServerException(this)
            : new UnexpectedStatusException(this);
    }
  }

  static String excerpt(String body) {
    return body.length() <= MAX_EXCERPT_CHARS ? body : body.substring(0, MAX_EXCERPT_CHARS) + "…";
  }

  private static @Nullable String text(@Nullable Object value) {
    if (value instanceof String) {
      return ((String) value).isEmpty() ? null : (String) value;
    }
    return value instanceof Number ? Numbers.text((Number) value) : null;
  }

  private static Map<String, List<String>> headerMap(Headers headers, Secrets secrets) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(java.util.Locale.ROOT);
      List<String> values = map.get(name);
      if (values == null) {
        values = new ArrayList<>(1);
        map.put(name, values);
      }
      values.add(secrets.scrub(headers.value(i)));
    }
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      entry.setValue(Collections.unmodifiableList(entry.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }
}
