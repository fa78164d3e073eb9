package ai.poly.data;

import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads the hot responses, a conversation and a page of summaries, straight from the JSON tokens
 * into facade values in one pass: member names are matched with {@link JsonReader#selectName} (no
 * {@code String} for a known name), and each member's value goes to the same readers, with the same
 * leniency, as when a response is read from a tree of its members. No tree of the whole body is
 * built, and no generated model is bound.
 *
 * <p>It reads only the shapes it can read exactly as the tree would be read. On anything else (a
 * repeated known member, a turn that is not an object, a function event list in a shape that is
 * kept raw, a missing id, malformed JSON) it gives up with {@link Unread}, and {@link
 * JsonConverterFactory} reads the body again the general way, which then decides: the values, or
 * the error with its message, are the same either way.
 */
final class ConversationJson {
  private ConversationJson() {}

  /** The members a summary reads, by their index among {@link #CONVERSATION_NAMES}. */
  private static final ConversationSummary.Member[] SUMMARY_MEMBERS =
      ConversationSummary.Member.values();

  private static final int TURNS = SUMMARY_MEMBERS.length;
  private static final int METRICS = TURNS + 1;
  private static final int FUNCTION_EVENTS = TURNS + 2;

  /** The summary members, then those only a whole conversation has. */
  private static final String[] CONVERSATION_NAMES = conversationNames();

  /**
   * A turn's members, modelled or not: a name listed here costs no {@code String} when read. The
   * unmodelled ones ({@code turn_id} on) are kept raw like any other unknown name.
   */
  private static final String[] TURN_NAMES = {
    "user_input",
    "user_input_dtmf",
    "user_input_datetime",
    "agent_response",
    "agent_response_datetime",
    "latency",
    "translated_user_input",
    "english_agent_response",
    "intents",
    "entities",
    "is_ood",
    "is_silence",
    "turn_id",
    "barge_in",
    "asr_lang_code",
    "tts_lang_code",
    "llm_requests",
    "reviews",
    "metadata",
    "user_input_audio_url"
  };

  /** A function event's members, modelled or not (from {@code function_version} on). */
  private static final String[] EVENT_NAMES = {
    "id",
    "name",
    "function_id",
    "start_time",
    "duration",
    "arguments",
    "error",
    "utterance",
    "handoff",
    "function_version",
    "conversation_id",
    "turn_id",
    "content",
    "hangup",
    "llm_request_id",
    "logs",
    "state_changes",
    "transition",
    "variant_id_change"
  };

  private static final JsonReader.Options SAMPLE = JsonReader.Options.of("timestamp", "value");
  private static final int SAMPLE_COUNT = SAMPLE.strings().size();

  private static final String[] PAGE_NAMES = {"conversations", "count", "limit", "offset"};
  private static final int CONVERSATIONS = Arrays.asList(PAGE_NAMES).indexOf("conversations");

  private static final JsonReader.Options CONVERSATION = JsonReader.Options.of(CONVERSATION_NAMES);
  private static final JsonReader.Options TURN = JsonReader.Options.of(TURN_NAMES);
  private static final JsonReader.Options EVENT = JsonReader.Options.of(EVENT_NAMES);
  private static final JsonReader.Options PAGE = JsonReader.Options.of(PAGE_NAMES);

  private static String[] conversationNames() {
    String[] names = new String[FUNCTION_EVENTS + 1];
    for (ConversationSummary.Member member : SUMMARY_MEMBERS) {
      names[member.ordinal()] = member.json;
    }
    names[TURNS] = "turns";
    names[METRICS] = "metrics";
    names[FUNCTION_EVENTS] = "functionEvents";
    return names;
  }

  /** Thrown where the body is not in a shape read here; the general reading decides instead. */
  static final class Unread extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final Unread INSTANCE = new Unread();

