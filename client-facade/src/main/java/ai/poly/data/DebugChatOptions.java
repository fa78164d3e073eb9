package ai.poly.data;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to start a debug chat: the environment, languages, variant and channel the agent runs with.
 * Every setting is optional.
 *
 * <pre>{@code
 * DebugChatOptions options =
 *     DebugChatOptions.builder().clientEnv(ClientEnv.PRE_RELEASE).asrLangCode("en-GB").build();
 * DebugChat chat = client.debugChat().start("PROJECT-58RP822I", options);
 * }</pre>
 */
public final class DebugChatOptions {
  /** en-US, en_GB, cmn-Hans-CN: letters and digits in parts joined by hyphens or underscores. */
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");

  private static final DebugChatOptions DEFAULTS = new Builder().build();

  private final ClientEnv clientEnv;
  private final @Nullable String asrLangCode;
  private final @Nullable String ttsLangCode;
  private final @Nullable String variantId;
  private final @Nullable String channel;
  private final @Nullable String conversationId;
  private final Map<String, @Nullable Object> integrationAttributes;

  private DebugChatOptions(Builder builder) {
    this.clientEnv = builder.clientEnv;
    this.asrLangCode = builder.asrLangCode;
    this.ttsLangCode = builder.ttsLangCode;
    this.variantId = builder.variantId;
    this.channel = builder.channel;
    this.conversationId = builder.conversationId;
    this.integrationAttributes = builder.integrationAttributes;
  }

