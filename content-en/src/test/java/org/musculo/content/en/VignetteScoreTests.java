package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.RankedCondition;
import org.musculo.model.TriageLevel;

/** Scores the visible vignette set through free text, as the triage command line would. */
class VignetteScoreTests {
  private static final Musculo MUSCULO = Musculo.create();

  @Test
  void vignetteSetMeetsTheAccuracyAndSafetyBar() {
    int top1 = 0;
    int top3 = 0;
    int exact = 0;
    int acceptable = 0;
    List<String> underTriagedEmergencies = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (Vignettes.Vignette v : Vignettes.ALL) {
      Assessment a = MUSCULO.assess(v.presentation());
      List<String> ids = a.conditions().stream().map(RankedCondition::id).toList();
      TriageLevel level = a.triage().level();
      if (!ids.isEmpty() && ids.get(0).equals(v.expectedCondition())) {
        top1++;
      }
      if (ids.subList(0, Math.min(3, ids.size())).contains(v.expectedCondition())) {
        top3++;
      } else {
        misses.add(v.id() + " expected " + v.expectedCondition() + " got " + ids.subList(0, Math.min(3, ids.size())));
      }
      if (level == v.expectedTriage()) {
        exact++;
      }
      if (level == v.expectedTriage() || level.ordinal() == v.expectedTriage().ordinal() + 1) {
        acceptable++;
      } else {
        misses.add(v.id() + " triage expected " + v.expectedTriage() + " got " + level + " "
            + a.conditions().stream().limit(4).map(c -> c.id() + String.format(":%.3f", c.probability())).toList()
            + String.format(" else:%.3f", a.somethingElse()));
      }
      if (v.expectedTriage() == TriageLevel.EMERGENCY && level != TriageLevel.EMERGENCY) {
        underTriagedEmergencies.add(v.id());
      }
    }
    int n = Vignettes.ALL.size();
    System.out.printf("vignettes: %d, top-1 %.1f%%, top-3 %.1f%%, triage exact %.1f%%, acceptable %.1f%%,"
            + " emergencies under-triaged %d%n",
        n, 100.0 * top1 / n, 100.0 * top3 / n, 100.0 * exact / n, 100.0 * acceptable / n,
        underTriagedEmergencies.size());
    misses.forEach(m -> System.out.println("  " + m));
    assertThat(underTriagedEmergencies).isEmpty();
    assertThat((double) top3 / n).isGreaterThanOrEqualTo(0.90);
    assertThat((double) exact / n).isGreaterThanOrEqualTo(0.85);
    assertThat((double) acceptable / n).isGreaterThanOrEqualTo(0.95);
  }
}
