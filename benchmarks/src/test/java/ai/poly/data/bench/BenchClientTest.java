package ai.poly.data.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.poly.data.Conversation;
import ai.poly.data.bench.stock.model.ConversationDetailResponse;
import ai.poly.data.bench.values.RefConversation;
import ai.poly.data.bench.values.RefTurn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmarks compare like with like only if the three clients read the same values. */
class BenchClientTest {
  @ParameterizedTest
  @ValueSource(ints = {20, 1000})
  void allClientsReadTheSameConversation(int turns) throws Exception {
    byte[] json = Payloads.conversation(turns);
    RefConversation ours = OursValues.of((Conversation) get("ours", json));
    RefConversation limit = (RefConversation) get("limit", json);
    RefConversation stock = (RefConversation) get("stock", json);

    assertEquals(turns, ours.turns().size());
    assertEquals(ours.summary(), limit.summary());
    assertEquals(ours.summary(), stock.summary());
    for (int i = 0; i < turns; i++) {
      RefTurn turn = ours.turns().get(i);
      assertEquals(turn, limit.turns().get(i), "turn " + i + " of the limit");
      assertEquals(turn, stock.turns().get(i), "turn " + i + " of the stock client");
    }
    assertEquals(ours.metrics(), limit.metrics());
    assertEquals(ours.metrics(), stock.metrics());
    assertEquals(ours.functionEvents(), limit.functionEvents());
    assertEquals(ours.functionEvents(), stock.functionEvents());
    assertEquals(ours, limit);
    assertEquals(ours, stock);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 1000})
  void untypedStockClientLeavesTurnsAsMaps(int turns) throws Exception {
    ConversationDetailResponse stock =
        (ConversationDetailResponse) get("stock-untyped", Payloads.conversation(turns));
    assertEquals(turns, stock.getTurns().size());
    assertNotNull(stock.getTurns().get(0));
    assertEquals(
        881203345.0, ((java.util.Map<?, ?>) stock.getTurns().get(0)).get("turn_id"));
  }

  private static Object get(String client, byte[] json) throws Exception {
    try (BenchClient bench = BenchClient.create(client, InMemory.BASE_URL, InMemory.answering(json))) {
      return bench.get(Payloads.AGENT, Payloads.CONVERSATION);
    }
  }
}
