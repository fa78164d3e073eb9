package ai.poly.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;
import okio.Sink;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs generated Retrofit calls and turns every outcome into a facade value or one of the
 * documented exceptions, synchronously or asynchronously alike.
 */
final class ApiCalls {
  /**
   * The most of a parser's message an exception quotes. Moshi's messages end with the JSON path,
   * which names every enclosing member: 255 levels of long names would make megabytes.
   */
  static final int MAX_PROBLEM_CHARS = 1000;

  /** Turns a generated response model into a facade value. */
  interface Mapper<G, T> {
    T map(G body);
  }

  private final Secrets secrets;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicBoolean closed = new AtomicBoolean();

  ApiCalls(Secrets secrets, Clock clock, Sleeper sleeper) {
    this.secrets = secrets;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Marks the client closed; returns true the first time only. */
  boolean close() {
    return closed.compareAndSet(false, true);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this PolyAiData client is closed");
    }
  }

  <G, T> T execute(Call<G> call, Mapper<? super G, T> mapper) {
    return execute(call, RequestOptions.none(), mapper);
  }

  <G, T> T execute(Call<G> call, RequestOptions options, Mapper<? super G, T> mapper) {
    checkOpen();
    CallContext context = prepare(call, options);
    Response<G> response;
    try {
      response = call.execute();
    } catch (InvalidBodyException e) {
      throw invalid(context, e.getMessage(), e.excerpt, e);
    } catch (IOException e) {
      throw ioFailure(context, e);
    }
    return handle(context, response, mapper);
  }

  <G, T> CompletableFuture<T> executeAsync(Call<G> call, Mapper<? super G, T> mapper) {
    return executeAsync(call, RequestOptions.none(), mapper);
  }

  <G, T> CompletableFuture<T> executeAsync(
      Call<G> call, RequestOptions options, Mapper<? super G, T> mapper) {
    checkOpen();
    CallContext context = prepare(call, options);
    context.handRetriesBack();
    CallFuture<T> future = new CallFuture<>();
    new AsyncAttempts<G, T>(context, mapper, future).enqueue(call);
    return future;
  }

  /**
   * The attempts of one async call. Each is a clone of the first Retrofit call, enqueued when the
   * wait that {@link RetryInterceptor} asked for is over, so that no thread is held meanwhile.
   */
  private final class AsyncAttempts<G, T> implements Callback<G> {
    private final CallContext context;
    private final Mapper<? super G, T> mapper;
    private final CallFuture<T> future;

    AsyncAttempts(CallContext context, Mapper<? super G, T> mapper, CallFuture<T> future) {
      this.context = context;
      this.mapper = mapper;
      this.future = future;
    }

    void enqueue(Call<G> attempt) {
      future.attempt(attempt);
      attempt.enqueue(this);
    }

