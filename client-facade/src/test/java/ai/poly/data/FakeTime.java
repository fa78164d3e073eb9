package ai.poly.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A clock that stands still until slept on, and a sleeper that records each wait and moves the
 * clock by it instead of sleeping: retry tests take milliseconds and assert exact waits.
 */
final class FakeTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  FakeTime(Instant start) {
    this.now = start;
  }

  FakeTime() {
    this(Instant.parse("2026-10-14T18:00:00Z"));
  }

  /** The waits requested so far, in order. */
  synchronized List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }

  @Override
  public synchronized void sleep(Duration duration, BooleanSupplier canceled) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
