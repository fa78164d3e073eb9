package ai.poly.data.specbump;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Edits on a spec tree read by {@link SpecJson}. Each one fails loudly when the spec no longer has
 * the shape it expects, so a vendor change that invalidates a variant is reported, not ignored.
 */
final class SpecEdits {
  private SpecEdits() {}

  /** {@code components.schemas}. */
  static Map<String, Object> schemas(Map<String, Object> spec) {
    return child(child(spec, "components", "the spec"), "schemas", "components");
  }

  /** {@code components.schemas.<name>}. */
  static Map<String, Object> schema(Map<String, Object> spec, String name) {
    return child(schemas(spec), name, "components.schemas");
  }

  /** Adds an optional property to an existing object schema. */
  static void addProperty(
      Map<String, Object> spec,
      String schemaName,
      String property,
      Map<String, Object> definition) {
    Map<String, Object> properties =
        child(schema(spec, schemaName), "properties", "components.schemas." + schemaName);
    if (properties.containsKey(property)) {
      throw new IllegalStateException(
          schemaName + " already declares " + property + "; give the variant another name");
    }
    properties.put(property, SpecJson.deepCopy(definition));
  }

  /** Adds a schema to {@code components.schemas}. */
  static void addSchema(Map<String, Object> spec, String name, Map<String, Object> definition) {
    Map<String, Object> schemas = schemas(spec);
    if (schemas.containsKey(name)) {
      throw new IllegalStateException(
          "components.schemas already has " + name + "; give the variant another name");
    }
    schemas.put(name, SpecJson.deepCopy(definition));
  }

  /** A {@code {"$ref": "#/components/schemas/<name>"}} node. */
  static Map<String, Object> ref(String schemaName) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("$ref", "#/components/schemas/" + schemaName);
    return ref;
  }

  /** The object member {@code key} of {@code parent}; {@code where} names the parent in errors. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> parent, String key, String where) {
    Object value = parent.get(key);
    if (!(value instanceof Map)) {
      throw new IllegalStateException(
          where + " has no object member " + key + (value == null ? "" : " (found " + value + ")"));
    }
    return (Map<String, Object>) value;
  }
}
