package ai.poly.data;

/** What is wrong with a turn, as an {@link Annotation} flags it. */
public enum AnnotationType {
  /** The agent lacked a topic it needed to answer. */
  MISSING_TOPIC("missing_topic"),
  /** The speech recogniser mis-heard the caller. */
  WRONG_TRANSCRIPT("wrong_transcript"),
  /** The agent gave wrong information. */
  WRONG_INFO("wrong_info");

  private final String wireValue;

  AnnotationType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** {@return the value the service uses, e.g. {@code missing_topic}} */
  public String wireValue() {
    return wireValue;
  }
}
