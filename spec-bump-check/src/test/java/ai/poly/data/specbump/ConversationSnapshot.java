package ai.poly.data.specbump;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Everything a caller can see of a conversation, as text: one line per value reached through the
 * public accessors of the facade's types, with the Java type of every number. Two facade builds
 * behave the same on a payload when their snapshots are equal, whichever class loader each came
 * from.
 */
final class ConversationSnapshot {
  private static final String FACADE_PACKAGE = "ai.poly.data";
  private static final Set<String> NOT_ACCESSORS = Set.of("hashCode", "toString", "newBuilder");

  private ConversationSnapshot() {}

  /**
   * Serves {@code json} as a conversation from a loopback MockWebServer, fetches it with the facade
   * in {@code loader} ({@code PolyAiData.builder()...conversations().get(..)}), and returns its
   * snapshot.
   */
  static List<String> fetch(ClassLoader loader, String json) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse().setHeader("Content-Type", "application/json").setBody(json));
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      Class<?> clientType = loader.loadClass(FACADE_PACKAGE + ".PolyAiData");
      Object builder = clientType.getMethod("builder").invoke(null);
      call(builder, "apiKey", "spec-bump-check-key");
      call(builder, "baseUrl", server.url("/").toString());
      try (AutoCloseable client = (AutoCloseable) call(builder, "build")) {
        Object conversation =
            call(call(client, "conversations"), "get", "PROJECT-K4T9QZ2M", "CA-spec-bump");
        return of(conversation);
      }
    }
  }

  /** The snapshot of a facade value. */
  static List<String> of(Object value) {
    List<String> lines = new ArrayList<>();
    walk(value.getClass().getSimpleName(), value, lines);
    return lines;
  }

  private static void walk(String path, Object value, List<String> lines) {
    if (value == null) {
      lines.add(path + " = null");
    } else if (value instanceof String) {
      lines.add(path + " = \"" + value + "\"");
    } else if (value instanceof Map) {
      Map<String, Object> sorted = new TreeMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> sorted.put(String.valueOf(k), v));
      if (sorted.isEmpty()) {
        lines.add(path + " = {}");
      }
      sorted.forEach((key, entry) -> walk(path + "[\"" + key + "\"]", entry, lines));
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        lines.add(path + " = []");
      }
      for (int i = 0; i < list.size(); i++) {
        walk(path + "[" + i + "]", list.get(i), lines);
      }
    } else if (value.getClass().getName().startsWith(FACADE_PACKAGE + ".")
        && !value.getClass().isEnum()) {
      Method[] methods = value.getClass().getMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName));
      for (Method method : methods) {
        if (isAccessor(method)) {
          walk(path + "." + method.getName() + "()", invoke(method, value), lines);
        }
      }
    } else {
      lines.add(path + " = " + value.getClass().getSimpleName() + " " + value);
    }
  }

  private static boolean isAccessor(Method method) {
    return method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && method.getDeclaringClass() != Object.class
        && method.getReturnType() != void.class
        && !NOT_ACCESSORS.contains(method.getName());
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(method + " threw", e.getCause());
    }
  }

  /** Calls the public method {@code name} whose parameters are all strings. */
  private static Object call(Object target, String name, String... arguments) throws Exception {
    Class<?>[] types = new Class<?>[arguments.length];
    Arrays.fill(types, String.class);
    try {
      return target.getClass().getMethod(name, types).invoke(target, (Object[]) arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }
}
