package ai.poly.data.specbump;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A named modification of the bundled spec: a JSON Patch kept as a test resource, {@code
 * spec-variants/<name>.json}, applied at test time to whatever openapi/openapi.json holds. A new
 * vendor spec is therefore dropped in as one file and checked with the same variants; a patch that
 * no longer applies fails naming the operation (see {@link SpecPatch}).
 */
final class SpecVariant {
  /**
   * (a) An optional {@code sentiment} on the conversation detail, and a new schema with an enum.
   */
  static final String EXTRA_PROPERTY_AND_SCHEMA = "extra-property-and-schema";

  /** (b) Every error response typed as a new {@code Error} schema: the PolyAI error envelope. */
  static final String ERROR_SCHEMA = "error-schema";

  /**
   * (c) {@code turns} items typed as a {@code ConversationTurn} object with the documented keys.
   */
  static final String TYPED_TURNS = "typed-turns";

  /** Every variant the facade is compiled and tested against. */
  static final List<String> ALL = List.of(EXTRA_PROPERTY_AND_SCHEMA, ERROR_SCHEMA, TYPED_TURNS);

  private final String name;
  private final SpecPatch patch;

  private SpecVariant(String name, SpecPatch patch) {
    this.name = name;
    this.patch = patch;
  }

  /** The variant in test resource {@code spec-variants/<name>.json}. */
  static SpecVariant load(String name) throws IOException {
    String resource = "spec-variants/" + name + ".json";
    URL url = SpecVariant.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("No test resource " + resource);
    }
    Path file;
    try {
      file = Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return new SpecVariant(name, SpecPatch.of(resource, SpecJson.readValue(file)));
  }

  /** The bundled spec passed through {@link SpecJson} without edits. */
  static SpecVariant unmodified() {
    return new SpecVariant("unmodified", SpecPatch.empty());
  }

  String name() {
    return name;
  }

  /** A deep copy of {@code bundled} with this variant's patch applied. */
  Map<String, Object> applyTo(Map<String, Object> bundled) {
    Map<String, Object> copy = SpecJson.deepCopy(bundled);
    patch.applyTo(copy);
    return copy;
  }

  /**
   * Writes the patched spec to {@code <workDir>/<name>/openapi.json} and generates the client from
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
