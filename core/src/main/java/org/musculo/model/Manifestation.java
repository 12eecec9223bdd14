package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A finding as it shows in a condition, with how often it is present in people who have the
 * condition.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableManifestation.class)
@JsonDeserialize(as = ImmutableManifestation.class)
public abstract class Manifestation {
  Manifestation() {}

  /**
   * Returns the id of the finding.
   *
   * @return the finding id
   */
  public abstract String finding();

  /**
   * Returns P(finding | condition): how often the finding is present in the condition, in
   * (0, 1). A frequency of 1 would make the condition impossible whenever the finding is absent,
   * so content keeps it below 1.
   *
   * @return the frequency
   */
  public abstract double frequency();

  /**
   * Returns whether the frequency is sourced or a clinical estimate.
   *
   * @return the basis, {@link Basis#ESTIMATE} unless the content says otherwise
   */
  @Value.Default
  public Basis basis() {
    return Basis.ESTIMATE;
  }

  /**
   * Creates a manifestation whose frequency is a clinical estimate.
   *
   * @param finding the finding id
   * @param frequency how often the finding is present in the condition
   * @return the manifestation
   * @throws InvalidValueException if the id is not a slug or the frequency is out of range
   */
  public static Manifestation of(String finding, double frequency) {
    return builder().finding(finding).frequency(frequency).build();
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
    Checks.slug("Manifestation", "finding", finding());
    Checks.probability("Manifestation", "frequency", frequency(), false);
    if (frequency() >= 1) {
      throw new InvalidValueException(
          "frequency",
          "Manifestation.frequency of '" + finding() + "' must be below 1 (use 0.99 for"
              + " 'almost always') but was " + frequency());
    }
  }

  /** Builds a {@link Manifestation}. */
  public static final class Builder extends ImmutableManifestation.Builder {
    Builder() {}
  }
}
