package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.poly.data.generated.api.ConversationsApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the generated API has a facade method: a spec bump that adds an operation
 * fails here, naming it, until the facade offers it.
 */
final class OperationCoverageTest {
  private static final String API_PACKAGE = "ai.poly.data.generated.api";

  /** Generated operation, as {@code Interface#method}, to the facade method that offers it. */
  private static final Map<String, String> FACADE = new LinkedHashMap<>();

  static {
    FACADE.put("ConversationsApi#v1AgentsAgentIdConversationsGet", "Conversations#list");
    FACADE.put(
        "ConversationsApi#v1AgentsAgentIdConversationsConversationIdGet", "Conversations#get");
    FACADE.put(
        "ConversationsApi#v1AgentsAgentIdConversationsConversationIdAudioGet",
        "Conversations#audio");
    FACADE.put(
        "ConversationsApi#v1AgentsAgentIdConversationsConversationIdAnnotationPost",
        "Conversations#annotate");
    FACADE.put(
        "ConversationsApi#v1AgentsAgentIdConversationsConversationIdNotePost",
        "Conversations#upsertNote");
    FACADE.put("DebugChatApi#v1AgentsAgentIdDebugChatPost", "DebugChats#start");
    FACADE.put("DebugChatApi#v1AgentsAgentIdDebugChatConversationIdPost", "DebugChat#send");
  }

  /** The operations of every interface in the generated API package, found on the classpath. */
  static List<String> generatedOperations() throws IOException, URISyntaxException {
    Path location =
        Paths.get(
            ConversationsApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> operations = new ArrayList<>();
    if (Files.isDirectory(location)) {
      collect(location, operations);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location, (ClassLoader) null)) {
        collect(jar.getPath("/"), operations);
      }
    }
    Collections.sort(operations);
    return operations;
  }

  private static void collect(Path root, List<String> operations) throws IOException {
    Path folder = root.resolve(API_PACKAGE.replace('.', '/'));
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName(API_PACKAGE + "." + name.substring(0, name.length() - 6));
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        if (!type.isInterface()) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          if (!method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
            operations.add(type.getSimpleName() + "#" + method.getName());
          }
        }
      }
    }
  }

  @Test
  void everyGeneratedOperationHasAFacadeMethod() throws Exception {
    List<String> operations = generatedOperations();
    assertTrue(operations.size() >= 7, "found only " + operations);

    List<String> uncovered = new ArrayList<>();
    for (String operation : operations) {
      if (!FACADE.containsKey(operation)) {
        uncovered.add(operation);
      }
    }

    assertEquals(
        Collections.emptyList(),
        uncovered,
        "generated operations without a facade method; add one, then map it in this test");
  }

  @Test
  void everyMappedFacadeMethodExistsAndIsPublic() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String facade : new TreeSet<>(FACADE.values())) {
      String[] parts = facade.split("#");
      Class<?> type = Class.forName("ai.poly.data." + parts[0]);
      boolean found = false;
      for (Method method : type.getMethods()) {
        found |= method.getName().equals(parts[1]) && Modifier.isPublic(type.getModifiers());
      }
      if (!found) {
        missing.add(facade);
      }
    }
    assertEquals(Collections.emptyList(), missing);
  }

  @Test
  void noMappingOutlivesItsOperation() throws Exception {
    List<String> stale = new ArrayList<>(FACADE.keySet());
    stale.removeAll(generatedOperations());
    assertEquals(Collections.emptyList(), stale, "operations no longer generated");
  }
}
