package org.musculo.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Invariant checks shared by the model values; messages name the attribute and quote the value. */
final class Checks {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private Checks() {}

  static boolean isSlug(String value) {
    return SLUG.matcher(value).matches();
  }

  static void slug(String type, String attribute, String value) {
    if (!isSlug(value)) {
      throw new InvalidValueException(
          attribute,
          type + "." + attribute + " must be a lower-case slug such as 'calf-cramp' (letters a-z,"
              + " digits and single hyphens) but was '" + value + "'");
    }
  }

  static void slugs(String type, String attribute, Collection<String> values) {
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      slug(type, attribute, value);
      if (!seen.add(value)) {
        throw new InvalidValueException(
            attribute, type + "." + attribute + " lists '" + value + "' twice; list it once");
      }
    }
  }

  static void notBlank(String type, String attribute, String value) {
    if (value.isBlank()) {
      throw new InvalidValueException(
          attribute, type + "." + attribute + " must not be blank; write the text it stands for");
    }
  }

  static void notBlank(String type, String attribute, Collection<String> values) {
    for (String value : values) {
      if (value.isBlank()) {
        throw new InvalidValueException(
            attribute, type + "." + attribute + " holds a blank entry; remove it");
      }
    }
  }

  static void probability(String type, String attribute, double value, boolean allowZero) {
    boolean ok = allowZero ? value >= 0 && value <= 1 : value > 0 && value <= 1;
    if (!ok || Double.isNaN(value)) {
      throw new InvalidValueException(
          attribute,
          type + "." + attribute + " must be in " + (allowZero ? "[0, 1]" : "(0, 1]")
              + " but was " + value);
    }
  }

  static void ageBounds(String type, java.util.OptionalInt min, java.util.OptionalInt max) {
    if (min.isPresent()) {
      age(type, "minAge", min.getAsInt());
    }
    if (max.isPresent()) {
      age(type, "maxAge", max.getAsInt());
    }
    if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
      throw new InvalidValueException(
          "minAge",
          type + ".minAge (" + min.getAsInt() + ") must not exceed maxAge (" + max.getAsInt()
              + "); swap them or widen the range");
    }
  }

  static void age(String type, String attribute, int age) {
    if (age < 0 || age > 120) {
      throw new InvalidValueException(
          attribute, type + "." + attribute + " must be an age from 0 to 120 but was " + age);
    }
  }
}
