package ai.poly.data;

import ai.poly.data.generated.api.ConversationsApi;
import ai.poly.data.generated.api.DebugChatApi;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * A client of PolyAI's Data API. Build one per API key and share it: it is thread-safe, and its
 * connection pool and threads are reused by every call.
 *
 * <pre>{@code
 * try (PolyAiData client = PolyAiData.builder().apiKey(key).region(Region.EU).build()) {
 *   Conversation c = client.conversations().get("PROJECT-58RP822I", "CA123...");
 * }
 * }</pre>
 */
public final class PolyAiData implements Closeable {
  static final String ENV_API_KEY = "POLYAI_API_KEY";
  static final String ENV_REGION = "POLYAI_REGION";
  static final String ENV_BASE_URL = "POLYAI_BASE_URL";

  private final Builder settings;
  private final HttpUrl baseUrl;
  private final OkHttpClient client;
  private final boolean ownsClient;
  final ApiCalls calls;
  final Retrofit retrofit;
  private final Conversations conversations;
  private final Object debugChatsLock = new Object();
  private volatile @Nullable DebugChats debugChats;

  private PolyAiData(Builder builder, String apiKey, HttpUrl baseUrl) {
    this.settings = builder.copy();
    this.baseUrl = baseUrl;
    this.ownsClient = builder.okHttpClient == null;
    Secrets secrets = new Secrets(apiKey);
    OkHttpClient.Builder http =
        builder.okHttpClient != null
            ? builder.okHttpClient.newBuilder()
            : new OkHttpClient.Builder();
    if (builder.okHttpClient == null || builder.connectTimeout != null) {
      http.connectTimeout(
          millis(builder.connectTimeout, Builder.DEFAULT_CONNECT_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    if (builder.okHttpClient == null || builder.readTimeout != null) {
      http.readTimeout(
          millis(builder.readTimeout, Builder.DEFAULT_READ_TIMEOUT), TimeUnit.MILLISECONDS);
      http.writeTimeout(
          millis(builder.readTimeout, Builder.DEFAULT_READ_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    if (builder.okHttpClient == null || builder.callTimeout != null) {
      http.callTimeout(
          millis(builder.callTimeout, Builder.DEFAULT_CALL_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    String userAgent =
        builder.userAgentSuffix == null
            ? BuildInfo.USER_AGENT
            : BuildInfo.USER_AGENT + " " + builder.userAgentSuffix;
    // OkHttp would follow a redirect with the X-API-KEY header still on (it strips only
    // Authorization), sending the key to whatever host the Location names: RedirectInterceptor
    // follows instead, and HeadersInterceptor sends the key to the configured host only.
    http.followRedirects(false);
    // RetryInterceptor's policy replaces OkHttp's silent retries (of a failed connection, of a
    // request on a stale pooled connection, of a 408), which ignore idempotency and would stack.
    http.retryOnConnectionFailure(false);
    RetryPolicy policy = builder.retryPolicy != null ? builder.retryPolicy : RetryPolicy.defaults();
    http.addInterceptor(
        new RetryInterceptor(policy, builder.clock, builder.sleeper, builder.random));
    http.addInterceptor(new RedirectInterceptor());
    http.addInterceptor(new HeadersInterceptor(secrets, userAgent, baseUrl));
    if (builder.logLevel != LogLevel.NONE) {
      Logger logger = builder.logger != null ? builder.logger : Logger.JAVA_UTIL_LOGGING;
      http.addInterceptor(new LoggingInterceptor(builder.logLevel, logger, secrets));
    }
    http.addInterceptor(OkHttpRetryGuard.RESTORE);
    http.addNetworkInterceptor(OkHttpRetryGuard.HOLD);
    this.client = http.build();
    this.calls = new ApiCalls(secrets, builder.clock, builder.sleeper);
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .callFactory(new ContextCallFactory(client))
            .addConverterFactory(new JsonConverterFactory(true))
            // Complete futures on OkHttp's thread, never on Android's main thread.
            .callbackExecutor(DirectExecutor.INSTANCE)
            .build();
    this.conversations = new Conversations(retrofit.create(ConversationsApi.class), calls);
  }

  private static long millis(@Nullable Duration value, Duration fallback) {
    return (value != null ? value : fallback).toMillis();
  }

  /** {@return a builder with every setting at its default; {@link Builder#apiKey} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: {@code POLYAI_API_KEY} (required), {@code
   * POLYAI_REGION} ({@code us}, {@code eu}, {@code uk} or {@code studio}; default {@code us}) and
   * {@code POLYAI_BASE_URL} (instead of a region, e.g. for a local fake).
   *
   * @return the client
   * @throws IllegalStateException if {@code POLYAI_API_KEY} is not set
   * @throws IllegalArgumentException if a variable holds an invalid value
   */
  public static PolyAiData fromEnv() {
    return fromEnv(System.getenv());
  }

  static PolyAiData fromEnv(Map<String, String> env) {
    String apiKey = nonEmpty(env.get(ENV_API_KEY));
    if (apiKey == null) {
      throw new IllegalStateException(ENV_API_KEY + " is not set: export your Data API key");
    }
    Builder builder = builder().apiKey(apiKey);
    String region = nonEmpty(env.get(ENV_REGION));
    if (region != null) {
      try {
        builder.region(Region.of(region));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ENV_REGION + ": " + e.getMessage(), e);
      }
    }
    String baseUrl = nonEmpty(env.get(ENV_BASE_URL));
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return builder.build();
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** {@return the conversations of an agent: get, list, recordings, annotations and notes} */
  public Conversations conversations() {
    return conversations;
  }

  /**
   * {@return debug chats, to talk to an agent, a draft or a variant and see where each reply came
   * from}
   */
  public DebugChats debugChat() {
    // Made on first use: Retrofit's proxy of an interface costs a fresh process milliseconds.
    DebugChats chats = debugChats;
    if (chats == null) {
      synchronized (debugChatsLock) {
        chats = debugChats;
        if (chats == null) {
          chats = new DebugChats(retrofit.create(DebugChatApi.class), calls);
          debugChats = chats;
        }
      }
    }
    return chats;
  }

  /** The OkHttp client this one runs on; for tests. */
  OkHttpClient okHttpClient() {
    return client;
  }

  /** {@return the base URL every request goes to, ending in a slash} */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * {@return a builder holding this client's settings, to build a differently configured client}
   */
  public Builder newBuilder() {
    return settings.copy();
  }

  /**
   * Releases the client's threads and idle connections, unless they belong to an {@link
   * OkHttpClient} the caller supplied. Calls made afterwards fail with {@link
   * IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    if (calls.close() && ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "PolyAiData{baseUrl=" + baseUrl + "}";
  }

  /** How much of each HTTP exchange {@link Builder#logLevel} logs. */
  public enum LogLevel {
    /** Nothing. */
    NONE,
    /** One line per request ({@code --> GET url}) and per response (status, URL, milliseconds). */
    BASIC,
    /** As {@link #BASIC}, plus the headers, with credentials shown as {@code [redacted]}. */
    HEADERS,
    /**
     * As {@link #HEADERS}, plus the start of each textual body, with the API key scrubbed. Streamed
     * (audio) and binary bodies are never read for logging.
     */
    BODY
  }

  /**
   * Where {@link Builder#logLevel} logs go: one call per line. Must be thread-safe; it is called on
   * the threads that run calls.
   */
  @FunctionalInterface
  public interface Logger {
    /** Logs to {@code java.util.logging}, logger {@code ai.poly.data.PolyAiData}, level INFO. */
    Logger JAVA_UTIL_LOGGING =
        message ->
            java.util.logging.Logger.getLogger(PolyAiData.class.getName()).log(Level.INFO, message);

    /**
     * Logs one line.
     *
     * @param message the line, from which every secret has been removed
     */
    void log(String message);
  }

  /**
   * Runs a task on the calling thread. An enum rather than {@code Runnable::run}, as the other
   * objects a fresh process makes on the way to its first result (see {@link OkHttpRetryGuard}).
   */
  private enum DirectExecutor implements Executor {
    INSTANCE;

    @Override
    public void execute(Runnable task) {
      task.run();
    }
  }

  /** Uniform doubles in [0, 1) from the calling thread's generator, for retry jitter. */
  private enum ThreadRandom implements DoubleSupplier {
    INSTANCE;

    @Override
    public double getAsDouble() {
      return ThreadLocalRandom.current().nextDouble();
    }
  }

  /**
   * Configures a {@link PolyAiData}. Not thread-safe; {@link #build()} may be called repeatedly.
   */
  public static final class Builder {
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    @Nullable String apiKey;
    @Nullable Region region;
    @Nullable String baseUrl;
    @Nullable OkHttpClient okHttpClient;
    @Nullable Duration connectTimeout;
    @Nullable Duration readTimeout;
    @Nullable Duration callTimeout;
    @Nullable String userAgentSuffix;
    @Nullable RetryPolicy retryPolicy;
    LogLevel logLevel = LogLevel.NONE;
    @Nullable Logger logger;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    DoubleSupplier random = ThreadRandom.INSTANCE;

    Builder() {}

    Builder copy() {
      Builder copy = new Builder();
      copy.apiKey = apiKey;
      copy.region = region;
      copy.baseUrl = baseUrl;
      copy.okHttpClient = okHttpClient;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.callTimeout = callTimeout;
      copy.userAgentSuffix = userAgentSuffix;
      copy.retryPolicy = retryPolicy;
      copy.logLevel = logLevel;
      copy.logger = logger;
      copy.clock = clock;
      copy.sleeper = sleeper;
      copy.random = random;
      return copy;
    }

    /**
     * The Data API key, sent as {@code X-API-KEY} and never logged or shown. Required. Keys are
     * scoped to one account, project and region.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * The region to call. Default {@link Region#US}. Not together with {@link #baseUrl}.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    /**
     * A base URL to call instead of a region's, e.g. {@code http://127.0.0.1:8080/} for a local
     * fake. Must be {@code https} unless its host is loopback. Not together with {@link #region}.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * An OkHttp client to derive this client's from, sharing its connection pool and threads. It is
     * never modified, and {@link PolyAiData#close()} leaves its pool and threads alone. Its
     * timeouts are kept unless set on this builder. Its redirect following and {@code
     * retryOnConnectionFailure} are turned off in the derived client: this client follows redirects
     * itself, without the API key to other hosts, and retries under its {@link RetryPolicy}.
     * Default: a new client of this library's own.
     *
     * @param okHttpClient the client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * How long to wait to establish a connection. Default 10 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The longest silence while reading or writing a response or request. Default 30 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * The deadline of a whole call: every attempt, every wait between attempts, and the body read.
     * A wait that would pass it is not started. For a streamed download (audio) it covers the time
     * until the response headers arrive, not the body. Default 60 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Text appended to the User-Agent header, e.g. {@code my-app/1.2}. The header is {@code
     * polyai-data-java/<version>} by default.
     *
     * @param suffix non-blank printable ASCII
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix == null");
      if (suffix.trim().isEmpty() || !printableAscii(suffix)) {
        throw new IllegalArgumentException("userAgentSuffix must be non-blank printable ASCII");
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * How failed calls are retried; {@link RequestOptions} may override it per call. Default {@link
     * RetryPolicy#defaults()}: 2 retries, backoff from 0.5 s to 8 s, server-requested waits up to
     * 60 s.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * How much of each HTTP exchange to log, credentials redacted. Default {@link LogLevel#NONE}.
     *
     * @param logLevel the level
     * @return this builder
     */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel == null");
      return this;
    }

    /**
     * Where logs go when {@link #logLevel} is not {@code NONE}. Default {@link
     * Logger#JAVA_UTIL_LOGGING}.
     *
     * @param logger a thread-safe logger
     * @return this builder
     */
    public Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** The jitter's random source: numbers in [0, 1). */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Creates the client.
     *
     * @return the client
     * @throws IllegalStateException if no API key was set, or both a region and a base URL were
     * @throws IllegalArgumentException if the API key is blank or holds control characters, or the
     *     base URL is invalid or plain http to a host other than loopback
     */
    public PolyAiData build() {
      String key = apiKey;
      if (key == null) {
        throw new IllegalStateException("apiKey == null: set the Data API key with apiKey(...)");
      }
      if (key.trim().isEmpty()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      if (!printableAscii(key)) {
        // Never echo the key: OkHttp would, in its own message about the header value.
        throw new IllegalArgumentException(
            "apiKey contains a control or non-ASCII character (a stray newline?)");
      }
      if (region != null && baseUrl != null) {
        throw new IllegalStateException(
            "both region and baseUrl are set: use region(...) for PolyAI's servers or baseUrl(...)"
                + " for another, not both");
      }
      HttpUrl url =
          baseUrl != null
              ? checkedBaseUrl(baseUrl)
              : HttpUrl.get((region != null ? region : Region.US).baseUrl());
      return new PolyAiData(this, key, url);
    }

    private static HttpUrl checkedBaseUrl(String value) {
      HttpUrl url = HttpUrl.parse(value.trim());
      if (url == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL: " + value);
      }
      if (!url.isHttps() && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            "baseUrl must use https (plain http is allowed only to localhost, 127.0.0.0/8 or ::1): "
                + value);
      }
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + value);
      }
      if (!url.encodedPath().endsWith("/")) {
        url = url.newBuilder().addPathSegment("").build();
      }
      return url;
    }

    static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
        return true;
      }
      String[] octets = h.split("\\.", -1);
      if (octets.length != 4 || !octets[0].equals("127")) {
        return false;
      }
      for (String octet : octets) {
        if (octet.isEmpty() || octet.length() > 3) {
          return false;
        }
        for (int i = 0; i < octet.length(); i++) {
          if (octet.charAt(i) < '0' || octet.charAt(i) > '9') {
            return false;
          }
        }
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return true;
    }

    private static boolean printableAscii(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    @Override
    public String toString() {
      return "PolyAiData.Builder{region="
          + region
          + ", baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey == null ? "unset" : Secrets.REDACTED)
          + "}";
    }
  }
}
