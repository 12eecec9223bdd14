package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An etiologic factor a condition can have, such as dehydration, heat, a medicine's side effect
 * or narrowed arteries, with the findings that point to it.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCause.class)
@JsonDeserialize(as = ImmutableCause.class)
public abstract class Cause implements ContentEntry {
  Cause() {}

  /**
   * Returns the cause's name, such as {@code Dehydration}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the family the cause belongs to.
   *
   * @return the kind
   */
  public abstract CauseKind kind();

  /**
   * Returns what the cause is and how it leads to symptoms, in words a patient understands.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * Returns the ids of findings that point to this cause, such as {@code takes-statin}.
   *
   * @return the indicator finding ids
   */
  public abstract List<String> indicators();

  /**
   * Returns the id of the condition this cause is in its own right, such as {@code
   * restless-legs-syndrome}.
   *
   * @return the condition id, if the cause is a condition
   */
  public abstract Optional<String> condition();

  /**
   * Returns the ids of prevention measures that address this cause.
   *
   * @return the prevention measure ids
   */
  public abstract List<String> prevention();

  /**
   * Returns where the facts about the cause come from.
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
    Checks.slug("Cause", "id", id());
    Checks.notBlank("Cause", "name", name());
    Checks.notBlank("Cause", "description", description());
    Checks.slugs("Cause", "indicators", indicators());
    condition().ifPresent(c -> Checks.slug("Cause", "condition", c));
    Checks.slugs("Cause", "prevention", prevention());
    overrides().ifPresent(m -> Checks.slug("Cause", "overrides", m));
  }

  /** Builds a {@link Cause}. */
  public static final class Builder extends ImmutableCause.Builder {
    Builder() {}
  }
}
