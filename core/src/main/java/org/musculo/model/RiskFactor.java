package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A finding or a demographic that changes how likely a condition is before any symptom is
 * weighed.
 *
 * <p>Exactly one of {@link #finding()} and {@link #demographic()} is given. The {@link
 * #oddsRatio()} multiplies the condition's prior odds when the factor applies: above 1 raises
 * it, below 1 lowers it.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRiskFactor.class)
@JsonDeserialize(as = ImmutableRiskFactor.class)
public abstract class RiskFactor {
  RiskFactor() {}

  /**
   * Returns the id of the finding that is the risk factor, such as {@code takes-statin}.
   *
   * @return the finding id, or empty for a demographic factor
   */
  public abstract Optional<String> finding();

  /**
   * Returns the group of patients at changed risk, such as people aged 65 or over.
   *
   * @return the demographic, or empty for a finding factor
   */
  public abstract Optional<Demographic> demographic();

  /**
   * Returns how strongly the factor moves the odds: a positive odds ratio from 0.05 to 50.
   *
   * @return the odds ratio
   */
  public abstract double oddsRatio();

  /**
   * Returns whether the odds ratio is sourced or a clinical estimate.
   *
   * @return the basis, {@link Basis#ESTIMATE} unless the content says otherwise
   */
  @Value.Default
  public Basis basis() {
    return Basis.ESTIMATE;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (finding().isPresent() == demographic().isPresent()) {
      throw new InvalidValueException(
          "finding",
          "RiskFactor must give exactly one of 'finding' and 'demographic' but gave "
              + (finding().isPresent() ? "both" : "neither"));
    }
    finding().ifPresent(f -> Checks.slug("RiskFactor", "finding", f));
    if (!(oddsRatio() >= 0.05 && oddsRatio() <= 50)) {
      throw new InvalidValueException(
          "oddsRatio", "RiskFactor.oddsRatio must be from 0.05 to 50 but was " + oddsRatio());
    }
  }

  /** Builds a {@link RiskFactor}. */
  public static final class Builder extends ImmutableRiskFactor.Builder {
    Builder() {}
  }
}
