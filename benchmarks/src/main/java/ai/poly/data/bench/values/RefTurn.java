package ai.poly.data.bench.values;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One turn, as {@code Turn} exposes it; {@code extras} holds the keys it does not model. */
public record RefTurn(
    int index,
    String userInput,
    String userInputDtmf,
    Instant userInputAt,
    String agentResponse,
    Instant agentResponseAt,
    Duration latency,
    String translatedUserInput,
    String englishAgentResponse,
    List<String> intents,
    List<RefEntity> entities,
    Boolean outOfDomain,
    Boolean silence,
    Map<String, Object> extras) {}
