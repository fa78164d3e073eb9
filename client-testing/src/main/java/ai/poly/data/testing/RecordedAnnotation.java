package ai.poly.data.testing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One annotation item the fake received, as sent: {@code {"turnId", "role", "annotationType"}}.
 *
 * <p>Compare with {@link #of}: {@code assertEquals(List.of(RecordedAnnotation.of(1, "user",
 * "wrong_transcript")), fake.annotations(agentId, conversationId))}.
 */
public final class RecordedAnnotation {
  private final int turnId;
  private final String role;
  private final String annotationType;

  private RecordedAnnotation(int turnId, String role, String annotationType) {
    this.turnId = turnId;
    this.role = role;
    this.annotationType = annotationType;
  }

  /**
   * Returns the annotation of turn {@code turnId} with {@code role} and {@code annotationType}.
   *
   * @param turnId the zero-based turn index
   * @param role {@code user} or {@code agent}
   * @param annotationType such as {@code wrong_transcript}
   * @return the annotation
   */
  public static RecordedAnnotation of(int turnId, String role, String annotationType) {
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(annotationType, "annotationType == null");
    return new RecordedAnnotation(turnId, role, annotationType);
  }

  /** {@return the zero-based index of the annotated turn} */
  public int turnId() {
    return turnId;
  }

  /** {@return the side of the turn annotated: {@code user} or {@code agent}} */
  public String role() {
    return role;
  }

  /** {@return the label: {@code missing_topic}, {@code wrong_transcript} or {@code wrong_info}} */
  public String annotationType() {
    return annotationType;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof RecordedAnnotation)) {
      return false;
    }
    RecordedAnnotation that = (RecordedAnnotation) other;
    return turnId == that.turnId
        && role.equals(that.role)
        && annotationType.equals(that.annotationType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(turnId, role, annotationType);
  }

  @Override
  public String toString() {
    return "RecordedAnnotation{turnId="
        + turnId
        + ", role="
        + role
        + ", annotationType="
        + annotationType
        + "}";
  }
}
