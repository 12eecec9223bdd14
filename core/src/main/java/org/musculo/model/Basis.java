package org.musculo.model;

/**
 * Where a number in the content comes from: a cited source or a clinical estimate.
 *
 * <p>Content that does not say is treated as an estimate, so that no figure passes for sourced
 * by accident.
 *
 * @since 0.1.0
 */
public enum Basis {
  /** The figure is taken from one of the entry's sources. */
  SOURCED,
  /** The figure is a clinical estimate made by the content's authors. */
  ESTIMATE
}
