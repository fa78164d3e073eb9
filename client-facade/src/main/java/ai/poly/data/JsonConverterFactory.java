package ai.poly.data;

import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Moshi converters for JSON bodies. A response body is read whole, up to {@link
 * #MAX_JSON_BODY_BYTES}, before parsing: a network failure while reading stays an {@link
 * IOException}, and anything wrong with the bytes becomes an {@link InvalidBodyException} with an
 * excerpt. Binary bodies ({@code ResponseBody}) are left to Retrofit so they stream.
 */
final class JsonConverterFactory extends Converter.Factory {
  /**
   * The largest JSON body read. A 1,000-turn conversation is about 1 MB; 32 MiB leaves ample room
   * while stopping a runaway or hostile body long before it threatens an app's heap.
   */
  static final long MAX_JSON_BODY_BYTES = 32L * 1024 * 1024;

  /**
   * The bytes of segments Okio's pool keeps for a thread (64 KiB). A body up to this size is read
   * in one pass through a {@link Reread}, so that all its segments go back to the pool. A larger
   * body, a page of 100 summaries (90 kB) say, is read from a clone of its buffer: the clone shares
   * the segments, which then never go back to the pool (about 50 kB more new segments a page, since
   * a {@code Reread} still returns the 64 kB the pool takes), but the reader then reads a buffer
   * directly rather than through a buffered source: a page parses about 5% faster, and {@code
   * listAll} ran about 2.5% faster.
   */
  static final long POOL_BYTES = 64 * 1024;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final boolean facadeValues;

  /**
   * A factory whose converters give the types Retrofit's interfaces declare.
   *
   * @param facadeValues whether a conversation and a page are read straight into facade values
   *     ({@link ConversationJson}): they then arrive as {@link ConversationJson.Detail} and {@link
   *     ConversationJson.Page}, instances of the declared types whose getters are unset, for the
   *     facade's mappers only. False binds every response into its generated model.
   */
  JsonConverterFactory(boolean facadeValues) {
    this.facadeValues = facadeValues;
  }

