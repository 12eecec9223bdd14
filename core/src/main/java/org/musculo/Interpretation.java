package org.musculo;

import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How one phrase of a patient's free text was read: the finding it was placed on, present or
 * absent, and how confident the match is.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInterpretation.class)
@JsonDeserialize(as = ImmutableInterpretation.class)
public abstract class Interpretation {
  Interpretation() {}

  /**
   * Returns the phrase, as the patient typed it.
   *
   * @return the phrase
   */
  public abstract String text();

  /**
   * Returns the id of the finding it was placed on.
   *
   * @return the finding id
   */
  public abstract String findingId();

  /**
   * Returns the finding's name.
   *
   * @return the finding name
   */
  public abstract String name();

  /**
   * Returns the offset of the phrase's first character in the text it came from.
   *
   * @return the start offset
   */
  public abstract int start();

  /**
   * Returns the offset after the phrase's last character in the text it came from.
   *
   * @return the end offset
   */
  public abstract int end();

  /**
   * Returns whether the phrase says the finding is present (true) or absent (false).
   *
   * @return whether present
   */
  public abstract boolean present();

  /**
   * Returns how confident the match is, from 0 to 1.
   *
   * @return the confidence
   */
  public abstract double confidence();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Interpretation}. */
  public static final class Builder extends ImmutableInterpretation.Builder {
    Builder() {}
  }
}
