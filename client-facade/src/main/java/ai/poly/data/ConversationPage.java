package ai.poly.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One page of an agent's conversations, newest first, from {@link Conversations#list}: the
 * summaries, the total, and the way to the next page.
 *
 * <pre>{@code
 * ConversationPage page = client.conversations().list(agentId, ListParams.builder().limit(20).build());
 * while (true) {
 *   for (ConversationSummary c : page.conversations()) { ... }
 *   if (!page.hasNextPage()) break;
 *   page = page.nextPage();
 * }
 * }</pre>
 *
 * <p>{@link Conversations#listAll} does this loop for you.
 */
public final class ConversationPage {
  /** The service's page size when a request names none. */
  static final int SERVICE_DEFAULT_LIMIT = 50;

  private final List<ConversationSummary> conversations;
  private final @Nullable Integer count;
  private final int limit;
  private final int offset;

  private final ListParams params;
  private final Map<String, @Nullable Object> additionalProperties;
  private final Fetcher fetcher;

  /** Fetches another page of the same listing: same agent, same request options. */
  interface Fetcher {
    ConversationPage fetch(ListParams params);

    CompletableFuture<ConversationPage> fetchAsync(ListParams params);
  }

  private ConversationPage(
      List<ConversationSummary> conversations,
      @Nullable Integer count,
      int limit,
      int offset,
      ListParams params,
      Map<String, @Nullable Object> additionalProperties,
      Fetcher fetcher) {
    this.conversations = conversations;
    this.count = count;
    this.limit = limit;
    this.offset = offset;
    this.params = params;
    this.additionalProperties = additionalProperties;
    this.fetcher = fetcher;
  }

  /**
   * Reads a page from the JSON members of a list response, made by a request with {@code params}.
   *
   * @throws MissingFieldException if it has no list of conversations, or a conversation lacks an id
   */
  static ConversationPage read(Map<?, ?> members, ListParams params, Fetcher fetcher) {
    Reader reader = new Reader();
    for (Map.Entry<?, ?> entry : members.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (key.equals("conversations")) {
        reader.conversations(summaries(entry.getValue(), params));
      } else {
        reader.read(key, entry.getValue());
      }
    }
    return reader.build(params, fetcher);
  }

  /**
   * Reads a page one member at a time, from a map of members or straight from the JSON tokens
   * ({@link ConversationJson}); the summaries are read by the caller.
   */
  static final class Reader {
    private final Fields fields = new Fields();
    private @Nullable List<ConversationSummary> conversations;
    private @Nullable Integer count;
    private @Nullable Integer limit;
    private @Nullable Integer offset;

    void conversations(List<ConversationSummary> conversations) {
      this.conversations = conversations;
    }

    /** Reads a member other than {@code conversations}; one this type does not model is kept. */
    void read(String key, @Nullable Object value) {
      switch (key) {
        case "count":
          count = nonNegative(key, value, fields);
          break;
        case "limit":
          limit = nonNegative(key, value, fields);
          break;
        case "offset":
          offset = nonNegative(key, value, fields);
          break;
        default:
          fields.keep(key, value);
      }
    }

    /**
     * {@return the page read, made by a request with {@code params}}
     *
     * @throws MissingFieldException if it had no list of conversations
     */
    ConversationPage build(ListParams params, Fetcher fetcher) {
      if (conversations == null) {
        throw new MissingFieldException("conversation page", "conversations");
      }
      int pageLimit =
          limit != null && limit > 0
              ? limit
              : params.limit() != null ? params.limit() : SERVICE_DEFAULT_LIMIT;
      int pageOffset = offset != null ? offset : offsetOf(params);
      return new ConversationPage(
          conversations, count, pageLimit, pageOffset, params, fields.extras(), fetcher);
    }
  }

  private static List<ConversationSummary> summaries(@Nullable Object value, ListParams params) {
    if (!(value instanceof List)) {
      throw new MissingFieldException("conversation page", "list of conversations");
    }
    List<?> items = (List<?>) value;
    List<ConversationSummary> summaries = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String what = "conversation " + i + " of the page at offset " + offsetOf(params);
      if (!(item instanceof Map)) {
        throw new MissingFieldException(what + " is not a JSON object: " + item);
      }
      summaries.add(ConversationSummary.read((Map<?, ?>) item, what));
    }
    return Collections.unmodifiableList(summaries);
  }

  private static int offsetOf(ListParams params) {
    Integer offset = params.offset();
    return offset != null ? offset : 0;
  }

  private static @Nullable Integer nonNegative(String key, @Nullable Object value, Fields fields) {
    Long number = Numbers.exactLong(value);
    if (number != null && number >= 0 && number <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    if (value != null) {
      fields.keep(key, value);
    }
    return null;
  }

  /** {@return the conversations of this page, newest first; empty past the last page} */
  public List<ConversationSummary> conversations() {
    return conversations;
  }

  /**
   * {@return the total number of the agent's conversations (not this page's size), or null when the
   * response did not say} It may grow while you page, as conversations arrive.
   */
  public @Nullable Integer count() {
    return count;
  }

  /**
   * {@return the most conversations this page could hold: the service's figure, else the one asked
   * for}
   */
  public int limit() {
    return limit;
  }

  /**
   * {@return how many conversations precede this page: the service's figure, else the one asked
   * for}
   */
  public int offset() {
    return offset;
  }

  /** {@return members of the response this version does not model, raw} */
  public Map<String, @Nullable Object> additionalProperties() {
    return additionalProperties;
  }

  /**
   * {@return whether another page may follow: false once a page is empty or short (fewer than
   * {@link #limit()}), or reaches {@link #count()}}
   */
  public boolean hasNextPage() {
    int size = conversations.size();
    // The offset asked for, not the one reported: the next page follows what was asked.
    int requestedOffset = offsetOf(params);
    if (size == 0 || size < limit || (long) requestedOffset + size > Integer.MAX_VALUE) {
      return false;
    }
    return count == null || (long) requestedOffset + size < count;
  }

  /**
   * Fetches the page after this one, with the same limit and request options.
   *
   * @return the next page
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   * @throws PolyAiException if the request fails
   */
  public ConversationPage nextPage() {
    return fetcher.fetch(nextPageParams());
  }

  /**
   * Fetches the page after this one without blocking, as {@link #nextPage()} does.
   *
   * @return the future next page
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   */
  public CompletableFuture<ConversationPage> nextPageAsync() {
    return fetcher.fetchAsync(nextPageParams());
  }

  /** The parameters of the next page; for {@link PagedIterable}. */
  ListParams nextPageParams() {
    if (!hasNextPage()) {
      throw new NoSuchElementException(
          "no page follows the page at offset "
              + offsetOf(params)
              + " ("
              + conversations.size()
              + " conversations"
              + (count != null ? " of " + count : "")
              + ")");
    }
    return params.newBuilder().offset(offsetOf(params) + conversations.size()).build();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ConversationPage)) {
      return false;
    }
    ConversationPage that = (ConversationPage) o;
    return limit == that.limit
        && offset == that.offset
        && Objects.equals(count, that.count)
        && conversations.equals(that.conversations)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(conversations, count, limit, offset, additionalProperties);
  }

  @Override
  public String toString() {
    return "ConversationPage{offset="
        + offset
        + ", limit="
        + limit
        + ", count="
        + count
        + ", conversations="
        + conversations.size()
        + "}";
  }
}
