package org.musculo.model;

/**
 * The family a {@link Cause} belongs to.
 *
 * @since 0.1.0
 */
public enum CauseKind {
  /** Habits such as alcohol use. */
  LIFESTYLE,
  /** Surroundings such as heat. */
  ENVIRONMENT,
  /** A medicine or its side effect. */
  MEDICATION,
  /** An illness such as kidney disease or diabetes. */
  DISEASE,
  /** Diet and body chemistry, such as low magnesium or dehydration. */
  NUTRITION,
  /** Physical activity, such as overuse, repetition or an unfamiliar movement. */
  ACTIVITY
}
