package org.musculo;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;
import org.musculo.model.Sex;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What a patient reports: age, sex, pregnancy, and findings each present or absent; every finding
 * not listed is unknown, which is neutral.
 *
 * <p>Each entry of {@link #present()} and {@link #absent()} is a finding id ({@code calf-cramp}),
 * a code ({@code SNOMED-CT:55300003}) or free text in the patient's own words ({@code "cramp in
 * my calf at night but no swelling"}), which the {@link SymptomSearch} reads: negation in a
 * present entry makes that finding absent, and everything found in an absent entry is absent.
 * Entries are resolved when the presentation is assessed; an unknown hyphenated id or an unknown
 * code is a {@link PresentationException}, and free text that matches nothing is reported as
 * unrecognised in the assessment.
 *
 * <pre>{@code
 * Presentation p = Presentation.builder()
 *     .age(52).sex(Sex.FEMALE)
 *     .addPresent("calf-cramp", "night-pattern")
 *     .addAbsent("calf-swelling")
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePresentation.class)
@JsonDeserialize(as = ImmutablePresentation.class)
public abstract class Presentation {
  Presentation() {}

  /**
   * Returns the patient's age in whole years, from 0 to 120, if known.
   *
   * @return the age
   */
  public abstract OptionalInt age();

  /**
   * Returns the patient's sex, if known.
   *
   * @return the sex
   */
  public abstract Optional<Sex> sex();

  /**
   * Returns whether the patient is pregnant.
   *
   * @return {@code true} if pregnant; {@code false} by default
   */
  @Value.Default
  public boolean pregnant() {
    return false;
  }

  /**
   * Returns the findings the patient has, by id, code or free text.
   *
   * @return the present findings
   */
  public abstract List<String> present();

  /**
   * Returns the findings the patient does not have, by id, code or free text.
   *
   * @return the absent findings
   */
  public abstract List<String> absent();

  /**
   * Returns the findings the patient was asked about and could not say: they stay unknown (and
   * neutral), and an interview does not ask about them again.
   *
   * @return the findings answered "don't know", by id or code
   */
  public abstract List<String> unknown();

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
    if (age().isPresent() && (age().getAsInt() < 0 || age().getAsInt() > 120)) {
      // the value is patient data: the message says what is allowed, not what was given
      throw new PresentationException("age", "age must be a whole number of years from 0 to 120");
    }
    if (pregnant() && sex().filter(s -> s == Sex.MALE).isPresent()) {
      throw new PresentationException(
          "pregnant", "pregnant cannot be true when sex is male; correct one of them");
    }
    Set<String> present = new HashSet<>(present());
    for (int i = 0; i < absent().size(); i++) {
      if (present.contains(absent().get(i))) {
        throw new PresentationException(
            "absent[" + i + "]",
            "the same finding is listed in both present and absent (absent entry " + (i + 1)
                + "); keep it in one list");
      }
    }
  }

  /** Builds a {@link Presentation}. */
  public static final class Builder extends ImmutablePresentation.Builder {
    Builder() {}
  }
}
