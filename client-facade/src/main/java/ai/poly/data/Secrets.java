package ai.poly.data;

/** Keeps the API key out of everything the client shows: messages, excerpts, headers, logs. */
final class Secrets {
  static final String REDACTED = "[redacted]";

  private final String apiKey;

  Secrets(String apiKey) {
    this.apiKey = apiKey;
  }

  String apiKey() {
    return apiKey;
  }

  /** {@code text} with every occurrence of the API key replaced. */
  String scrub(String text) {
    return apiKey.isEmpty() || !text.contains(apiKey) ? text : text.replace(apiKey, REDACTED);
  }

  @Override
  public String toString() {
    return "Secrets{apiKey=" + REDACTED + "}";
  }
}
