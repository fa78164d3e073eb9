package ai.poly.data;

import static ai.poly.data.HttpTestSupport.AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PagedIterableTest {
  @RegisterExtension final LoopbackApi api = new LoopbackApi();
  private final MockWebServer server = api.server;

  private ListingServer serve(ListingServer listing) {
    server.setDispatcher(listing);
    return listing;
  }

  private static List<String> expectedIds(int total) {
    List<String> ids = new ArrayList<>();
    for (int i = total - 1; i >= 0; i--) {
      ids.add("CA" + i);
    }
    return ids;
  }

  private List<String> all(ListParams params) {
    List<String> ids = new ArrayList<>();
    for (ConversationSummary summary : api.client().conversations().listAll(AGENT, params)) {
      ids.add(summary.conversationId());
    }
    return ids;
  }

  private static List<String> offsets(ListingServer listing) {
    return listing.requested().stream()
        .map(url -> url.queryParameter("offset"))
        .collect(Collectors.toList());
  }

  @Test
  void pagesByOneHundredByDefaultAndStopsAtTheCount() {
    ListingServer listing = serve(ListingServer.of(250));

    List<String> ids = new ArrayList<>();
    api.client().conversations().listAll(AGENT).forEach(c -> ids.add(c.conversationId()));

    assertEquals(expectedIds(250), ids);
    assertEquals(3, listing.requested().size());
    for (HttpUrl url : listing.requested()) {
      assertEquals("100", url.queryParameter("limit"));
      assertEquals("/v1/agents/" + AGENT + "/conversations", url.encodedPath());
    }
    assertEquals(java.util.Arrays.asList(null, "100", "200"), offsets(listing));
  }

  @Test
  void totalThatIsAMultipleOfThePageSizeEndsWithoutAnExtraRequest() {
    ListingServer listing = serve(ListingServer.of(30));

    assertEquals(expectedIds(30), all(ListParams.builder().limit(10).build()));
    assertEquals(3, listing.requested().size());
  }

  @Test
  void startsAtTheGivenOffset() {
    ListingServer listing = serve(ListingServer.of(30));

    assertEquals(
        expectedIds(30).subList(25, 30), all(ListParams.builder().limit(10).offset(25).build()));
    assertEquals("25", listing.requested().get(0).queryParameter("offset"));
  }

  @Test
  void makesNoRequestUntilIterationStarts() {
    serve(ListingServer.of(5));

    PagedIterable<ConversationSummary> all = api.client().conversations().listAll(AGENT);
    assertEquals(0, server.getRequestCount());

    Iterator<ConversationSummary> iterator = all.iterator();
    assertEquals(0, server.getRequestCount());
    assertTrue(iterator.hasNext());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void fetchesTheNextPageOnlyWhenTheCurrentOneIsUsedUp() {
    serve(ListingServer.of(25));
    Iterator<ConversationSummary> iterator =
        api.client()
            .conversations()
            .listAll(AGENT, ListParams.builder().limit(10).build())
            .iterator();

    for (int i = 0; i < 10; i++) {
      iterator.next();
    }
    assertEquals(1, server.getRequestCount());
    iterator.next();
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void emptyFirstPageYieldsNothingAfterOneRequest() {
    ListingServer listing = serve(ListingServer.of(0));

    assertEquals(new ArrayList<String>(), all(ListParams.builder().limit(10).build()));
    assertEquals(1, listing.requested().size());
    Iterator<ConversationSummary> empty = api.client().conversations().listAll(AGENT).iterator();
    assertFalse(empty.hasNext());
    assertThrows(NoSuchElementException.class, empty::next);
  }

  @Test
  void countHigherThanTheTruthStopsAtTheShortPage() {
    ListingServer listing = serve(ListingServer.of(25).reportCount(n -> 1_000_000));

    assertEquals(expectedIds(25), all(ListParams.builder().limit(10).build()));
    assertEquals(3, listing.requested().size());
  }

  @Test
  void countHigherThanTheTruthStopsAtTheEmptyPageWhenTheTotalFillsThePages() {
    ListingServer listing = serve(ListingServer.of(20).reportCount(n -> 1_000_000));

    assertEquals(expectedIds(20), all(ListParams.builder().limit(10).build()));
    assertEquals(3, listing.requested().size());
  }

  @Test
  void countLowerThanTheTruthStopsAtTheCount() {
    ListingServer listing = serve(ListingServer.of(50).reportCount(n -> 15));

    assertEquals(expectedIds(50).subList(0, 20), all(ListParams.builder().limit(10).build()));
    assertEquals(2, listing.requested().size());
  }

  @Test
  void serviceThatIgnoresTheOffsetIsNotPagedForever() {
    ListingServer listing = serve(ListingServer.of(50).ignoreOffset());

    assertEquals(expectedIds(50).subList(0, 10), all(ListParams.builder().limit(10).build()));
    assertEquals(2, listing.requested().size());
  }

  @Test
  void conversationsArrivingWhilePagingNeitherRepeatNorLoseOlderOnes() {
    ListingServer listing = serve(ListingServer.of(35).arrivalsPerPage(3));

    List<String> ids = all(ListParams.builder().limit(10).build());

    assertEquals(new HashSet<>(ids).size(), ids.size(), "no conversation twice: " + ids);
    assertTrue(ids.containsAll(expectedIds(35)), "every original conversation: " + ids);
    assertTrue(listing.requested().size() <= 6, "requests: " + listing.requested().size());
  }

  @Test
  void exactlyAPageOfArrivalsBetweenRequestsDoesNotEndPaging() {
    ListingServer listing = serve(ListingServer.of(35).arrivalsAfterTheFirstPage(10));

    List<String> ids = all(ListParams.builder().limit(10).build());

    assertEquals(expectedIds(35), ids);
    assertEquals(5, listing.requested().size());
  }

  @Test
  void listGrowingAsFastAsItIsPagedStopsAtTwiceTheFirstCount() {
    ListingServer listing = serve(ListingServer.of(35).arrivalsPerPage(10));

    List<String> ids = all(ListParams.builder().limit(10).build());

    assertEquals(new HashSet<>(ids).size(), ids.size(), "no conversation twice: " + ids);
    assertEquals(expectedIds(35).subList(0, 10), ids);
    assertEquals(7, listing.requested().size());
  }

  @Test
  void listGrowingFasterThanItIsPagedStillEnds() {
    ListingServer listing = serve(ListingServer.of(35).arrivalsPerPage(25));

    List<String> ids = all(ListParams.builder().limit(10).build());

    assertEquals(new HashSet<>(ids).size(), ids.size(), "no conversation twice: " + ids);
    assertEquals(7, listing.requested().size());
  }

  @Test
  void streamIsLazyAndStartsAgainEachTime() {
    ListingServer listing = serve(ListingServer.of(300));
    PagedIterable<ConversationSummary> all = api.client().conversations().listAll(AGENT);

    List<String> firstFive =
        all.stream().limit(5).map(ConversationSummary::conversationId).collect(Collectors.toList());
    assertEquals(expectedIds(300).subList(0, 5), firstFive);
    assertEquals(1, listing.requested().size());

    assertEquals(300, all.stream().count());
    assertEquals(4, listing.requested().size());
  }

  @Test
  void failedPageRequestThrowsItsTypedExceptionFromTheIterator() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(
                HttpTestSupport.toJson(
                    java.util.Collections.singletonMap(
                        "conversations",
                        java.util.Arrays.asList(
                            ListingServer.summary("CA1"), ListingServer.summary("CA0"))))));
    server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"success\": false}"));
    Iterator<ConversationSummary> iterator =
        api.client()
            .conversations()
            .listAll(AGENT, ListParams.builder().limit(2).build())
            .iterator();

    assertEquals("CA1", iterator.next().conversationId());
    assertEquals("CA0", iterator.next().conversationId());
    InternalServerException e = assertThrows(InternalServerException.class, iterator::hasNext);
    assertEquals(500, e.statusCode());
  }

  @Test
  void idsThatAgreeInTheirHashedCharactersAreStillToldApart() {
    PagedIterable.IdSet ids = new PagedIterable.IdSet();
    ids.clear(50);
    for (int i = 0; i < 50; i++) {
      ids.add(String.format("%02d-same-tail", i)); // One length, one last eight characters.
    }

    for (int i = 0; i < 50; i++) {
      assertTrue(ids.contains(String.format("%02d-same-tail", i)), "id " + i);
    }
    assertFalse(ids.contains("50-same-tail"));
    assertFalse(ids.contains("same-tail"));
  }

  @Test
  void clearedIdSetHoldsNothingAndTakesAPageOfAnySize() {
    PagedIterable.IdSet ids = new PagedIterable.IdSet();
    ids.clear(100);
    for (int i = 0; i < 100; i++) {
      ids.add("CA" + i);
    }
    ids.add("CA7"); // Twice: held once.
    assertEquals(100, ids.size());

    ids.clear(100); // The same table, emptied.
    assertEquals(0, ids.size());
    for (int i = 0; i < 100; i++) {
      assertFalse(ids.contains("CA" + i), "cleared id " + i);
    }
    ids.clear(1_000); // A larger table.
    for (int i = 0; i < 1_000; i++) {
      ids.add("CB" + i);
    }
    for (int i = 0; i < 1_000; i++) {
      assertTrue(ids.contains("CB" + i), "id " + i);
    }
    assertFalse(ids.contains("CA0"));
  }

  @Test
  void idSetGrowsPastTheCapacityItWasClearedFor() {
    PagedIterable.IdSet ids = new PagedIterable.IdSet();
    ids.clear(1);
    for (int i = 0; i < 1_000; i++) {
      ids.add("CC" + i);
    }

    assertEquals(1_000, ids.size());
    for (int i = 0; i < 1_000; i++) {
      assertTrue(ids.contains("CC" + i), "id " + i);
    }
    assertFalse(ids.contains("CC1000"));
  }
}
