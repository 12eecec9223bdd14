package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A group of patients described by age bounds, sex and pregnancy; every attribute left out
 * matches everyone.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDemographic.class)
@JsonDeserialize(as = ImmutableDemographic.class)
public abstract class Demographic {
  Demographic() {}

  /**
   * Returns the lowest age in years that belongs to the group, inclusive.
   *
   * @return the minimum age
   */
  public abstract OptionalInt minAge();

  /**
   * Returns the highest age in years that belongs to the group, inclusive.
   *
   * @return the maximum age
   */
  public abstract OptionalInt maxAge();

  /**
   * Returns the sex of the group.
   *
   * @return the sex
   */
  public abstract Optional<Sex> sex();

  /**
   * Returns whether the group is pregnant (or is not).
   *
   * @return the pregnancy state
   */
  public abstract Optional<Boolean> pregnant();

  /**
   * Tells whether a patient belongs to the group; an unknown age or sex does not match a bound
   * on it.
   *
   * @param age the patient's age in years, if known
   * @param sex the patient's sex, if known
   * @param pregnant whether the patient is pregnant
   * @return {@code true} if the patient belongs to the group
   */
  public boolean matches(OptionalInt age, Optional<Sex> sex, boolean pregnant) {
    if (minAge().isPresent() && (age.isEmpty() || age.getAsInt() < minAge().getAsInt())) {
      return false;
    }
    if (maxAge().isPresent() && (age.isEmpty() || age.getAsInt() > maxAge().getAsInt())) {
      return false;
    }
    if (sex().isPresent() && !sex().equals(sex)) {
      return false;
    }
    return pregnant().isEmpty() || pregnant().get() == pregnant;
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
    Checks.ageBounds("Demographic", minAge(), maxAge());
    if (minAge().isEmpty() && maxAge().isEmpty() && sex().isEmpty() && pregnant().isEmpty()) {
      throw new InvalidValueException(
          "minAge",
          "Demographic must bound at least one of minAge, maxAge, sex or pregnant; an empty"
              + " demographic matches everyone");
    }
    if (pregnant().orElse(false) && sex().filter(s -> s == Sex.MALE).isPresent()) {
      throw new InvalidValueException(
          "pregnant", "Demographic cannot be both pregnant and male; drop one of them");
    }
  }

  /** Builds a {@link Demographic}. */
  public static final class Builder extends ImmutableDemographic.Builder {
    Builder() {}
  }
}
