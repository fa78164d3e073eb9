package ai.poly.data;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Creates Retrofit's OkHttp calls, tagging each with a fresh {@link CallContext}. */
final class ContextCallFactory implements Call.Factory {
  private final OkHttpClient client;

  ContextCallFactory(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public Call newCall(Request request) {
    return client.newCall(request.newBuilder().tag(CallContext.class, CallContext.create()).build());
  }
}
