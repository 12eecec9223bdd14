package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import org.musculo.model.Code;
import org.musculo.model.TriageLevel;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A candidate condition with its posterior probability and the explanation of how it got there.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRankedCondition.class)
@JsonDeserialize(as = ImmutableRankedCondition.class)
public abstract class RankedCondition {
  RankedCondition() {}

  /**
   * Returns the condition's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns the condition's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the posterior probability, normalised over all conditions and the something-else
   * remainder.
   *
   * @return the probability
   */
  public abstract double probability();

  /**
   * Returns the triage level the condition needs when likely.
   *
   * @return the acuity
   */
  public abstract TriageLevel acuity();

  /**
   * Returns the condition's codes.
   *
   * @return the codes
   */
  public abstract List<Code> codes();

  /**
   * Returns the ids of the red flags that fired and point to this condition, in id order. A
   * condition with any is one to rule out first: it is listed before every condition without,
   * whatever its probability (see {@link Assessment#conditions()}).
   *
   * @return the red flag ids, empty for most conditions
   */
  public abstract List<String> redFlags();

  /**
   * Returns how the prior and each finding moved the condition.
   *
   * @return the explanation
   */
  public abstract Explanation explanation();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RankedCondition}. */
  public static final class Builder extends ImmutableRankedCondition.Builder {
    Builder() {}
  }
}
