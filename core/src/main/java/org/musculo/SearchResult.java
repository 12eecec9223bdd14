package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What a symptom search made of a text: the findings it placed, present or absent, and the parts
 * it could not place.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSearchResult.class)
@JsonDeserialize(as = ImmutableSearchResult.class)
public abstract class SearchResult {
  SearchResult() {}

  /**
   * Returns the findings placed, in the order they appear in the text.
   *
   * @return the interpretations
   */
  public abstract List<Interpretation> interpretations();

  /**
   * Returns the parts of the text that matched no finding, in text order.
   *
   * @return the unrecognised spans
   */
  public abstract List<String> unrecognized();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SearchResult}. */
  public static final class Builder extends ImmutableSearchResult.Builder {
    Builder() {}
  }
}
