package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Why a condition is ranked where it is: its prior, the risk factors and findings that moved it
 * (each with its natural-log likelihood or odds ratio), and the expected findings that were not
 * reported.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExplanation.class)
@JsonDeserialize(as = ImmutableExplanation.class)
public abstract class Explanation {
  Explanation() {}

  /**
   * Returns the condition's prior probability from the content, before risk factors.
   *
   * @return the prior
   */
  public abstract double prior();

  /**
   * Returns the risk factors that applied, each with its log odds ratio.
   *
   * @return the risk factor contributions
   */
  public abstract List<Contribution> riskFactors();

  /**
   * Returns the reported findings that moved the condition, each with its log likelihood
   * ratio.
   *
   * @return the finding contributions
   */
  public abstract List<Contribution> findings();

  /**
   * Returns ids of findings common in the condition (present in at least half of cases) that
   * the patient has not reported either way.
   *
   * @return the expected findings not reported
   */
  public abstract List<String> notReported();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Explanation}. */
  public static final class Builder extends ImmutableExplanation.Builder {
    Builder() {}
  }
}
