package ai.poly.data;

import ai.poly.data.generated.api.ConversationsApi;
import ai.poly.data.generated.model.AddAnnotationsBody;
import ai.poly.data.generated.model.AnnotationItem;
import ai.poly.data.generated.model.ConversationDetailResponse;
import ai.poly.data.generated.model.GetConversationsResponse;
import ai.poly.data.generated.model.OperationSuccessResponse;
import ai.poly.data.generated.model.UpsertNoteBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The conversations of an agent: {@code client.conversations()}. Thread-safe; share it.
 *
 * <p>Every method checks its arguments before making any request, and fails with one of the
 * documented {@link PolyAiException}s. Each has an overload taking {@link RequestOptions}, which
 * override the client's retry policy and timeouts for that call.
 */
public final class Conversations {
  /** The page size of {@link #listAll}: twice the service's default, to halve the requests. */
  static final int LIST_ALL_PAGE_SIZE = 100;

  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  private final ConversationsApi api;
  private final ApiCalls calls;

  /** Null for the atomic move of {@link AtomicFile}, made on use: most clients never download. */
  private final @Nullable AtomicFile files;

  Conversations(ConversationsApi api, ApiCalls calls) {
    this(api, calls, null);
  }

  Conversations(ConversationsApi api, ApiCalls calls, @Nullable AtomicFile files) {
    this.api = api;
    this.calls = calls;
    this.files = files;
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
   * @param requestOptions settings that override the client's for this call
   * @return the conversation
   */
  public Conversation get(String agentId, String conversationId, RequestOptions requestOptions) {
    Checks.notNull(requestOptions, "requestOptions");
    return calls.execute(detailCall(agentId, conversationId), requestOptions, CONVERSATION);
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
   * @param requestOptions settings that override the client's for this call
   * @return the future conversation
   */
  public CompletableFuture<Conversation> getAsync(
      String agentId, String conversationId, RequestOptions requestOptions) {
    Checks.notNull(requestOptions, "requestOptions");
    return calls.executeAsync(detailCall(agentId, conversationId), requestOptions, CONVERSATION);
  }

  /**
   * Fetches one page of the agent's conversations, newest first, without their turns.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param params the page's limit and offset; {@link ListParams#defaults()} for the first 50
   * @return the page
   * @throws PolyAiException if the request fails (see its subclasses)
   */
  public ConversationPage list(String agentId, ListParams params) {
    return list(agentId, params, RequestOptions.none());
  }

  /**
   * Fetches one page as {@link #list(String, ListParams)} does, with this call's own retry policy
   * or timeouts; its {@link ConversationPage#nextPage()} uses them too.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param params the page's limit and offset
   * @param requestOptions settings that override the client's for this call
   * @return the page
   */
  public ConversationPage list(String agentId, ListParams params, RequestOptions requestOptions) {
    Checks.id(agentId, "agentId");
    Checks.notNull(params, "params");
    Checks.notNull(requestOptions, "requestOptions");
    return pages(agentId, requestOptions).fetch(params);
  }

  /**
   * Fetches one page without blocking a thread, as {@link #getAsync} does for a conversation.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param params the page's limit and offset
   * @return the future page
   * @see #list(String, ListParams)
   */
  public CompletableFuture<ConversationPage> listAsync(String agentId, ListParams params) {
    return listAsync(agentId, params, RequestOptions.none());
  }

  /**
   * Fetches one page as {@link #listAsync(String, ListParams)} does, with this call's options.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param params the page's limit and offset
   * @param requestOptions settings that override the client's for this call
   * @return the future page
   */
  public CompletableFuture<ConversationPage> listAsync(
      String agentId, ListParams params, RequestOptions requestOptions) {
    Checks.id(agentId, "agentId");
    Checks.notNull(params, "params");
    Checks.notNull(requestOptions, "requestOptions");
    return pages(agentId, requestOptions).fetchAsync(params);
  }

  /**
   * Every conversation of the agent, newest first, fetched 100 at a time as you iterate. No request
   * is made until iteration starts. See {@link PagedIterable} for how paging ends.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @return the conversations, fetched page by page
   */
  public PagedIterable<ConversationSummary> listAll(String agentId) {
    return listAll(agentId, ListParams.builder().limit(LIST_ALL_PAGE_SIZE).build());
  }

  /**
   * Every conversation from {@code params}' offset on, in pages of its limit (100 if unset).
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param params the first page's offset, and the page size
   * @return the conversations, fetched page by page
   * @see #listAll(String)
   */
  public PagedIterable<ConversationSummary> listAll(String agentId, ListParams params) {
    return listAll(agentId, params, RequestOptions.none());
  }

  /**
   * Every conversation as {@link #listAll(String, ListParams)} does, with these options per page.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param params the first page's offset, and the page size
   * @param requestOptions settings that override the client's for each page's request
   * @return the conversations, fetched page by page
   */
  public PagedIterable<ConversationSummary> listAll(
      String agentId, ListParams params, RequestOptions requestOptions) {
    Checks.id(agentId, "agentId");
    Checks.notNull(params, "params");
    Checks.notNull(requestOptions, "requestOptions");
    ListParams first =
        params.limit() != null ? params : params.newBuilder().limit(LIST_ALL_PAGE_SIZE).build();
    ConversationPage.Fetcher pages = pages(agentId, requestOptions);
    return new PagedIterable<>(
        () -> pages.fetch(first),
        ConversationPage::conversations,
        ConversationSummary::conversationId);
  }

  private ConversationPage.Fetcher pages(String agentId, RequestOptions requestOptions) {
    return new ConversationPage.Fetcher() {
      @Override
      public ConversationPage fetch(ListParams params) {
        return calls.execute(listCall(agentId, params), requestOptions, page(params, this));
      }

      @Override
      public CompletableFuture<ConversationPage> fetchAsync(ListParams params) {
        return calls.executeAsync(listCall(agentId, params), requestOptions, page(params, this));
      }
    };
  }

  private retrofit2.Call<GetConversationsResponse> listCall(String agentId, ListParams params) {
    return api.v1AgentsAgentIdConversationsGet(agentId, params.limit(), params.offset());
  }

  private static ApiCalls.Mapper<GetConversationsResponse, ConversationPage> page(
      ListParams params, ConversationPage.Fetcher fetcher) {
    return response ->
        response instanceof ConversationJson.Page
            ? ((ConversationJson.Page) response).page.build(params, fetcher)
            : ConversationPage.read(GeneratedModels.toMembers(response), params, fetcher);
  }

  /**
   * Opens a conversation's recording as it streams from the service. Close it when done.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param audioOptions whose voice, and whether redacted; {@link AudioOptions#defaults()} for both
   *     sides
   * @return the recording, open; the caller closes it
   * @throws NotFoundException if there is no such conversation, or no recording of it ({@code
   *     errorCode()} {@code CONVERSATIONS_RECORDING_NOT_FOUND})
   * @throws PolyAiInvalidResponseException if the service answers with something other than audio,
   *     such as a JSON or HTML page
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public AudioStream audio(String agentId, String conversationId, AudioOptions audioOptions) {
    return audio(agentId, conversationId, audioOptions, RequestOptions.none());
  }

  /**
   * Opens a recording as {@link #audio(String, String, AudioOptions)} does, with this call's own
   * retry policy or timeouts. The call timeout ends when the recording starts to arrive; the read
   * timeout bounds each silence while it streams.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param audioOptions whose voice, and whether redacted
   * @param requestOptions settings that override the client's for this call
   * @return the recording, open; the caller closes it
   */
  public AudioStream audio(
      String agentId,
      String conversationId,
      AudioOptions audioOptions,
      RequestOptions requestOptions) {
    return calls.execute(
        audioCall(agentId, conversationId, audioOptions, requestOptions),
        requestOptions,
        AudioStream::open);
  }

  /**
   * Downloads a conversation's recording to {@code target}, streaming it to disk. The file is
   * complete or absent: the recording goes to a temporary file beside {@code target} that is moved
   * over it once whole; on any failure the temporary file is deleted and {@code target} is left as
   * it was. An existing file at {@code target} is replaced. The file is readable by its owner only.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param audioOptions whose voice, and whether redacted
   * @param target the file to write; its folder must exist
   * @return the number of bytes written
   * @throws IllegalArgumentException if {@code target}'s folder does not exist or it is a folder
   * @throws IOException if writing the file fails
   * @throws PolyAiIoException if the connection fails before the whole recording has arrived
   * @throws PolyAiException for any other failure, as {@link #audio} throws
   */
  public long downloadAudio(
      String agentId, String conversationId, AudioOptions audioOptions, Path target)
      throws IOException {
    return downloadAudio(agentId, conversationId, audioOptions, target, RequestOptions.none());
  }

  /**
   * Downloads a recording as {@link #downloadAudio(String, String, AudioOptions, Path)} does, with
   * this call's own retry policy or timeouts.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param audioOptions whose voice, and whether redacted
   * @param target the file to write; its folder must exist
   * @param requestOptions settings that override the client's for this call
   * @return the number of bytes written
   * @throws IOException if writing the file fails
   */
  public long downloadAudio(
      String agentId,
      String conversationId,
      AudioOptions audioOptions,
      Path target,
      RequestOptions requestOptions)
      throws IOException {
    Checks.notNull(target, "target");
    retrofit2.Call<ResponseBody> call =
        audioCall(agentId, conversationId, audioOptions, requestOptions);
    AtomicFile.checkTarget(target);
    CallContext context = CallContext.of(call.request());
    long[] written = {0};
    try (AudioStream stream = calls.execute(call, requestOptions, AudioStream::open)) {
      AtomicFile writer = files != null ? files : new AtomicFile(AtomicFile.ATOMIC_MOVE);
      writer.write(target, channel -> written[0] = copy(stream, channel, context));
    }
    return written[0];
  }

  private long copy(AudioStream stream, WritableByteChannel channel, CallContext context)
      throws IOException {
    // Straight from OkHttp's buffer into a direct buffer, which the file channel writes as it is: a
    // byte array read through the InputStream, then wrapped, was copied twice more on the way.
    ByteBuffer buffer = ByteBuffer.allocateDirect(COPY_BUFFER_BYTES);
    ReadableByteChannel source = stream.channel();
    long total = 0;
    boolean end = false;
    while (!end) {
      while (buffer.hasRemaining() && !end) {
        end = read(source, buffer, context) == -1;
      }
      buffer.flip();
      total += buffer.remaining();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }
    long expected = stream.contentLength();
    if (expected != -1 && total != expected) {
      throw calls.bodyFailure(
          context,
          new IOException("the recording ended after " + total + " of " + expected + " bytes"));
    }
    return total;
  }

  /** Reads from the network, telling its failures (a {@link PolyAiIoException}) from the disk's. */
  private int read(ReadableByteChannel source, ByteBuffer buffer, CallContext context) {
    try {
      return source.read(buffer);
    } catch (IOException e) {
      throw calls.bodyFailure(context, e);
    }
  }

  private retrofit2.Call<ResponseBody> audioCall(
      String agentId,
      String conversationId,
      AudioOptions audioOptions,
      RequestOptions requestOptions) {
    Checks.id(agentId, "agentId");
    Checks.id(conversationId, "conversationId");
    Checks.notNull(audioOptions, "audioOptions");
    Checks.notNull(requestOptions, "requestOptions");
    // The service's default for redacted is false: sending only true leaves keys without access to
    // personal data to the service's rule (they always get the redacted recording).
    return api.v1AgentsAgentIdConversationsConversationIdAudioGet(
        agentId,
        conversationId,
        audioOptions.direction().wireValue(),
        audioOptions.redacted() ? true : null);
  }

  /**
   * Flags turns of a conversation, e.g. where the agent gave wrong information. Adding annotations
   * is not idempotent: the call is retried only when the request certainly never reached the
   * service (a refused connection, or a 429), never after a 5xx or a timeout.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param annotations at least one
   * @throws IllegalArgumentException if {@code annotations} is empty
   * @throws PolyAiInvalidResponseException if the service does not confirm success
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public void annotate(String agentId, String conversationId, List<Annotation> annotations) {
    annotate(agentId, conversationId, annotations, RequestOptions.none());
  }

  /**
   * Flags turns as {@link #annotate(String, String, List)} does, with this call's options.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param annotations at least one
   * @param requestOptions settings that override the client's for this call
   */
  public void annotate(
      String agentId,
      String conversationId,
      List<Annotation> annotations,
      RequestOptions requestOptions) {
    Checks.id(agentId, "agentId");
    Checks.id(conversationId, "conversationId");
    Checks.notNull(annotations, "annotations");
    Checks.notNull(requestOptions, "requestOptions");
    if (annotations.isEmpty()) {
      throw new IllegalArgumentException("annotations is empty: pass at least one");
    }
    List<AnnotationItem> items = new ArrayList<>(annotations.size());
    for (int i = 0; i < annotations.size(); i++) {
      Annotation annotation = annotations.get(i);
      if (annotation == null) {
        throw new NullPointerException("annotations[" + i + "] == null");
      }
      items.add(item(annotation));
    }
    AddAnnotationsBody body = new AddAnnotationsBody().annotations(items);
    calls.execute(
        api.v1AgentsAgentIdConversationsConversationIdAnnotationPost(agentId, conversationId, body),
        requestOptions,
        Conversations::confirmed);
  }

  private static AnnotationItem item(Annotation annotation) {
    Map<String, Object> members = new HashMap<>();
    members.put("turnId", (long) annotation.turnIndex());
    members.put("role", annotation.role().wireValue());
    members.put("annotationType", annotation.type().wireValue());
    return GeneratedModels.bind(AnnotationItem.class, members);
  }

  /**
   * Sets the note of a conversation, replacing any note it has. Retried as a read is: sending the
   * same note twice leaves the same note.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param note the text; empty to clear the note
   * @throws PolyAiInvalidResponseException if the service does not confirm success
   * @throws PolyAiException for any other failure (see its subclasses)
   */
  public void upsertNote(String agentId, String conversationId, String note) {
    upsertNote(agentId, conversationId, note, RequestOptions.none());
  }

  /**
   * Sets the note as {@link #upsertNote(String, String, String)} does, with this call's options.
   *
   * @param agentId the agent, i.e. the project id shown in Agent Studio ({@code PROJECT-...})
   * @param conversationId the conversation
   * @param note the text; empty to clear the note
   * @param requestOptions settings that override the client's for this call
   */
  public void upsertNote(
      String agentId, String conversationId, String note, RequestOptions requestOptions) {
    Checks.id(agentId, "agentId");
    Checks.id(conversationId, "conversationId");
    Checks.notNull(note, "note");
    Checks.notNull(requestOptions, "requestOptions");
    calls.execute(
        api.v1AgentsAgentIdConversationsConversationIdNotePost(
            agentId, conversationId, new UpsertNoteBody().note(note)),
        requestOptions,
        Conversations::confirmed);
  }

  /**
   * Checks a write's success payload. The spec gives {@code success} the default true, so {@code
   * {}} is a success; an explicit false, or a value that is no boolean, leaves the outcome unknown.
   */
  private static @Nullable Void confirmed(OperationSuccessResponse response) {
    Map<String, @Nullable Object> members = GeneratedModels.toMembers(response);
    Object success = members.get("success");
    if (members.containsKey("success") && !Boolean.TRUE.equals(success)) {
      throw new MissingFieldException(
          "the service did not confirm success (\"success\": " + success + ")");
    }
    return null;
  }

  private retrofit2.Call<ConversationDetailResponse> detailCall(
      String agentId, String conversationId) {
    Checks.id(agentId, "agentId");
    Checks.id(conversationId, "conversationId");
    return api.v1AgentsAgentIdConversationsConversationIdGet(agentId, conversationId);
  }

  /**
   * A detail response's conversation. A class rather than a method reference, as the other objects
   * a fresh process makes on the way to its first result (see {@link OkHttpRetryGuard}).
   */
  private static final ApiCalls.Mapper<ConversationDetailResponse, Conversation> CONVERSATION =
      new ApiCalls.Mapper<ConversationDetailResponse, Conversation>() {
        @Override
        public Conversation map(ConversationDetailResponse response) {
          return response instanceof ConversationJson.Detail
              ? ((ConversationJson.Detail) response).conversation
              : Conversation.read(GeneratedModels.toMembers(response));
        }
      };

  @Override
  public String toString() {
    return "Conversations";
  }
}
