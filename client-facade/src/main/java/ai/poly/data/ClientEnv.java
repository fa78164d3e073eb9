package ai.poly.data;

/**
 * The environment a debug chat runs the agent in; see {@link DebugChatOptions.Builder#clientEnv}.
 */
public enum ClientEnv {
  /** The draft in Agent Studio, with changes not yet published: {@code sandbox}. The default. */
  SANDBOX("sandbox"),
  /** The version published to pre-release: {@code pre-release}. */
  PRE_RELEASE("pre-release"),
  /** The version callers reach: {@code live}. */
  LIVE("live");

  private final String wireValue;

  ClientEnv(String wireValue) {
    this.wireValue = wireValue;
  }

  /** {@return the value the API takes, e.g. {@code pre-release}} */
  public String wireValue() {
    return wireValue;
  }
}
