package org.musculo.model;

/**
 * Where a {@link Treatment} is given, ordered from home to emergency department.
 *
 * @since 0.1.0
 */
public enum CareSetting {
  /** At home, by the patient. */
  SELF_CARE,
  /** At a clinic, by a therapist (massage therapist, physiotherapist, chiropractor). */
  CLINIC,
  /** By a physician, including prescriptions and referrals. */
  PHYSICIAN,
  /** In an emergency department or by emergency services. */
  EMERGENCY;

  /**
   * Returns the lowest triage level at which this setting is the right place for care: clinic
   * and physician care are never less than a consultation, emergency care is an emergency.
   *
   * @return the matching triage level
   */
  public TriageLevel triageLevel() {
    switch (this) {
      case SELF_CARE:
        return TriageLevel.SELF_CARE;
      case EMERGENCY:
        return TriageLevel.EMERGENCY;
      default:
        return TriageLevel.CONSULTATION;
    }
  }
}
