package ai.poly.data;

import ai.poly.data.generated.model.ConversationDetailResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/** Fixtures and parsing shortcuts shared by tests. */
final class TestFixtures {
  static final String API_KEY = "test-key-0123456789";
  static final String RESTAURANT = "conversation-restaurant.json";

  private TestFixtures() {}

  /** A fixture from src/test/resources/fixtures. */
  static String fixture(String name) {
    try (InputStream in = TestFixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a conversation exactly as the client does: the client's converter (in one pass, or as
   * members where that gives up), then the facade's mapping.
   */
  static Conversation parseConversation(String json) {
    try {
      Object response =
          new JsonConverterFactory(true)
              .responseBodyConverter(ConversationDetailResponse.class, new Annotation[0], null)
              .convert(ResponseBody.create(json, MediaType.get("application/json")));
      return response instanceof ConversationJson.Detail
          ? ((ConversationJson.Detail) response).conversation
          : Conversation.read(GeneratedModels.toMembers(response));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's root folder, passed by surefire. */
  static Path repositoryRoot() {
    String root = System.getProperty("polyai.root");
    return root != null ? Paths.get(root) : Paths.get("").toAbsolutePath().getParent();
  }
}
