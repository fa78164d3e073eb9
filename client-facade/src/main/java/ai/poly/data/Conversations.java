package ai.poly.data;

import ai.poly.data.generated.api.ConversationsApi;
import ai.poly.data.generated.model.ConversationDetailResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The conversations of an agent: {@code client.conversations()}. Thread-safe; share it.
 *
 * <p>Every method checks its arguments before making any request, and fails with one of the
 * documented {@link PolyAiException}s.
 */
public final class Conversations {
  private final ConversationsApi api;
  private final ApiCalls calls;

  Conversations(ConversationsApi api, ApiCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  /**
   * Fetches one conversation with its turns, metrics and function events.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @return the conversation
   * @throws NotFoundException if there is no such conversation ({@code CONVERSATIONS_NOT_FOUND})
   * @throws AuthenticationException if the API key is wrong or belongs to another region
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public Conversation get(String agentId, String conversationId) {
    return get(agentId, conversationId, RequestOptions.none());
  }

  /**
   * Fetches one conversation as {@link #get(String, String)} does, with this call's own retry
   * policy or timeouts.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param options settings that override the client's for this call
   * @return the conversation
   */
  public Conversation get(String agentId, String conversationId, RequestOptions options) {
    Checks.notNull(options, "options");
    return calls.execute(detailCall(agentId, conversationId), options, Conversations::conversation);
  }

  /**
   * Fetches one conversation without blocking a thread. Cancelling the future cancels the HTTP
   * call. The future fails with the exceptions {@link #get} throws; it completes on an OkHttp
   * thread, so chain heavy work with the {@code *Async} methods of {@link CompletableFuture}.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @return the future conversation
   */
  public CompletableFuture<Conversation> getAsync(String agentId, String conversationId) {
    return getAsync(agentId, conversationId, RequestOptions.none());
  }

  /**
   * Fetches one conversation as {@link #getAsync(String, String)} does, with this call's own retry
   * policy or timeouts. Cancelling the future also stops its retries.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param options settings that override the client's for this call
   * @return the future conversation
   */
  public CompletableFuture<Conversation> getAsync(
      String agentId, String conversationId, RequestOptions options) {
    Checks.notNull(options, "options");
    return calls.executeAsync(
        detailCall(agentId, conversationId), options, Conversations::conversation);
  }

  private retrofit2.Call<ConversationDetailResponse> detailCall(
      String agentId, String conversationId) {
    Checks.id(agentId, "agentId");
    Checks.id(conversationId, "conversationId");
    return api.v1AgentsAgentIdConversationsConversationIdGet(agentId, conversationId);
  }

  private static Conversation conversation(ConversationDetailResponse response) {
    return Conversation.read(GeneratedModels.toMembers(response));
  }

  @Override
  public String toString() {
    return "Conversations";
  }
}
