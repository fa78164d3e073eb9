package ai.poly.data.testing;

import static ai.poly.data.testing.Http.JSON;
import static ai.poly.data.testing.Http.envelope;
import static ai.poly.data.testing.Http.parse;
import static ai.poly.data.testing.Http.post;
import static ai.poly.data.testing.Http.request;
import static ai.poly.data.testing.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class FakeDataApiDebugChatTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String CHAT = "v1/agents/" + AGENT + "/debug-chat";
  private static final String GREETING =
      "Hello! You're chatting with a fake PolyAI agent. How can I help?";

  private final FakeDataApi fake = FakeDataApi.start();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void createWithoutScriptGreetsWithAGeneratedId() {
    Http.Reply reply = post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}");
    assertEquals(201, reply.status());
    assertEquals("application/json", reply.header("Content-Type"));
    Map<?, ?> chat = (Map<?, ?>) parse(reply.body());
    String id = (String) chat.get("conversationId");
    assertTrue(id.startsWith("CHAT-"), id);
    UUID.fromString(id.substring("CHAT-".length()));
    assertEquals(
        "{\"conversationId\":\""
            + id
            + "\",\"userInput\":\"\",\"response\":\""
            + GREETING
            + "\",\"metadata\":{\"state\":{},\"currentNode\":\"greeting\",\"nodeTrace\":[],"
            + "\"metrics\":{},\"functionEvents\":[]},\"conversationEnded\":false,"
            + "\"delayedResponse\":false}",
        reply.body());
  }

  @Test
  void createUsesTheCustomConversationId() {
    Http.Reply reply =
        post(fake, CHAT, "{\"clientEnv\": \"live\", \"conversationId\": \"CHAT-qa-001\"}");
    assertEquals(201, reply.status());
    assertEquals("CHAT-qa-001", ((Map<?, ?>) parse(reply.body())).get("conversationId"));
    assertEquals(200, post(fake, CHAT + "/CHAT-qa-001", "{\"clientEnv\": \"live\"}").status());
  }

  @Test
  void createGeneratesADifferentIdEachTime() {
    assertNotEquals(
        chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}")),
        chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}")));
  }

  @Test
  void createAcceptsTheFullBody() {
    Http.Reply reply =
        post(
            fake,
            CHAT,
            "{\"clientEnv\": \"pre-release\", \"asrLangCode\": \"en-GB\", \"ttsLangCode\":"
                + " \"en-GB\", \"variantId\": \"Main line\", \"channel\": \"chat.polyai\","
                + " \"integrationAttributes\": {\"caller_tier\": \"gold\"}}");
    assertEquals(201, reply.status());
  }

  @Test
  void createRequiresClientEnv() {
    assertChatRejected(CHAT, "{}", "clientEnv must be one of sandbox, pre-release, live");
  }

  @Test
  void createRejectsUnknownClientEnv() {
    assertChatRejected(
        CHAT, "{\"clientEnv\": \"prod\"}", "clientEnv must be one of sandbox, pre-release, live");
  }

  @Test
  void createRejectsAnEmptyConversationId() {
    assertChatRejected(
        CHAT,
        "{\"clientEnv\": \"live\", \"conversationId\": \"\"}",
        "conversationId must be a non-empty string");
  }

  @Test
  void createRejectsABodyThatIsNotJson() {
    assertChatRejected(CHAT, "hello", "body must be a JSON object");
  }

  @Test
  void chatFollowsTheScript() {
    fake.scriptDebugChat(
        AGENT,
        List.of(
            DebugChatReply.of("Welcome to Harbour Kitchen."),
            DebugChatReply.of("For how many people?"),
            DebugChatReply.of("What time?")));
    Http.Reply created = post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}");
    assertEquals("Welcome to Harbour Kitchen.", response(created));
    String id = chatId(created);

    Http.Reply first =
        post(fake, CHAT + "/" + id, "{\"clientEnv\": \"sandbox\", \"message\": \"a table\"}");
    assertEquals(200, first.status());
    assertEquals(
        "{\"conversationId\":\""
            + id
            + "\",\"userInput\":\"a table\",\"response\":\"For how many people?\","
            + "\"metadata\":{\"state\":{},\"currentNode\":\"reply\",\"nodeTrace\":[],"
            + "\"metrics\":{},\"functionEvents\":[]},\"conversationEnded\":false,"
            + "\"delayedResponse\":false}",
        first.body());
    assertEquals(
        "What time?",
        response(post(fake, CHAT + "/" + id, "{\"clientEnv\": \"sandbox\", \"message\": \"4\"}")));
  }

  @Test
  void chatEchoesOnceTheScriptRunsOut() {
    fake.scriptDebugChat(AGENT, List.of(DebugChatReply.of("Hi.")));
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}"));
    assertEquals(
        "You said: anyone there?",
        response(
            post(
                fake,
                CHAT + "/" + id,
                "{\"clientEnv\": \"sandbox\", \"message\": \"anyone there?\"}")));
  }

  @Test
  void respondWithoutMessageSendsTheEmptyString() {
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}"));
    Http.Reply reply = post(fake, CHAT + "/" + id, "{\"clientEnv\": \"sandbox\"}");
    assertEquals(200, reply.status());
    assertEquals("", ((Map<?, ?>) parse(reply.body())).get("userInput"));
    assertEquals(List.of(""), fake.debugChatMessages(AGENT, id));
  }

  @Test
  void endingReplyEndsTheChatAndLaterMessagesGet410() {
    fake.scriptDebugChat(
        AGENT, List.of(DebugChatReply.of("Hi."), DebugChatReply.ending("Goodbye!")));
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"live\"}"));
    Http.Reply last =
        post(fake, CHAT + "/" + id, "{\"clientEnv\": \"live\", \"message\": \"bye\"}");
    assertEquals(200, last.status());
    Map<?, ?> body = (Map<?, ?>) parse(last.body());
    assertEquals("Goodbye!", body.get("response"));
    assertEquals(true, body.get("conversationEnded"));
    assertEquals("end", ((Map<?, ?>) body.get("metadata")).get("currentNode"));

    Http.Reply gone =
        send(
            request(fake, CHAT + "/" + id)
                .header("X-PolyAI-Correlation-Id", "cid-410")
                .post(
                    RequestBody.create("{\"clientEnv\": \"live\", \"message\": \"hello?\"}", JSON))
                .build());
    assertEquals(410, gone.status());
    assertEquals(
        envelope("cid-410", "CHAT_CONVERSATION_ENDED", "Chat conversation " + id + " has ended"),
        gone.body());
    assertEquals(List.of("bye"), fake.debugChatMessages(AGENT, id));
  }

  @Test
  void endingGreetingEndsTheChatAtOnce() {
    fake.scriptDebugChat(AGENT, List.of(DebugChatReply.ending("We're closed.")));
    Http.Reply created = post(fake, CHAT, "{\"clientEnv\": \"live\"}");
    assertEquals(true, ((Map<?, ?>) parse(created.body())).get("conversationEnded"));
    assertEquals(
        410, post(fake, CHAT + "/" + chatId(created), "{\"clientEnv\": \"live\"}").status());
  }

  @Test
  void eachChatRunsTheScriptFromTheStart() {
    fake.scriptDebugChat(AGENT, List.of(DebugChatReply.of("One."), DebugChatReply.of("Two.")));
    String first = chatId(post(fake, CHAT, "{\"clientEnv\": \"live\"}"));
    String second = chatId(post(fake, CHAT, "{\"clientEnv\": \"live\"}"));
    assertEquals("Two.", response(post(fake, CHAT + "/" + first, "{\"clientEnv\": \"live\"}")));
    assertEquals("Two.", response(post(fake, CHAT + "/" + second, "{\"clientEnv\": \"live\"}")));
  }

  @Test
  void scriptsArePerAgent() {
    fake.scriptDebugChat(AGENT, List.of(DebugChatReply.of("Scripted.")));
    assertEquals(
        GREETING,
        response(post(fake, "v1/agents/PROJECT-OTHER/debug-chat", "{\"clientEnv\": \"live\"}")));
  }

  @Test
  void scriptIsCopied() {
    List<DebugChatReply> script = new ArrayList<>(Arrays.asList(DebugChatReply.of("Copied.")));
    fake.scriptDebugChat(AGENT, script);
    script.set(0, DebugChatReply.of("Changed."));
    assertEquals("Copied.", response(post(fake, CHAT, "{\"clientEnv\": \"live\"}")));
  }

  @Test
  void respondToUnknownChatGets400DraftNotExist() {
    Http.Reply reply =
        send(
            request(fake, CHAT + "/CHAT-nope")
                .header("X-PolyAI-Correlation-Id", "cid-dne")
                .post(RequestBody.create("{\"clientEnv\": \"live\", \"message\": \"hi\"}", JSON))
                .build());
    assertEquals(400, reply.status());
    assertEquals(
        envelope("cid-dne", "CHAT_DRAFT_NOT_EXIST", "Chat conversation CHAT-nope does not exist"),
        reply.body());
  }

  @Test
  void chatsArePerAgent() {
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"live\"}"));
    Http.Reply reply =
        post(fake, "v1/agents/PROJECT-OTHER/debug-chat/" + id, "{\"clientEnv\": \"live\"}");
    assertEquals(400, reply.status());
    assertEquals("CHAT_DRAFT_NOT_EXIST", Http.errorCode(reply));
  }

  @Test
  void respondRecordsMessagesInOrder() {
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}"));
    post(fake, CHAT + "/" + id, "{\"clientEnv\": \"sandbox\", \"message\": \"first\"}");
    post(fake, CHAT + "/" + id, "{\"clientEnv\": \"sandbox\", \"message\": \"second\"}");
    assertEquals(List.of("first", "second"), fake.debugChatMessages(AGENT, id));
    assertEquals(List.of(), fake.debugChatMessages(AGENT, "CHAT-nope"));
  }

  @Test
  void respondRequiresClientEnv() {
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}"));
    assertChatRejected(
        CHAT + "/" + id,
        "{\"message\": \"hi\"}",
        "clientEnv must be one of sandbox, pre-release, live");
    assertEquals(List.of(), fake.debugChatMessages(AGENT, id));
  }

  @Test
  void respondRejectsANonStringMessage() {
    String id = chatId(post(fake, CHAT, "{\"clientEnv\": \"sandbox\"}"));
    assertChatRejected(
        CHAT + "/" + id,
        "{\"clientEnv\": \"sandbox\", \"message\": 7}",
        "message must be a string");
  }

  @Test
  void scriptRejectsNullReplies() {
    assertThrows(
        NullPointerException.class,
        () -> fake.scriptDebugChat(AGENT, Arrays.asList(DebugChatReply.of("a"), null)));
  }

  @Test
  void debugChatReplyIsAValue() {
    assertEquals(DebugChatReply.of("x"), DebugChatReply.of("x"));
    assertNotEquals(DebugChatReply.of("x"), DebugChatReply.ending("x"));
    assertEquals(
        "DebugChatReply{response=x, endsConversation=true}", DebugChatReply.ending("x").toString());
  }

  private void assertChatRejected(String path, String body, String message) {
    Http.Reply reply =
        send(
            request(fake, path)
                .header("X-PolyAI-Correlation-Id", "cid-chat")
                .post(RequestBody.create(body, JSON))
                .build());
    assertEquals(400, reply.status(), body);
    assertEquals(envelope("cid-chat", "CHAT_VALIDATION_FAILED", message), reply.body());
  }

  private static String chatId(Http.Reply reply) {
    return (String) ((Map<?, ?>) parse(reply.body())).get("conversationId");
  }

  private static String response(Http.Reply reply) {
    return (String) ((Map<?, ?>) parse(reply.body())).get("response");
  }
}
