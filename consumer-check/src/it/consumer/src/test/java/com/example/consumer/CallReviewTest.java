package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.poly.data.NotFoundException;
import ai.poly.data.PolyAiData;
import ai.poly.data.testing.FakeDataApi;
import ai.poly.data.testing.ReceivedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallReviewTest {
  private static final String AGENT = "PROJECT-K4T9QZ2M";
  private static final String CALL = "CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d";

  private FakeDataApi fake;
  private PolyAiData client;

  @BeforeEach
  void start() {
    fake = FakeDataApi.start();
    fake.addSampleConversations(AGENT);
    client = PolyAiData.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void transcriptOfTheSampleCall() throws Exception {
    List<String> transcript = new CallReview(client).transcript(AGENT, CALL);

    assertEquals(
        List.of(
            "agent: Thanks for calling Harbour Kitchen. This call may be recorded. How can I help?",
            "caller: hi I'd like to book a table for eleven people on Saturday",
            "agent: Lovely. Eleven guests this Saturday, the 17th. What time would you like?",
            "agent: Sorry, I didn't catch that. What time would you like the table?",
            "caller: half seven please",
            "agent: Parties of more than ten need approval from our manager, so I'll put you"
                + " through to the front of house team now.",
            "caller: ok thanks"),
        transcript);
    ReceivedRequest request = fake.takeRequest();
    assertEquals("GET", request.method());
    assertEquals("/v1/agents/" + AGENT + "/conversations/" + CALL, request.path());
    assertEquals(fake.apiKey(), request.header("X-API-KEY"));
  }

  @Test
  void unknownConversationIsNotFound() {
    NotFoundException e =
        assertThrows(
            NotFoundException.class, () -> new CallReview(client).transcript(AGENT, "CA-unknown"));

    assertEquals(404, e.statusCode());
    assertEquals("CONVERSATIONS_NOT_FOUND", e.errorCode());
    assertNotNull(e.correlationId());
  }
}
