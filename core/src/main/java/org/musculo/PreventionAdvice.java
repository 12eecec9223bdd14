package org.musculo;

import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A prevention measure recommended by an assessment.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePreventionAdvice.class)
@JsonDeserialize(as = ImmutablePreventionAdvice.class)
public abstract class PreventionAdvice {
  PreventionAdvice() {}

  /**
   * Returns the measure's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns the measure's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the advice in words a patient understands.
   *
   * @return the advice
   */
  public abstract String advice();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PreventionAdvice}. */
  public static final class Builder extends ImmutablePreventionAdvice.Builder {
    Builder() {}
  }
}
