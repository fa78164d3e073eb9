/**
 * The PolyAI Data API client.
 *
 * <p>Start with {@link ai.poly.data.PolyAiData#builder()}. Values are immutable; nullness is declared
 * with JSpecify: every type is non-null unless annotated {@code @Nullable}, and collections are never
 * null.
 */
@NullMarked
package ai.poly.data;

import org.jspecify.annotations.NullMarked;
