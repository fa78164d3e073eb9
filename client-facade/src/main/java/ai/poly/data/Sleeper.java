package ai.poly.data;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits between attempts; injected so that retry tests take milliseconds. */
interface Sleeper {
  /**
   * How often a wait checks whether its call was canceled. An async call waits on an OkHttp thread
   * that {@code Call.cancel()} does not interrupt, so the wait must look for itself.
   */
  long CANCEL_CHECK_MILLIS = 50;

  /** Sleeps on the calling thread, in slices of at most {@link #CANCEL_CHECK_MILLIS}. */
  Sleeper SYSTEM =
      (duration, canceled) -> {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
          if (canceled.getAsBoolean()) {
            return;
          }
          TimeUnit.NANOSECONDS.sleep(
              Math.min(left, TimeUnit.MILLISECONDS.toNanos(CANCEL_CHECK_MILLIS)));
        }
      };

  /**
   * Waits for {@code duration}, returning early once {@code canceled} is true.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration, BooleanSupplier canceled) throws InterruptedException;
}
