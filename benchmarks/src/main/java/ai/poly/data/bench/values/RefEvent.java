package ai.poly.data.bench.values;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A function event, as {@code FunctionEvent} exposes it. */
public record RefEvent(
    Integer turnNumber,
    String id,
    String name,
    String functionId,
    Instant startTime,
    Duration duration,
    Map<String, Object> arguments,
    String error,
    String utterance,
    Map<String, Object> handoff,
    Map<String, Object> extras) {}
