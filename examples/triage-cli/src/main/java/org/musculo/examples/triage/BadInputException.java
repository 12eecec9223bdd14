package org.musculo.examples.triage;

/**
 * Bad case input: not JSON, not an object, an unknown key, a value of the wrong type or out of
 * range.
 *
 * <p>The message names the field (and where the JSON itself is broken, the line and column) but
 * never repeats a value from the input: a case holds patient data.
 */
final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field at fault, such as {@code age} or {@code present[2]}; empty for the
   *     case as a whole
   * @param message what is wrong and how to mend it, without any input value
   */
  BadInputException(String field, String message) {
    super(field.isEmpty() ? message : field + ": " + message);
    this.field = field;
  }

  /** Returns the field at fault, or an empty string for the case as a whole. */
  String field() {
    return field;
  }
}
