package ai.poly.data;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which page of an agent's conversations to list: how many ({@link Builder#limit}) from which
 * position ({@link Builder#offset}). Either may be left unset to take the service's default.
 *
 * <pre>{@code
 * ConversationPage page =
 *     client.conversations().list(agentId, ListParams.builder().limit(20).offset(40).build());
 * }</pre>
 */
public final class ListParams {
  private static final ListParams DEFAULTS = new Builder().build();

  private final @Nullable Integer limit;
  private final @Nullable Integer offset;

  private ListParams(Builder builder) {
    this.limit = builder.limit;
    this.offset = builder.offset;
  }

  /** {@return parameters that leave both limit and offset to the service: 50 from the first} */
  public static ListParams defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these parameters} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return the most conversations a page holds, or null for the service's default (50)} */
  public @Nullable Integer limit() {
    return limit;
  }

  /** {@return how many conversations to skip, or null for the service's default (0)} */
  public @Nullable Integer offset() {
    return offset;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ListParams)) {
      return false;
    }
    ListParams that = (ListParams) o;
    return Objects.equals(limit, that.limit) && Objects.equals(offset, that.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, offset);
  }

  @Override
  public String toString() {
    return "ListParams{limit=" + limit + ", offset=" + offset + "}";
  }

  /** Builds {@link ListParams}. Not thread-safe. */
  public static final class Builder {
    @Nullable Integer limit;
    @Nullable Integer offset;

    Builder() {}

    Builder(ListParams params) {
      this.limit = params.limit;
      this.offset = params.offset;
    }

    /**
     * The most conversations a page holds, at least 1. Default: the service's, 50 ({@link
     * Conversations#listAll} pages by 100).
     *
     * @param limit the page size
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * How many conversations to skip before the page starts, at least 0. Default 0.
     *
     * @param offset the position of the page's first conversation, counted from 0
     * @return this builder
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative: " + offset);
      }
      this.offset = offset;
      return this;
    }

    /** {@return the parameters} */
    public ListParams build() {
      return new ListParams(this);
    }
  }
}
