package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Advice that lowers the chance of a condition or a cause, such as warming up before exercise.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePreventionMeasure.class)
@JsonDeserialize(as = ImmutablePreventionMeasure.class)
public abstract class PreventionMeasure implements ContentEntry {
  PreventionMeasure() {}

  /**
   * Returns the measure's short name, such as {@code Warm up and stretch}.
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
   * Returns where the advice comes from.
   *
   * @return the sources
   */
  public abstract List<Source> sources();

  @Override
  public abstract Optional<String> overrides();

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
    Checks.slug("PreventionMeasure", "id", id());
    Checks.notBlank("PreventionMeasure", "name", name());
    Checks.notBlank("PreventionMeasure", "advice", advice());
    overrides().ifPresent(m -> Checks.slug("PreventionMeasure", "overrides", m));
  }

  /** Builds a {@link PreventionMeasure}. */
  public static final class Builder extends ImmutablePreventionMeasure.Builder {
    Builder() {}
  }
}
