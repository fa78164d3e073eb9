package ai.poly.data.testing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scripted reply of the fake's debug-chat agent; see {@link FakeDataApi#scriptDebugChat}.
 *
 * <p>A reply made with {@link #ending} ends the chat: its response says {@code "conversationEnded":
 * true}, and any later message to that chat gets 410 {@code CHAT_CONVERSATION_ENDED}.
 */
public final class DebugChatReply {
  private final String response;
  private final boolean endsConversation;

  private DebugChatReply(String response, boolean endsConversation) {
    this.response = response;
    this.endsConversation = endsConversation;
  }

  /**
   * Returns a reply that says {@code response} and keeps the chat going.
   *
   * @param response what the agent says
   * @return the reply
   */
  public static DebugChatReply of(String response) {
    return new DebugChatReply(Objects.requireNonNull(response, "response == null"), false);
  }

  /**
   * Returns a reply that says {@code response} and ends the chat.
   *
   * @param response what the agent says last
   * @return the reply
   */
  public static DebugChatReply ending(String response) {
    return new DebugChatReply(Objects.requireNonNull(response, "response == null"), true);
  }

  /** {@return what the agent says: the {@code response} field of the debug-chat response} */
  public String response() {
    return response;
  }

  /** {@return whether this reply ends the chat} */
  public boolean endsConversation() {
    return endsConversation;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof DebugChatReply)) {
      return false;
    }
    DebugChatReply that = (DebugChatReply) other;
    return response.equals(that.response) && endsConversation == that.endsConversation;
  }

  @Override
  public int hashCode() {
    return Objects.hash(response, endsConversation);
  }

  @Override
  public String toString() {
    return "DebugChatReply{response="
        + response
        + (endsConversation ? ", endsConversation=true" : "")
        + "}";
  }
}
