package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  @Test
  void versionIsTheMavenProjectVersion() {
    String version = System.getProperty("polyai.version");
    assertNotNull(version, "surefire passes polyai.version");
    assertEquals(version, BuildInfo.VERSION);
    assertEquals("polyai-data-java/" + version, BuildInfo.USER_AGENT);
  }

  @Test
  void specVersionIsTheBundledSpecsVersion() throws Exception {
    String spec = Files.readString(TestFixtures.repositoryRoot().resolve("openapi/openapi.json"));
    Map<?, ?> info = (Map<?, ?>) ((Map<?, ?>) JsonValues.parse(spec)).get("info");
    assertEquals(info.get("version"), BuildInfo.SPEC_VERSION);
  }
}
