package org.musculo.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sex as recorded for clinical risk: it moves priors and the rules of some red flags.
 *
 * @since 0.1.0
 */
public enum Sex {
  /** Female. */
  @JsonProperty("female")
  FEMALE,
  /** Male. */
  @JsonProperty("male")
  MALE
}
