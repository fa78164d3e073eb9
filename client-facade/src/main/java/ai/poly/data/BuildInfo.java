package ai.poly.data;

/** Facts about this build of the client. */
final class BuildInfo {
  /** The library's version; {@code BuildInfoTest} keeps it equal to the Maven project version. */
  static final String VERSION = "0.1.0-SNAPSHOT";

  /** The spec version the client is generated from; {@code BuildInfoTest} checks openapi.json. */
  static final String SPEC_VERSION = "1.0.9";

  static final String USER_AGENT = "polyai-data-java/" + VERSION;

  private BuildInfo() {}
}
