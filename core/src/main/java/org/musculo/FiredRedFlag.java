package org.musculo;

import org.immutables.value.Value;
import org.musculo.model.TriageLevel;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A red flag that fired for a presentation.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFiredRedFlag.class)
@JsonDeserialize(as = ImmutableFiredRedFlag.class)
public abstract class FiredRedFlag {
  FiredRedFlag() {}

  /**
   * Returns the red flag's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns the red flag's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the level the red flag forces.
   *
   * @return the level
   */
  public abstract TriageLevel level();

  /**
   * Returns why it matters, in words a patient understands.
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FiredRedFlag}. */
  public static final class Builder extends ImmutableFiredRedFlag.Builder {
    Builder() {}
  }
}
