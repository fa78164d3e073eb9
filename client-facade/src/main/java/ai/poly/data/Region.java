package ai.poly.data;

import java.util.Locale;

/** The PolyAI regions that serve the Data API. An API key works only in its own region. */
public enum Region {
  /** United States: {@code https://api.us.poly.ai/}. The default. */
  US("https://api.us.poly.ai/"),
  /** European Union: {@code https://api.eu.poly.ai/}. */
  EU("https://api.eu.poly.ai/"),
  /** United Kingdom: {@code https://api.uk.poly.ai/}. */
  UK("https://api.uk.poly.ai/"),
  /** Agent Studio: {@code https://api.studio.poly.ai/}. */
  STUDIO("https://api.studio.poly.ai/");

  private final String baseUrl;

  Region(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@return the region's API base URL, ending in a slash} */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The region named {@code name}: {@code us}, {@code eu}, {@code uk} or {@code studio}, in any
   * case.
   *
   * @param name the region's name
   * @return the region
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static Region of(String name) {
    if (name == null) {
      throw new NullPointerException("name == null");
    }
    for (Region region : values()) {
      if (region.name().equalsIgnoreCase(name.trim())) {
        return region;
      }
    }
    throw new IllegalArgumentException(
        "unknown region '" + name + "': expected one of us, eu, uk, studio");
  }

  /** The region's name in lower case, as {@link #of} accepts it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
