package org.musculo;

import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The result of assessing a presentation: triage advice, ranked conditions with explanations,
 * likely causes, prevention, treatments, and where the knowledge came from.
 *
 * <p>Decision support, not a diagnosis: {@link #disclaimer()} says so in words meant for
 * patients. The same presentation on the same knowledge always gives an equal assessment, so an
 * assessment stored beside a record can be replayed.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAssessment.class)
@JsonDeserialize(as = ImmutableAssessment.class)
public abstract class Assessment {
  /** The class-path resource, inside musculo-core, of the JSON Schema of an assessment. */
  public static final String SCHEMA_RESOURCE = "META-INF/musculo/assessment.schema.json";

  Assessment() {}

  /**
   * Returns the triage advice.
   *
   * @return the triage
   */
  public abstract Triage triage();

  /**
   * Returns the candidate conditions. First come the conditions a fired red flag points to, the
   * ones to rule out first: those of the most urgent flag first, then the more probable. Then the
   * others, most probable first. Ties are broken by id. The probabilities are the posterior's,
   * whatever the place.
   *
   * @return the ranked conditions
   */
  public abstract List<RankedCondition> conditions();

  /**
   * Returns the probability that none of the knowledge base's conditions explains the picture;
   * high when the picture is unfamiliar.
   *
   * @return the remainder probability
   */
  public abstract double somethingElse();

  /**
   * Returns the causes the findings support, best supported first.
   *
   * @return the likely causes
   */
  public abstract List<LikelyCause> causes();

  /**
   * Returns prevention measures for the likely conditions and causes.
   *
   * @return the prevention advice
   */
  public abstract List<PreventionAdvice> prevention();

  /**
   * Returns treatments that fit the triage level; none is contraindicated by a present finding
   * or a fired red flag.
   *
   * @return the treatment options
   */
  public abstract List<TreatmentOption> treatments();

  /**
   * Returns the questions most worth asking next, red-flag questions first.
   *
   * @return the next questions
   */
  public abstract List<Question> nextQuestions();

  /**
   * Returns how each phrase of free text was read, when the presentation had text.
   *
   * @return the interpretations
   */
  public abstract List<Interpretation> interpreted();

  /**
   * Returns the parts of free text that matched no finding; never guessed, never dropped.
   *
   * @return the unrecognised text
   */
  public abstract List<String> unrecognized();

  /**
   * Returns the knowledge and engine that produced the assessment.
   *
   * @return the provenance
   */
  public abstract Provenance knowledgeBase();

  /**
   * Returns the statement, meant for patients, that this is decision support and not a
   * diagnosis.
   *
   * @return the disclaimer
   */
  public abstract String disclaimer();

  /**
   * Writes this assessment as JSON, in the form documented by the assessment schema ({@value
   * #SCHEMA_RESOURCE}): keys sorted, absent values left out.
   *
   * @return the JSON text
   */
  public String toJson() {
    return org.musculo.internal.json.Json.MAPPER.writeValueAsString(this);
  }

  /**
   * Reads an assessment written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the assessment
   * @throws MusculoException if the text is not a valid assessment
   */
  public static Assessment fromJson(String json) {
    try {
      return org.musculo.internal.json.Json.MAPPER.readValue(json, Assessment.class);
    } catch (tools.jackson.core.JacksonException e) {
      // the text may hold patient words: name only where it failed
      throw new MusculoException("not a valid assessment JSON document (at "
          + (e.getPathReference() == null ? "the top level" : e.getPathReference()) + ")");
    }
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Assessment}. */
  public static final class Builder extends ImmutableAssessment.Builder {
    Builder() {}
  }
}
