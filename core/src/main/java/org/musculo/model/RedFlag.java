package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A rule over findings and demographics that, when it fires, forces at least a triage level and
 * tells the patient why.
 *
 * <p>The rule fires when every finding in {@link #allOf()} is present, at least one of {@link
 * #anyOf()} is present (if any are listed), and the patient belongs to the {@link
 * #demographic()} (if one is given). {@link #noneOf()} hands the flag over to a stronger one: a
 * present none-of finding silences the flag only while another firing red flag forces at least
 * the same level, so that adding a finding can never lower the level a red flag set.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRedFlag.class)
@JsonDeserialize(as = ImmutableRedFlag.class)
public abstract class RedFlag implements ContentEntry {
  RedFlag() {}

  /**
   * Returns the red flag's short name, such as {@code Signs of a blood clot in the leg}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the ids of findings that must all be present.
   *
   * @return the all-of finding ids
   */
  public abstract List<String> allOf();

  /**
   * Returns the ids of findings of which at least one must be present, if any are listed.
   *
   * @return the any-of finding ids
   */
  public abstract List<String> anyOf();

  /**
   * Returns the ids of findings that hand this flag over to a stronger one when present.
   *
   * @return the none-of finding ids
   */
  public abstract List<String> noneOf();

  /**
   * Returns the group of patients the rule applies to, if it is limited to one.
   *
   * @return the demographic
   */
  public abstract Optional<Demographic> demographic();

  /**
   * Returns the triage level the red flag forces at least; never {@link TriageLevel#SELF_CARE}.
   *
   * @return the level
   */
  public abstract TriageLevel level();

  /**
   * Returns why the red flag matters, in words a patient understands.
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * Returns the id of the condition the red flag points to, if it points to one.
   *
   * @return the condition id
   */
  public abstract Optional<String> condition();

  /**
   * Returns where the rule comes from; every red flag cites at least one source.
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
    Checks.slug("RedFlag", "id", id());
    Checks.notBlank("RedFlag", "name", name());
    Checks.notBlank("RedFlag", "reason", reason());
    Checks.slugs("RedFlag", "allOf", allOf());
    Checks.slugs("RedFlag", "anyOf", anyOf());
    Checks.slugs("RedFlag", "noneOf", noneOf());
    if (allOf().isEmpty() && anyOf().isEmpty()) {
      throw new InvalidValueException(
          "allOf",
          "RedFlag '" + id() + "' must list at least one finding in 'allOf' or 'anyOf'");
    }
    if (level() == TriageLevel.SELF_CARE) {
      throw new InvalidValueException(
          "level",
          "RedFlag '" + id() + "' must force CONSULTATION, URGENT or EMERGENCY, not SELF_CARE");
    }
    condition().ifPresent(c -> Checks.slug("RedFlag", "condition", c));
    overrides().ifPresent(m -> Checks.slug("RedFlag", "overrides", m));
  }

  /** Builds a {@link RedFlag}. */
  public static final class Builder extends ImmutableRedFlag.Builder {
    Builder() {}
  }
}
