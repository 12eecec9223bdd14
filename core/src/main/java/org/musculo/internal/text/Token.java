package org.musculo.internal.text;

/**
 * One word of a patient's text: its canonical stem and where it stands in the original text.
 *
 * @param stem the canonical stem ({@code calves} and {@code calf} both give {@code calf})
 * @param raw the word, lower-cased, apostrophes removed
 * @param start the offset of its first character in the text
 * @param end the offset after its last character
 * @param kind what role the word plays
 */
record Token(String stem, String raw, int start, int end, Kind kind) {
  enum Kind {
    /** A word that can carry meaning. */
    CONTENT,
    /** A word too common to carry meaning ("my", "the"). */
    STOP,
    /** A word that negates what follows ("no", "without", "don't"). */
    NEGATION,
    /** A word that ends a negation's scope ("but", "however"). */
    BREAK,
    /** Punctuation that ends a sentence or clause. */
    END,
    /** A comma or similar soft separator: matches do not span it. */
    COMMA
  }
}
