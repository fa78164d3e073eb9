package ai.poly.data.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  @Test
  void conversationsAreTheSameBytesEveryTime() {
    assertArrayEquals(Payloads.conversation(20), Payloads.conversation(20));
  }

  @Test
  void aThousandTurnConversationIsAboutOneMegabyte() {
    int size = Payloads.conversation(1000).length;
    assertTrue(size > 900_000 && size < 1_100_000, "size " + size);
  }

  @Test
  void conversationHasTheTurnsAndAFunctionEventOnEveryOtherTurn() throws Exception {
    Map<?, ?> conversation = read(Payloads.conversation(20));
    assertEquals(20, ((List<?>) conversation.get("turns")).size());
    assertEquals(10, ((Map<?, ?>) conversation.get("functionEvents")).size());
  }

  @Test
  void pagesCoverTheTotalWithDistinctIds() throws Exception {
    Map<?, ?> last = read(Payloads.page(19_950, 100, 20_000));
    List<?> conversations = (List<?>) last.get("conversations");
    assertEquals(50, conversations.size());
    assertEquals(20_000.0, last.get("count"));
    assertEquals(
        Payloads.conversationId(19_999), ((Map<?, ?>) conversations.get(49)).get("conversationId"));
    assertNotEquals(Payloads.conversationId(0), Payloads.conversationId(1));
  }

  private static Map<?, ?> read(byte[] json) throws Exception {
    return (Map<?, ?>) JsonReader.of(new Buffer().write(json)).readJsonValue();
  }
}
