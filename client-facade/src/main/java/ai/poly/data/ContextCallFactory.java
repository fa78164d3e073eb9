package ai.poly.data;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Creates Retrofit's OkHttp calls, tagging each with a fresh {@link CallContext}, or, for the next
 * attempt of an async call, with the context of the call it repeats.
 */
final class ContextCallFactory implements Call.Factory {
  private static final ThreadLocal<@Nullable CallContext> REPEATED = new ThreadLocal<>();

  private final OkHttpClient client;

  ContextCallFactory(OkHttpClient client) {
    this.client = client;
  }

  /**
   * Creates the OkHttp call of {@code attempt}, a clone of the Retrofit call of {@code context},
   * tagged with that context: every attempt shares its correlation id, count and deadline.
   */
  static void repeat(retrofit2.Call<?> attempt, CallContext context) {
    REPEATED.set(context);
    try {
      attempt.request();
    } finally {
      REPEATED.remove();
    }
  }

  @Override
  public Call newCall(Request request) {
    CallContext repeated = REPEATED.get();
    CallContext context = repeated != null ? repeated : CallContext.create();
    return client.newCall(request.newBuilder().tag(CallContext.class, context).build());
  }
}
