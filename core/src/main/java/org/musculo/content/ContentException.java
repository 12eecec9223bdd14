package org.musculo.content;

import java.util.List;
import java.util.stream.Collectors;
import org.musculo.MusculoException;

/**
 * Thrown when content cannot be compiled into a knowledge base; it lists every problem found,
 * each with module, file, JSON pointer and how to mend it.
 *
 * @since 0.1.0
 */
public final class ContentException extends MusculoException {
  private static final long serialVersionUID = 1L;

  private final transient List<ContentProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems found, at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ContentException(List<ContentProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns every problem found.
   *
   * @return the problems, in the order they were found
   */
  public List<ContentProblem> problems() {
    return problems;
  }

  private static String describe(List<ContentProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ContentException needs at least one problem");
    }
    return problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + " in content:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
