package ai.poly.data;

/** Whose voice a recording holds; see {@link AudioOptions.Builder#direction}. */
public enum AudioDirection {
  /** Both sides, mixed: the service's default. */
  COMBINED("combined"),
  /** The caller only. */
  USER("user"),
  /** The agent only. */
  AGENT("agent");

  private final String wireValue;

  AudioDirection(String wireValue) {
    this.wireValue = wireValue;
  }

  /** {@return the value of the {@code direction} query parameter, e.g. {@code combined}} */
  public String wireValue() {
    return wireValue;
  }
}
