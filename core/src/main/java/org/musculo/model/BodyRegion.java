package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A part of the body in a hierarchy (calf is part of lower leg, which is part of lower limb), so
 * that a complaint reported for the calf matches a condition described for the lower leg.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBodyRegion.class)
@JsonDeserialize(as = ImmutableBodyRegion.class)
public abstract class BodyRegion implements ContentEntry {
  BodyRegion() {}

  /**
   * Returns the region's name, such as {@code Calf}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns words patients use for this region, such as {@code calves} or {@code lower back}.
   *
   * @return the lay synonyms
   */
  public abstract List<String> synonyms();

  /**
   * Returns the ids of the regions this one is part of.
   *
   * @return the parent region ids
   */
  public abstract List<String> parents();

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
    Checks.slug("BodyRegion", "id", id());
    Checks.notBlank("BodyRegion", "name", name());
    Checks.notBlank("BodyRegion", "synonyms", synonyms());
    Checks.slugs("BodyRegion", "parents", parents());
    overrides().ifPresent(m -> Checks.slug("BodyRegion", "overrides", m));
  }

  /** Builds a {@link BodyRegion}. */
  public static final class Builder extends ImmutableBodyRegion.Builder {
    Builder() {}
  }
}
