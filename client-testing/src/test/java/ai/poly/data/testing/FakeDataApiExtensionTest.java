package ai.poly.data.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

final class FakeDataApiExtensionTest {
  @Nested
  @ExtendWith(FakeDataApiExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  final class WithExtendWith {
    private static FakeDataApi previous;
    private FakeDataApi fromBeforeEach;

    @BeforeEach
    void capture(FakeDataApi fake) {
      fromBeforeEach = fake;
    }

    @Test
    @Order(1)
    void injectsAStartedFake(FakeDataApi fake) {
      assertFalse(fake.isClosed());
      assertEquals(FakeDataApi.DEFAULT_API_KEY, fake.apiKey());
      fake.addSampleConversations("PROJECT-1");
      assertEquals(
          200,
          Http.get(fake, "v1/agents/PROJECT-1/conversations/CA5e1b0c7d2f9a4e6b8c1d3f5a7b9c0e2d")
              .status());
      previous = fake;
    }

    @Test
    @Order(2)
    void closedThePreviousTestsFakeAndStartsAFreshOne(FakeDataApi fake) {
      assertTrue(previous.isClosed());
      assertNotSame(previous, fake);
      assertFalse(fake.isClosed());
      assertEquals(0, fake.requestCount());
    }

    @Test
    @Order(3)
    void givesEveryParameterOfATestTheSameFake(FakeDataApi first, FakeDataApi second) {
      assertSame(first, second);
      assertSame(fromBeforeEach, first);
    }
  }

  @Nested
  final class WithRegisterExtension {
    @RegisterExtension
    final FakeDataApiExtension fakes =
        new FakeDataApiExtension(FakeDataApi.builder().apiKey("sk-registered"));

    @Test
    void startsFakesWithTheBuildersSettings(FakeDataApi fake) {
      assertEquals("sk-registered", fake.apiKey());
      assertEquals(200, Http.get(fake, "v1/agents/PROJECT-1/conversations").status());
    }
  }
}
