package org.musculo.examples.triage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.musculo.Presentation;
import org.musculo.PresentationException;
import org.musculo.model.Sex;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one case, a JSON object such as {@code {"age": 45, "sex": "female", "pregnant": false,
 * "present": ["calf-cramp", "cramp in my calf at night"], "absent": ["calf-swelling"]}}, into a
 * {@link Presentation}.
 *
 * <p>Every key is optional and {@code null} means "not given"; any other key is an error, and so
 * is a key given twice. {@code age} is a whole number from 0 to 120, {@code sex} is {@code
 * "female"} or {@code "male"}, {@code pregnant} is a boolean, and {@code present} and {@code
 * absent} are arrays of non-empty strings, each a finding id, a code ({@code SYSTEM:value}) or
 * the patient's own words; {@link org.musculo.Musculo#assess(Presentation)} resolves them.
 *
 * <p>Errors name the field and, for broken JSON, the line and column; they never repeat a value,
 * since a case holds patient data. The parser is streaming and strict: no comments, no trailing
 * content, Jackson's default limits on nesting and on the length of numbers and strings.
 */
final class CaseReader {
  /** The keys a case may have, in the order the documentation lists them. */
  static final List<String> KEYS = List.of("age", "sex", "pregnant", "present", "absent");

  /** A key that looks like a field name, not like patient words, may be named in an error. */
  private static final Pattern NAMEABLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private CaseReader() {}

  /**
   * Reads a case.
   *
   * @param json the case's JSON text
   * @param oneLine whether the text is one line of a batch, so that errors give only a column
   * @return the presentation
   * @throws BadInputException if the text is not a valid case; the message names the field
   */
  static Presentation read(String json, boolean oneLine) throws BadInputException {
    Presentation.Builder b = Presentation.builder();
    // a byte-order mark, as some editors on Windows write, is not part of the JSON
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new BadInputException("", "the case is empty; write a JSON object such as"
            + " {\"age\": 45, \"present\": [\"calf-cramp\"]}");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new BadInputException("", "a case must be a JSON object such as"
            + " {\"age\": 45, \"present\": [\"calf-cramp\"]}");
      }
      Set<String> seen = new HashSet<>();
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        if (!seen.add(key)) {
          throw new BadInputException(nameOf(key), "the key is given twice; give each key once");
        }
        JsonToken value = p.nextToken();
        switch (key) {
          case "age" -> age(p, value, b);
          case "sex" -> sex(p, value, b);
          case "pregnant" -> pregnant(value, b);
          case "present" -> findings(p, value, "present", b::addPresent);
          case "absent" -> findings(p, value, "absent", b::addAbsent);
          default -> throw new BadInputException(nameOf(key), "unknown key; a case has only the keys "
              + String.join(", ", KEYS));
        }
      }
      if (p.nextToken() != null) {
        throw new BadInputException("", "there is more text after the case object; give exactly"
            + " one JSON object per case" + at(p.currentTokenLocation(), oneLine));
      }
    } catch (JacksonException e) {
      // Jackson's own message may quote the input: say only where it broke
      throw new BadInputException("", "not valid JSON" + at(e.getLocation(), oneLine));
    }
    try {
      return b.build();
    } catch (PresentationException e) {
      // its message names the field and never repeats a value
      throw new BadInputException("", e.getMessage());
    }
  }

  private static void age(JsonParser p, JsonToken value, Presentation.Builder b) throws BadInputException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
        || p.getIntValue() < 0 || p.getIntValue() > 120) {
      skip(p, value);
      throw new BadInputException("age", "must be a whole number of years from 0 to 120");
    }
    b.age(p.getIntValue());
  }

  private static void sex(JsonParser p, JsonToken value, Presentation.Builder b) throws BadInputException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value == JsonToken.VALUE_STRING && p.getString().equals("female")) {
      b.sex(Sex.FEMALE);
    } else if (value == JsonToken.VALUE_STRING && p.getString().equals("male")) {
      b.sex(Sex.MALE);
    } else {
      throw new BadInputException("sex", "must be \"female\" or \"male\"");
    }
  }

  private static void pregnant(JsonToken value, Presentation.Builder b) throws BadInputException {
    switch (value) {
      case VALUE_NULL -> { }
      case VALUE_TRUE -> b.pregnant(true);
      case VALUE_FALSE -> b.pregnant(false);
      default -> throw new BadInputException("pregnant", "must be true or false");
    }
  }

  private interface Sink {
    Object add(String entry);
  }

  private static void findings(JsonParser p, JsonToken value, String key, Sink sink)
      throws BadInputException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      throw new BadInputException(key, "must be an array of strings, each a finding id, a code"
          + " (SYSTEM:value) or the patient's own words, such as [\"calf-cramp\"]");
    }
    int i = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING || p.getString().isBlank()) {
        throw new BadInputException(key + "[" + i + "]", "must be a non-empty string: a finding id,"
            + " a code (SYSTEM:value) or the patient's own words");
      }
      sink.add(p.getString());
      i++;
    }
  }

  private static void skip(JsonParser p, JsonToken value) {
    if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
      p.skipChildren();
    }
  }

  /** Names a key in an error when it looks like a field name; otherwise keeps it out. */
  private static String nameOf(String key) {
    return NAMEABLE_KEY.matcher(key).matches() ? key : "(a key not shown)";
  }

  private static String at(TokenStreamLocation where, boolean oneLine) {
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return oneLine
        ? " (column " + where.getColumnNr() + ")"
        : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
