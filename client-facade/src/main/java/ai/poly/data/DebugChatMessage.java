package ai.poly.data;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message to a {@link DebugChat}: the user's text, with settings that override the chat's for
 * this message only and metadata about the input.
 *
 * <pre>{@code
 * chat.send(DebugChatMessage.builder()
 *     .text("It's under Patel")
 *     .asrLangCode("en-IN")
 *     .metadata(Collections.singletonMap("input_mode", "typed"))
 *     .build());
 * }</pre>
 */
public final class DebugChatMessage {
  private final String text;
  private final @Nullable ClientEnv clientEnv;
  private final @Nullable String asrLangCode;
  private final @Nullable String ttsLangCode;
  private final Map<String, @Nullable Object> metadata;

  private DebugChatMessage(Builder builder, String text) {
    this.text = text;
    this.clientEnv = builder.clientEnv;
    this.asrLangCode = builder.asrLangCode;
    this.ttsLangCode = builder.ttsLangCode;
    this.metadata = builder.metadata;
  }

  /**
   * A message of {@code text} with the chat's settings and no metadata.
   *
   * @param text what the user says; may be empty
   * @return the message
   */
  public static DebugChatMessage of(String text) {
    return builder().text(text).build();
  }

  /** {@return a builder with no text set yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this message} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return what the user says; may be empty} */
  public String text() {
    return text;
  }

  /** {@return the environment for this message, or null for the chat's} */
  public @Nullable ClientEnv clientEnv() {
    return clientEnv;
  }

  /** {@return the speech-recognition language for this message, or null for the chat's} */
  public @Nullable String asrLangCode() {
    return asrLangCode;
  }

  /** {@return the text-to-speech language for this message, or null for the chat's} */
  public @Nullable String ttsLangCode() {
    return ttsLangCode;
  }

  /** {@return metadata about the input, as plain JSON values; empty when none} */
  public Map<String, @Nullable Object> metadata() {
    return metadata;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DebugChatMessage)) {
      return false;
    }
    DebugChatMessage that = (DebugChatMessage) o;
    return text.equals(that.text)
        && clientEnv == that.clientEnv
        && Objects.equals(asrLangCode, that.asrLangCode)
        && Objects.equals(ttsLangCode, that.ttsLangCode)
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, clientEnv, asrLangCode, ttsLangCode, metadata);
  }

  /** Names the metadata without its values. */
  @Override
  public String toString() {
    // The text is what a user typed and may hold personal data: only its length is shown.
    return "DebugChatMessage{text=("
        + text.length()
        + " chars)"
        + (clientEnv != null ? ", clientEnv=" + clientEnv : "")
        + (asrLangCode != null ? ", asrLangCode=" + asrLangCode : "")
        + (ttsLangCode != null ? ", ttsLangCode=" + ttsLangCode : "")
        + (metadata.isEmpty() ? "" : ", metadata=" + metadata.keySet())
        + "}";
  }

  /** Configures a {@link DebugChatMessage}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String text;
    private @Nullable ClientEnv clientEnv;
    private @Nullable String asrLangCode;
    private @Nullable String ttsLangCode;
    private Map<String, @Nullable Object> metadata = Collections.emptyMap();

    private Builder() {}

    private Builder(DebugChatMessage message) {
      this.text = message.text;
      this.clientEnv = message.clientEnv;
      this.asrLangCode = message.asrLangCode;
      this.ttsLangCode = message.ttsLangCode;
      this.metadata = message.metadata;
    }

    /**
     * What the user says. Required; may be empty, for a turn without input.
     *
     * @param text what the user says
     * @return this builder
     */
    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text == null");
      return this;
    }

    /**
     * The environment for this message. Default: the chat's ({@link DebugChatOptions}).
     *
     * @param clientEnv the environment
     * @return this builder
     */
    public Builder clientEnv(ClientEnv clientEnv) {
      this.clientEnv = Objects.requireNonNull(clientEnv, "clientEnv == null");
      return this;
    }

    /**
     * The speech-recognition language for this message, e.g. {@code en-GB}. Default: the chat's.
     *
     * @param asrLangCode a language code such as {@code en-GB}
     * @return this builder
     */
    public Builder asrLangCode(String asrLangCode) {
      this.asrLangCode = DebugChatOptions.languageCode(asrLangCode, "asrLangCode");
      return this;
    }

    /**
     * The text-to-speech language for this message, e.g. {@code en-GB}. Default: the chat's.
     *
     * @param ttsLangCode a language code such as {@code en-GB}
     * @return this builder
     */
    public Builder ttsLangCode(String ttsLangCode) {
      this.ttsLangCode = DebugChatOptions.languageCode(ttsLangCode, "ttsLangCode");
      return this;
    }

    /**
     * Metadata about the input, e.g. how it was entered. Values must be plain JSON, as for {@link
     * DebugChatOptions.Builder#integrationAttributes}. The map is copied. Default: none.
     *
     * @param metadata names to plain JSON values
     * @return this builder
     * @throws IllegalArgumentException naming the first value that is not JSON
     */
    public Builder metadata(Map<String, ?> metadata) {
      Objects.requireNonNull(metadata, "metadata == null");
      this.metadata = JsonArguments.copyObject(metadata, "metadata");
      return this;
    }

    /**
     * Creates the message.
     *
     * @return the message
     * @throws IllegalStateException if no text was set
     */
    public DebugChatMessage build() {
      String value = text;
      if (value == null) {
        throw new IllegalStateException("text == null: set what the user says with text(...)");
      }
      return new DebugChatMessage(this, value);
    }
  }
}