  @Override
  public @Nullable Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == ResponseBody.class) {
      return null;
    }
    // A conversation and a page are read from the tokens into facade values (ConversationJson);
    // a body in a shape that reading gives up on is read the general way, whose adapter is made
    // only then: a fresh process's first get loads neither Moshi's adapters nor the binding.
    StreamingReader streaming = facadeValues ? streamingReader(type) : null;
    BodyConverter converter = new BodyConverter(streaming, type);
    if (streaming == null) {
      converter.adapter(); // Made now, so that a type Moshi cannot read fails here.
    }
    return converter;
  }

  /**
   * Reads a response body of one type: in one pass where there is a streaming reader, else (or
   * where that gives up) with Moshi's adapter, made on first need. A class rather than a lambda, as
   * the other objects a fresh process makes on the way to its first result (see {@link
   * OkHttpRetryGuard}).
   */
  private static final class BodyConverter implements Converter<ResponseBody, Object> {
    private final @Nullable StreamingReader streaming;
    private final Type type;
    private volatile @Nullable JsonAdapter<?> adapter;

    BodyConverter(@Nullable StreamingReader streaming, Type type) {
      this.streaming = streaming;
      this.type = type;
    }

    JsonAdapter<?> adapter() {
      JsonAdapter<?> made = adapter;
      if (made == null) {
        made = GeneratedModels.moshi().adapter(type);
        adapter = made; // Two threads may both make one; either does.
      }
      return made;
    }

    @Override
    public Object convert(ResponseBody body) throws IOException {
      try (ResponseBody closing = body) {
        Buffer buffer = readBounded(closing.source());
        MediaType contentType = closing.contentType();
        if (contentType != null && !isJson(contentType)) {
          throw new InvalidBodyException(
              "expected a JSON body but the response is " + contentType, excerpt(buffer));
        }
        try {
          if (streaming != null) {
            Object value = readStreaming(streaming, buffer);
            if (value != null) {
              return value;
            }
          }
          return read(adapter(), buffer);
        } finally {
          buffer.clear(); // Its unshared segments go back to Okio's pool (see POOL_BYTES).
        }
      }
    }
  }

  /** Reads a response in one pass, or gives up with {@link ConversationJson.Unread}. */
  enum StreamingReader {
    DETAIL,
    PAGE;

    Object read(JsonReader reader) throws IOException {
      return this == DETAIL ? ConversationJson.detail(reader) : ConversationJson.page(reader);
    }
  }

  static @Nullable StreamingReader streamingReader(Type type) {
    if (type == ConversationDetailResponse.class) {
      return StreamingReader.DETAIL;
    } else if (type == GetConversationsResponse.class) {
      return StreamingReader.PAGE;
    }
    return null;
  }

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    JsonAdapter<Object> adapter = GeneratedModels.moshi().adapter(type);
    return value -> {
      Buffer buffer = new Buffer();
      adapter.toJson(buffer, value);
      return RequestBody.create(buffer.readByteString(), JSON);
    };
  }

  /**
   * The body read by {@code streaming}, or null where it gives up: on a shape it leaves to the
   * general reading, and on any fault, so that the general reading reports it as it always has.
   */
  static @Nullable Object readStreaming(StreamingReader streaming, Buffer buffer) {
    BufferedSource source =
        buffer.size() > POOL_BYTES ? buffer.clone() : Okio.buffer(new Reread(buffer));
    // Closed, so that the segments a Reread holds when it gives up go back to the pool too (a
    // clone's are shared and never do).
    try (JsonReader reader = JsonReader.of(source)) {
      Object value = streaming.read(reader);
      return reader.peek() == JsonReader.Token.END_DOCUMENT ? value : null;
    } catch (ConversationJson.Unread
        | MissingFieldException
        | IOException
        | JsonDataException giveUp) {
      return null;
    }
  }

  /**
   * The bytes of a buffer, read from the start without consuming them, so that they stay for a
   * second reading and the excerpt. Unlike {@link Buffer#peek()} and {@link Buffer#clone()}, it
   * copies the bytes rather than sharing the buffer's segments: a shared segment never goes back to
   * Okio's pool, so each response would take new ones. It copies a segment at a time, from a cursor
   * that moves along the buffer's segments. The general reading always reads through one; the one
   * pass does for bodies up to {@link #POOL_BYTES}.
   */
  private static final class Reread implements Source {
    private final Buffer.UnsafeCursor cursor;
    private long offset;

    Reread(Buffer buffer) {
      this.cursor = buffer.readUnsafe();
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (byteCount == 0) {
        return 0;
      }
      int available = cursor.seek(offset);
      if (available == -1) {
        return -1;
      }
      int count = (int) Math.min(byteCount, available);
      sink.write(cursor.data, cursor.start, count);
      offset += count;
      return count;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {
      if (cursor.buffer != null) {
        cursor.close();
      }
    }
  }

  private static <T> T read(JsonAdapter<T> adapter, Buffer buffer) throws IOException {
    try (JsonReader reader = JsonReader.of(Okio.buffer(new Reread(buffer)))) {
      T value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("content after the JSON document at " + reader.getPath());
      }
      if (value == null) {
        throw new InvalidBodyException("the response body is JSON null", excerpt(buffer));
      }
      return value;
    } catch (IOException | JsonDataException e) {
      String problem = buffer.size() == 0 ? "the response body is empty" : "malformed JSON body";
      throw new InvalidBodyException(problem + ": " + e.getMessage(), excerpt(buffer), e);
    }
  }

  private static Buffer readBounded(BufferedSource source) throws IOException {
    // One byte past the limit tells an oversized body from one of exactly the limit.
    Buffer buffer = Bodies.readAtMost(source, MAX_JSON_BODY_BYTES + 1);
    if (buffer.size() > MAX_JSON_BODY_BYTES) {
      throw new InvalidBodyException(
          "the response body exceeds " + MAX_JSON_BODY_BYTES + " bytes", excerpt(buffer));
    }
    return buffer;
  }

  static boolean isJson(MediaType type) {
    String subtype = type.subtype().toLowerCase(java.util.Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }

  /**
   * The start of the body, left long: {@link ApiCalls} scrubs the API key from it before cutting it
   * to {@link ApiError#MAX_EXCERPT_CHARS}, so that a key across the cut is never shown in part.
   */
  private static String excerpt(Buffer buffer) {
    long bytes = Math.min(buffer.size(), HeadersInterceptor.MAX_ERROR_BODY_BYTES);
    return buffer.snapshot((int) bytes).utf8();
  }
}
