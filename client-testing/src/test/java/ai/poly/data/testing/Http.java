package ai.poly.data.testing;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/** Plain OkHttp calls against a fake, as any client would make them. */
final class Http {
  /** No silent retries, so every misbehaviour reaches the test. */
  static final OkHttpClient CLIENT =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .connectTimeout(5, SECONDS)
          .readTimeout(10, SECONDS)
          .build();

  static final MediaType JSON = MediaType.get("application/json");

  private Http() {}

  record Reply(int status, Headers headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  static Request.Builder request(FakeDataApi fake, String path) {
    return new Request.Builder().url(fake.baseUrl() + path).header("X-API-KEY", fake.apiKey());
  }

  static Reply get(FakeDataApi fake, String path) {
    return send(request(fake, path).build());
  }

  static Reply post(FakeDataApi fake, String path, String json) {
    return send(request(fake, path).post(RequestBody.create(json, JSON)).build());
  }

  static Reply send(Request request) {
    return send(CLIENT, request);
  }

  static Reply send(OkHttpClient client, Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Request request) throws IOException {
    try (Response response = CLIENT.newCall(request).execute()) {
      return response.body().bytes();
    }
  }

  /** The PolyAI error envelope the fake sends, compact, fields in the service's order. */
  static String envelope(String correlationId, String code, String message) {
    return "{\"success\":false,\"error\":\""
        + message
        + "\",\"error_id\":\""
        + correlationId
        + "\",\"error_code\":\""
        + code
        + "\",\"error_message\":\""
        + message
        + "\",\"data\":null}";
  }

  /** The envelope's error_code, for replies whose correlation id was generated. */
  static String errorCode(Reply reply) {
    return (String) ((Map<?, ?>) parse(reply.body())).get("error_code");
  }

  static Object parse(String json) {
    try {
      return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
