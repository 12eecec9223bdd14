package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import org.musculo.model.CauseKind;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A cause the findings support, with the findings that point to it.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLikelyCause.class)
@JsonDeserialize(as = ImmutableLikelyCause.class)
public abstract class LikelyCause {
  LikelyCause() {}

  /**
   * Returns the cause's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * Returns the cause's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the cause's family.
   *
   * @return the kind
   */
  public abstract CauseKind kind();

  /**
   * Returns how strongly the findings and the likely conditions support the cause, from 0 to
   * 1.
   *
   * @return the score
   */
  public abstract double score();

  /**
   * Returns ids of the present findings that point to the cause.
   *
   * @return the indicating findings
   */
  public abstract List<String> indicators();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LikelyCause}. */
  public static final class Builder extends ImmutableLikelyCause.Builder {
    Builder() {}
  }
}
