package org.musculo;

/**
 * Thrown when a presentation cannot be assessed: an impossible age, pregnancy for a male, a
 * finding both present and absent, or an unknown finding id or code.
 *
 * <p>The message names the field and how to mend it. It never repeats free text a patient typed
 * or values such as the age.
 *
 * @since 0.1.0
 */
public final class PresentationException extends MusculoException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field at fault, such as {@code age} or {@code present[2]}
   * @param message what is wrong and how to mend it
   */
  public PresentationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /**
   * Returns the field at fault, such as {@code age} or {@code present[2]}.
   *
   * @return the field
   */
  public String field() {
    return field;
  }
}
