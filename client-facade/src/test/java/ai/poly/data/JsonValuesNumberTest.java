package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass reading of a short integer gives what the JDK's parsers give, at its edges too. */
final class JsonValuesNumberTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0",
        "-0",
        "7",
        "-7",
        "00",
        "999999999999999999", // 18 digits: the longest read in one pass.
        "-999999999999999999",
        "1000000000000000000", // 19 digits: left to Long.parseLong.
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "12345678901234567890",
        "1.5",
        "-0.0",
        "1e5",
        "1E5",
        "12e",
        "-",
        "1-2",
        "+1"
      })
  void readsEachLiteralAsTheJdkDoes(String literal) {
    check(literal);
  }

  @Test
  void readsRandomIntegersOfEveryLengthAsTheJdkDoes() {
    Random random = new Random(8);
    for (int digits = 1; digits <= 20; digits++) {
      for (int i = 0; i < 2_000; i++) {
        StringBuilder literal = new StringBuilder(random.nextBoolean() ? "-" : "");
        for (int d = 0; d < digits; d++) {
          literal.append((char) ('0' + random.nextInt(10)));
        }
        check(literal.toString());
      }
    }
  }

  /** What the reading gave before its one pass: Long.parseLong, BigDecimal, or a double. */
  private static @Nullable Object expected(String literal) {
    try {
      if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
        try {
          return Long.parseLong(literal);
        } catch (NumberFormatException tooLarge) {
          return new BigDecimal(literal);
        }
      }
      return Double.parseDouble(literal);
    } catch (NumberFormatException notANumber) {
      return notANumber.getClass();
    }
  }

  private static void check(String literal) {
    Object expected = expected(literal);
    Object actual;
    try {
      actual = JsonValues.number(literal);
    } catch (NumberFormatException notANumber) {
      actual = notANumber.getClass();
    }
    assertEquals(expected, actual, literal);
    if (expected != null && actual != null) {
      assertEquals(expected.getClass(), actual.getClass(), literal);
    }
  }
}
