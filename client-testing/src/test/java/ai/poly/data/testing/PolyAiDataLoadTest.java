package ai.poly.data.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.Conversation;
import ai.poly.data.InternalServerException;
import ai.poly.data.PolyAiData;
import ai.poly.data.PolyAiIoException;
import ai.poly.data.RetryPolicy;
import ai.poly.data.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * One client shared by 32 threads making 200 calls each, sync and async, against a fake that fails
 * a tenth of all requests at random (503s and dropped connections). This is a test of correctness
 * under load, not a benchmark: it asserts outcomes, never durations.
 */
final class PolyAiDataLoadTest {
  private static final int THREADS = 32;
  private static final int CALLS_PER_THREAD = 200;
  private static final int CALLS = THREADS * CALLS_PER_THREAD;
  private static final int CONVERSATIONS = 8;
  private static final String AGENT = "PROJECT-LOAD";
  private static final long SEED = 20_261_121L;

  /** 3 attempts: a call fails only when all three meet a failure, about 1 in 1,000 calls. */
  private static final RetryPolicy FAST_RETRIES =
      RetryPolicy.builder()
          .maxRetries(2)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(4))
          .build();

  /**
   * Threads shared by the whole JVM, not owned by one client, which end by themselves after a
   * minute idle: OkHttp's task runner, Okio's timeout watchdog and the client's retry timer.
   */
  private static final List<String> SHARED_THREADS =
      List.of("OkHttp TaskRunner", "Okio Watchdog", "PolyAiData retry timer");

  private static String conversationId(int n) {
    return "CA-load-" + n;
  }

  private static int turnCount(int n) {
    return 1 + n % 3;
  }

  @Test
  void sharedClientSucceedsOrFailsCleanlyOnAFlakyServiceAndLeaksNothing() throws Exception {
    Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
    // The client's own connection pool, so that the test can inspect it.
    OkHttpClient http = new OkHttpClient();
    ConnectionPool pool = http.connectionPool();
    List<String> wrong = new ArrayList<>();
    AtomicInteger succeeded = new AtomicInteger();
    List<String> failed = new ArrayList<>();
    try (FakeDataApi fake = FakeDataApi.start()) {
      for (int n = 0; n < CONVERSATIONS; n++) {
        FakeConversation.Builder conversation = FakeConversation.builder(conversationId(n));
        for (int k = 0; k < turnCount(n); k++) {
          conversation.turn("question " + n + "." + k, "answer " + n + "." + k);
        }
        fake.addConversation(AGENT, conversation.build());
      }
      fake.misbehaveRandomly(0.1, SEED, Misbehaviour.fail(503), Misbehaviour.dropConnection());
      PolyAiData client =
          PolyAiData.builder()
              .apiKey(fake.apiKey())
              .baseUrl(fake.baseUrl())
              .okHttpClient(http)
              .retryPolicy(FAST_RETRIES)
              .build();

      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            callers.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    int n = (thread * 5 + i) % CONVERSATIONS;
                    String outcome = call(client, n, i % 4 == 0);
                    if (outcome.equals("ok")) {
                      succeeded.incrementAndGet();
                    } else {
                      boolean documented = outcome.startsWith("failed ");
                      List<String> list = documented ? failed : wrong;
                      synchronized (list) {
                        list.add(documented ? outcome.substring(7) : outcome);
                      }
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
      callers.shutdown();

      assertEquals(List.of(), wrong);
      assertEquals(CALLS, succeeded.get() + failed.size());
      assertTrue(failed.size() < CALLS / 100, failed.size() + " calls failed after 3 attempts");
      // Every response was closed: each pooled connection is idle again.
      assertEquals(pool.connectionCount(), pool.idleConnectionCount());
      assertTrue(pool.connectionCount() > 0);

      // One correlation id per call, on each of its 1 to 3 attempts; a tenth of requests retried.
      Map<String, Integer> attempts = new HashMap<>();
      for (ReceivedRequest request : fake.requests()) {
        attempts.merge(request.header("X-PolyAI-Correlation-Id"), 1, Integer::sum);
      }
      assertEquals(CALLS, attempts.size());
      assertTrue(attempts.values().stream().allMatch(a -> a >= 1 && a <= 3), attempts.toString());
      int retries = fake.requestCount() - CALLS;
      assertTrue(retries > CALLS / 20 && retries < CALLS / 5, retries + " retries");
      for (String correlationId : failed) {
        assertEquals(3, attempts.get(correlationId), correlationId);
      }

      client.close();
      http.dispatcher().executorService().shutdown();
      pool.evictAll();
      assertEquals(0, pool.connectionCount());
    }
    assertNoThreadsLeftBut(threadsBefore);
  }

  /**
   * Gets conversation {@code n}; returns "ok", "failed " and the correlation id of a documented
   * failure after every attempt, or what was wrong.
   */
  private static String call(PolyAiData client, int n, boolean async) {
    String id = conversationId(n);
    Conversation conversation;
    try {
      if (async) {
        try {
          conversation = client.conversations().getAsync(AGENT, id).join();
        } catch (CompletionException e) {
          throw e.getCause();
        }
      } else {
        conversation = client.conversations().get(AGENT, id);
      }
    } catch (InternalServerException e) {
      return e.statusCode() == 503 && e.attempts() == 3
          ? "failed " + e.correlationId()
          : "unexpected " + e;
    } catch (PolyAiIoException e) {
      return e.attempts() == 3 ? "failed " + e.correlationId() : "unexpected " + e;
    } catch (Throwable e) {
      return "undocumented " + e;
    }
    List<String> said = new ArrayList<>();
    for (Turn turn : conversation.turns()) {
      said.add(turn.userInput() + "/" + turn.agentResponse());
    }
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < turnCount(n); k++) {
      expected.add("question " + n + "." + k + "/answer " + n + "." + k);
    }
    return conversation.conversationId().equals(id) && said.equals(expected)
        ? "ok"
        : "wrong conversation for " + id + ": " + conversation.conversationId() + " " + said;
  }

  /** Waits for every thread started since {@code before} to end, but the JVM-wide ones. */
  private static void assertNoThreadsLeftBut(Set<Thread> before) throws InterruptedException {
    List<String> left = List.of();
    for (int wait = 0; wait < 100; wait++) {
      left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(thread -> !before.contains(thread) && thread.isAlive())
              .map(Thread::getName)
              .filter(name -> SHARED_THREADS.stream().noneMatch(name::startsWith))
              .sorted()
              .collect(Collectors.toList());
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("threads left running: " + left);
  }
}
