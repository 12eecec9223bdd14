package org.musculo;

import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A question worth asking the patient next, about one finding.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableQuestion.class)
@JsonDeserialize(as = ImmutableQuestion.class)
public abstract class Question {
  Question() {}

  /**
   * Returns the id of the finding the question asks about.
   *
   * @return the finding id
   */
  public abstract String findingId();

  /**
   * Returns the question in words a patient understands.
   *
   * @return the question
   */
  public abstract String text();

  /**
   * Returns whether the answer could fire a red flag.
   *
   * @return whether a red-flag question
   */
  public abstract boolean redFlag();

  /**
   * Returns the expected information gain in bits over the current posterior.
   *
   * @return the expected gain
   */
  public abstract double informationGain();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Question}. */
  public static final class Builder extends ImmutableQuestion.Builder {
    Builder() {}
  }
}
