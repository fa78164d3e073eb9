package ai.poly.data.bench.values;

import java.util.List;

/** An entity of a turn: a name and its values. */
public record RefEntity(String name, List<String> values) {}
