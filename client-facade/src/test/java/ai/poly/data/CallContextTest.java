package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CallContextTest {
  @Test
  void correlationIdsAreCanonicalRandomUuids() {
    for (int i = 0; i < 10_000; i++) {
      String id = CallContext.newCorrelationId();
      UUID uuid = UUID.fromString(id);
      assertEquals(id, uuid.toString());
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
    }
  }

  @Test
  void correlationIdsDrawnOnManyThreadsAreAllDistinct() throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> draws = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        draws.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 25_000; i++) {
                    ids.add(CallContext.create().correlationId);
                  }
                }));
      }
      for (Future<?> draw : draws) {
        draw.get();
      }
    } finally {
      threads.shutdown();
    }
    assertEquals(200_000, ids.size());
  }

  @Test
  void everyBitOutsideVersionAndVariantVaries() {
    long mostOr = 0;
    long mostAnd = -1;
    long leastOr = 0;
    long leastAnd = -1;
    for (int i = 0; i < 2_000; i++) {
      UUID uuid = UUID.fromString(CallContext.newCorrelationId());
      mostOr |= uuid.getMostSignificantBits();
      mostAnd &= uuid.getMostSignificantBits();
      leastOr |= uuid.getLeastSignificantBits();
      leastAnd &= uuid.getLeastSignificantBits();
    }
    // Bits that are always set or always clear: exactly the version's four and the variant's two.
    assertEquals(0xF000L, ~mostOr | mostAnd, "fixed bits of the high half");
    assertEquals(0x3L << 62, ~leastOr | leastAnd, "fixed bits of the low half");
    assertTrue((mostAnd & 0xF000L) == 0x4000L);
  }
}
