package org.musculo.content;

import java.util.Objects;

/**
 * One problem found in content: where it is (module, file, JSON pointer) and how to mend it.
 *
 * @param module the id of the content module, or {@code "?"} before the module's id is known
 * @param file the document's name within the module
 * @param pointer an RFC 6901 JSON pointer to the offending value ({@code ""} for the whole
 *     document)
 * @param message what is wrong and how to mend it
 * @since 0.1.0
 */
public record ContentProblem(String module, String file, String pointer, String message) {
  /** Checks that no component is null. */
  public ContentProblem {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** Returns the problem as one line: {@code module/file#pointer: message}. */
  @Override
  public String toString() {
    return module + "/" + file + "#" + pointer + ": " + message;
  }
}
