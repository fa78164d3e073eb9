package ai.poly.data;

/** A response lacked a field every such response must carry; see {@link ApiCalls}. */
final class MissingFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MissingFieldException(String type, String field) {
    super(type + " has no " + field);
  }

  /** A response whose {@code problem} leaves it unusable, e.g. a list item that is no object. */
  MissingFieldException(String problem) {
    super(problem);
  }
}
