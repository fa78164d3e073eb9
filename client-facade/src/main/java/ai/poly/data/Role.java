package ai.poly.data;

/** A side of a conversation: the caller or the agent. */
public enum Role {
  /** The caller, or the person chatting. */
  USER("user"),
  /** The PolyAI agent. */
  AGENT("agent");

  private final String wireValue;

  Role(String wireValue) {
    this.wireValue = wireValue;
  }

  /** {@return the value the service uses, e.g. {@code user}} */
  public String wireValue() {
    return wireValue;
  }
}
