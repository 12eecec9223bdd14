package org.musculo;

import java.util.Objects;
import org.musculo.internal.text.SearchHits;
import org.musculo.internal.text.SymptomIndex;

/**
 * Turns what a patient types into findings, each present or absent, with the span of text it
 * came from and a confidence.
 *
 * <p>It understands the content's lay synonyms and finding names, word forms ({@code cramps},
 * {@code cramping}; {@code calf}, {@code calves}), typos (one edit in words of five letters or
 * more, two in words of nine or more, and a middle letter left out of a five-letter word),
 * negation and its scope ({@code no swelling}, {@code I don't have a fever}, {@code but no
 * rash}, {@code I haven't lost any weight}), several findings in one sentence ({@code no bladder
 * or bowel problems}), a body region named in another clause of the sentence ({@code my calf
 * hurts but it isn't swollen}), and body-region words that refine a general finding ("pain in my
 * ankle"). Whatever it cannot place comes back as unrecognised text: never guessed, never
 * dropped.
 *
 * <p>Obtain one from {@link Musculo#symptomSearch()}; it is thread-safe.
 *
 * @since 0.1.0
 */
public final class SymptomSearch {
  private final SymptomIndex index;

  SymptomSearch(SymptomIndex index) {
    this.index = index;
  }

  /**
   * Searches a text.
   *
   * @param text what the patient typed
   * @return the findings placed and the unrecognised parts
   */
  public SearchResult search(String text) {
    Objects.requireNonNull(text, "text");
    return toResult(index.search(text), true);
  }

  /** Converts hits; with {@code keepPolarity} false every finding is read as absent. */
  SearchResult toResult(SearchHits hits, boolean keepPolarity) {
    SearchResult.Builder b = SearchResult.builder();
    for (SearchHits.Match m : hits.matches()) {
      b.addInterpretations(Interpretation.builder()
          .text(m.text())
          .findingId(m.findingId())
          .name(m.name())
          .present(keepPolarity && m.present())
          .confidence(m.confidence())
          .start(m.start())
          .end(m.end())
          .build());
    }
    return b.addAllUnrecognized(hits.unrecognized()).build();
  }

  SearchHits hits(String text) {
    return index.search(text);
  }
}
