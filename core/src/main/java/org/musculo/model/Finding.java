package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Anything that can be reported about a patient and be present, absent or unknown: a symptom, a
 * sign, a pattern, a piece of history or an exposure.
 *
 * <p>Findings form an is-a hierarchy through {@link #parents()}: a calf cramp is a leg cramp,
 * which is a muscle cramp. A present finding also counts as present for its ancestors.
 *
 * <p>A compound finding may also be {@linkplain #derivedFrom() derived} from simpler ones reported
 * together: sudden new back pain from a sudden onset and back pain.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFinding.class)
@JsonDeserialize(as = ImmutableFinding.class)
public abstract class Finding implements ContentEntry {
  Finding() {}

  /**
   * Returns what sort of finding this is.
   *
   * @return the kind
   */
  public abstract FindingKind kind();

  /**
   * Returns the finding's plain name, such as {@code Calf cramp}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns words patients use for this finding, such as {@code charley horse}.
   *
   * @return the lay synonyms
   */
  public abstract List<String> synonyms();

  /**
   * Returns the yes-or-no question to ask a patient about this finding.
   *
   * @return the question
   */
  public abstract String question();

  /**
   * Returns the id of the body region the finding concerns, if it concerns one.
   *
   * @return the region id
   */
  public abstract Optional<String> region();

  /**
   * Returns the ids of the more general findings this one is a kind of.
   *
   * @return the parent finding ids
   */
  public abstract List<String> parents();

  /**
   * Returns the combinations of findings that make this one present when every finding of one
   * combination is present (a present descendant counts) and this one is not reported absent:
   * {@code [["sudden-onset", "back-pain"]]} derives sudden new back pain. Each combination names
   * at least two findings, none of them this one.
   *
   * @return the combinations, each a list of finding ids
   */
  public abstract List<List<String>> derivedFrom();

  /**
   * Returns the codes of this finding in clinical code systems.
   *
   * @return the codes
   */
  public abstract List<Code> codes();

  /**
   * Returns how often this finding is present in people without the condition being weighed,
   * when the content knows it; otherwise the knowledge base derives it from all conditions.
   *
   * @return the background frequency, in (0, 1)
   */
  public abstract OptionalDouble backgroundFrequency();

  @Override
  public abstract Optional<String> overrides();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Checks.slug("Finding", "id", id());
    Checks.notBlank("Finding", "name", name());
    Checks.notBlank("Finding", "synonyms", synonyms());
    Checks.notBlank("Finding", "question", question());
    region().ifPresent(r -> Checks.slug("Finding", "region", r));
    Checks.slugs("Finding", "parents", parents());
    if (parents().contains(id())) {
      throw new InvalidValueException(
          "parents", "Finding.parents of '" + id() + "' lists the finding itself; remove it");
    }
    for (List<String> parts : derivedFrom()) {
      Checks.slugs("Finding", "derivedFrom", parts);
      if (parts.size() < 2) {
        throw new InvalidValueException("derivedFrom", "Finding.derivedFrom of '" + id()
            + "' has a combination of " + parts.size() + " finding(s); name at least two, or use"
            + " parents or synonyms for one");
      }
      if (parts.contains(id())) {
        throw new InvalidValueException("derivedFrom", "Finding.derivedFrom of '" + id()
            + "' lists the finding itself; remove it");
      }
      if (Set.copyOf(parts).size() != parts.size()) {
        throw new InvalidValueException("derivedFrom", "Finding.derivedFrom of '" + id()
            + "' names a finding twice in one combination; remove the repeat");
      }
    }
    backgroundFrequency()
        .ifPresent(
            f -> {
              Checks.probability("Finding", "backgroundFrequency", f, false);
              if (f >= 1) {
                throw new InvalidValueException(
                    "backgroundFrequency",
                    "Finding.backgroundFrequency must be below 1 but was " + f);
              }
            });
    overrides().ifPresent(m -> Checks.slug("Finding", "overrides", m));
  }

  /** Builds a {@link Finding}. */
  public static final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }
}
