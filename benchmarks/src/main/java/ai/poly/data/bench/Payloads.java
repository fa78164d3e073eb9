package ai.poly.data.bench;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import okio.Buffer;

/**
 * The JSON bodies every benchmark serves, generated deterministically in the live shapes of the
 * fixtures (client-facade/src/test/resources/fixtures): a conversation of any number of turns that
 * cycle through the fixture's five turn shapes, and pages of conversation summaries.
 *
 * <p>One deliberate choice: {@code shortSummary} is sent as a string holding the JSON object, one of
 * the three forms the live service uses, because the stock client rejects the object form outright
 * (its generated validation demands a primitive). All three clients then read identical bytes.
 */
public final class Payloads {
  public static final String AGENT = "PROJECT-K4T9QZ2M";
  public static final String CONVERSATION = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";
  public static final String API_KEY = "bench-api-key";

  private static final LocalDateTime START = LocalDateTime.of(2026, 10, 14, 18, 2, 11, 204_000_000);
  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT);

  private static final String[] USER_INPUTS = {
    "",
    "hi I'd like to book a table for eleven people on Saturday evening if you have anything",
    "",
    "half seven please, and could we have the table by the window if it is free",
    "ok thanks, that's everything for now",
  };
  private static final String[] AGENT_RESPONSES = {
    "Thanks for calling Harbour Kitchen on the quay. This call may be recorded for training and"
        + " quality purposes. How can I help you today?",
    "Lovely. Eleven guests this Saturday, the 17th of October. What time would you like the table"
        + " for? We serve dinner from five until ten.",
    "Sorry, I didn't catch that. What time would you like the table? You can also press a key: one"
        + " for early evening, two for late.",
    "Parties of more than ten need approval from our manager, so I'll put you through to the front"
        + " of house team now.",
    "",
  };

  private Payloads() {}

  /** A conversation detail with {@code turns} turns, a function event on every other turn. */
  public static byte[] conversation(int turns) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.beginObject();
      summaryMembers(w, CONVERSATION, 0, turns);
      w.name("turns").beginArray();
      for (int i = 0; i < turns; i++) {
        turn(w, i);
      }
      w.endArray();
      w.name("metrics").beginObject();
      w.name("CALL_DURATION").beginArray();
      sample(w, at(turns * 7L + 1), String.valueOf(turns * 7));
      w.endArray();
      w.name("HANDOFF_REASON").beginArray();
      sample(w, at(40), "LARGE_PARTY");
      w.endArray();
      w.name("TOTAL_AGENT_TURNS").beginArray();
      for (int i = 0; i < Math.min(turns, 50); i++) {
        sample(w, at(i * 7L), String.valueOf(i + 1));
      }
      w.endArray();
      w.endObject();
      w.name("functionEvents").beginObject();
      for (int i = 1; i < turns; i += 2) {
        w.name(String.valueOf(i)).beginArray();
        functionEvent(w, i);
        w.endArray();
      }
      w.endObject();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** A page of {@code limit} summaries from {@code offset} of {@code total} conversations. */
  public static byte[] page(int offset, int limit, int total) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.beginObject();
      w.name("conversations").beginArray();
      for (int i = offset; i < Math.min(total, offset + limit); i++) {
        w.beginObject();
        summaryMembers(w, conversationId(i), i, 5 + i % 30);
        w.endObject();
      }
      w.endArray();
      w.name("count").value(total);
      w.name("limit").value(limit);
      w.name("offset").value(offset);
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** The id of the {@code i}th conversation of a page listing. */
  public static String conversationId(int i) {
    return String.format(java.util.Locale.ROOT, "CA%032x", i * 2654435761L);
  }

  private static void summaryMembers(JsonWriter w, String id, int i, int turns) throws IOException {
    long offset = -i * 600L;
    boolean chat = i % 5 == 4;
    w.name("conversationId").value(id);
    w.name("accountId").value("ws-7c41a9e2");
    w.name("projectId").value(AGENT);
    w.name("createdAt").value(iso(at(offset)));
    w.name("startedAt").value(iso(at(offset)));
    w.name("finishedAt").value(chat ? null : iso(at(offset + turns * 7L)));
    w.name("channel").value(chat ? "WEBCHAT" : "VOICE-SIP");
    w.name("fromNumber").value(chat ? null : "+4477009" + (10000 + i % 90000));
    w.name("toNumber").value(chat ? null : "+442079460000");
    w.name("language").value("en-GB");
    w.name("variantId").value("Main line");
    w.name("clientEnv").value(chat ? "sandbox" : "live");
    w.name("totalDuration").value(turns * 7L);
    w.name("polyaiDuration").value(turns * 6L);
    w.name("duration").value(turns * 7L);
    w.name("inProgress").value(chat);
    w.name("handoff").value(i % 3 == 0);
    w.name("handoffDestination").value(i % 3 == 0 ? "Front of house" : null);
    w.name("handoffReason").value(i % 3 == 0 ? "LARGE_PARTY" : null);
    w.name("direction").value("inbound");
    w.name("tags").beginArray().value("booking").value(i % 2 == 0 ? "large-party" : "regular");
    w.endArray();
    w.name("polyScore").value(5.5 + i % 5);
    w.name("shortSummary")
        .value(
            "{\"heading\": \"Table booking for "
                + (2 + i % 11)
                + "\", \"content\": \"The caller asked for a table on Saturday evening. The agent"
                + " collected the details and confirmed the booking.\"}");
    w.name("deploymentId").value("0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b");
    w.name("note").value(i % 7 == 0 ? "regular guest" : null);
    w.name("audioUrl").value(chat ? null : "conversations/" + id + "/audio");
  }

  private static void turn(JsonWriter w, int i) throws IOException {
    int shape = i % 5;
    long t = i * 7L;
    w.beginObject();
    w.name("turn_id").value(881203345L + i);
    w.name("user_input").value(USER_INPUTS[shape]);
    w.name("user_input_dtmf").value(shape == 2 ? "1" : "");
    w.name("user_input_datetime").value(iso(at(t)));
    w.name("agent_response").value(AGENT_RESPONSES[shape]);
    w.name("agent_response_datetime").value(shape == 4 ? null : iso(at(t + 1)));
    w.name("latency");
    switch (shape) {
      case 0:
      case 2:
        w.beginObject();
        w.name("label").value(shape == 2 ? "fast" : null);
        w.name("perceived_latency").value(0.503 + (i % 97) / 64.0);
        w.name("perceived_latency_percentile_1d").value(shape == 2 ? 0.125 : null);
        w.endObject();
        break;
      case 4:
        w.nullValue();
        break;
      default:
        w.value(1 + (i % 89) / 128.0);
    }
    w.name("translated_user_input").value("");
    w.name("english_agent_response").value("");
    if (shape == 0) {
      w.name("intents").nullValue();
      w.name("entities").nullValue();
      w.name("is_ood").nullValue();
      w.name("is_silence").nullValue();
    } else {
      w.name("intents").beginArray();
      if (shape != 2) {
        w.value(shape == 1 ? "make_booking" : shape == 3 ? "provide_time" : "thanks");
      }
      w.endArray();
      w.name("entities").beginArray();
      if (shape == 1) {
        w.beginObject().name("party_size").value(String.valueOf(2 + i % 11)).endObject();
        w.beginObject().name("date").beginArray().value("2026-10-17").value("Saturday").endArray();
        w.endObject();
      } else if (shape == 3) {
        w.beginObject().name("time").value("19:30").endObject();
      }
      w.endArray();
      w.name("is_ood").value(false);
      w.name("is_silence").value(shape == 2);
    }
    w.name("barge_in").value(shape == 3);
    w.name("asr_lang_code").value("en-GB");
    w.name("tts_lang_code").value("en-GB");
    w.name("user_input_dtmf_finish_key").nullValue();
    w.name("reviews").beginArray().endArray();
    if (shape == 0) {
      w.name("llm_requests").beginArray().endArray();
      w.name("metadata").beginObject();
      w.name("current_node").value("greeting");
      w.name("retrieved_topics").beginArray().value("opening_hours").endArray();
      w.name("entities").beginArray().endArray();
      w.name("function_events").beginArray().endArray();
      w.endObject();
    } else if (shape == 1) {
      w.name("user_input_audio_url")
          .value("conversations/" + CONVERSATION + "/turns/" + (i + 1) + "/audio");
    }
    w.endObject();
  }

  private static void sample(JsonWriter w, LocalDateTime at, String value) throws IOException {
    w.beginObject().name("timestamp").value(ISO_MICROS.format(at)).name("value").value(value);
    w.endObject();
  }

  private static void functionEvent(JsonWriter w, int turn) throws IOException {
    boolean transfer = turn % 8 == 7;
    w.beginObject();
    w.name("id").value(String.format(java.util.Locale.ROOT, "6f1d2c3b-4a59-4e7d-8c0b-%012x", turn));
    w.name("name").value(transfer ? "transfer_large_party" : "check_availability");
    w.name("function_id").value(transfer ? "FUNCTION-transfer" : "FUNCTION-check-availability");
    w.name("function_version").value(transfer ? "3" : null);
    w.name("conversation_id").value(CONVERSATION);
    w.name("turn_id").value(turn);
    w.name("start_time").value(RFC_1123.format(at(turn * 7L)));
    w.name("duration").value(200 + turn % 700);
    w.name("arguments").beginObject();
    if (!transfer) {
      w.name("party_size").value(2 + turn % 11);
      w.name("date").value("2026-10-17");
    }
    w.endObject();
    w.name("content").nullValue();
    w.name("error").nullValue();
    w.name("handoff");
    if (transfer) {
      w.beginObject().name("reason").value("LARGE_PARTY").name("type").value("Front of house");
      w.endObject();
    } else {
      w.nullValue();
    }
    w.name("hangup").nullValue();
    w.name("llm_request_id").value(transfer ? null : "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
    w.name("logs");
    if (transfer) {
      w.beginArray().value("party_size=11 over limit 10").endArray();
    } else {
      w.nullValue();
    }
    w.name("state_changes").beginObject();
    w.name("added").beginObject().name("party_size").value(2 + turn % 11).endObject();
    w.name("removed").beginArray().endArray();
    w.name("updated").beginObject().endObject();
    w.endObject();
    w.name("transition").nullValue();
    w.name("utterance").value(transfer ? "I'll put you through to the front of house team now." : null);
    w.name("variant_id_change").nullValue();
    w.endObject();
  }

  private static LocalDateTime at(long secondsFromStart) {
    return START.plusSeconds(secondsFromStart).plusNanos((secondsFromStart * 7919 % 1000) * 1000);
  }

  private static String iso(LocalDateTime at) {
    return ISO_MICROS.format(at) + "+00:00";
  }
}
