package org.musculo.model;

/**
 * A way a clinic offers a consultation or treatment.
 *
 * @since 0.1.0
 */
public enum Channel {
  /** By video or online form. */
  ONLINE,
  /** By telephone. */
  PHONE,
  /** Face to face. */
  IN_PERSON
}
