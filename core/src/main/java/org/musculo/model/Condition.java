package org.musculo.model;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Something diagnosable, with how common it is, how urgent it is when likely, how it shows, what
 * raises its risk, what causes it, and how it is prevented and treated.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCondition.class)
@JsonDeserialize(as = ImmutableCondition.class)
public abstract class Condition implements ContentEntry {
  Condition() {}

  /**
   * Returns the condition's plain name, such as {@code Nocturnal leg cramps}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns other names patients use for the condition, such as {@code wry neck}.
   *
   * @return the lay synonyms
   */
  public abstract List<String> synonyms();

  /**
   * Returns what the condition is, in words a patient understands.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * Returns the condition's codes (ICD-10-CM, SNOMED CT, ICD-11), only those confirmed in a
   * public code list.
   *
   * @return the codes
   */
  public abstract List<Code> codes();

  /**
   * Returns why a code is left out, where the condition has no ICD-10-CM code.
   *
   * @return the reason no code is given
   */
  public abstract Optional<String> codesNote();

  /**
   * Returns the prior probability of the condition among people who would use a symptom checker
   * for a musculoskeletal complaint, in (0, 1).
   *
   * @return the prevalence
   */
  public abstract double prevalence();

  /**
   * Returns whether the prevalence is sourced or a clinical estimate.
   *
   * @return the basis, {@link Basis#ESTIMATE} unless the content says otherwise
   */
  @Value.Default
  public Basis prevalenceBasis() {
    return Basis.ESTIMATE;
  }

  /**
   * Returns the triage level the condition needs when it is likely.
   *
   * @return the acuity
   */
  public abstract TriageLevel acuity();

  /**
   * Returns the posterior probability above which the condition's acuity applies even when it
   * is not the leading candidate; when absent, the engine uses a default that is lowest for
   * emergencies.
   *
   * @return the safety threshold, in (0, 1]
   */
  public abstract OptionalDouble safetyThreshold();

  /**
   * Returns the findings through which the condition shows, with their frequencies.
   *
   * @return the manifestations
   */
  public abstract List<Manifestation> manifestations();

  /**
   * Returns the findings and demographics that change the condition's prior.
   *
   * @return the risk factors
   */
  public abstract List<RiskFactor> riskFactors();

  /**
   * Returns the ids of the causes the condition can have.
   *
   * @return the cause ids
   */
  public abstract List<String> causes();

  /**
   * Returns the ids of the prevention measures for the condition.
   *
   * @return the prevention measure ids
   */
  public abstract List<String> prevention();

  /**
   * Returns the ids of the treatments for the condition.
   *
   * @return the treatment ids
   */
  public abstract List<String> treatments();

  /**
   * Returns where the facts about the condition come from; every condition cites at least one.
   *
   * @return the sources
   */
  public abstract List<Source> sources();

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
    Checks.slug("Condition", "id", id());
    Checks.notBlank("Condition", "name", name());
    Checks.notBlank("Condition", "synonyms", synonyms());
    Checks.notBlank("Condition", "description", description());
    codesNote().ifPresent(n -> Checks.notBlank("Condition", "codesNote", n));
    Checks.probability("Condition", "prevalence", prevalence(), false);
    if (prevalence() >= 1) {
      throw new InvalidValueException(
          "prevalence", "Condition.prevalence must be below 1 but was " + prevalence());
    }
    safetyThreshold().ifPresent(t -> Checks.probability("Condition", "safetyThreshold", t, false));
    Set<String> seen = new HashSet<>();
    for (Manifestation m : manifestations()) {
      if (!seen.add(m.finding())) {
        throw new InvalidValueException(
            "manifestations",
            "Condition '" + id() + "' lists finding '" + m.finding()
                + "' twice in manifestations; keep one");
      }
    }
    Checks.slugs("Condition", "causes", causes());
    Checks.slugs("Condition", "prevention", prevention());
    Checks.slugs("Condition", "treatments", treatments());
    overrides().ifPresent(m -> Checks.slug("Condition", "overrides", m));
  }

  /** Builds a {@link Condition}. */
  public static final class Builder extends ImmutableCondition.Builder {
    Builder() {}
  }
}
