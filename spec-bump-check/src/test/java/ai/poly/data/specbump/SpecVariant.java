package ai.poly.data.specbump;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A named modification of the bundled spec. The copy is built at test time from whatever
 * openapi/openapi.json holds, so a newly dropped-in vendor spec is checked with the same edits.
 */
final class SpecVariant {
  /** Changes a (private, modifiable) copy of the spec in place. */
  @FunctionalInterface
  interface Edit {
    void apply(Map<String, Object> spec);
  }

  private final String name;
  private final Edit edit;

  private SpecVariant(String name, Edit edit) {
    this.name = name;
    this.edit = edit;
  }

  /** A variant; {@code name} becomes a directory name under the work directory. */
  static SpecVariant of(String name, Edit edit) {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("Variant names are lower-case-dashed: " + name);
    }
    return new SpecVariant(name, edit);
  }

  /** The bundled spec passed through {@link SpecJson} without edits. */
  static SpecVariant unmodified() {
    return of("unmodified", spec -> {});
  }

  String name() {
    return name;
  }

  /** A deep copy of {@code bundled} with this variant's edit applied. */
  Map<String, Object> applyTo(Map<String, Object> bundled) {
    Map<String, Object> copy = SpecJson.deepCopy(bundled);
    edit.apply(copy);
    return copy;
  }

  /**
   * Writes the edited spec to {@code <workDir>/<name>/openapi.json} and generates the client from
   * it.
   */
  Generation generate(ProjectLayout layout, Map<String, Object> bundled) throws IOException {
    Path dir = layout.workDir().resolve(name);
    Path spec = dir.resolve("openapi.json");
    SpecJson.write(applyTo(bundled), spec);
    return Generation.run(layout, spec, dir.resolve("generated"));
  }

  @Override
  public String toString() {
    return name;
  }
}
