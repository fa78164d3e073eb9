package ai.poly.data;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A flag on one side of one turn of a conversation, for {@link Conversations#annotate}: e.g. the
 * agent gave wrong information in turn 3.
 *
 * <pre>{@code
 * Turn turn = conversation.turns().get(3);
 * client.conversations().annotate(agentId, conversationId,
 *     Collections.singletonList(Annotation.of(turn, Role.AGENT, AnnotationType.WRONG_INFO)));
 * }</pre>
 */
public final class Annotation {
  private final int turnIndex;
  private final Role role;
  private final AnnotationType type;

  private Annotation(int turnIndex, Role role, AnnotationType type) {
    this.turnIndex = turnIndex;
    this.role = role;
    this.type = type;
  }

  /**
   * An annotation of the turn at {@code turnIndex}, counted from 0 as {@link Turn#index()} is.
   *
   * @param turnIndex the turn's zero-based index
   * @param role the side of the turn to flag
   * @param type what is wrong
   * @return the annotation
   * @throws IllegalArgumentException if {@code turnIndex} is negative
   */
  public static Annotation of(int turnIndex, Role role, AnnotationType type) {
    if (turnIndex < 0) {
      throw new IllegalArgumentException("turnIndex must not be negative: " + turnIndex);
    }
    return new Annotation(
        turnIndex,
        Objects.requireNonNull(role, "role == null"),
        Objects.requireNonNull(type, "type == null"));
  }

  /**
   * An annotation of {@code turn}, by its {@link Turn#index()}.
   *
   * @param turn a turn of the conversation to annotate
   * @param role the side of the turn to flag
   * @param type what is wrong
   * @return the annotation
   */
  public static Annotation of(Turn turn, Role role, AnnotationType type) {
    Objects.requireNonNull(turn, "turn == null");
    return of(turn.index(), role, type);
  }

  /** {@return the zero-based index of the annotated turn} */
  public int turnIndex() {
    return turnIndex;
  }

  /** {@return the side of the turn that is annotated} */
  public Role role() {
    return role;
  }

  /** {@return what is wrong} */
  public AnnotationType type() {
    return type;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Annotation)) {
      return false;
    }
    Annotation that = (Annotation) o;
    return turnIndex == that.turnIndex && role == that.role && type == that.type;
  }

  @Override
  public int hashCode() {
    return Objects.hash(turnIndex, role, type);
  }

  @Override
  public String toString() {
    return "Annotation{turnIndex=" + turnIndex + ", role=" + role + ", type=" + type + "}";
  }
}
