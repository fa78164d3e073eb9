package ai.poly.data.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Everything the fake knows and has received. Every method holds this object's lock, so tests and
 * MockWebServer's connection threads see one consistent state.
 */
final class FakeState {
  private final Map<String, LinkedHashMap<String, StoredConversation>> conversations =
      new HashMap<>();
  private final Map<Key, Recording> recordings = new HashMap<>();
  private final Map<Key, List<RecordedAnnotation>> annotations = new HashMap<>();
  private final Map<Key, String> notes = new HashMap<>();
  private final Map<String, List<DebugChatReply>> scripts = new HashMap<>();
  private final Map<Key, Chat> chats = new HashMap<>();
  private final Deque<Queued> misbehaviours = new ArrayDeque<>();
  private @Nullable RandomMisbehaviour randomMisbehaviour;
  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final BlockingQueue<ReceivedRequest> untaken = new LinkedBlockingQueue<>();

  synchronized void add(String agentId, List<StoredConversation> added) {
    LinkedHashMap<String, StoredConversation> agent = conversations.get(agentId);
    if (agent == null) {
      agent = new LinkedHashMap<>();
      conversations.put(agentId, agent);
    }
    for (StoredConversation conversation : added) {
      agent.put(conversation.conversationId, conversation);
    }
  }

  /** The agent's conversations from {@code offset}, at most {@code limit}, and how many it has. */
  synchronized Page page(String agentId, long offset, long limit) {
    LinkedHashMap<String, StoredConversation> agent = conversations.get(agentId);
    List<StoredConversation> all =
        agent == null
            ? Collections.<StoredConversation>emptyList()
            : new ArrayList<>(agent.values());
    int from = (int) Math.min(offset, all.size());
    int to = (int) Math.min(from + Math.min(limit, Integer.MAX_VALUE), all.size());
    return new Page(new ArrayList<>(all.subList(from, to)), all.size());
  }

  synchronized @Nullable StoredConversation conversation(String agentId, String conversationId) {
    LinkedHashMap<String, StoredConversation> agent = conversations.get(agentId);
    return agent == null ? null : agent.get(conversationId);
  }

  synchronized void setRecording(String agentId, String conversationId, Recording recording) {
    requireConversation(agentId, conversationId);
    recordings.put(new Key(agentId, conversationId), recording);
  }

  /**
   * The conversation's recording: one set by the test, else a generated one if its {@code audioUrl}
   * says it has one, else null.
   */
  synchronized @Nullable Recording recording(String agentId, String conversationId) {
    StoredConversation conversation = conversation(agentId, conversationId);
    if (conversation == null) {
      return null;
    }
    Recording set = recordings.get(new Key(agentId, conversationId));
    if (set != null) {
      return set;
    }
    return conversation.hasRecording() ? Recording.GENERATED : null;
  }

  /** Records annotations; false if there is no such conversation. */
  synchronized boolean annotate(
      String agentId, String conversationId, List<RecordedAnnotation> added) {
    if (conversation(agentId, conversationId) == null) {
      return false;
    }
    Key key = new Key(agentId, conversationId);
    List<RecordedAnnotation> list = annotations.get(key);
    if (list == null) {
      list = new ArrayList<>();
      annotations.put(key, list);
    }
    list.addAll(added);
    return true;
  }

  synchronized List<RecordedAnnotation> annotations(String agentId, String conversationId) {
    List<RecordedAnnotation> list = annotations.get(new Key(agentId, conversationId));
    return list == null
        ? Collections.<RecordedAnnotation>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Records a note and shows it in the conversation; false if there is no such conversation. */
  synchronized boolean note(String agentId, String conversationId, String note) {
    StoredConversation conversation = conversation(agentId, conversationId);
    if (conversation == null) {
      return false;
    }
    conversations.get(agentId).put(conversationId, conversation.withNote(note));
    notes.put(new Key(agentId, conversationId), note);
    return true;
  }

  synchronized @Nullable String note(String agentId, String conversationId) {
    return notes.get(new Key(agentId, conversationId));
  }

  synchronized void script(String agentId, List<DebugChatReply> replies) {
    scripts.put(agentId, Collections.unmodifiableList(new ArrayList<>(replies)));
  }

  /**
   * Starts a chat that runs through a copy of the agent's script; the first scripted reply, if any,
   * is the greeting. A chat started with an id already in use replaces that chat.
   */
  synchronized ChatTurn startChat(String agentId, @Nullable String conversationId) {
    String id = conversationId != null ? conversationId : "CHAT-" + UUID.randomUUID();
    List<DebugChatReply> script = scripts.get(agentId);
    Chat chat = new Chat(script == null ? Collections.<DebugChatReply>emptyList() : script);
    chats.put(new Key(agentId, id), chat);
    DebugChatReply greeting = chat.script.poll();
    if (greeting == null) {
      return new ChatTurn(id, ChatTurn.Outcome.OK, null);
    }
    chat.ended = greeting.endsConversation();
    return new ChatTurn(id, ChatTurn.Outcome.OK, greeting);
  }

  /** Records {@code message} and takes the chat's next scripted reply, if it has one. */
  synchronized ChatTurn respond(String agentId, String conversationId, String message) {
    Chat chat = chats.get(new Key(agentId, conversationId));
    if (chat == null) {
      return new ChatTurn(conversationId, ChatTurn.Outcome.NO_SUCH_CHAT, null);
    }
    if (chat.ended) {
      return new ChatTurn(conversationId, ChatTurn.Outcome.ENDED, null);
    }
    chat.messages.add(message);
    DebugChatReply reply = chat.script.poll();
    if (reply != null && reply.endsConversation()) {
      chat.ended = true;
    }
    return new ChatTurn(conversationId, ChatTurn.Outcome.OK, reply);
  }

  synchronized List<String> chatMessages(String agentId, String conversationId) {
    Chat chat = chats.get(new Key(agentId, conversationId));
    return chat == null
        ? Collections.<String>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(chat.messages));
  }

