package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class JsonArgumentsTest {
  private static String rejection(Object value) {
    Map<String, Object> map = new HashMap<>();
    map.put("v", value);
    return assertThrows(IllegalArgumentException.class, () -> JsonArguments.copyObject(map, "m"))
        .getMessage();
  }

  @Test
  void copiesEveryKindOfJsonValueInOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("s", "text");
    map.put("b", true);
    map.put("i", 1);
    map.put("l", 2L);
    map.put("d", 2.5);
    map.put("f", 1.5f);
    map.put("big", new BigDecimal("1.10"));
    map.put("huge", new BigInteger("123456789012345678901234567890"));
    map.put("null", null);
    map.put("list", Arrays.asList(1, null, "x"));
    map.put("set", new LinkedHashSet<>(List.of("a", "b")));
    map.put("object", Map.of("k", List.of()));

    Map<String, Object> copy = JsonArguments.copyObject(map, "m");

    assertEquals(
        List.of("s", "b", "i", "l", "d", "f", "big", "huge", "null", "list", "set", "object"),
        new ArrayList<>(copy.keySet()));
    assertEquals(Arrays.asList(1, null, "x"), copy.get("list"));
    assertEquals(List.of("a", "b"), copy.get("set"));
    assertEquals(new BigDecimal("1.10"), copy.get("big"));
    assertEquals(Map.of("k", List.of()), copy.get("object"));
  }

  @Test
  void namesTheFirstValueThatIsNotJson() {
    assertEquals(
        "m.v[1].when is a java.lang.Thread, not a JSON value: use a String, Boolean, number, Map,"
            + " Collection or null",
        rejection(List.of("ok", Map.of("when", Thread.currentThread()))));
    assertEquals(
        "m.v is a [Ljava.lang.String;, not a JSON value: use a String, Boolean, number, Map,"
            + " Collection or null",
        rejection(new String[] {"a"}));
  }

  @Test
  void rejectsNumbersJsonCannotCarry() {
    assertEquals("m.v is Infinity, which JSON cannot carry", rejection(Double.POSITIVE_INFINITY));
    assertEquals("m.v is NaN, which JSON cannot carry", rejection(Float.NaN));
    assertEquals(
        "m.v is a java.util.concurrent.atomic.AtomicLong: use Integer, Long, Double, BigDecimal or"
            + " BigInteger",
        rejection(new AtomicLong(3)));
  }

  @Test
  void rejectsKeysThatAreNotStrings() {
    assertEquals(
        "m.v has a key that is not a String: a java.lang.Integer", rejection(Map.of(1, "x")));
  }

  @Test
  void rejectsAMapThatContainsItself() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("self", loop);

    String message =
        assertThrows(IllegalArgumentException.class, () -> JsonArguments.copyObject(loop, "m"))
            .getMessage();

    assertEquals(
        "m"
            + ".self".repeat(JsonArguments.MAX_DEPTH)
            + " is nested more than 64 levels deep (does it contain itself?)",
        message);
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    Object value = "leaf";
    for (int i = 1; i < JsonArguments.MAX_DEPTH; i++) {
      value = List.of(value);
    }
    Map<String, Object> map = Map.of("v", value);

    assertEquals(map, JsonArguments.copyObject(map, "m"));
  }
}
