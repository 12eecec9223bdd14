package org.musculo.internal.text;

import java.util.List;

/**
 * What a search found: the findings placed, each with its span and polarity, and the spans it
 * could not place.
 *
 * @param matches the findings placed, in text order
 * @param unrecognized the spans that matched nothing, in text order
 */
public record SearchHits(List<Match> matches, List<String> unrecognized) {
  /**
   * One finding placed in the text.
   *
   * @param findingId the finding's id
   * @param name the finding's name
   * @param text the span of text it came from
   * @param start the span's start offset
   * @param end the span's end offset
   * @param present whether the text says present (true) or absent (false)
   * @param confidence how confident the match is, from 0 to 1
   */
  public record Match(String findingId, String name, String text, int start, int end, boolean present,
      double confidence) {}
}