  synchronized void misbehaveNext(int count, Misbehaviour misbehaviour) {
    misbehaviours.add(new Queued(misbehaviour, count));
  }

  synchronized void misbehaveRandomly(@Nullable RandomMisbehaviour random) {
    randomMisbehaviour = random;
  }

  /** Takes the next queued misbehaviour, else draws a random one if set; null to behave. */
  synchronized @Nullable Misbehaviour nextMisbehaviour() {
    Queued next = misbehaviours.peek();
    if (next == null) {
      return randomMisbehaviour == null ? null : randomMisbehaviour.draw();
    }
    if (--next.remaining == 0) {
      misbehaviours.remove();
    }
    return next.misbehaviour;
  }

  synchronized void record(ReceivedRequest request) {
    requests.add(request);
    untaken.add(request);
  }

  synchronized int requestCount() {
    return requests.size();
  }

  synchronized List<ReceivedRequest> requests() {
    return Collections.unmodifiableList(new ArrayList<>(requests));
  }

  /** The oldest request not taken yet, waiting up to {@code timeoutMillis}; null if none came. */
  @Nullable ReceivedRequest take(long timeoutMillis) throws InterruptedException {
    return untaken.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void requireConversation(String agentId, String conversationId) {
    if (conversation(agentId, conversationId) == null) {
      throw new IllegalArgumentException(
          "no conversation " + conversationId + " for agent " + agentId + "; add it first");
    }
  }

  /** A page of conversations and the agent's total. */
  static final class Page {
    final List<StoredConversation> conversations;
    final int count;

    Page(List<StoredConversation> conversations, int count) {
      this.conversations = conversations;
      this.count = count;
    }
  }

  /** A recording set by the test: fixed bytes, or a silent WAV of a given size. */
  static final class Recording {
    /** The generated recording, which differs by direction and redaction. */
    static final Recording GENERATED = new Recording(null, -1);

    final byte @Nullable [] bytes;
    final long size;

    Recording(byte @Nullable [] bytes, long size) {
      this.bytes = bytes;
      this.size = size;
    }
  }

  /** What a debug-chat message got: an outcome and, when there is one, a scripted reply. */
  static final class ChatTurn {
    enum Outcome {
      OK,
      NO_SUCH_CHAT,
      ENDED
    }

    final String conversationId;
    final Outcome outcome;
    final @Nullable DebugChatReply reply;

    ChatTurn(String conversationId, Outcome outcome, @Nullable DebugChatReply reply) {
      this.conversationId = conversationId;
      this.outcome = outcome;
      this.reply = reply;
    }
  }

  private static final class Chat {
    final Deque<DebugChatReply> script;
    final List<String> messages = new ArrayList<>();
    boolean ended;

    Chat(List<DebugChatReply> script) {
      this.script = new ArrayDeque<>(script);
    }
  }

  /** Misbehaves on a share of requests, drawing from one seeded generator in request order. */
  static final class RandomMisbehaviour {
    private final double probability;
    private final List<Misbehaviour> choices;
    private final Random random;

    RandomMisbehaviour(double probability, long seed, List<Misbehaviour> choices) {
      this.probability = probability;
      this.choices = choices;
      this.random = new Random(seed);
    }

    @Nullable Misbehaviour draw() {
      return random.nextDouble() < probability ? choices.get(random.nextInt(choices.size())) : null;
    }
  }

  private static final class Queued {
    final Misbehaviour misbehaviour;
    int remaining;

    Queued(Misbehaviour misbehaviour, int remaining) {
      this.misbehaviour = misbehaviour;
      this.remaining = remaining;
    }
  }

  private static final class Key {
    final String agentId;
    final String conversationId;

    Key(String agentId, String conversationId) {
      this.agentId = agentId;
      this.conversationId = conversationId;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      if (!(other instanceof Key)) {
        return false;
      }
      Key that = (Key) other;
      return agentId.equals(that.agentId) && conversationId.equals(that.conversationId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(agentId, conversationId);
    }
  }
}
