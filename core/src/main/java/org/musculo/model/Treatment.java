package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A care option: where it is given, what kind of care it is, when it fits and when it must not
 * be offered.
 *
 * <p>A treatment is never recommended while one of its {@link #contraindications()} is present
 * or one of its {@link #contraindicatedRedFlags()} fires.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTreatment.class)
@JsonDeserialize(as = ImmutableTreatment.class)
public abstract class Treatment implements ContentEntry {
  Treatment() {}

  /**
   * Returns the treatment's name, such as {@code Massage therapy}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns what the treatment is and does, in words a patient understands.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * Returns where the treatment is given.
   *
   * @return the setting
   */
  public abstract CareSetting setting();

  /**
   * Returns the kind of care as a slug, such as {@code stretching}, {@code massage-therapy} or
   * {@code medication-review}; integrators may add their own.
   *
   * @return the modality
   */
  public abstract String modality();

  /**
   * Returns the ids of findings that make this treatment a good fit.
   *
   * @return the indicating finding ids
   */
  public abstract List<String> indications();

  /**
   * Returns the ids of findings whose presence rules this treatment out.
   *
   * @return the contraindicating finding ids
   */
  public abstract List<String> contraindications();

  /**
   * Returns the ids of red flags whose firing rules this treatment out.
   *
   * @return the contraindicating red flag ids
   */
  public abstract List<String> contraindicatedRedFlags();

  /**
   * Returns the ways a clinic offers this treatment, such as online or in person.
   *
   * @return the channels, empty when not a clinic service
   */
  public abstract List<Channel> channels();

  /**
   * Returns where the facts about the treatment come from.
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
    Checks.slug("Treatment", "id", id());
    Checks.notBlank("Treatment", "name", name());
    Checks.notBlank("Treatment", "description", description());
    Checks.slug("Treatment", "modality", modality());
    Checks.slugs("Treatment", "indications", indications());
    Checks.slugs("Treatment", "contraindications", contraindications());
    Checks.slugs("Treatment", "contraindicatedRedFlags", contraindicatedRedFlags());
    overrides().ifPresent(m -> Checks.slug("Treatment", "overrides", m));
  }

  /** Builds a {@link Treatment}. */
  public static final class Builder extends ImmutableTreatment.Builder {
    Builder() {}
  }
}
