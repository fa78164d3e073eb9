package ai.poly.data.specbump;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON Patch (RFC 6902) over a spec tree read by {@link SpecJson}: the operations {@code add},
 * {@code remove}, {@code replace} and {@code test}, with JSON Pointer paths (RFC 6901).
 *
 * <p>Stricter than the RFC in one way: {@code add} never replaces an existing object member (use
 * {@code replace} for that). A variant that adds a property or schema the vendor has since added
 * itself then fails, naming it, instead of silently testing nothing new.
 */
final class SpecPatch {
  private final String name;
  private final List<Map<String, Object>> operations;

  private SpecPatch(String name, List<Map<String, Object>> operations) {
    this.name = name;
    this.operations = operations;
  }

  /** A patch; {@code name} (a file name, say) prefixes every error message. */
  @SuppressWarnings("unchecked")
  static SpecPatch of(String name, Object document) {
    if (!(document instanceof List)) {
      throw new IllegalArgumentException(name + ": a JSON Patch is an array of operations");
    }
    List<Map<String, Object>> operations = new ArrayList<>();
    for (Object operation : (List<Object>) document) {
      if (!(operation instanceof Map)) {
        throw new IllegalArgumentException(name + ": not an operation object: " + operation);
      }
      operations.add((Map<String, Object>) operation);
    }
    return new SpecPatch(name, operations);
  }

  /** The patch that changes nothing. */
  static SpecPatch empty() {
    return new SpecPatch("empty patch", List.of());
  }

  /** Applies every operation in order to {@code tree}, which it modifies. */
  void applyTo(Map<String, Object> tree) {
    for (int i = 0; i < operations.size(); i++) {
      Map<String, Object> operation = operations.get(i);
      String where = name + " operation " + i;
      String op = text(operation, "op", where);
      String path = text(operation, "path", where);
      where += " (" + op + " " + path + ")";
      switch (op) {
        case "add":
          add(tree, path, SpecJson.deepCopy(value(operation, where)), where);
          break;
        case "remove":
          remove(tree, path, where);
          break;
        case "replace":
          replace(tree, path, SpecJson.deepCopy(value(operation, where)), where);
          break;
        case "test":
          Object actual = get(tree, path, where);
          if (!Objects.equals(actual, value(operation, where))) {
            throw new IllegalStateException(where + ": found " + actual);
          }
          break;
        default:
          throw new IllegalArgumentException(where + ": unsupported op");
      }
    }
  }

  private static void add(Map<String, Object> tree, String path, Object value, String where) {
    Object parent = get(tree, parentOf(path, where), where);
    String key = lastToken(path);
    if (parent instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) parent;
      if (object.containsKey(key)) {
        throw new IllegalStateException(
            where + ": the spec already has " + path + "; the variant no longer adds anything new");
      }
      object.put(key, value);
    } else if (parent instanceof List) {
      @SuppressWarnings("unchecked")
      List<Object> array = (List<Object>) parent;
      array.add(key.equals("-") ? array.size() : index(key, array.size() + 1, where), value);
    } else {
      throw new IllegalStateException(where + ": the parent of " + path + " is not a container");
    }
  }

  /** Replaces in place, so an object member keeps its position (the generator follows it). */
  @SuppressWarnings("unchecked")
  private static void replace(Map<String, Object> tree, String path, Object value, String where) {
    Object parent = get(tree, parentOf(path, where), where);
    String key = lastToken(path);
    if (parent instanceof Map && ((Map<?, ?>) parent).containsKey(key)) {
      ((Map<String, Object>) parent).put(key, value);
    } else if (parent instanceof List) {
      List<Object> array = (List<Object>) parent;
      array.set(index(key, array.size(), where), value);
    } else {
      throw new IllegalStateException(where + ": the spec has no " + path);
    }
  }

  private static void remove(Map<String, Object> tree, String path, String where) {
    Object parent = get(tree, parentOf(path, where), where);
    String key = lastToken(path);
    if (parent instanceof Map && ((Map<?, ?>) parent).containsKey(key)) {
      ((Map<?, ?>) parent).remove(key);
    } else if (parent instanceof List) {
      List<?> array = (List<?>) parent;
      array.remove(index(key, array.size(), where));
    } else {
      throw new IllegalStateException(where + ": the spec has no " + path);
    }
  }

  /** The value at a JSON Pointer; fails naming the first missing step. */
  static Object get(Map<String, Object> tree, String pointer, String where) {
    Object node = tree;
    StringBuilder walked = new StringBuilder();
    for (String token : tokens(pointer, where)) {
      walked.append('/').append(token.replace("~", "~0").replace("/", "~1"));
      if (node instanceof Map && ((Map<?, ?>) node).containsKey(token)) {
        node = ((Map<?, ?>) node).get(token);
      } else if (node instanceof List) {
        node = ((List<?>) node).get(index(token, ((List<?>) node).size(), where));
      } else {
        throw new IllegalStateException(where + ": the spec has no " + walked);
      }
    }
    return node;
  }

  private static List<String> tokens(String pointer, String where) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException(where + ": a JSON Pointer starts with /: " + pointer);
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static String parentOf(String path, String where) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(where + ": cannot change the whole document");
    }
    return path.substring(0, slash);
  }

  private static String lastToken(String path) {
    return path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  private static int index(String token, int limit, String where) {
    if (!token.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(token) >= limit) {
      throw new IllegalStateException(where + ": no array index " + token);
    }
    return Integer.parseInt(token);
  }

  private static String text(Map<String, Object> operation, String member, String where) {
    Object value = operation.get(member);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(where + ": no string \"" + member + "\"");
    }
    return (String) value;
  }

  private static Object value(Map<String, Object> operation, String where) {
    if (!operation.containsKey("value")) {
      throw new IllegalArgumentException(where + ": no \"value\"");
    }
    return operation.get("value");
  }

  @Override
  public String toString() {
    return name;
  }
}
