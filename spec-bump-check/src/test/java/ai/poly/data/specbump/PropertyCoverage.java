package ai.poly.data.specbump;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which facade accessor surfaces each property of the spec's conversation schemas. A property a
 * spec bump adds is reported until someone decides how the facade shows it: a typed accessor, or
 * deliberately only {@code additionalProperties()} (the facade keeps every member it does not model
 * there, so the raw route needs no code, only this decision).
 */
final class PropertyCoverage {
  /** The accessor that only holds members raw; a property may be mapped to it on purpose. */
  static final String RAW = "additionalProperties";

  /** Spec property of ConversationSummaryResponse to accessor of ConversationSummary. */
  private static final Map<String, String> SUMMARY = summary();

  /** The facade as it is: spec schema to its facade type and property-to-accessor table. */
  static final PropertyCoverage FACADE =
      new PropertyCoverage()
          .map("ConversationSummaryResponse", "ai.poly.data.ConversationSummary", SUMMARY)
          .map("ConversationDetailResponse", "ai.poly.data.Conversation", detail());

  private final Map<String, String> facadeTypes = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();

  private PropertyCoverage() {}

  private static Map<String, String> summary() {
    Map<String, String> table = new LinkedHashMap<>();
    for (String sameName :
        List.of(
            "conversationId",
            "accountId",
            "projectId",
            "createdAt",
            "startedAt",
            "finishedAt",
            "channel",
            "fromNumber",
            "toNumber",
            "language",
            "variantId",
            "clientEnv",
            "totalDuration",
            "polyaiDuration",
            "duration",
            "inProgress",
            "handoff",
            "handoffDestination",
            "handoffReason",
            "direction",
            "tags",
            "polyScore",
            "shortSummary",
            "deploymentId",
            "note",
            "audioUrl")) {
      table.put(sameName, sameName);
    }
    return table;
  }

  private static Map<String, String> detail() {
    Map<String, String> table = new LinkedHashMap<>(SUMMARY);
    table.put("turns", "turns");
    table.put("metrics", "metrics");
    table.put("functionEvents", "functionEvents");
    return table;
  }

  /** A copy with {@code schema} shown by {@code facadeType} through {@code table}. */
  PropertyCoverage map(String schema, String facadeType, Map<String, String> table) {
    PropertyCoverage copy = new PropertyCoverage();
    copy.facadeTypes.putAll(facadeTypes);
    copy.tables.putAll(tables);
    copy.facadeTypes.put(schema, facadeType);
    copy.tables.put(schema, new LinkedHashMap<>(table));
    return copy;
  }

  /** A copy in which {@code schema}'s {@code property} is shown by {@code accessor}. */
  PropertyCoverage with(String schema, String property, String accessor) {
    Map<String, String> table = new LinkedHashMap<>(tables.get(schema));
    table.put(property, accessor);
    return map(schema, facadeTypes.get(schema), table);
  }

  /**
   * Every problem, one line each naming the schema and property: a spec property with no accessor
   * in the table, an accessor the facade type (loaded from {@code facade}) lacks, and a table entry
   * for a property the spec no longer has.
   */
  List<String> problems(Map<String, Object> spec, ClassLoader facade)
      throws ClassNotFoundException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> schema : tables.entrySet()) {
      String name = schema.getKey();
      Map<String, String> table = schema.getValue();
      Class<?> type = facade.loadClass(facadeTypes.get(name));
      Map<?, ?> properties =
          (Map<?, ?>)
              SpecPatch.get(spec, "/components/schemas/" + name + "/properties", "the spec");
      for (Object key : properties.keySet()) {
        String property = (String) key;
        String accessor = table.get(property);
        if (accessor == null) {
          problems.add(
              name
                  + "."
                  + property
                  + ": not surfaced by "
                  + type.getSimpleName()
                  + "; add a typed accessor, or map it to "
                  + RAW
                  + " in PropertyCoverage");
        } else if (!hasAccessor(type, accessor)) {
          problems.add(
              name + "." + property + ": " + type.getSimpleName() + " has no " + accessor + "()");
        }
      }
      for (String property : table.keySet()) {
        if (!properties.containsKey(property)) {
          problems.add(name + "." + property + ": no longer in the spec; drop it from the table");
        }
      }
    }
    return problems;
  }

  private static boolean hasAccessor(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      return Modifier.isPublic(method.getDeclaringClass().getModifiers())
          && method.getReturnType() != void.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
