package org.musculo.model;

/**
 * What sort of thing a {@link Finding} reports about a patient.
 *
 * @since 0.1.0
 */
public enum FindingKind {
  /** Something the patient feels, such as a calf cramp. */
  SYMPTOM,
  /** Something that can be seen or measured, such as calf swelling. */
  SIGN,
  /** When or how a complaint occurs, such as at night or during exercise. */
  PATTERN,
  /** Past or current medical history, such as diabetes or a cancer diagnosis. */
  HISTORY,
  /** An exposure or habit, such as taking a statin or exercising in heat. */
  EXPOSURE
}