  /**
   * {@return options with every setting at its default: a sandbox chat with the agent's own
   * settings}
   */
  public static DebugChatOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with every setting at its default} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return the environment the agent runs in} */
  public ClientEnv clientEnv() {
    return clientEnv;
  }

  /** {@return the speech-recognition language, or null for the agent's} */
  public @Nullable String asrLangCode() {
    return asrLangCode;
  }

  /** {@return the text-to-speech language, or null for the agent's} */
  public @Nullable String ttsLangCode() {
    return ttsLangCode;
  }

  /** {@return the agent variant to run, or null for the default one} */
  public @Nullable String variantId() {
    return variantId;
  }

  /**
   * {@return the channel to act as, e.g. {@code chat.polyai}, or null for the service's default}
   */
  public @Nullable String channel() {
    return channel;
  }

  /** {@return the id to give the chat, or null to let the service make one} */
  public @Nullable String conversationId() {
    return conversationId;
  }

  /**
   * {@return attributes the agent's functions read as {@code conv.integration_attributes}, as plain
   * JSON values; empty when none}
   */
  public Map<String, @Nullable Object> integrationAttributes() {
    return integrationAttributes;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DebugChatOptions)) {
      return false;
    }
    DebugChatOptions that = (DebugChatOptions) o;
    return clientEnv == that.clientEnv
        && Objects.equals(asrLangCode, that.asrLangCode)
        && Objects.equals(ttsLangCode, that.ttsLangCode)
        && Objects.equals(variantId, that.variantId)
        && Objects.equals(channel, that.channel)
        && Objects.equals(conversationId, that.conversationId)
        && integrationAttributes.equals(that.integrationAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        clientEnv,
        asrLangCode,
        ttsLangCode,
        variantId,
        channel,
        conversationId,
        integrationAttributes);
  }

  /** Names the integration attributes without their values, which may be personal data. */
  @Override
  public String toString() {
    return "DebugChatOptions{clientEnv="
        + clientEnv
        + ", asrLangCode="
        + asrLangCode
        + ", ttsLangCode="
        + ttsLangCode
        + ", variantId="
        + variantId
        + ", channel="
        + channel
        + ", conversationId="
        + conversationId
        + ", integrationAttributes="
        + integrationAttributes.keySet()
        + "}";
  }

  /** Requires a language code such as {@code en-US}. */
  static String languageCode(@Nullable String value, String name) {
    Checks.notNull(value, name);
    if (!LANGUAGE_CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be a language code such as en-US, not \"" + value + "\"");
    }
    return value;
  }

  /** Requires non-blank text without control characters (which no id or channel contains). */
  static String text(@Nullable String value, String name) {
    Checks.notNull(value, name);
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(name + " contains a control character");
      }
    }
    return value;
  }

  /** Configures {@link DebugChatOptions}. Not thread-safe. */
  public static final class Builder {
    private ClientEnv clientEnv = ClientEnv.SANDBOX;
    private @Nullable String asrLangCode;
    private @Nullable String ttsLangCode;
    private @Nullable String variantId;
    private @Nullable String channel;
    private @Nullable String conversationId;
    private Map<String, @Nullable Object> integrationAttributes = Collections.emptyMap();

    private Builder() {}

    private Builder(DebugChatOptions options) {
      this.clientEnv = options.clientEnv;
      this.asrLangCode = options.asrLangCode;
      this.ttsLangCode = options.ttsLangCode;
      this.variantId = options.variantId;
      this.channel = options.channel;
      this.conversationId = options.conversationId;
      this.integrationAttributes = options.integrationAttributes;
    }

    /**
     * The environment the agent runs in, sent when the chat starts and with every message. Default
     * {@link ClientEnv#SANDBOX}.
     *
     * @param clientEnv the environment
     * @return this builder
     */
    public Builder clientEnv(ClientEnv clientEnv) {
      this.clientEnv = Objects.requireNonNull(clientEnv, "clientEnv == null");
      return this;
    }

    /**
     * The speech-recognition language, e.g. {@code en-GB}, sent when the chat starts and with every
     * message. Default: none, for the agent's own.
     *
     * @param asrLangCode a language code such as {@code en-GB}
     * @return this builder
     */
    public Builder asrLangCode(String asrLangCode) {
      this.asrLangCode = languageCode(asrLangCode, "asrLangCode");
      return this;
    }

    /**
     * The text-to-speech language, e.g. {@code en-GB}, sent when the chat starts and with every
     * message. Default: none, for the agent's own.
     *
     * @param ttsLangCode a language code such as {@code en-GB}
     * @return this builder
     */
    public Builder ttsLangCode(String ttsLangCode) {
      this.ttsLangCode = languageCode(ttsLangCode, "ttsLangCode");
      return this;
    }

    /**
     * The agent variant to run. Default: none, for the default variant.
     *
     * @param variantId the variant's id; not blank
     * @return this builder
     */
    public Builder variantId(String variantId) {
      this.variantId = text(variantId, "variantId");
      return this;
    }

    /**
     * The channel the chat acts as, e.g. {@code chat.polyai}. Default: none, for the service's.
     *
     * @param channel the channel's name; not blank
     * @return this builder
     */
    public Builder channel(String channel) {
      this.channel = text(channel, "channel");
      return this;
    }

    /**
     * The id to give the chat, e.g. to find it later among the agent's conversations. Default:
     * none, and the service makes one up.
     *
     * @param conversationId the id; not blank, nor {@code .} or {@code ..}
     * @return this builder
     */
    public Builder conversationId(String conversationId) {
      this.conversationId = text(Checks.id(conversationId, "conversationId"), "conversationId");
      return this;
    }

    /**
     * Attributes the agent's functions read as {@code conv.integration_attributes}. Values must be
     * plain JSON: null, {@code String}, {@code Boolean}, a finite number, a {@code Map} with string
     * keys or a {@code Collection}, nested as deep as needed. The map is copied. Default: none.
     *
     * @param integrationAttributes names to plain JSON values
     * @return this builder
     * @throws IllegalArgumentException naming the first value that is not JSON
     */
    public Builder integrationAttributes(Map<String, ?> integrationAttributes) {
      Objects.requireNonNull(integrationAttributes, "integrationAttributes == null");
      this.integrationAttributes =
          JsonArguments.copyObject(integrationAttributes, "integrationAttributes");
      return this;
    }

    /** {@return the options} */
    public DebugChatOptions build() {
      return new DebugChatOptions(this);
    }
  }
}
