package ai.poly.data.bench;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OkHttp client whose first interceptor answers every request with the same JSON body, from
 * memory. Each client under test runs its real call path on it (request building, OkHttp's call,
 * the client's response handling and parsing) with no socket: what remains is the cost of turning
 * bytes into typed values.
 */
final class InMemory {
  private static final MediaType JSON = MediaType.get("application/json");

  /** A base URL the clients accept; nothing ever connects to it. */
  static final String BASE_URL = "http://127.0.0.1:9/";

  private InMemory() {}

  static OkHttpClient answering(byte[] json) {
    return new OkHttpClient.Builder()
        .addInterceptor(
            chain ->
                new Response.Builder()
                    .request(chain.request())
                    .protocol(Protocol.HTTP_1_1)
                    .code(200)
                    .message("OK")
                    .header("Content-Type", "application/json")
                    .body(ResponseBody.create(json, JSON))
                    .build())
        .build();
  }
}
