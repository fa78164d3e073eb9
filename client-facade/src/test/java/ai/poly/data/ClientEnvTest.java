package ai.poly.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ClientEnvTest {
  @Test
  void wireValuesAreTheOnesTheApiTakes() {
    assertEquals(
        List.of("sandbox", "pre-release", "live"),
        Arrays.stream(ClientEnv.values()).map(ClientEnv::wireValue).toList());
  }

  @Test
  void toStringIsTheConstantNameAsForTheOtherEnums() {
    assertEquals("PRE_RELEASE", ClientEnv.PRE_RELEASE.toString());
  }
}
