package org.musculo.content.en;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.musculo.Interpretation;
import org.musculo.Musculo;
import org.musculo.SearchResult;

/** A diagnostic, not a test: prints how every vignette phrase is read (run with -Dprobe=true). */
class SearchProbe {
  @Test
  @EnabledIfSystemProperty(named = "probe", matches = "true")
  void printHowVignettePhrasesAreRead() {
    Musculo musculo = Musculo.create();
    for (Vignettes.Vignette v : Vignettes.ALL) {
      System.out.println("## " + v.id() + " " + v.expectedCondition() + " " + v.expectedTriage());
      for (String p : v.present()) {
        print(musculo.symptomSearch().search(p), "+ " + p);
      }
      for (String p : v.absent()) {
        print(musculo.symptomSearch().search(p), "- " + p);
      }
    }
  }

  private static void print(SearchResult r, String phrase) {
    StringBuilder sb = new StringBuilder("  " + phrase + "  =>");
    for (Interpretation i : r.interpretations()) {
      sb.append(" ").append(i.present() ? "" : "!").append(i.findingId());
    }
    if (!r.unrecognized().isEmpty()) {
      sb.append("  ??").append(r.unrecognized());
    }
    System.out.println(sb);
  }
}
