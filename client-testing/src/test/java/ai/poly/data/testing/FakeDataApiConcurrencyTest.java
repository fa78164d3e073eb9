package ai.poly.data.testing;

import static ai.poly.data.testing.Http.get;
import static ai.poly.data.testing.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class FakeDataApiConcurrencyTest {
  private static final int THREADS = 32;
  private static final int REQUESTS_PER_THREAD = 25;
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String RESTAURANT = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  private static final String DETAIL = "v1/agents/" + AGENT + "/conversations/" + RESTAURANT;

  private final FakeDataApi fake = FakeDataApi.start();
  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void close() {
    executor.shutdownNow();
    fake.close();
  }

  @Test
  void servesThirtyTwoThreadsAtOnce() throws Exception {
    fake.addSampleConversations(AGENT);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(
          () -> {
            for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
              int status;
              switch (i % 4) {
                case 0:
                  status = get(fake, "v1/agents/" + AGENT + "/conversations?limit=1").status();
                  break;
                case 1:
                  status = get(fake, DETAIL).status();
                  break;
                case 2:
                  status =
                      post(
                              fake,
                              DETAIL + "/annotation",
                              "{\"annotations\": [{\"turnId\": "
                                  + thread
                                  + ", \"role\": \"user\", \"annotationType\": \"wrong_info\"}]}")
                          .status();
                  break;
                default:
                  status = get(fake, DETAIL + "/audio?direction=user").status();
                  break;
              }
              statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
            return null;
          });
    }
    for (Future<Void> future : executor.invokeAll(tasks)) {
      future.get();
    }
    int total = THREADS * REQUESTS_PER_THREAD;
    assertEquals(total, fake.requestCount());
    assertEquals(total, fake.requests().size());
    assertEquals(total - THREADS * 6, statuses.get(200).get());
    assertEquals(THREADS * 6, statuses.get(201).get());
    assertEquals(THREADS * 6, fake.annotations(AGENT, RESTAURANT).size());
  }

  @Test
  void misbehavesOnExactlyTheNextNRequestsUnderConcurrency() throws Exception {
    fake.addSampleConversations(AGENT);
    fake.failNext(100, 503);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger successes = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(
          () -> {
            for (int i = 0; i < 10; i++) {
              int status = get(fake, DETAIL).status();
              (status == 503 ? failures : successes).incrementAndGet();
            }
            return null;
          });
    }
    for (Future<Void> future : executor.invokeAll(tasks)) {
      future.get();
    }
    assertEquals(100, failures.get());
    assertEquals(THREADS * 10 - 100, successes.get());
  }

  @Test
  void seedsWhileServing() throws Exception {
    OkHttpClient client =
        Http.CLIENT
            .newBuilder()
            .connectionPool(new ConnectionPool())
            .dispatcher(new Dispatcher())
            .build();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(
          () -> {
            for (int i = 0; i < 10; i++) {
              fake.addConversation(
                  AGENT, FakeConversation.builder("CA-" + thread + "-" + i).build());
              Http.send(
                  client, Http.request(fake, "v1/agents/" + AGENT + "/conversations").build());
            }
            return null;
          });
    }
    for (Future<Void> future : executor.invokeAll(tasks)) {
      future.get();
    }
    Map<?, ?> page =
        (Map<?, ?>) Http.parse(get(fake, "v1/agents/" + AGENT + "/conversations?limit=1").body());
    assertEquals((double) THREADS * 10, page.get("count"));
  }
}
