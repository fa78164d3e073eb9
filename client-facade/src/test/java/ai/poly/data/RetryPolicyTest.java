package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {
  @Test
  void defaultsAreTwoRetriesHalfASecondToEightSecondsAndAMinuteCap() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertEquals(2, policy.maxRetries());
    assertEquals(Duration.ofMillis(500), policy.initialBackoff());
    assertEquals(Duration.ofSeconds(8), policy.maxBackoff());
    assertEquals(Duration.ofSeconds(60), policy.maxRetryAfter());
    assertEquals(policy, RetryPolicy.builder().build());
  }

  @Test
  void noneNeverRetries() {
    assertEquals(0, RetryPolicy.none().maxRetries());
    assertEquals(RetryPolicy.defaults().newBuilder().maxRetries(0).build(), RetryPolicy.none());
  }

  @Test
  void backoffDoublesUpToTheMaximumWithEqualJitter() {
    RetryPolicy policy = RetryPolicy.defaults();
    // Lowest: half the step.
    assertEquals(Duration.ofMillis(250), policy.backoff(1, 0));
    assertEquals(Duration.ofMillis(500), policy.backoff(2, 0));
    assertEquals(Duration.ofMillis(1000), policy.backoff(3, 0));
    assertEquals(Duration.ofMillis(2000), policy.backoff(4, 0));
    assertEquals(Duration.ofMillis(4000), policy.backoff(5, 0));
    assertEquals(Duration.ofMillis(4000), policy.backoff(6, 0));
    assertEquals(Duration.ofMillis(4000), policy.backoff(60, 0));
    // Midway and nearly the whole step.
    assertEquals(Duration.ofMillis(375), policy.backoff(1, 0.5));
    assertEquals(Duration.ofMillis(6000), policy.backoff(9, 0.5));
    assertEquals(Duration.ofNanos(7_999_999_999L), policy.backoff(9, 0.999_999_999_9));
  }

  @Test
  void zeroBackoffRetriesAtOnce() {
    RetryPolicy policy =
        RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();
    assertEquals(Duration.ZERO, policy.backoff(1, 0.7));
  }

  @Test
  void invalidSettingsAreRejected() {
    RetryPolicy.Builder builder = RetryPolicy.builder();
    assertEquals(
        "maxRetries must not be negative: -1",
        assertThrows(IllegalArgumentException.class, () -> builder.maxRetries(-1)).getMessage());
    assertEquals(
        "initialBackoff must not be negative: PT-1S",
        assertThrows(
                IllegalArgumentException.class,
                () -> builder.initialBackoff(Duration.ofSeconds(-1)))
            .getMessage());
    assertEquals(
        "maxBackoff == null",
        assertThrows(NullPointerException.class, () -> builder.maxBackoff(null)).getMessage());
    assertEquals(
        "maxRetryAfter == null",
        assertThrows(NullPointerException.class, () -> builder.maxRetryAfter(null)).getMessage());
    builder.initialBackoff(Duration.ofSeconds(10));
    assertEquals(
        "initialBackoff PT10S is longer than maxBackoff PT8S",
        assertThrows(IllegalStateException.class, builder::build).getMessage());
  }

  @Test
  void valueSemantics() {
    RetryPolicy a = RetryPolicy.builder().maxRetries(4).maxBackoff(Duration.ofSeconds(2)).build();
    RetryPolicy b = a.newBuilder().build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, RetryPolicy.defaults());
    assertEquals(
        "RetryPolicy{maxRetries=4, initialBackoff=PT0.5S, maxBackoff=PT2S, maxRetryAfter=PT1M}",
        a.toString());
  }
}
