package ai.poly.data;

import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A generated response model that keeps the JSON members it was bound from, so that the facade
 * reads them as they are instead of walking the model back into members ({@link
 * GeneratedModels#toMembers} of the bound model gives the same ones): the hot responses, a
 * conversation and a page of them. The instance is of the generated type, as Retrofit's interface
 * declares, and bound as any model is.
 */
interface RawMembers {
  /** The response's JSON members, as read: deeply unmodifiable plain values. */
  Map<String, @Nullable Object> members();

  /** A conversation read as its members. */
  final class Conversation extends ConversationDetailResponse implements RawMembers {
    private final Map<String, @Nullable Object> members;

    Conversation(Map<String, @Nullable Object> members) {
      this.members = members;
    }

    @Override
    public Map<String, @Nullable Object> members() {
      return members;
    }
  }

  /** A page of conversations read as its members. */
  final class Page extends GetConversationsResponse implements RawMembers {
    private final Map<String, @Nullable Object> members;

    Page(Map<String, @Nullable Object> members) {
      this.members = members;
    }

    @Override
    public Map<String, @Nullable Object> members() {
      return members;
    }
  }
}
