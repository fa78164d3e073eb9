/**
 * A local fake of PolyAI's Data API for tests.
 *
 * <p>Start a {@link ai.poly.data.testing.FakeDataApi}, seed it with conversations, point the client
 * under test at {@link ai.poly.data.testing.FakeDataApi#baseUrl()}, then assert what the fake
 * received. JUnit 5 users can let {@link ai.poly.data.testing.FakeDataApiExtension} start and close
 * one per test. Nullness is declared with JSpecify: every type is non-null unless annotated
 * {@code @Nullable}, and collections are never null.
 */
@NullMarked
package ai.poly.data.testing;

import org.jspecify.annotations.NullMarked;
