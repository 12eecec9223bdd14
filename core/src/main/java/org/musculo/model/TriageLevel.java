package org.musculo.model;

/**
 * How urgently a patient should seek care, ordered from least to most urgent.
 *
 * @since 0.1.0
 */
public enum TriageLevel {
  /** Self-care at home is reasonable; no visit is needed unless things change. */
  SELF_CARE,
  /** Book a routine visit with a clinician. */
  CONSULTATION,
  /** See a doctor the same day. */
  URGENT,
  /** Call emergency services or go to an emergency department now. */
  EMERGENCY;

  /**
   * Returns the more urgent of this level and {@code other}.
   *
   * @param other the level to compare with
   * @return the more urgent level
   */
  public TriageLevel max(TriageLevel other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /**
   * Tells whether this level is at least as urgent as {@code other}.
   *
   * @param other the level to compare with
   * @return {@code true} if this level is {@code other} or more urgent
   */
  public boolean isAtLeast(TriageLevel other) {
    return compareTo(other) >= 0;
  }
}
