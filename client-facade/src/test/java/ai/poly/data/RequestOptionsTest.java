package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RequestOptionsTest {
  @Test
  void noneOverridesNothing() {
    RequestOptions none = RequestOptions.none();
    assertEquals(null, none.retryPolicy());
    assertEquals(null, none.callTimeout());
    assertEquals(null, none.readTimeout());
    assertEquals(null, none.connectTimeout());
    assertEquals(none, RequestOptions.builder().build());
    RequestOptions some =
        RequestOptions.builder()
            .retryPolicy(RetryPolicy.none())
            .callTimeout(Duration.ofSeconds(5))
            .build();
    assertEquals(some, some.newBuilder().build());
    assertEquals(
        "RequestOptions{retryPolicy=RetryPolicy{maxRetries=0, initialBackoff=PT0.5S,"
            + " maxBackoff=PT8S, maxRetryAfter=PT1M}, callTimeout=PT5S, readTimeout=null,"
            + " connectTimeout=null}",
        some.toString());
    assertEquals(
        "readTimeout must be positive: PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> RequestOptions.builder().readTimeout(Duration.ZERO))
            .getMessage());
  }
}
