package org.musculo;

import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One piece of evidence and how much it moved a condition: the natural log of its likelihood
 * ratio (for a finding) or odds ratio (for a risk factor). Positive values raise the condition,
 * negative values lower it.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContribution.class)
@JsonDeserialize(as = ImmutableContribution.class)
public abstract class Contribution {
  Contribution() {}

  /**
   * Returns the id of the reported finding, or of the risk factor's finding; {@code
   * demographic} for an age, sex or pregnancy factor.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns a readable name of the evidence.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns whether the finding was reported present (true) or absent (false); true for risk
   * factors.
   *
   * @return whether present
   */
  public abstract boolean present();

  /**
   * Returns the id of the condition's own finding that the evidence matched, when it differs
   * from {@link #id()} (a more general finding, or one of a larger body region).
   *
   * @return the matched finding id
   */
  public abstract Optional<String> matched();

  /**
   * Returns the natural log of the likelihood or odds ratio.
   *
   * @return the log ratio
   */
  public abstract double logRatio();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Contribution}. */
  public static final class Builder extends ImmutableContribution.Builder {
    Builder() {}
  }
}
