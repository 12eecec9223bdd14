package org.musculo.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.musculo.model.BodyRegion;
import org.musculo.model.Cause;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.Treatment;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One content document: lists of entries of each kind, as they are written in a JSON file.
 *
 * <p>Every list may be empty; a module can spread its entries over many documents. References
 * between entries may cross documents and modules: they are resolved when the knowledge base is
 * compiled.
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContentDocument.class)
@JsonDeserialize(as = ImmutableContentDocument.class)
public abstract class ContentDocument {
  /**
   * The class-path resource, inside musculo-core, of the JSON Schema (draft 2020-12) that
   * describes content documents.
   */
  public static final String SCHEMA_RESOURCE = "META-INF/musculo/content.schema.json";

  ContentDocument() {}

  /**
   * Returns the schema reference an editor uses to check the document, if the file names one.
   *
   * @return the {@code $schema} value
   */
  @JsonProperty("$schema")
  public abstract Optional<String> schema();

  /**
   * Returns the body regions.
   *
   * @return the regions
   */
  public abstract List<BodyRegion> regions();

  /**
   * Returns the findings.
   *
   * @return the findings
   */
  public abstract List<Finding> findings();

  /**
   * Returns the causes.
   *
   * @return the causes
   */
  public abstract List<Cause> causes();

  /**
   * Returns the prevention measures.
   *
   * @return the prevention measures
   */
  public abstract List<PreventionMeasure> preventionMeasures();

  /**
   * Returns the treatments.
   *
   * @return the treatments
   */
  public abstract List<Treatment> treatments();

  /**
   * Returns the conditions.
   *
   * @return the conditions
   */
  public abstract List<Condition> conditions();

  /**
   * Returns the red flags.
   *
   * @return the red flags
   */
  public abstract List<RedFlag> redFlags();

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContentDocument}. */
  public static final class Builder extends ImmutableContentDocument.Builder {
    Builder() {}
  }
}
