package ai.poly.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * The three timestamp forms the service sends: ISO-8601 with an offset and up to nine fractional
 * digits ({@code 2026-06-03T13:18:06.370000+00:00}), ISO-8601 with no offset, meaning UTC (inside
 * {@code metrics}), and RFC 1123 ({@code Wed, 03 Jun 2026 13:18:09 GMT}, inside {@code
 * functionEvents}).
 */
final class Timestamps {
  /** The names RFC 1123 gives days (from Monday) and months, three letters each. */
  private static final String DAYS = "MonTueWedThuFriSatSun";

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private Timestamps() {}

  /** The instant {@code text} denotes, or null when it is in none of the three forms. */
  static @Nullable Instant parse(String text) {
    String value = text.trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      if (Character.isLetter(value.charAt(0))) {
        Instant common = commonRfc1123(value);
        if (common != null) {
          return common;
        }
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
      Instant common = commonIso(value);
      if (common != null) {
        return common;
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Instant.from(parsed);
      }
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Reads the ISO form the service sends, {@code 2026-06-03T13:18:06.370000+00:00}, with or without
   * a fraction and an offset ({@code Z} or {@code ±HH:MM}; none means UTC), without a formatter: a
   * formatter allocates a map and more per parse, and timestamps were a third of the time to read a
   * conversation. Returns null for any other layout, which the formatters then read; throws
   * DateTimeException for a field out of range, as they do.
   */
  private static @Nullable Instant commonIso(String v) {
    int n = v.length();
    if (n < 19
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || (v.charAt(10) != 'T' && v.charAt(10) != 't')
        || v.charAt(13) != ':'
        || v.charAt(16) != ':') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && v.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(v.charAt(i))) {
        nanos = nanos * 10 + (v.charAt(i++) - '0');
      }
      if (i == start || (i < n && isDigit(v.charAt(i)))) {
        return null;
      }
      for (int scale = i - start; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n || (i == n - 1 && (v.charAt(i) == 'Z' || v.charAt(i) == 'z'))) {
      offsetSeconds = 0;
    } else if (i == n - 6 && (v.charAt(i) == '+' || v.charAt(i) == '-') && v.charAt(i + 3) == ':') {
      int hours = digits(v, i + 1, 2);
      int minutes = digits(v, i + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = v.charAt(i) == '-' ? -1 : 1;
      offsetSeconds =
          hours == 0 && minutes == 0 // The service's own offset, UTC, without a lookup.
              ? 0
              : ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes).getTotalSeconds();
    } else {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("time of day out of range: " + v);
    }
    long days = epochDay(year, month, day);
    return Instant.ofEpochSecond(
        days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds, nanos);
  }

  /**
   * Reads the RFC 1123 form the service sends, {@code Wed, 03 Jun 2026 13:18:09 GMT}, in exactly
   * that layout, without a formatter: the formatter allocates about 1.4 kB per parse, more than the
   * rest of a function event. Returns null for anything else, which the formatter then reads as it
   * would have: another layout, an hour of 24, a day past the month's end (which the formatter
   * moves back to the last day), or a day of the week that does not match the date (an error).
   */
  static @Nullable Instant commonRfc1123(String v) {
    if (v.length() != 29
        || v.charAt(3) != ','
        || v.charAt(4) != ' '
        || v.charAt(7) != ' '
        || v.charAt(11) != ' '
        || v.charAt(16) != ' '
        || v.charAt(19) != ':'
        || v.charAt(22) != ':'
        || !v.endsWith(" GMT")) {
      return null;
    }
    int dayOfWeek = name(DAYS, v, 0);
    int day = digits(v, 5, 2);
    int month = name(MONTHS, v, 8);
    int year = digits(v, 12, 4);
    int hour = digits(v, 17, 2);
    int minute = digits(v, 20, 2);
    int second = digits(v, 23, 2);
    if ((dayOfWeek | day | month | year | hour | minute | second) < 0
        || day < 1
        || hour > 23
        || minute > 59
        || second > 59
        || day > monthLength(year, month)) {
      return null;
    }
    long days = daysFrom1970(year, month, day); // The date was checked above.
    if (Math.floorMod(days + 3, 7) + 1 != dayOfWeek) { // 1 January 1970 was a Thursday, day 4.
      return null;
    }
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second);
  }

  /**
   * The days from 1 January 1970 to a date of the proleptic Gregorian calendar, as {@code
   * LocalDate.of(year, month, day).toEpochDay()} gives them, counted by hand: LocalDate's checks
   * load Month, Year and a DayOfWeek table, which a fresh process would otherwise load for its
   * first timestamp.
   *
   * <p>The year is not checked against LocalDate's range (±999,999,999): callers pass four digits.
   *
   * @throws DateTimeException for a month or a day of the month out of range, as LocalDate.of does
   */
  static long epochDay(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      throw new DateTimeException("no such date: " + year + "-" + month + "-" + day);
    }
    return daysFrom1970(year, month, day);
  }

  /** {@link #epochDay} of a date already checked. */
  private static long daysFrom1970(int year, int month, int day) {
    // Years counted from 1 March, so that February's leap day ends a year rather than splitting it,
    // in eras of 400 years (146,097 days each), the period of the Gregorian leap rule.
    long y = month > 2 ? year : year - 1L;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468; // 719,468: from 1 March of year 0 to 1970-01-01.
  }

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The 1-based position of the three letters at {@code start} among {@code names}, or -1. */
  private static int name(String names, String v, int start) {
    for (int i = 0; i < names.length(); i += 3) {
      if (names.regionMatches(i, v, start, 3)) {
        return i / 3 + 1;
      }
    }
    return -1;
  }

  /** The number written by {@code count} ASCII digits at {@code start}, or -1. */
  private static int digits(String v, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = v.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
