package ai.poly.data;

import ai.poly.data.generated.api.DebugChatApi;
import ai.poly.data.generated.model.CreateDebugChatBody;
import ai.poly.data.generated.model.DebugChatResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Debug chats with an agent: {@code client.debugChat()}. Test an agent, a draft or a variant by
 * typing to it and reading where it went. Thread-safe; share it.
 *
 * <pre>{@code
 * DebugChat chat = client.debugChat().start("PROJECT-58RP822I");
 * System.out.println(chat.greeting().response());
 * DebugChatReply reply = chat.send("I'd like to book a table");
 * }</pre>
 *
 * <p>Starting a chat is not retried once the request may have reached the service (it would start a
 * second chat): only after a refused connection or a 429.
 */
public final class DebugChats {
  private final DebugChatApi api;
  private final ApiCalls calls;

  DebugChats(DebugChatApi api, ApiCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  /**
   * Starts a chat in the sandbox with the agent's own settings, and returns it with the agent's
   * greeting.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @return the chat, with its greeting
   * @throws AuthenticationException if the API key is wrong or belongs to another region
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public DebugChat start(String agentId) {
    return start(agentId, DebugChatOptions.defaults(), RequestOptions.none());
  }

  /**
   * Starts a chat with the agent and returns it with the agent's greeting ({@link
   * DebugChat#greeting()}).
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param options the environment, languages, variant and channel of the chat
   * @return the chat, with its greeting
   * @throws BadRequestException if the service rejects the options, e.g. {@code
   *     CHAT_DRAFT_NOT_EXIST} when the agent has no sandbox draft
   * @throws AuthenticationException if the API key is wrong or belongs to another region
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public DebugChat start(String agentId, DebugChatOptions options) {
    return start(agentId, options, RequestOptions.none());
  }

  /**
   * Starts a chat as {@link #start(String, DebugChatOptions)} does, with this call's own retry
   * policy or timeouts.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param options the environment, languages, variant and channel of the chat
   * @param requestOptions settings that override the client's for this call
   * @return the chat, with its greeting
   */
  public DebugChat start(String agentId, DebugChatOptions options, RequestOptions requestOptions) {
    Checks.notNull(requestOptions, "requestOptions");
    return calls.execute(createCall(agentId, options), requestOptions, chat(agentId, options));
  }

  /**
   * Starts a chat in the sandbox with the agent's own settings, as {@link #start(String)} does,
   * without blocking a thread.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @return the future chat, with its greeting
   */
  public CompletableFuture<DebugChat> startAsync(String agentId) {
    return startAsync(agentId, DebugChatOptions.defaults(), RequestOptions.none());
  }

  /**
   * Starts a chat without blocking a thread. Cancelling the future cancels the HTTP call. The
   * future fails with the exceptions {@link #start(String, DebugChatOptions)} throws; it completes
   * on an OkHttp thread.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param options the environment, languages, variant and channel of the chat
   * @return the future chat, with its greeting
   */
  public CompletableFuture<DebugChat> startAsync(String agentId, DebugChatOptions options) {
    return startAsync(agentId, options, RequestOptions.none());
  }

  /**
   * Starts a chat as {@link #startAsync(String, DebugChatOptions)} does, with this call's own retry
   * policy or timeouts.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param options the environment, languages, variant and channel of the chat
   * @param requestOptions settings that override the client's for this call
   * @return the future chat, with its greeting
   */
  public CompletableFuture<DebugChat> startAsync(
      String agentId, DebugChatOptions options, RequestOptions requestOptions) {
    Checks.notNull(requestOptions, "requestOptions");
    return calls.executeAsync(createCall(agentId, options), requestOptions, chat(agentId, options));
  }

  private retrofit2.Call<DebugChatResponse> createCall(String agentId, DebugChatOptions options) {
    Checks.id(agentId, "agentId");
    Checks.notNull(options, "options");
    CreateDebugChatBody body =
        new CreateDebugChatBody()
            .clientEnv(options.clientEnv().wireValue())
            .asrLangCode(options.asrLangCode())
            .ttsLangCode(options.ttsLangCode())
            .conversationId(options.conversationId())
            .variantId(options.variantId())
            .channel(options.channel());
    if (!options.integrationAttributes().isEmpty()) {
      body.integrationAttributes(options.integrationAttributes());
    }
    return api.v1AgentsAgentIdDebugChatPost(agentId, body);
  }

  private ApiCalls.Mapper<DebugChatResponse, DebugChat> chat(
      String agentId, DebugChatOptions options) {
    return response -> {
      DebugChatReply greeting = DebugChatReply.read(GeneratedModels.toMembers(response));
      String conversationId = greeting.conversationId();
      if (conversationId == null
          || conversationId.trim().isEmpty()
          || conversationId.equals(".")
          || conversationId.equals("..")) {
        // Without an id that a path can carry no message can be sent: the chat is unusable.
        throw new MissingFieldException("debug chat response", "conversationId");
      }
      return new DebugChat(api, calls, agentId, conversationId, options, greeting);
    };
  }

  @Override
  public String toString() {
    return "DebugChats";
  }
}
