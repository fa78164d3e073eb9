package ai.poly.data;

import ai.poly.data.generated.api.DebugChatApi;
import ai.poly.data.generated.model.DebugChatResponse;
import ai.poly.data.generated.model.RespondDebugChatBody;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A debug chat with an agent, started by {@link DebugChats#start}. Send the user's messages in turn
 * and read the agent's replies; once a reply ends the chat ({@link
 * DebugChatReply#conversationEnded()}), or the service says it has ended, {@link #isEnded()} is
 * true and {@code send} fails without a request.
 *
 * <p>Thread-safe, but a chat is a conversation: send the next message once the previous reply is
 * in. Messages sent concurrently reach the agent in no defined order. Messages are not retried once
 * the request may have reached the service (the agent would hear them twice): only after a refused
 * connection or a 429.
 */
public final class DebugChat {
  private final DebugChatApi api;
  private final ApiCalls calls;
  private final String agentId;
  private final String conversationId;
  private final DebugChatOptions options;
  private final DebugChatReply greeting;
  private volatile boolean ended;

  DebugChat(
      DebugChatApi api,
      ApiCalls calls,
      String agentId,
      String conversationId,
      DebugChatOptions options,
      DebugChatReply greeting) {
    this.api = api;
    this.calls = calls;
    this.agentId = agentId;
    this.conversationId = conversationId;
    this.options = options;
    this.greeting = greeting;
    this.ended = greeting.conversationEnded();
  }

  /** {@return the agent this chat is with} */
  public String agentId() {
    return agentId;
  }

  /**
   * {@return the chat's id, the service's or the one set with {@link
   * DebugChatOptions.Builder#conversationId}}
   */
  public String conversationId() {
    return conversationId;
  }

  /** {@return the agent's first words, sent when the chat started} */
  public DebugChatReply greeting() {
    return greeting;
  }

  /**
   * {@return whether the chat has ended: a reply (or the greeting) said so, or the service answered
   * a message with 410 {@code CHAT_CONVERSATION_ENDED}}
   */
  public boolean isEnded() {
    return ended;
  }

  /**
   * Sends what the user says and returns the agent's reply, with the chat's environment and
   * languages.
   *
   * @param text what the user says; may be empty
   * @return the agent's reply
   * @throws IllegalStateException if the chat has ended, before any request
   * @throws GoneException if the service says the chat has ended ({@code CHAT_CONVERSATION_ENDED});
   *     {@link #isEnded()} is true afterwards
   * @throws BadRequestException if the service rejects the message, e.g. {@code CHAT_TIMEOUT}
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public DebugChatReply send(String text) {
    return send(DebugChatMessage.of(text), RequestOptions.none());
  }

  /**
   * Sends a message with its own settings or metadata, as {@link #send(String)} does.
   *
   * @param message the text, with settings that override the chat's for this message
   * @return the agent's reply
   */
  public DebugChatReply send(DebugChatMessage message) {
    return send(message, RequestOptions.none());
  }

  /**
   * Sends a message as {@link #send(DebugChatMessage)} does, with this call's own retry policy or
   * timeouts.
   *
   * @param message the text, with settings that override the chat's for this message
   * @param requestOptions settings that override the client's for this call
   * @return the agent's reply
   */
  public DebugChatReply send(DebugChatMessage message, RequestOptions requestOptions) {
    Checks.notNull(requestOptions, "requestOptions");
    retrofit2.Call<DebugChatResponse> call = respondCall(message);
    try {
      return calls.execute(call, requestOptions, this::reply);
    } catch (GoneException e) {
      ended = true;
      throw e;
    }
  }

  /**
   * Sends what the user says without blocking a thread. Cancelling the future cancels the HTTP
   * call. The future fails with the exceptions {@link #send(String)} throws, other than the
   * IllegalStateException of an ended chat, which this method throws itself. It completes on an
   * OkHttp thread, after {@link #isEnded()} has taken the reply into account.
   *
   * @param text what the user says; may be empty
   * @return the future reply
   */
  public CompletableFuture<DebugChatReply> sendAsync(String text) {
    return sendAsync(DebugChatMessage.of(text), RequestOptions.none());
  }

  /**
   * Sends a message with its own settings or metadata, as {@link #sendAsync(String)} does.
   *
   * @param message the text, with settings that override the chat's for this message
   * @return the future reply
   */
  public CompletableFuture<DebugChatReply> sendAsync(DebugChatMessage message) {
    return sendAsync(message, RequestOptions.none());
  }

  /**
   * Sends a message as {@link #sendAsync(DebugChatMessage)} does, with this call's own retry policy
   * or timeouts. Cancelling the future also stops its retries.
   *
   * @param message the text, with settings that override the chat's for this message
   * @param requestOptions settings that override the client's for this call
   * @return the future reply
   */
  public CompletableFuture<DebugChatReply> sendAsync(
      DebugChatMessage message, RequestOptions requestOptions) {
    Checks.notNull(requestOptions, "requestOptions");
    CompletableFuture<DebugChatReply> call =
        calls.executeAsync(respondCall(message), requestOptions, this::reply);
    ReplyFuture reply = new ReplyFuture(call);
    call.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            reply.complete(value);
          } else {
            if (failure instanceof GoneException) {
              ended = true;
            }
            reply.completeExceptionally(failure);
          }
        });
    return reply;
  }

  private retrofit2.Call<DebugChatResponse> respondCall(DebugChatMessage message) {
    Checks.notNull(message, "message");
    if (ended) {
      throw new IllegalStateException(
          "debug chat " + conversationId + " has ended: start a new one to send more messages");
    }
    ClientEnv clientEnv = message.clientEnv() != null ? message.clientEnv() : options.clientEnv();
    RespondDebugChatBody body =
        new RespondDebugChatBody()
            .clientEnv(clientEnv.wireValue())
            .asrLangCode(or(message.asrLangCode(), options.asrLangCode()))
            .ttsLangCode(or(message.ttsLangCode(), options.ttsLangCode()))
            .message(message.text());
    if (!message.metadata().isEmpty()) {
      body.metadata(message.metadata());
    }
    return api.v1AgentsAgentIdDebugChatConversationIdPost(agentId, conversationId, body);
  }

  private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
    return value != null ? value : fallback;
  }

  /** Reads a reply, noting before anyone sees it whether it ended the chat. */
  private DebugChatReply reply(DebugChatResponse response) {
    DebugChatReply reply = DebugChatReply.read(GeneratedModels.toMembers(response));
    if (reply.conversationEnded()) {
      ended = true;
    }
    return reply;
  }

  @Override
  public String toString() {
    return "DebugChat{agentId="
        + agentId
        + ", conversationId="
        + conversationId
        + ", clientEnv="
        + options.clientEnv()
        + ", ended="
        + ended
        + "}";
  }

  /** The future {@code sendAsync} returns: cancelling it cancels the call behind it. */
  private static final class ReplyFuture extends CompletableFuture<DebugChatReply> {
    private final CompletableFuture<DebugChatReply> call;

    ReplyFuture(CompletableFuture<DebugChatReply> call) {
      this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        call.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }
  }
}
