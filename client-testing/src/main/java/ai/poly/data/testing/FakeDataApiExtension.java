package ai.poly.data.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link FakeDataApi} before each test and closes it after.
 *
 * <p>Declare a {@code FakeDataApi} parameter on a test method, or on a {@code @BeforeEach} or
 * {@code @AfterEach} method, to receive that test's fake; every parameter of one test gets the same
 * fake.
 *
 * <pre>{@code
 * @ExtendWith(FakeDataApiExtension.class)
 * class ConversationsTest {
 *   @Test
 *   void readsTheSample(FakeDataApi fake) { ... }
 * }
 * }</pre>
 *
 * <p>To configure the fakes, register an instance instead: {@code @RegisterExtension static final
 * FakeDataApiExtension fakes = new FakeDataApiExtension(FakeDataApi.builder().apiKey("k"));}.
 *
 * <p>This class needs {@code org.junit.jupiter:junit-jupiter-api} on the class path, which this
 * library declares optional.
 */
public final class FakeDataApiExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeDataApiExtension.class);

  private final FakeDataApi.Builder builder;

  /** Creates an extension whose fakes accept {@value FakeDataApi#DEFAULT_API_KEY}. */
  public FakeDataApiExtension() {
    this(FakeDataApi.builder());
  }

  /**
   * Creates an extension that starts each test's fake with {@code builder}'s settings, as they are
   * now.
   *
   * @param builder the settings; copied
   */
  public FakeDataApiExtension(FakeDataApi.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder == null").copy();
  }

  /** Starts the test's fake. */
  @Override
  public void beforeEach(ExtensionContext context) {
    fake(context);
  }

  /** Closes the test's fake. */
  @Override
  public void afterEach(ExtensionContext context) {
    FakeDataApi fake = context.getStore(NAMESPACE).remove(key(context), FakeDataApi.class);
    if (fake != null) {
      fake.close();
    }
  }

  /** Returns whether the parameter is a {@link FakeDataApi} of a test or lifecycle method. */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    return parameterContext.getParameter().getType() == FakeDataApi.class
        && context.getTestMethod().isPresent();
  }

  /** Returns the test's fake. */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    return fake(context);
  }

  private FakeDataApi fake(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key(context), unused -> builder.start(), FakeDataApi.class);
  }

  /** One key per test, so tests run in parallel each get their own fake. */
  private static String key(ExtensionContext context) {
    return context.getUniqueId();
  }
}
