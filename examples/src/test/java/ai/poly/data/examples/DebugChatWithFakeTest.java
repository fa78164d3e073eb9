package ai.poly.data.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.ClientEnv;
import ai.poly.data.DebugChat;
import ai.poly.data.DebugChatOptions;
import ai.poly.data.DebugChatReply;
import ai.poly.data.GoneException;
import ai.poly.data.PolyAiData;
import ai.poly.data.testing.FakeDataApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's debug chat against the fake: each accepts what the other sends. */
class DebugChatWithFakeTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";

  private final FakeDataApi fake = FakeDataApi.start();
  private final PolyAiData client =
      PolyAiData.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();

  @AfterEach
  void close() {
    client.close();
    fake.close();
  }

  @Test
  void scriptedChatRunsToItsEnd() throws Exception {
    fake.scriptDebugChat(
        AGENT,
        List.of(
            ai.poly.data.testing.DebugChatReply.of("Welcome to Harbour Kitchen."),
            ai.poly.data.testing.DebugChatReply.of("For how many?"),
            ai.poly.data.testing.DebugChatReply.ending("Booked. Goodbye!")));

    DebugChat chat =
        client
            .debugChat()
            .start(
                AGENT,
                DebugChatOptions.builder()
                    .clientEnv(ClientEnv.PRE_RELEASE)
                    .conversationId("CHAT-qa-001")
                    .build());
    DebugChatReply first = chat.send("A table tonight");
    DebugChatReply last = chat.send("Four");

    assertEquals("CHAT-qa-001", chat.conversationId());
    assertEquals("Welcome to Harbour Kitchen.", chat.greeting().response());
    assertEquals("greeting", chat.greeting().currentNode());
    assertEquals("For how many?", first.response());
    assertEquals("A table tonight", first.userInput());
    assertFalse(first.conversationEnded());
    assertEquals("Booked. Goodbye!", last.response());
    assertTrue(last.conversationEnded());
    assertTrue(chat.isEnded());
    assertEquals(List.of("A table tonight", "Four"), fake.debugChatMessages(AGENT, "CHAT-qa-001"));
    assertEquals(
        "{\"clientEnv\":\"pre-release\",\"conversationId\":\"CHAT-qa-001\"}",
        fake.takeRequest().body());
  }

  @Test
  void chatEchoesOnceItsScriptRunsOutAndAnEndingGreetingEndsTheChat() throws Exception {
    fake.scriptDebugChat(AGENT, List.of(ai.poly.data.testing.DebugChatReply.of("Hi")));
    DebugChat chat = client.debugChat().start(AGENT);
    DebugChat other = client.debugChat().start(AGENT);
    fake.scriptDebugChat(
        AGENT, List.of(ai.poly.data.testing.DebugChatReply.ending("Closed today.")));
    DebugChat closed = client.debugChat().start(AGENT);

    assertEquals("You said: Hello", chat.send("Hello").response());
    assertTrue(closed.isEnded());
    assertFalse(other.isEnded());
    assertTrue(chat.conversationId().startsWith("CHAT-"), chat.conversationId());
    assertFalse(chat.conversationId().equals(other.conversationId()));
    assertThrows(IllegalStateException.class, () -> closed.send("Hello?"));
    assertEquals(4, fake.requestCount());
  }

  @Test
  void messageToAChatTheServiceEndedIsGoneAndEndsIt() {
    DebugChatOptions sameId = DebugChatOptions.builder().conversationId("CHAT-qa-002").build();
    fake.scriptDebugChat(AGENT, List.of(ai.poly.data.testing.DebugChatReply.of("Hi")));
    DebugChat chat = client.debugChat().start(AGENT, sameId);
    // The fake replaces a chat started again under the same id: here with one that ended at once.
    fake.scriptDebugChat(AGENT, List.of(ai.poly.data.testing.DebugChatReply.ending("Closed.")));
    client.debugChat().start(AGENT, sameId);

    GoneException gone = assertThrows(GoneException.class, () -> chat.send("Anyone there?"));

    assertEquals(410, gone.statusCode());
    assertEquals("CHAT_CONVERSATION_ENDED", gone.errorCode());
    assertTrue(chat.isEnded());
  }
}
