package ai.poly.data;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits between attempts; injected so that retry tests take milliseconds. */
interface Sleeper {
  /**
   * How often a wait checks whether its call was canceled. An async call waits on an OkHttp thread
   * that {@code Call.cancel()} does not interrupt, so the wait must look for itself.
   */
  long CANCEL_CHECK_MILLIS = 50;

  /**
   * Sleeps on the calling thread, in slices of at most {@link #CANCEL_CHECK_MILLIS}; schedules on
   * {@link Timer}, without holding a thread while waiting.
   */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration duration, BooleanSupplier canceled) throws InterruptedException {
          long end = System.nanoTime() + duration.toNanos();
          for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
            if (canceled.getAsBoolean()) {
              return;
            }
            TimeUnit.NANOSECONDS.sleep(
                Math.min(left, TimeUnit.MILLISECONDS.toNanos(CANCEL_CHECK_MILLIS)));
          }
        }

        @Override
        public void schedule(Duration duration, BooleanSupplier canceled, Runnable task) {
          Timer.EXECUTOR.schedule(task, duration.toNanos(), TimeUnit.NANOSECONDS);
        }
      };

  /**
   * Waits for {@code duration}, returning early once {@code canceled} is true.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration, BooleanSupplier canceled) throws InterruptedException;

  /**
   * Runs {@code task} once {@code duration} has passed; an async call's next attempt. {@code task}
   * itself checks whether the call was canceled meanwhile. This default sleeps on the calling
   * thread and then runs the task there; {@link #SYSTEM} returns at once and holds no thread.
   */
  default void schedule(Duration duration, BooleanSupplier canceled, Runnable task) {
    try {
      sleep(duration, canceled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    task.run();
  }

  /**
   * The one thread, shared by every client in the JVM, that starts async calls' retries when their
   * wait is over. It only enqueues the next attempt on OkHttp's dispatcher, so one thread serves
   * any number of calls; like Okio's timeout watchdog, it ends after a minute with nothing to do.
   */
  final class Timer {
    static final String THREAD_NAME = "PolyAiData retry timer";

    static final ScheduledThreadPoolExecutor EXECUTOR = executor();

    private Timer() {}

    private static ScheduledThreadPoolExecutor executor() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, THREAD_NAME);
                thread.setDaemon(true);
                return thread;
              });
      executor.setKeepAliveTime(60, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
