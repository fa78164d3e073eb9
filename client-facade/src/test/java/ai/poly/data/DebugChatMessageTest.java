package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class DebugChatMessageTest {
  private static void assertRejected(
      Class<? extends Throwable> type, String message, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
  }

  private static DebugChatMessage full() {
    return DebugChatMessage.builder()
        .text("It's under Patel")
        .clientEnv(ClientEnv.PRE_RELEASE)
        .asrLangCode("en-IN")
        .ttsLangCode("en-GB")
        .metadata(Map.of("input_mode", "typed"))
        .build();
  }

  @Test
  void ofHoldsTheTextOnly() {
    DebugChatMessage message = DebugChatMessage.of("Hello");

    assertEquals("Hello", message.text());
    assertNull(message.clientEnv());
    assertNull(message.asrLangCode());
    assertNull(message.ttsLangCode());
    assertEquals(Map.of(), message.metadata());
  }

  @Test
  void emptyTextIsAMessageWithoutInput() {
    assertEquals("", DebugChatMessage.of("").text());
  }

  @Test
  void holdsEverySetting() {
    DebugChatMessage message = full();

    assertEquals("It's under Patel", message.text());
    assertEquals(ClientEnv.PRE_RELEASE, message.clientEnv());
    assertEquals("en-IN", message.asrLangCode());
    assertEquals("en-GB", message.ttsLangCode());
    assertEquals(Map.of("input_mode", "typed"), message.metadata());
  }

  @Test
  void buildWithoutTextNamesIt() {
    assertRejected(
        IllegalStateException.class,
        "text == null: set what the user says with text(...)",
        () -> DebugChatMessage.builder().asrLangCode("en-GB").build());
  }

  @Test
  void metadataIsCopied() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("attempt", 1);
    DebugChatMessage message = DebugChatMessage.builder().text("Hi").metadata(metadata).build();

    metadata.put("attempt", 2);

    assertEquals(Map.of("attempt", 1), message.metadata());
    assertThrows(UnsupportedOperationException.class, () -> message.metadata().clear());
  }

  @Test
  void rejectsInvalidSettings() {
    DebugChatMessage.Builder builder = DebugChatMessage.builder();
    assertRejected(NullPointerException.class, "text == null", () -> builder.text(null));
    assertRejected(NullPointerException.class, "clientEnv == null", () -> builder.clientEnv(null));
    assertRejected(NullPointerException.class, "metadata == null", () -> builder.metadata(null));
    assertRejected(
        IllegalArgumentException.class,
        "asrLangCode must be a language code such as en-US, not \"english\u0000\"",
        () -> builder.asrLangCode("english\u0000"));
    assertRejected(
        IllegalArgumentException.class,
        "metadata.scores[1] is NaN, which JSON cannot carry",
        () -> builder.metadata(Map.of("scores", List.of(1.0, Double.NaN))));
  }

  @Test
  void newBuilderRoundTrips() {
    DebugChatMessage message = full();

    assertEquals(message, message.newBuilder().build());
    assertEquals("Bye", message.newBuilder().text("Bye").build().text());
    assertEquals("en-IN", message.newBuilder().text("Bye").build().asrLangCode());
  }

  @Test
  void equalMessagesAreEqual() {
    assertEquals(full(), full());
    assertEquals(full().hashCode(), full().hashCode());
    assertNotEquals(full(), full().newBuilder().metadata(Map.of()).build());
    assertNotEquals(DebugChatMessage.of("a"), DebugChatMessage.of("b"));
  }

  @Test
  void toStringShowsNeitherTheTextNorTheMetadataValues() {
    assertEquals(
        "DebugChatMessage{text=(16 chars), clientEnv=PRE_RELEASE, asrLangCode=en-IN,"
            + " ttsLangCode=en-GB, metadata=[input_mode]}",
        full().toString());
    assertEquals("DebugChatMessage{text=(2 chars)}", DebugChatMessage.of("Hi").toString());
  }
}
