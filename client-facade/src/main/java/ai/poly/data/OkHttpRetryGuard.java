package ai.poly.data;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from retrying a 503 on its own. OkHttp repeats a request at once when a 503 says
 * {@code Retry-After: 0}, even with {@code retryOnConnectionFailure} off; that retry would stack on
 * the {@link RetryInterceptor}'s and bypass its idempotency rules. {@link #HOLD}, a network
 * interceptor, hides the header from OkHttp; {@link #RESTORE}, the innermost application
 * interceptor, puts it back before anything of ours reads it.
 */
final class OkHttpRetryGuard {
  static final String HELD_RETRY_AFTER = "X-PolyAI-Client-Held-Retry-After";

  static final Interceptor HOLD =
      chain -> {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() != 503 || retryAfter == null) {
          return response;
        }
        return response
            .newBuilder()
            .removeHeader("Retry-After")
            .header(HELD_RETRY_AFTER, retryAfter)
            .build();
      };

  static final Interceptor RESTORE =
      chain -> {
        Response response = chain.proceed(chain.request());
        String held = response.header(HELD_RETRY_AFTER);
        if (held == null) {
          return response;
        }
        return response
            .newBuilder()
            .removeHeader(HELD_RETRY_AFTER)
            .header("Retry-After", held)
            .build();
      };

  private OkHttpRetryGuard() {}
}
