package org.musculo;

/**
 * Base class of every exception Musculo throws on purpose.
 *
 * <p>Messages say what is wrong, where, and how to mend it. They never carry patient data:
 * no free text a patient typed, no age or other value taken from a presentation.
 *
 * @since 0.1.0
 */
public class MusculoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with the given message.
   *
   * @param message what is wrong and how to mend it
   */
  public MusculoException(String message) {
    super(message);
  }

  /**
   * Creates an exception with the given message and cause.
   *
   * @param message what is wrong and how to mend it
   * @param cause the underlying failure
   */
  public MusculoException(String message, Throwable cause) {
    super(message, cause);
  }
}
