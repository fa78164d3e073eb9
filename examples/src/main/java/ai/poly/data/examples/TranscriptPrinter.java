package ai.poly.data.examples;

import ai.poly.data.Conversation;
import ai.poly.data.Entity;
import ai.poly.data.FunctionEvent;
import ai.poly.data.Summary;
import ai.poly.data.Turn;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a conversation as a readable transcript: a header, then each turn with its details. */
final class TranscriptPrinter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String INDENT = "               ";

  private final PrintStream out;

  TranscriptPrinter(PrintStream out) {
    this.out = out;
  }

  void print(Conversation c) {
    out.println("Conversation " + c.conversationId() + " (agent " + c.projectId() + ")");
    field("Channel", join(", ", c.channel(), c.direction()));
    if (c.fromNumber() != null || c.toNumber() != null) {
      field("From / to", orDash(c.fromNumber()) + " -> " + orDash(c.toNumber()));
    }
    if (c.startedAt() != null) {
      field("Started", TIME.format(c.startedAt()));
    }
    if (c.duration() != null) {
      field("Duration", duration(c.duration()));
    }
    if (c.handoff() != null) {
      field("Handoff", handoff(c));
    }
    if (c.polyScore() != null) {
      field("PolyScore", number(c.polyScore()));
    }
    Summary summary = c.shortSummary();
    if (summary != null) {
      String heading = summary.heading();
      String content = summary.content();
      field("Summary", heading != null ? heading : orDash(content));
      if (heading != null && content != null) {
        field("", content);
      }
    }
    out.println();
    Instant start = c.startedAt();
    for (Turn turn : c.turns()) {
      printTurn(turn, start, eventsOf(c, turn));
    }
  }

  private void printTurn(Turn turn, Instant start, List<FunctionEvent> events) {
    List<String> lines = new ArrayList<>();
    String caller = callerLine(turn);
    if (caller != null) {
      lines.add("Caller  " + caller);
    }
    if (!isEmpty(turn.agentResponse())) {
      lines.add("Agent   " + turn.agentResponse());
    }
    if (lines.isEmpty()) {
      lines.add("(no input or response)");
    }
    Instant at = turn.userInputAt() != null ? turn.userInputAt() : turn.agentResponseAt();
    String offset = at != null && start != null ? offset(Duration.between(start, at)) : "";
    for (int i = 0; i < lines.size(); i++) {
      out.println(pad(i == 0 ? offset : "", 7) + lines.get(i));
    }
    String details = details(turn);
    if (!details.isEmpty()) {
      out.println(INDENT + details);
    }
    for (FunctionEvent event : events) {
      out.println(INDENT + "function " + function(event));
    }
  }

  private static String callerLine(Turn turn) {
    if (!isEmpty(turn.userInput())) {
      return turn.userInput();
    }
    if (!isEmpty(turn.userInputDtmf())) {
      return "[keys " + turn.userInputDtmf() + "]";
    }
    return Boolean.TRUE.equals(turn.isSilence()) ? "(silence)" : null;
  }

  private static String details(Turn turn) {
    List<String> parts = new ArrayList<>();
    if (turn.latency() != null) {
      parts.add("latency " + seconds(turn.latency()));
    }
    if (!turn.intents().isEmpty()) {
      parts.add("intents " + String.join(", ", turn.intents()));
    }
    if (!turn.entities().isEmpty()) {
      List<String> entities = new ArrayList<>();
      for (Entity entity : turn.entities()) {
        entities.add(entity.toString());
      }
      parts.add("entities " + String.join(", ", entities));
    }
    if (Boolean.TRUE.equals(turn.isSilence())) {
      parts.add("silence");
    }
    if (Boolean.TRUE.equals(turn.isOutOfDomain())) {
      parts.add("out of domain");
    }
    return String.join(" | ", parts);
  }

  /** Function events are keyed by 1-based turn number; turns carry their 0-based index. */
  private static List<FunctionEvent> eventsOf(Conversation c, Turn turn) {
    List<FunctionEvent> events = new ArrayList<>();
    for (FunctionEvent event : c.functionEvents()) {
      Integer number = event.turnNumber();
      if (number != null && number - 1 == turn.index()) {
        events.add(event);
      }
    }
    return events;
  }

  private static String function(FunctionEvent event) {
    List<String> arguments = new ArrayList<>();
    for (Map.Entry<String, Object> argument : event.arguments().entrySet()) {
      arguments.add(argument.getKey() + "=" + argument.getValue());
    }
    StringBuilder text = new StringBuilder(orDash(event.name()));
    text.append('(').append(String.join(", ", arguments)).append(')');
    if (event.duration() != null) {
      text.append(' ').append(event.duration().toMillis()).append(" ms");
    }
    if (event.handoff() != null) {
      text.append(" -> handoff ").append(event.handoff().get("type"));
    }
    if (event.error() != null) {
      text.append(" -> error ").append(event.error());
    }
    return text.toString();
  }

  private static String handoff(Conversation c) {
    if (!Boolean.TRUE.equals(c.handoff())) {
      return "no";
    }
    String text = "yes";
    if (c.handoffDestination() != null) {
      text += ", to " + c.handoffDestination();
    }
    if (c.handoffReason() != null) {
      text += " (reason " + c.handoffReason() + ")";
    }
    return text;
  }

  private void field(String name, String value) {
    out.println(pad(name, 11) + value);
  }

  static String offset(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    return String.format(Locale.ROOT, "+%d:%02d", seconds / 60, seconds % 60);
  }

  static String duration(Duration d) {
    long seconds = d.getSeconds();
    return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String join(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (!isEmpty(part)) {
        present.add(part);
      }
    }
    return present.isEmpty() ? "-" : String.join(separator, present);
  }

  private static String orDash(String value) {
    return isEmpty(value) ? "-" : value;
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static String pad(String text, int width) {
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < width) {
      padded.append(' ');
    }
    return padded.toString();
  }
}