    @Override
    public void onResponse(Call<G> attempt, Response<G> response) {
      Duration wait = context.takeRetryWait();
      if (wait != null) {
        retry(attempt, wait);
        return;
      }
      try {
        future.complete(handle(context, response, mapper));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }

    @Override
    public void onFailure(Call<G> attempt, Throwable t) {
      Duration wait = context.takeRetryWait();
      if (wait != null) {
        retry(attempt, wait);
      } else if (t instanceof InvalidBodyException) {
        InvalidBodyException e = (InvalidBodyException) t;
        future.completeExceptionally(invalid(context, e.getMessage(), e.excerpt, e));
      } else if (t instanceof IOException) {
        future.completeExceptionally(ioFailure(context, (IOException) t));
      } else {
        future.completeExceptionally(t);
      }
    }

    private void retry(Call<G> last, Duration wait) {
      sleeper.schedule(
          wait,
          future::isDone,
          () -> {
            if (future.isDone()) {
              return;
            }
            try {
              Call<G> next = last.clone();
              ContextCallFactory.repeat(next, context);
              // The rest of the deadline; RetryInterceptor started no wait that would pass it.
              long deadline = context.deadlineMillis();
              if (deadline != Long.MAX_VALUE) {
                long left = Math.max(1, deadline - clock.millis());
                next.timeout().timeout(left, TimeUnit.MILLISECONDS);
              }
              enqueue(next);
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          });
    }
  }

  /**
   * Hands the call's options to its interceptors, through its {@link CallContext}, and sets its
   * deadline: OkHttp's call timeout, which spans every attempt and wait of the retry interceptor.
   */
  private static CallContext prepare(Call<?> call, RequestOptions options) {
    CallContext context = CallContext.of(call.request());
    context.options(options);
    Duration callTimeout = options.callTimeout();
    if (callTimeout != null) {
      call.timeout().timeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return context;
  }

  private <G, T> T handle(CallContext context, Response<G> response, Mapper<? super G, T> mapper) {
    if (!response.isSuccessful()) {
      throw error(context, response.code(), response.headers(), response.errorBody());
    }
    G body = response.body();
    if (body == null) {
      throw invalid(context, "the response has no body", "", null);
    }
    try {
      return mapper.map(body);
    } catch (InvalidBodyException e) {
      throw invalid(context, e.getMessage(), e.excerpt, e);
    } catch (UncheckedIOException e) {
      throw ioFailure(context, e.getCause());
    } catch (MissingFieldException e) {
      throw invalid(context, e.getMessage(), jsonStart(body), e);
    }
  }

  /**
   * The start of {@code model} written back as JSON, for an excerpt: writing stops once an
   * excerpt's worth is out, so a page near the 32 MiB limit costs no second copy of itself.
   */
  private static String jsonStart(Object model) {
    Buffer start = new Buffer();
    Sink bounded =
        new ForwardingSink(start) {
          @Override
          public void write(Buffer source, long byteCount) throws IOException {
            super.write(source, byteCount);
            if (start.size() >= HeadersInterceptor.MAX_ERROR_BODY_BYTES) {
              throw new IOException("excerpt complete");
            }
          }
        };
    try (BufferedSink sink = Okio.buffer(bounded)) {
      GeneratedModels.moshi().adapter(Object.class).toJson(sink, model);
    } catch (IOException | RuntimeException ignored) {
      // Complete, or unwritable: the excerpt is a courtesy, and the message names the field.
    }
    long bytes = Math.min(start.size(), HeadersInterceptor.MAX_ERROR_BODY_BYTES);
    return start.snapshot((int) bytes).utf8();
  }

  private PolyAiApiException error(
      CallContext context, int status, okhttp3.Headers headers, @Nullable ResponseBody body) {
    String text = "";
    if (body != null) {
      try (ResponseBody closing = body) {
        text = closing.string();
      } catch (IOException e) {
        // Already bounded and buffered by HeadersInterceptor; nothing more to read.
      }
    }
    return ApiError.read(
            status,
            headers,
            text,
            context.correlationId,
            secrets,
            clock,
            context.attempts(),
            context.outcome())
        .toException();
  }

  /** {@code body} is the start of the body, cut here to an excerpt once the key is scrubbed. */
  private PolyAiInvalidResponseException invalid(
      CallContext context, @Nullable String problem, String body, @Nullable Throwable cause) {
    int status = context.lastStatus();
    String correlationId = context.reportedCorrelationId();
    String detail = secrets.scrub(String.valueOf(problem));
    if (detail.length() > MAX_PROBLEM_CHARS) {
      detail = detail.substring(0, MAX_PROBLEM_CHARS) + "…";
    }
    String message =
        "invalid response (HTTP "
            + status
            + "): "
            + detail
            + " (correlation id "
            + correlationId
            + ")"
            + context.outcome();
    return new PolyAiInvalidResponseException(
        message,
        status,
        correlationId,
        ApiError.excerpt(secrets.scrub(body)),
        cause,
        context.attempts());
  }

  /** A failure to read the rest of a streamed body, after {@link #execute} returned it. */
  PolyAiIoException bodyFailure(CallContext context, IOException e) {
    return ioFailure(context, e);
  }

  private PolyAiIoException ioFailure(CallContext context, IOException e) {
    String what =
        e instanceof InterruptedIOException
            ? "timed out or was interrupted"
            : "failed on the network";
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new PolyAiIoException(
        "request "
            + what
            + ": "
            + secrets.scrub(detail)
            + " (correlation id "
            + context.correlationId
            + ")"
            + context.outcome(),
        context.correlationId,
        e,
        context.attempts());
  }

  /** A future whose cancellation cancels the HTTP call of its current attempt. */
  private static final class CallFuture<T> extends CompletableFuture<T> {
    private volatile @Nullable Call<?> attempt;

    void attempt(Call<?> attempt) {
      this.attempt = attempt;
      if (isCancelled()) {
        attempt.cancel();
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Call<?> current = attempt;
      if (cancelled && current != null) {
        current.cancel();
      }
      return cancelled;
    }
  }
}
