package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DebugChatOptionsTest {
  private static void assertRejected(
      Class<? extends Throwable> type, String message, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
  }

  private static DebugChatOptions full() {
    return DebugChatOptions.builder()
        .clientEnv(ClientEnv.LIVE)
        .asrLangCode("en-GB")
        .ttsLangCode("cmn-Hans-CN")
        .variantId("Main line")
        .channel("chat.polyai")
        .conversationId("CHAT-qa-001")
        .integrationAttributes(Map.of("tier", "gold"))
        .build();
  }

  @Test
  void defaultsAreASandboxChatWithTheAgentsSettings() {
    DebugChatOptions options = DebugChatOptions.builder().build();

    assertEquals(ClientEnv.SANDBOX, options.clientEnv());
    assertNull(options.asrLangCode());
    assertNull(options.ttsLangCode());
    assertNull(options.variantId());
    assertNull(options.channel());
    assertNull(options.conversationId());
    assertEquals(Map.of(), options.integrationAttributes());
    assertEquals(options, DebugChatOptions.defaults());
  }

  @Test
  void holdsEverySetting() {
    DebugChatOptions options = full();

    assertEquals(ClientEnv.LIVE, options.clientEnv());
    assertEquals("en-GB", options.asrLangCode());
    assertEquals("cmn-Hans-CN", options.ttsLangCode());
    assertEquals("Main line", options.variantId());
    assertEquals("chat.polyai", options.channel());
    assertEquals("CHAT-qa-001", options.conversationId());
    assertEquals(Map.of("tier", "gold"), options.integrationAttributes());
  }

  @Test
  void integrationAttributesAreCopiedDeeply() {
    List<Object> branches = new ArrayList<>(List.of("Harbour"));
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("branches", branches);
    DebugChatOptions options = DebugChatOptions.builder().integrationAttributes(attributes).build();

    attributes.put("tier", "gold");
    branches.add("Old Town");

    assertEquals(Map.of("branches", List.of("Harbour")), options.integrationAttributes());
    assertThrows(
        UnsupportedOperationException.class, () -> options.integrationAttributes().put("x", 1));
    List<?> copied = (List<?>) options.integrationAttributes().get("branches");
    assertThrows(UnsupportedOperationException.class, copied::clear);
  }

  @Test
  void newBuilderRoundTrips() {
    DebugChatOptions options = full();

    assertEquals(options, options.newBuilder().build());
    DebugChatOptions changed = options.newBuilder().clientEnv(ClientEnv.PRE_RELEASE).build();
    assertEquals(ClientEnv.PRE_RELEASE, changed.clientEnv());
    assertEquals("CHAT-qa-001", changed.conversationId());
    assertNotEquals(options, changed);
  }

  @Test
  void equalOptionsAreEqual() {
    assertEquals(full(), full());
    assertEquals(full().hashCode(), full().hashCode());
    assertNotEquals(full(), full().newBuilder().integrationAttributes(Map.of()).build());
    assertNotEquals(full(), full().newBuilder().variantId("B").build());
  }

  @Test
  void toStringNamesAttributesWithoutTheirValues() {
    assertEquals(
        "DebugChatOptions{clientEnv=LIVE, asrLangCode=en-GB, ttsLangCode=cmn-Hans-CN,"
            + " variantId=Main line, channel=chat.polyai, conversationId=CHAT-qa-001,"
            + " integrationAttributes=[tier]}",
        full().toString());
  }

  @Test
  void rejectsNulls() {
    DebugChatOptions.Builder builder = DebugChatOptions.builder();
    assertRejected(NullPointerException.class, "clientEnv == null", () -> builder.clientEnv(null));
    assertRejected(
        NullPointerException.class, "asrLangCode == null", () -> builder.asrLangCode(null));
    assertRejected(
        NullPointerException.class, "ttsLangCode == null", () -> builder.ttsLangCode(null));
    assertRejected(NullPointerException.class, "variantId == null", () -> builder.variantId(null));
    assertRejected(NullPointerException.class, "channel == null", () -> builder.channel(null));
    assertRejected(
        NullPointerException.class, "conversationId == null", () -> builder.conversationId(null));
    assertRejected(
        NullPointerException.class,
        "integrationAttributes == null",
        () -> builder.integrationAttributes(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "en US", "en-", "-GB", "en--GB", "en-GB\n", "ü"})
  void rejectsWhatIsNotALanguageCode(String code) {
    assertRejected(
        IllegalArgumentException.class,
        "asrLangCode must be a language code such as en-US, not \"" + code + "\"",
        () -> DebugChatOptions.builder().asrLangCode(code));
    assertRejected(
        IllegalArgumentException.class,
        "ttsLangCode must be a language code such as en-US, not \"" + code + "\"",
        () -> DebugChatOptions.builder().ttsLangCode(code));
  }

  @Test
  void rejectsBlankOrControlCharactersInIdsAndChannel() {
    DebugChatOptions.Builder builder = DebugChatOptions.builder();
    assertRejected(
        IllegalArgumentException.class, "variantId is blank", () -> builder.variantId("  "));
    assertRejected(IllegalArgumentException.class, "channel is blank", () -> builder.channel(""));
    assertRejected(
        IllegalArgumentException.class,
        "conversationId is blank",
        () -> builder.conversationId(" "));
    assertRejected(
        IllegalArgumentException.class,
        "variantId contains a control character",
        () -> builder.variantId("A\tB"));
    assertRejected(
        IllegalArgumentException.class,
        "conversationId contains a control character",
        () -> builder.conversationId("CHAT-1\r\n"));
  }

  @Test
  void rejectsAConversationIdNoPathCanCarry() {
    assertRejected(
        IllegalArgumentException.class,
        "conversationId is \"..\", which a URL path cannot carry as an id",
        () -> DebugChatOptions.builder().conversationId(".."));
  }

  @Test
  void rejectsAttributesThatAreNotJson() {
    assertRejected(
        IllegalArgumentException.class,
        "integrationAttributes.caller.since is a java.lang.Object, not a JSON value: use a String,"
            + " Boolean, number, Map, Collection or null",
        () ->
            DebugChatOptions.builder()
                .integrationAttributes(Map.of("caller", Map.of("since", new Object()))));
  }

  @Test
  void aRejectedSettingLeavesTheBuilderAsItWas() {
    DebugChatOptions.Builder builder = DebugChatOptions.builder().variantId("A");

    assertThrows(IllegalArgumentException.class, () -> builder.variantId(" "));

    assertEquals("A", builder.build().variantId());
  }

  @Test
  void defaultsAreShared() {
    assertSame(DebugChatOptions.defaults(), DebugChatOptions.defaults());
  }
}
