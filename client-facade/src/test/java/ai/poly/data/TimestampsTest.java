package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Random;
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

  /** The hand-written reading of the common ISO form answers exactly as java.time's parsers. */
  @Test
  void commonIsoFormReadsAsTheIsoFormatterDoes() {
    Random random = new Random(42);
    String[] offsets = {
      "", "Z", "z", "+00:00", "-00:00", "+05:30", "-11:45", "+18:00", "-18:01", "+19:00", "+05:60",
      "+5:30", "+05:3x"
    };
    for (int i = 0; i < 20_000; i++) {
      String text =
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02d%c%02d:%02d:%02d%s%s",
              1 + random.nextInt(9999),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(10) == 0 ? 't' : 'T',
              random.nextInt(26),
              random.nextInt(61),
              random.nextInt(61),
              fraction(random),
              offsets[random.nextInt(offsets.length)]);
      assertEquals(isoFormatter(text), Timestamps.parse(text), text);
    }
  }

  private static String fraction(Random random) {
    int digits = random.nextInt(12) - 1;
    if (digits < 0) {
      return "";
    }
    StringBuilder fraction = new StringBuilder(".");
    for (int i = 0; i < digits; i++) {
      fraction.append(random.nextInt(10));
    }
    return fraction.toString();
  }

  private static Instant isoFormatter(String text) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
      return parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? Instant.from(parsed)
          : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The hand-written reading of the common RFC 1123 form answers exactly as the formatter does. */
  @Test
  void commonRfc1123FormReadsAsTheFormatterDoes() {
    Random random = new Random(7);
    String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "WED", "wed", "Xyz"};
    String[] months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "JUN",
      "Foo"
    };
    String[] zones = {"GMT", "GMT", "GMT", "+0000", "-0130", "gmt", "UTC"};
    int fast = 0;
    for (int i = 0; i < 50_000; i++) {
      String text =
          String.format(
              Locale.ROOT,
              "%s, %02d %s %04d %02d:%02d:%02d %s",
              days[random.nextInt(days.length)],
              random.nextInt(33),
              months[random.nextInt(months.length)],
              random.nextInt(10) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(80),
              random.nextInt(26),
              random.nextInt(62),
              random.nextInt(62),
              zones[random.nextInt(zones.length)]);
      Instant expected = rfc1123Formatter(text);
      assertEquals(expected, Timestamps.parse(text), text);
      fast += expected != null ? 1 : 0;
    }
    assertTrue(fast > 1_000, "dates that parse: " + fast);
    for (int i = 0; i < 20_000; i++) {
      // Dates that exist, with their own day of the week: all of them parse.
      ZonedDateTime at =
          Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L)
              .atZone(ZoneOffset.UTC)
              .withYear(1 + random.nextInt(9999));
      String text = DateTimeFormatter.RFC_1123_DATE_TIME.format(at);
      assertEquals(at.toInstant(), Timestamps.parse(text), text);
      if (text.length() == 29) { // The service's layout: two digits for the day, four the year.
        assertEquals(at.toInstant(), Timestamps.commonRfc1123(text), "by hand: " + text);
      }
    }
  }

  @Test
  void rfc1123OutsideTheCommonLayoutStillReadsAsTheFormatterDoes() {
    String[] texts = {
      "Wed, 3 Jun 2026 13:18:09 GMT",
      "Wed, 03 Jun 2026 13:18 GMT",
      "Wed, 03 Jun 2026 13:18:09 +0200",
      "Thu, 31 Apr 2026 13:18:09 GMT",
      "Fri, 01 May 2026 13:18:09 GMT",
      "Fri, 30 Feb 2026 00:00:00 GMT",
      "Sun, 29 Feb 2032 00:00:00 GMT",
      "Sat, 28 Feb 2026 24:00:00 GMT",
      "Sun, 01 Mar 2026 24:00:00 GMT",
      "Thu, 04 Jun 2026 13:18:09 GMT",
      "wed, 03 jun 2026 13:18:09 gmt",
      "Wed, 03 Jun 2026 13:18:60 GMT",
      "Wed, 03 Jun 12026 13:18:09 GMT",
      "Wed,  03 Jun 2026 13:18:09 GMT"
    };
    for (String text : texts) {
      assertEquals(rfc1123Formatter(text), Timestamps.parse(text), text);
    }
    assertEquals(
        Instant.parse("2026-04-30T13:18:09Z"), Timestamps.parse("Thu, 31 Apr 2026 13:18:09 GMT"));
    assertNull(Timestamps.parse("Thu, 03 Jun 2026 13:18:09 GMT"));
    assertEquals(
        Instant.parse("2026-06-03T13:18:09Z"),
        Timestamps.commonRfc1123("Wed, 03 Jun 2026 13:18:09 GMT"));
    assertNull(Timestamps.commonRfc1123("Thu, 31 Apr 2026 13:18:09 GMT"), "left to the formatter");
  }

  private static Instant rfc1123Formatter(String text) {
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
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

  @Test
  void epochDayCountsEveryDateOfFourDigitYearsAsLocalDateDoes() {
    LocalDate date = LocalDate.of(0, 1, 1);
    LocalDate end = LocalDate.of(10_000, 1, 1);
    int checked = 0;
    for (; date.isBefore(end); date = date.plusDays(1)) {
      long expected = date.toEpochDay();
      long actual = Timestamps.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
      if (actual != expected) {
        assertEquals(expected, actual, date.toString());
      }
      checked++;
    }
    assertEquals(3_652_425, checked);
  }

  @Test
  void epochDayRejectsWhatLocalDateRejects() {
    int[][] invalid = {
      {2026, 0, 1},
      {2026, 13, 1},
      {2026, 1, 0},
      {2026, 1, 32},
      {2026, 4, 31},
      {2026, 2, 29},
      {1900, 2, 29},
      {2100, 2, 29},
      {2000, 2, 30}
    };
    for (int[] d : invalid) {
      assertThrows(DateTimeException.class, () -> LocalDate.of(d[0], d[1], d[2]));
      DateTimeException e =
          assertThrows(DateTimeException.class, () -> Timestamps.epochDay(d[0], d[1], d[2]));
      assertTrue(e.getMessage().contains(d[0] + "-" + d[1] + "-" + d[2]), e.getMessage());
    }
    assertEquals(LocalDate.of(0, 2, 29).toEpochDay(), Timestamps.epochDay(0, 2, 29));
    assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), Timestamps.epochDay(2000, 2, 29));
    assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), Timestamps.epochDay(2024, 2, 29));
  }
}
