package ai.poly.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An entity found in the caller's input: a name, e.g. {@code party_size}, and its values. */
public final class Entity {
  private final String name;
  private final List<String> values;

  private Entity(String name, List<String> values) {
    this.name = name;
    this.values = values;
  }

  /**
   * Creates an entity.
   *
   * @param name the entity's name, e.g. {@code party_size}
   * @param values its values, one or more; copied
   * @return the entity
   */
  public static Entity of(String name, List<String> values) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(values, "values == null");
    return new Entity(name, Collections.unmodifiableList(new ArrayList<>(values)));
  }

  /** {@return the entity's name} */
  public String name() {
    return name;
  }

  /**
   * {@return its values: one for a single value, several when the service sent a list; never empty}
   */
  public List<String> values() {
    return values;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Entity
        && name.equals(((Entity) o).name)
        && values.equals(((Entity) o).values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + values.hashCode();
  }

  @Override
  public String toString() {
    return name + "=" + (values.size() == 1 ? values.get(0) : values.toString());
  }
}