    private Unread() {
      super("not in a shape read by ConversationJson", null, false, false);
    }
  }

  /** A conversation read from its JSON, as the type Retrofit's interface declares. */
  static final class Detail extends ConversationDetailResponse {
    final Conversation conversation;

    Detail(Conversation conversation) {
      this.conversation = conversation;
    }
  }

  /** A page read from its JSON but for what its request adds, as Retrofit's type. */
  static final class Page extends GetConversationsResponse {
    final ConversationPage.Reader page;

    Page(ConversationPage.Reader page) {
      this.page = page;
    }
  }

  /**
   * Reads a conversation response.
   *
   * @throws Unread if the body is not in a shape read here
   * @throws MissingFieldException if it lacks one of the ids
   */
  static Detail detail(JsonReader in) throws IOException {
    Fields fields = new Fields();
    ConversationSummary.Reader summary = new ConversationSummary.Reader("conversation");
    Parts parts = new Parts();
    conversation(in, summary, fields, parts);
    return new Detail(
        Conversation.of(
            summary, parts.turns, parts.metrics, parts.functionEvents, fields.extras()));
  }

  /** What a whole conversation has beyond a summary's members, read by {@link #detail}. */
  private static final class Parts {
    List<Turn> turns = Collections.emptyList();
    Map<String, List<MetricSample>> metrics = Collections.emptyMap();
    List<FunctionEvent> functionEvents = Collections.emptyList();

    void read(int index, JsonReader in, Fields fields) throws IOException {
      if (index == TURNS) {
        turns = turns(in, fields);
      } else if (index == METRICS) {
        metrics = metrics(in, fields);
      } else {
        functionEvents = functionEvents(in, fields);
      }
    }
  }

  /**
   * Reads the members of a conversation object: a summary's to {@code summary}, the known others
   * ({@code turns}, {@code metrics}, {@code functionEvents}) to {@code parts}, or kept raw where a
   * summary is read ({@code parts} null), and unknown ones kept.
   */
  private static void conversation(
      JsonReader in, ConversationSummary.Reader summary, Fields fields, @Nullable Parts parts)
      throws IOException {
    expect(in, JsonReader.Token.BEGIN_OBJECT);
    long seen = 0;
    in.beginObject();
    while (in.hasNext()) {
      int index = in.selectName(CONVERSATION);
      if (index < 0) {
        fields.keep(in.nextName(), JsonValues.read(in));
      } else {
        seen = once(seen, index);
        if (index < TURNS) {
          summary.read(SUMMARY_MEMBERS[index], value(in), fields);
        } else if (parts != null) {
          parts.read(index, in, fields);
        } else {
          fields.keep(CONVERSATION_NAMES[index], JsonValues.read(in)); // Not a summary's.
        }
      }
    }
    in.endObject();
  }

  /** {@link JsonValues#read}, with a string, the most common value, read without its dispatch. */
  private static @Nullable Object value(JsonReader in) throws IOException {
    return in.peek() == JsonReader.Token.STRING ? in.nextString() : JsonValues.read(in);
  }

  /**
   * Reads a page response.
   *
   * @throws Unread if the body is not in a shape read here, a summary included
   * @throws MissingFieldException if a summary lacks one of the ids
   */
  static Page page(JsonReader in) throws IOException {
    expect(in, JsonReader.Token.BEGIN_OBJECT);
    ConversationPage.Reader page = new ConversationPage.Reader();
    long seen = 0;
    in.beginObject();
    while (in.hasNext()) {
      int index = in.selectName(PAGE);
      if (index < 0) {
        page.read(in.nextName(), JsonValues.read(in));
        continue;
      }
      seen = once(seen, index);
      if (index == CONVERSATIONS) {
        page.conversations(summaries(in));
      } else {
        page.read(PAGE_NAMES[index], JsonValues.read(in));
      }
    }
    in.endObject();
    if ((seen & 1L << CONVERSATIONS) == 0) {
      throw Unread.INSTANCE; // The general reading names what is missing.
    }
    return new Page(page);
  }

  private static List<ConversationSummary> summaries(JsonReader in) throws IOException {
    expect(in, JsonReader.Token.BEGIN_ARRAY);
    List<ConversationSummary> summaries = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      summaries.add(summary(in));
    }
    in.endArray();
    return Collections.unmodifiableList(summaries);
  }

  private static ConversationSummary summary(JsonReader in) throws IOException {
    Fields fields = new Fields();
    // The general reading names the summary's position in a missing-id message; this one gives up.
    ConversationSummary.Reader summary = new ConversationSummary.Reader("conversation summary");
    conversation(in, summary, fields, null);
    return new ConversationSummary(summary, fields.extras());
  }

  private static List<Turn> turns(JsonReader in, Fields fields) throws IOException {
    if (in.peek() != JsonReader.Token.BEGIN_ARRAY) {
      return Conversation.turns("turns", JsonValues.read(in), fields);
    }
    List<Turn> turns = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      turns.add(turn(in, turns.size()));
    }
    in.endArray();
    return Collections.unmodifiableList(turns);
  }

  private static Turn turn(JsonReader in, int index) throws IOException {
    // Anything but an object keeps the whole list raw, which only the general reading can do.
    Turn.Reader turn = new Turn.Reader();
    members(in, TURN, TURN_NAMES, turn);
    return turn.build(index);
  }

  /**
   * Reads {@code metrics} in its live shape, names to lists of samples, without a tree of the
   * samples. A sample the tree reading could not read keeps the whole member raw there: it gives
   * up.
   */
  private static Map<String, List<MetricSample>> metrics(JsonReader in, Fields fields)
      throws IOException {
    if (in.peek() != JsonReader.Token.BEGIN_OBJECT) {
      return Conversation.metrics("metrics", JsonValues.read(in), fields);
    }
    // A name given twice keeps its first place and its last samples, as a map of the members does.
    Map<String, List<MetricSample>> metrics = new LinkedHashMap<>();
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      List<MetricSample> samples = new ArrayList<>();
      if (in.peek() != JsonReader.Token.BEGIN_ARRAY) {
        samples.add(sample(in)); // One sample, not in a list.
      } else {
        in.beginArray();
        while (in.hasNext()) {
          samples.add(sample(in));
        }
        in.endArray();
      }
      metrics.put(name, Collections.unmodifiableList(samples));
    }
    in.endObject();
    return Collections.unmodifiableMap(metrics);
  }

  /** Reads a sample; one the tree reading could not read gives up. */
  private static MetricSample sample(JsonReader in) throws IOException {
    if (in.peek() != JsonReader.Token.BEGIN_OBJECT) {
      return readable(Conversation.sample(JsonValues.read(in)));
    }
    @Nullable Object[] members = JsonValues.members(in, SAMPLE, SAMPLE_COUNT);
    return readable(Conversation.sample(members[1], members[0]));
  }

  private static MetricSample readable(@Nullable MetricSample sample) {
    if (sample == null) {
      throw Unread.INSTANCE; // The tree reading keeps the whole member raw.
    }
    return sample;
  }

  private static List<FunctionEvent> functionEvents(JsonReader in, Fields fields)
      throws IOException {
    JsonReader.Token token = in.peek();
    if (token == JsonReader.Token.BEGIN_ARRAY) {
      List<FunctionEvent> events = new ArrayList<>();
      events(in, null, events);
      return Collections.unmodifiableList(events);
    }
    if (token != JsonReader.Token.BEGIN_OBJECT) {
      return Conversation.functionEvents("functionEvents", JsonValues.read(in), fields);
    }
    // Turn number to its events, in the order of the numbers as the general reading has them.
    TreeMap<Integer, List<FunctionEvent>> byTurn = new TreeMap<>();
    in.beginObject();
    while (in.hasNext()) {
      Integer turn = Conversation.turnNumber(in.nextName());
      if (turn == null || byTurn.containsKey(turn)) {
        throw Unread.INSTANCE; // Kept raw, or two keys for one turn: the general reading's call.
      }
      List<FunctionEvent> events = new ArrayList<>();
      events(in, turn, events);
      byTurn.put(turn, events);
    }
    in.endObject();
    List<FunctionEvent> events = new ArrayList<>();
    for (List<FunctionEvent> ofTurn : byTurn.values()) {
      events.addAll(ofTurn);
    }
    return Collections.unmodifiableList(events);
  }

  private static void events(JsonReader in, @Nullable Integer turn, List<FunctionEvent> events)
      throws IOException {
    expect(in, JsonReader.Token.BEGIN_ARRAY);
    in.beginArray();
    while (in.hasNext()) {
      FunctionEvent.Reader event = new FunctionEvent.Reader();
      members(in, EVENT, EVENT_NAMES, event);
      events.add(event.build(turn));
    }
    in.endArray();
  }

  /** A reader of an object's members, one at a time: a name and its value as a plain JSON value. */
  interface MemberReader {
    void read(String key, @Nullable Object value);
  }

  /** Hands each entry of a map of members to {@code member}, as {@link #members} hands JSON's. */
  static <M extends MemberReader> M readAll(Map<?, ?> members, M member) {
    for (Map.Entry<?, ?> entry : members.entrySet()) {
      member.read(String.valueOf(entry.getKey()), entry.getValue());
    }
    return member;
  }

  /**
   * Hands every member of the next value, which must be an object, to {@code member}: a name of
   * {@code names} as the constant it matches (given twice, it gives up), any other as read.
   */
  private static void members(
      JsonReader in, JsonReader.Options options, String[] names, MemberReader member)
      throws IOException {
    expect(in, JsonReader.Token.BEGIN_OBJECT);
    long seen = 0;
    in.beginObject();
    while (in.hasNext()) {
      int index = in.selectName(options);
      if (index < 0) {
        member.read(in.nextName(), JsonValues.read(in));
      } else {
        seen = once(seen, index);
        member.read(names[index], value(in));
      }
    }
    in.endObject();
  }

  private static void expect(JsonReader in, JsonReader.Token token) throws IOException {
    if (in.peek() != token) {
      throw Unread.INSTANCE;
    }
  }

  /**
   * Marks a known member as read. A member given twice gives up: the general reading keeps the last
   * value only, where reading both in turn could also keep the first among the extras.
   */
  private static long once(long seen, int index) {
    long bit = 1L << index;
    if ((seen & bit) != 0) {
      throw Unread.INSTANCE;
    }
    return seen | bit;
  }
}
