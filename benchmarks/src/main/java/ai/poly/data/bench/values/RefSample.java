package ai.poly.data.bench.values;

import java.time.Instant;

/** One sample of a metric. */
public record RefSample(Instant timestamp, String value) {}
