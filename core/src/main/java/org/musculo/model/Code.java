package org.musculo.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A code in a clinical code system, written {@code SYSTEM:value} (for example {@code
 * ICD-10-CM:M62.831} or {@code SNOMED-CT:55300003}).
 *
 * <p>Content ships code identifiers only, never a code system's own descriptions. A code is never
 * invented: where it is not known, it is left out.
 *
 * @since 0.1.0
 */
@Value.Immutable
public abstract class Code {
  /** The ICD-10-CM system name. */
  public static final String ICD_10_CM = "ICD-10-CM";
  /** The SNOMED CT system name. */
  public static final String SNOMED_CT = "SNOMED-CT";
  /** The ICD-11 system name. */
  public static final String ICD_11 = "ICD-11";

  private static final Pattern SYSTEM = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*");
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-/]*");

  Code() {}

  /**
   * Returns the code system, in upper case, such as {@code ICD-10-CM}.
   *
   * @return the code system
   */
  @Value.Parameter
  public abstract String system();

  /**
   * Returns the code's value within its system, such as {@code M62.831}.
   *
   * @return the value
   */
  @Value.Parameter
  public abstract String value();

  /**
   * Creates a code.
   *
   * @param system the code system, such as {@code ICD-10-CM}
   * @param value the value within the system
   * @return the code
   * @throws InvalidValueException if the system or value is malformed
   */
  public static Code of(String system, String value) {
    return ImmutableCode.of(system, value);
  }

  /**
   * Parses a code written {@code SYSTEM:value}.
   *
   * @param text the code, such as {@code ICD-10-CM:M62.831}
   * @return the code
   * @throws InvalidValueException if the text is not of the form {@code SYSTEM:value}
   */
  @JsonCreator
  public static Code parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new InvalidValueException(
          "code",
          "a code must be written SYSTEM:value, such as 'ICD-10-CM:M62.831', but was '" + text
              + "'");
    }
    return of(text.substring(0, colon), text.substring(colon + 1));
  }

  @Value.Check
  void check() {
    if (!SYSTEM.matcher(system()).matches()) {
      throw new InvalidValueException(
          "system",
          "Code.system must be an upper-case system name such as 'ICD-10-CM' or 'SNOMED-CT' but"
              + " was '" + system() + "'");
    }
    if (!VALUE.matcher(value()).matches()) {
      throw new InvalidValueException(
          "value",
          "Code.value must be a code value without spaces, such as 'M62.831', but was '"
              + value() + "'");
    }
  }

  /** Returns the code as {@code SYSTEM:value}, its JSON form. */
  @JsonValue
  @Override
  public String toString() {
    return system() + ":" + value();
  }
}
