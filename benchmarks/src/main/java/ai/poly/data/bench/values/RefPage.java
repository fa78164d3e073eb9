package ai.poly.data.bench.values;

import java.util.List;

/** One page of a conversation listing. */
public record RefPage(List<RefSummary> conversations, int count, int limit, int offset) {}
