package ai.poly.data;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from retrying a 503 on its own. OkHttp repeats a request at once when a 503 says
 * {@code Retry-After: 0}, even with {@code retryOnConnectionFailure} off; that retry would stack on
 * the {@link RetryInterceptor}'s and bypass its idempotency rules. {@link #HOLD}, a network
 * interceptor, hides the header from OkHttp; {@link #RESTORE}, the innermost application
 * interceptor, puts it back before anything of ours reads it.
 *
 * <p>Both are classes rather than lambdas, as are the other objects a fresh process makes on the
 * way to its first result: a fresh JVM spins a lambda's class at run time, which costs several
 * times the loading of a small class from the jar.
 */
final class OkHttpRetryGuard {
  static final String HELD_RETRY_AFTER = "X-PolyAI-Client-Held-Retry-After";

  static final Interceptor HOLD = new Hold();

  static final Interceptor RESTORE = new Restore();

  private static final class Hold implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
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
    }
  }

  private static final class Restore implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
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
    }
  }

  private OkHttpRetryGuard() {}
}
