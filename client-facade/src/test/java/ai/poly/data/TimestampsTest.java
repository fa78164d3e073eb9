package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void isoWithOffsetIsThatInstant() {
    assertEquals(
        Instant.parse("2026-06-03T13:18:06.370Z"),
        Timestamps.parse("2026-06-03T13:18:06.370000+00:00"));
    assertEquals(
        Instant.parse("2026-06-03T18:48:06.123456789Z"),
        Timestamps.parse("2026-06-03T13:18:06.123456789-05:30"));
    assertEquals(Instant.parse("2026-06-03T13:18:06Z"), Timestamps.parse("2026-06-03T13:18:06Z"));
    assertEquals(
        Instant.parse("2026-06-03T13:18:06.100Z"), Timestamps.parse("2026-06-03t13:18:06.1z"));
  }

  @Test
  void isoWithoutOffsetIsUtc() {
    assertEquals(
        Instant.parse("2026-06-03T13:19:19.757917Z"),
        Timestamps.parse("2026-06-03T13:19:19.757917"));
    assertEquals(Instant.parse("2026-06-03T13:18:00Z"), Timestamps.parse(" 2026-06-03T13:18 "));
  }

  @Test
  void isoWithZoneUsesItsOffset() {
    assertEquals(
        Instant.parse("2026-06-03T12:18:06Z"),
        Timestamps.parse("2026-06-03T13:18:06+01:00[Europe/London]"));
  }

  @Test
  void rfc1123IsThatInstant() {
    assertEquals(
        Instant.parse("2026-06-03T13:18:09Z"), Timestamps.parse("Wed, 03 Jun 2026 13:18:09 GMT"));
  }

  @Test
  void otherTextIsNull() {
    assertNull(Timestamps.parse(""));
    assertNull(Timestamps.parse("   "));
    assertNull(Timestamps.parse("yesterday"));
    assertNull(Timestamps.parse("2026-06-03"));
    assertNull(Timestamps.parse("2026-13-03T00:00:00Z"));
    assertNull(Timestamps.parse("2026-06-03T13:18:06+25:00"));
    assertNull(Timestamps.parse("2026-06-03T13:18:06 +00:00"));
  }
}
