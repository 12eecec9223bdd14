package org.musculo;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The next step of an interview: the questions worth asking, red-flag questions first, or the
 * reason the interview should stop.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInterviewStep.class)
@JsonDeserialize(as = ImmutableInterviewStep.class)
public abstract class InterviewStep {
  /** Why an interview stops. */
  public enum StopReason {
    /** The leading condition is clear enough and no red-flag question is open. */
    CONFIDENT,
    /** No remaining question is expected to change the picture enough. */
    NO_GAIN,
    /** The most questions an interview asks have been answered. */
    MAX_QUESTIONS
  }

  InterviewStep() {}

  /**
   * Returns the questions worth asking next, best first; red-flag questions come before any
   * other until they are answered. Empty when the interview should stop.
   *
   * @return the questions
   */
  public abstract List<Question> questions();

  /**
   * Returns why the interview should stop, if it should.
   *
   * @return the stop reason, or empty while questions remain worth asking
   */
  public abstract Optional<StopReason> stopReason();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InterviewStep}. */
  public static final class Builder extends ImmutableInterviewStep.Builder {
    Builder() {}
  }
}
