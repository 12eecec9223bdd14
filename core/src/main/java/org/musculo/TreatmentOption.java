package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import org.musculo.model.CareSetting;
import org.musculo.model.Channel;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A treatment offered by an assessment: it fits the triage level and nothing present rules it
 * out.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTreatmentOption.class)
@JsonDeserialize(as = ImmutableTreatmentOption.class)
public abstract class TreatmentOption {
  TreatmentOption() {}

  /**
   * Returns the treatment's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns the treatment's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns what the treatment is, in words a patient understands.
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
   * Returns the kind of care.
   *
   * @return the modality
   */
  public abstract String modality();

  /**
   * Returns how a clinic offers it, if it is a clinic service.
   *
   * @return the channels
   */
  public abstract List<Channel> channels();

  /**
   * Returns ids of the ranked conditions the treatment is offered for.
   *
   * @return the condition ids
   */
  public abstract List<String> forConditions();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TreatmentOption}. */
  public static final class Builder extends ImmutableTreatmentOption.Builder {
    Builder() {}
  }
}
