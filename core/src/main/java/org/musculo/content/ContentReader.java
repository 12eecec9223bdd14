package org.musculo.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.musculo.internal.json.Json;
import org.musculo.internal.text.Suggestions;
import org.musculo.model.ContentEntry;
import org.musculo.model.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads one content source into located entries, turning every binding failure into a {@link
 * ContentProblem} with a JSON pointer; entries that fail are reported and left out.
 */
final class ContentReader {
  private static final Pattern REQUIRED = Pattern.compile("required attributes are not set \\[(.*)]");
  private static final String SCHEMA_KEY = "$schema";

  private final String module;
  private final List<ContentProblem> problems;
  /** Ids of entries that failed to bind, per kind, so that references to them are not flagged. */
  private final Map<EntryKind, Set<String>> broken;
  /** Whether a whole document could not be read, so its entries are unknown. */
  private boolean lostDocument;

  ContentReader(String module, List<ContentProblem> problems, Map<EntryKind, Set<String>> broken) {
    this.module = module;
    this.problems = problems;
    this.broken = broken;
  }

  /** Tells whether a whole document was lost: references into it cannot be checked. */
  boolean lostDocument() {
    return lostDocument;
  }

  /** Reports a document that could not be read at all: none of its entries is known. */
  private List<Located> lost(String file, String message) {
    problem(file, "", message);
    lostDocument = true;
    return List.of();
  }

  List<Located> read(ContentSource source) {
    String file = source.name();
    if (source.document().isPresent()) {
      return locate(source.document().get(), file);
    }
    JsonNode root;
    try (InputStream in = source.opener().open()) {
      if (in == null) {
        return lost(file, "the document could not be found; check the resource name and that"
            + " the module's jar contains it");
      }
      root = Json.MAPPER.readTree(in);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return lost(file, "the document is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage())
          + "; fix the syntax (a missing comma, quote or bracket)");
    } catch (IOException e) {
      return lost(file, "the document could not be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return lost(file, "a content document must be a JSON object with lists such as"
          + " \"findings\" and \"conditions\"");
    }
    List<Located> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey();
      String pointer = "/" + escape(key);
      if (key.equals(SCHEMA_KEY)) {
        if (!field.getValue().isString()) {
          problem(file, pointer, "$schema must be text: the path or URL of the content schema");
        }
        continue;
      }
      EntryKind kind = EntryKind.byKey(key);
      if (kind == null) {
        problem(file, pointer, "unknown field '" + key + "'"
            + Suggestions.didYouMean(key, keys())
            + "; a document may hold only " + String.join(", ", keys()));
        continue;
      }
      if (!field.getValue().isArray()) {
        problem(file, pointer, "'" + key + "' must be a list of " + kind.noun + " objects");
        continue;
      }
      int index = 0;
      for (JsonNode element : field.getValue()) {
        String at = pointer + "/" + index;
        try {
          ContentEntry entry = Json.MAPPER.treeToValue(element, kind.type);
          entries.add(new Located(entry, kind, module, file, index));
        } catch (JacksonException e) {
          JsonNode id = element.get("id");
          if (id != null && id.isString()) {
            broken.computeIfAbsent(kind, k -> new TreeSet<>()).add(id.asString());
          }
          ContentProblem p = describe(file, at, kind, e);
          problems.add(p);
        }
        index++;
      }
    }
    return entries;
  }

  private List<Located> locate(ContentDocument document, String file) {
    List<Located> entries = new ArrayList<>();
    for (EntryKind kind : EntryKind.values()) {
      List<? extends ContentEntry> list = kind.list.apply(document);
      for (int i = 0; i < list.size(); i++) {
        entries.add(new Located(list.get(i), kind, module, file, i));
      }
    }
    return entries;
  }

  private ContentProblem describe(String file, String at, EntryKind kind, JacksonException e) {
    String pointer = at + pointerOf(e);
    Throwable cause = rootCause(e);
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known =
          u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toList());
      return new ContentProblem(module, file, pointer, "unknown field '" + u.getPropertyName() + "'"
          + Suggestions.didYouMean(u.getPropertyName(), known)
          + "; a " + kind.noun + " may hold only " + String.join(", ", known));
    }
    if (cause instanceof InvalidValueException v) {
      return new ContentProblem(module, file, pointer + "/" + escape(v.attribute()), v.getMessage());
    }
    if (cause instanceof IllegalStateException && cause.getMessage() != null) {
      Matcher m = REQUIRED.matcher(cause.getMessage());
      if (m.find()) {
        List<String> missing = Arrays.stream(m.group(1).split(",\\s*")).collect(Collectors.toList());
        return new ContentProblem(module, file, pointer, "missing required field"
            + (missing.size() == 1 ? " '" : "s '") + String.join("', '", missing)
            + "'; add " + (missing.size() == 1 ? "it" : "them"));
      }
    }
    if (cause instanceof NullPointerException) {
      return new ContentProblem(module, file, pointer,
          "null is not allowed here; give a value or leave the field out");
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
          .map(c -> Json.MAPPER.writeValueAsString(c).replace("\"", ""))
          .collect(Collectors.joining(", "));
      return new ContentProblem(module, file, pointer, "'" + f.getValue() + "' is not allowed here;"
          + " use one of " + allowed);
    }
    if (e instanceof MismatchedInputException mi) {
      String expected = typeName(mi.getTargetType());
      JsonToken token = mi.getCurrentToken();
      return new ContentProblem(module, file, pointer, "wrong type: expected " + expected
          + (token == null ? "" : " but found " + tokenName(token)));
    }
    return new ContentProblem(module, file, pointer, firstLine(e.getOriginalMessage()));
  }

  private static String pointerOf(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append('/').append(escape(ref.getPropertyName()));
      } else if (ref.getIndex() >= 0) {
        sb.append('/').append(ref.getIndex());
      }
    }
    return sb.toString();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t instanceof InvalidValueException) {
        return t;
      }
    }
    return t;
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == int.class || type == Integer.class || type == java.util.OptionalInt.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == java.util.OptionalDouble.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == java.time.LocalDate.class) {
      return "a date such as \"2026-11-25\"";
    }
    return "an object";
  }

  private static String tokenName(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "a list";
      case START_OBJECT:
        return "an object";
      case VALUE_STRING:
        return "text";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "true or false";
      case VALUE_NULL:
        return "null";
      default:
        return token.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    keys.add(SCHEMA_KEY);
    for (EntryKind kind : EntryKind.values()) {
      keys.add(kind.key);
    }
    return keys;
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private void problem(String file, String pointer, String message) {
    problems.add(new ContentProblem(module, file, pointer, message));
  }
}
