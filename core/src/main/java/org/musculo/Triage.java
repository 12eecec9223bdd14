package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import org.musculo.model.TriageLevel;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How urgently to seek care, why, and what to do now.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTriage.class)
@JsonDeserialize(as = ImmutableTriage.class)
public abstract class Triage {
  Triage() {}

  /**
   * Returns the triage level: the highest of every fired red flag, every condition above its
   * safety threshold, and the leading condition.
   *
   * @return the level
   */
  public abstract TriageLevel level();

  /**
   * Returns why the level was chosen, in words a patient understands.
   *
   * @return the reasons
   */
  public abstract List<String> reasons();

  /**
   * Returns the red flags that fired.
   *
   * @return the fired red flags
   */
  public abstract List<FiredRedFlag> redFlags();

  /**
   * Returns what to do now.
   *
   * @return the advice
   */
  public abstract String advice();

  /**
   * Returns when to seek help if things change.
   *
   * @return the safety-net advice
   */
  public abstract String safetyNet();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Triage}. */
  public static final class Builder extends ImmutableTriage.Builder {
    Builder() {}
  }
}
