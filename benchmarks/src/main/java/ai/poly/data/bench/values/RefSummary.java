package ai.poly.data.bench.values;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The summary fields of a conversation, as {@code ConversationSummary} exposes them. */
public record RefSummary(
    String conversationId,
    String accountId,
    String projectId,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String channel,
    String fromNumber,
    String toNumber,
    String language,
    String variantId,
    String clientEnv,
    Duration totalDuration,
    Duration polyaiDuration,
    Duration duration,
    Boolean inProgress,
    Boolean handoff,
    String handoffDestination,
    String handoffReason,
    String direction,
    List<String> tags,
    Double polyScore,
    String summaryHeading,
    String summaryContent,
    String deploymentId,
    String note,
    String audioUrl,
    Map<String, Object> extras) {}
