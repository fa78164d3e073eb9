package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A short summary in each of the service's forms, and in forms it must not be mistaken for. */
final class SummaryTest {
  @Test
  void readsTheObjectTheStringAndTheStringHoldingAnObject() {
    assertEquals(Summary.of("H", "C"), Summary.read(Map.of("heading", "H", "content", "C")));
    assertEquals(Summary.of(null, "plain"), Summary.read("plain"));
    assertEquals(
        Summary.of("H", null),
        Summary.read(" {\"heading\": \"H\", \"content\": null, \"x\": [1]}"));
    assertNull(Summary.read(Map.of("heading", 1)));
    assertNull(Summary.read(7));
  }

  /** Texts that start like an object but that the summary's object form does not fit. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"heading\": 1, \"content\": \"C\"}",
        "{\"heading\": \"H\"",
        "{\"heading\": \"H\"} trailing",
        "{\"heading\": \"H\", \"n\": 1e1001}",
        "{\"heading\": \"H\", \"content\": {}}",
        "{ not json",
        "{}"
      })
  void aTextThatIsNotASummaryObjectIsTheContentOrEmpty(String text) {
    assertEquals(fromTree(text), Summary.read(text));
  }

  @Test
  void theLastOfARepeatedMemberCountsAsInTheTree() {
    String text = "{\"heading\": 1, \"heading\": \"H\", \"content\": \"a\", \"content\": \"b\"}";

    assertEquals(Summary.of("H", "b"), Summary.read(text));
    assertEquals(fromTree(text), Summary.read(text));
  }

  /** Random texts built from the pieces of summary objects read as the tree of the text reads. */
  @Test
  void readsRandomObjectTextsAsTheirTreeReads() {
    String[] pieces = {
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      " ",
      "\"heading\"",
      "\"content\"",
      "\"he\\u0061ding\"",
      "\"x\"",
      "\"H\"",
      "\"C\"",
      "1",
      "1e1001",
      "null",
      "true",
      "\"\\\"\"",
      "{\"heading\": \"H\"}"
    };
    Random random = new Random(20261121);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder("{");
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    texts.add("{\"heading\": \"H\", \"content\": \"C\"}");
    int objects = 0;
    for (String text : texts) {
      Summary expected = fromTree(text);
      assertEquals(expected, Summary.read(text), text);
      if (!text.equals(expected.content())) {
        objects++;
      }
    }
    assertTrue(objects > 100, "texts read as objects: " + objects);
  }

  /** The summary a text gives when read as a tree of plain values first. */
  private static Summary fromTree(String text) {
    Object tree;
    try {
      tree = JsonValues.parse(text);
    } catch (Exception notJson) {
      return Summary.of(null, text);
    }
    if (tree instanceof Map<?, ?> map) {
      Object heading = map.get("heading");
      Object content = map.get("content");
      if ((heading == null || heading instanceof String)
          && (content == null || content instanceof String)) {
        return Summary.of((String) heading, (String) content);
      }
    }
    return Summary.of(null, text);
  }
}
