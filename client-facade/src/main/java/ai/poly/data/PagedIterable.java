package ai.poly.data;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a paged listing, fetched page by page as you iterate, from {@link
 * Conversations#listAll}. Only the current page is held in memory.
 *
 * <pre>{@code
 * for (ConversationSummary c : client.conversations().listAll(agentId)) { ... }
 * long handedOff = client.conversations().listAll(agentId).stream()
 *     .filter(c -> Boolean.TRUE.equals(c.handoff())).count();
 * }</pre>
 *
 * <p>Each {@link #iterator()} (and {@link #stream()}) starts again from the first page. Paging ends
 * at an empty page, a short page (fewer than the limit), or the total count, so it ends even when
 * the service's count is wrong; a page that repeats the previous one while the count stands still
 * (a service ignoring the offset) ends it too. Conversations that arrive while you page push older
 * ones further down the list: an item seen on the previous page is not returned twice, and the
 * growing count moves the end along, up to twice the count of the first page: a list that grows
 * faster than it is paged cannot keep the iteration going for ever. A failed page request throws
 * its {@link PolyAiException} from {@code hasNext()} or {@code next()}.
 *
 * @param <T> the type of the items
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Supplier<ConversationPage> firstPage;
  private final Function<ConversationPage, List<T>> items;
  private final Function<T, String> id;

  PagedIterable(
      Supplier<ConversationPage> firstPage,
      Function<ConversationPage, List<T>> items,
      Function<T, String> id) {
    this.firstPage = firstPage;
    this.items = items;
    this.id = id;
  }

  /** An iterator from the first item; the first page is fetched on the first {@code hasNext()}. */
  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /** {@return a sequential stream of every item, fetching pages lazily as it is consumed} */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public String toString() {
    return "PagedIterable";
  }

  private final class PageIterator implements Iterator<T> {
    private @Nullable ConversationPage page;
    private Iterator<T> current = Collections.emptyIterator();
    private Set<String> previousIds = Collections.emptySet();
    private Set<String> currentIds = new HashSet<>();
    private @Nullable T next;
    private boolean done;

    /**
     * Twice the first page's count: paging stops there even if the count keeps growing, which
     * leaves room for the list to double while it is paged, and bounds it when it grows faster.
     */
    private long offsetLimit = Long.MAX_VALUE;

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        if (current.hasNext()) {
          T candidate = current.next();
          String key = id.apply(candidate);
          currentIds.add(key);
          if (!previousIds.contains(key)) {
            next = candidate;
          }
        } else {
          advance();
        }
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more items");
      }
      T result = next;
      next = null;
      return result;
    }

    private void advance() {
      ConversationPage previous = page;
      ConversationPage fetched;
      if (previous == null) {
        fetched = firstPage.get();
        Integer count = fetched.count();
        offsetLimit = count != null ? 2L * count : Long.MAX_VALUE;
      } else if (previous.hasNextPage() && previous.nextPageParams().offset() < offsetLimit) {
        fetched = previous.nextPage();
      } else {
        done = true;
        return;
      }
      List<T> pageItems = items.apply(fetched);
      if (previous != null
          && !pageItems.isEmpty()
          && allSeen(pageItems)
          && !grewByAPage(previous, fetched, pageItems.size())) {
        // The same items again, and not because a page's worth arrived: the service ignores the
        // offset, and would otherwise be paged forever.
        done = true;
        return;
      }
      page = fetched;
      previousIds = currentIds;
      currentIds = new HashSet<>(pageItems.size() * 4 / 3 + 1); // Never resized.
      current = pageItems.iterator();
    }

    private boolean grewByAPage(ConversationPage previous, ConversationPage next, int size) {
      Integer before = previous.count();
      Integer after = next.count();
      return before != null && after != null && (long) after - before >= size;
    }

    /** Whether every item is one of the current page's. */
    private boolean allSeen(List<T> pageItems) {
      for (T item : pageItems) {
        if (!currentIds.contains(id.apply(item))) {
          return false;
        }
      }
      return true;
    }
  }
}
