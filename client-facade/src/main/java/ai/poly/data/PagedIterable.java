package ai.poly.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
    private IdSet previousIds = new IdSet();
    private IdSet currentIds = new IdSet();
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
      IdSet reused = previousIds;
      previousIds = currentIds;
      currentIds = reused;
      currentIds.clear(pageItems.size());
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

  /**
   * The ids of one page, to tell whether an item was on the previous one: a HashSet's work for a
   * fraction of its cost. A HashSet hashes every character of each new id and allocates an entry
   * for it; this hashes an id's length and last characters into a table reused page after page. Ids
   * that agree there are still told apart by {@code equals}, only more slowly.
   */
  static final class IdSet {
    /** How many of an id's last characters are hashed: the varying part of the service's ids. */
    private static final int HASHED_CHARS = 8;

    private @Nullable String[] table = new String[2];
    private int size;

    /** Empties the set, ready for {@code capacity} ids without growing. */
    void clear(int capacity) {
      size = 0;
      int length = tableLength(capacity);
      if (table.length < length) {
        table = new String[length];
      } else {
        Arrays.fill(table, null);
      }
    }

    /** Adds {@code id}, growing the table when it would be more than half full. */
    void add(String id) {
      int slot = slot(table, id);
      if (table[slot] != null) {
        return;
      }
      table[slot] = id;
      if (++size * 2 > table.length) {
        @Nullable String[] grown = new String[tableLength(size)];
        for (String held : table) {
          if (held != null) {
            grown[slot(grown, held)] = held;
          }
        }
        table = grown;
      }
    }

    boolean contains(String id) {
      return table[slot(table, id)] != null;
    }

    /** {@return how many ids the set holds} */
    int size() {
      return size;
    }

    /** A power of two at least twice {@code capacity}, so that the table is at most half full. */
    private static int tableLength(int capacity) {
      return Integer.highestOneBit(Math.max(1, capacity) * 4 - 1);
    }

    /** The slot of {@code table} that holds {@code id}, or the empty one where it would go. */
    private static int slot(@Nullable String[] table, String id) {
      int mask = table.length - 1;
      int length = id.length();
      int hash = length;
      for (int i = Math.max(0, length - HASHED_CHARS); i < length; i++) {
        hash = 31 * hash + id.charAt(i);
      }
      int slot = (hash ^ (hash >>> 16)) & mask;
      for (String held = table[slot]; held != null && !held.equals(id); held = table[slot]) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }
  }
}
