package org.musculo.model;

import org.musculo.MusculoException;

/**
 * Thrown when a model value is built with an attribute that breaks its invariant, such as a
 * frequency outside (0, 1] or an id that is not a lower-case slug.
 *
 * <p>The message names the value type, the attribute and the bad value.
 *
 * @since 0.1.0
 */
public final class InvalidValueException extends MusculoException {
  private static final long serialVersionUID = 1L;

  private final String attribute;

  /**
   * Creates the exception.
   *
   * @param attribute the attribute that holds the bad value
   * @param message what is wrong and how to mend it
   */
  public InvalidValueException(String attribute, String message) {
    super(message);
    this.attribute = attribute;
  }

  /**
   * Returns the name of the attribute that holds the bad value, as it is spelled in JSON.
   *
   * @return the attribute name
   */
  public String attribute() {
    return attribute;
  }
}
