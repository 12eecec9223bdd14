package org.musculo.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.RiskFactor;
import org.musculo.model.Source;
import org.musculo.model.TriageLevel;

/**
 * The scorer against a brute-force computation of the same posterior on random flat knowledge
 * bases (no finding hierarchy): every condition, every finding, straight from the model values.
 * The knowledge bases range from a handful of conditions (dense layout) to hundreds with short
 * postings (sparse layout), and both arithmetic paths (linear and log space) are checked.
 */
class ScorerTests {
  private static final Source SOURCE = Source.builder().publisher("Musculo tests").title("Random")
      .url("https://example.org/").accessed(LocalDate.of(2026, 1, 1)).build();

  /** A random knowledge base and a random report over it. */
  private record Case(CompiledKnowledge k, int[] present, int[] absent) {}

  private static Case generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean large = r.nextBoolean();
    int nc = large ? 100 + r.nextInt(300) : 1 + r.nextInt(12);
    int nf = large ? 200 + r.nextInt(200) : 2 + r.nextInt(15);
    ContentDocument.Builder doc = ContentDocument.builder();
    for (int f = 0; f < nf; f++) {
      doc.addFindings(Finding.builder().id(String.format("f-%03d", f)).name("Finding " + f)
          .kind(FindingKind.SYMPTOM).question("Finding " + f + "?").build());
    }
    for (int c = 0; c < nc; c++) {
      Condition.Builder b = Condition.builder().id(String.format("c-%03d", c)).name("Condition " + c)
          .description("Random.").acuity(TriageLevel.values()[r.nextInt(TriageLevel.values().length)])
          // equal priors now and then, so that ties are broken by id
          .prevalence(r.nextInt(4) == 0 ? 0.001 : 0.0005 + r.nextDouble() * 0.8 / nc).addSources(SOURCE);
      int listed = 1 + r.nextInt(Math.min(nf, large ? 3 : 6));
      List<Integer> chosen = new ArrayList<>();
      while (chosen.size() < listed) {
        int f = r.nextInt(nf);
        if (!chosen.contains(f)) {
          chosen.add(f);
          b.addManifestations(Manifestation.of(String.format("f-%03d", f), 0.01 + r.nextDouble() * 0.98));
        }
      }
      if (r.nextInt(5) == 0) {
        b.addRiskFactors(RiskFactor.builder().finding(String.format("f-%03d", r.nextInt(nf)))
            .oddsRatio(0.2 + r.nextDouble() * 4).build());
      }
      doc.addConditions(b.build());
    }
    KnowledgeBase kb = KnowledgeBase.builder()
        .add(ContentModule.of("random", "1.0.0", List.of(ContentSource.ofDocument("random", doc.build()))))
        .build();
    List<Integer> present = new ArrayList<>();
    List<Integer> absent = new ArrayList<>();
    int reported = 1 + r.nextInt(Math.min(nf, 6));
    while (present.size() + absent.size() < reported) {
      int f = r.nextInt(nf);
      if (!present.contains(f) && !absent.contains(f)) {
        (r.nextInt(10) < 7 ? present : absent).add(f);
      }
    }
    CompiledKnowledge k = CompiledKnowledge.compile(kb);
    return new Case(k, indices(k, present), indices(k, absent));
  }

  private static int[] indices(CompiledKnowledge k, List<Integer> fs) {
    return fs.stream().mapToInt(f -> k.findingIndex(String.format("f-%03d", f))).toArray();
  }

  /** Every condition's probability, then the remainder, computed the textbook way. */
  private static double[] bruteForce(CompiledKnowledge k, int[] present, int[] absent) {
    int n = k.conditionCount();
    double[] w = new double[n + 1];
    double total = k.remainderPrior;
    for (int c = 0; c < n; c++) {
      double weight = k.conditions[c].prevalence();
      for (int f : present) {
        double p = k.frequency(c, f);
        weight *= (p >= 0 ? p : CompiledKnowledge.LEAK) / k.background[f];
        for (RiskFactor rf : k.conditions[c].riskFactors()) {
          if (rf.finding().orElseThrow().equals(k.findingIds[f])) {
            weight *= rf.oddsRatio();
          }
        }
      }
      for (int f : absent) {
        double p = k.frequency(c, f);
        weight *= (1 - (p >= 0 ? p : CompiledKnowledge.LEAK)) / (1 - k.background[f]);
      }
      w[c] = weight;
      total += weight;
    }
    for (int c = 0; c < n; c++) {
      w[c] /= total;
    }
    w[n] = k.remainderPrior / total;
    return w;
  }

  @Property(tries = 300)
  void posteriorEqualsTheBruteForceOneInBothLayoutsAndBothArithmetics(@ForAll long seed) {
    Case c = generate(seed);
    CompiledKnowledge k = c.k();
    Evidence e = Evidence.of(k, c.present(), c.absent(), OptionalInt.empty(), Optional.empty(), false);
    double[] expected = bruteForce(k, c.present(), c.absent());
    Scorer scorer = new Scorer(k);
    for (boolean linear : new boolean[] {true, false}) {
      Posterior p = scorer.score(e, linear);
      Statistics.label("layout").collect(p.isDense() ? "dense" : "sparse");
      for (int i = 0; i < k.conditionCount(); i++) {
        assertThat(p.probability(i)).as("condition %d, linear %s", i, linear)
            .isCloseTo(expected[i], within(1e-12 + 1e-9 * expected[i]));
      }
      assertThat(p.remainder()).isCloseTo(expected[k.conditionCount()], within(1e-9));
      int[] top = p.top(10);
      assertThat(top).hasSize(Math.min(10, k.conditionCount()));
      for (int i = 0; i < top.length; i++) {
        // the i-th best by the brute force, ties by id
        int rank = 0;
        for (int other = 0; other < k.conditionCount(); other++) {
          if (other != top[i] && (expected[other] > expected[top[i]] * (1 + 1e-12)
              || Math.abs(expected[other] - expected[top[i]]) <= 1e-12 * expected[top[i]]
                  && k.conditionIds[other].compareTo(k.conditionIds[top[i]]) < 0)) {
            rank++;
          }
        }
        assertThat(rank).as("rank of the %d-th of top(10)", i).isEqualTo(i);
      }
      for (int i = 0; i < k.conditionCount(); i++) {
        boolean above = expected[i] >= k.threshold[i];
        assertThat(contains(p.aboveThreshold(), i)).isEqualTo(above && k.threshold[i] < 1);
      }
    }
    Statistics.label("layout").coverage(cov -> {
      cov.check("dense").percentage(pct -> pct >= 10);
      cov.check("sparse").percentage(pct -> pct >= 10);
    });
  }

  /**
   * Dense factor rows for the longest postings give the posterior of the posting loop: the same
   * factors, applied with the priors first, so every probability agrees up to the rounding of a
   * few products (1e-12 relative) and the best conditions come in the same order. Knowledge bases
   * of 256 to 1,500 conditions where a few findings are listed by most.
   */
  @Property(tries = 40)
  void denseRowsGiveTheSamePosteriorUpToRounding(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int nc = 256 + r.nextInt(1250);
    int nf = 20 + r.nextInt(60);
    ContentDocument.Builder doc = ContentDocument.builder();
    for (int f = 0; f < nf; f++) {
      doc.addFindings(Finding.builder().id(String.format("f-%03d", f)).name("Finding " + f)
          .kind(FindingKind.SYMPTOM).question("Finding " + f + "?").build());
    }
    for (int c = 0; c < nc; c++) {
      Condition.Builder b = Condition.builder().id(String.format("c-%04d", c)).name("Condition " + c)
          .description("Random.").acuity(TriageLevel.SELF_CARE)
          .prevalence(0.0001 + r.nextDouble() * 0.8 / nc).addSources(SOURCE);
      for (int f = 0; f < nf; f++) {
        // the first findings are listed by most conditions, the others by a few
        if (r.nextDouble() < (f < 6 ? 0.9 - 0.12 * f : 0.03)) {
          b.addManifestations(Manifestation.of(String.format("f-%03d", f), 0.01 + r.nextDouble() * 0.98));
        }
      }
      if (b.build().manifestations().isEmpty()) {
        b.addManifestations(Manifestation.of("f-000", 0.5));
      }
      doc.addConditions(b.build());
    }
    KnowledgeBase kb = KnowledgeBase.builder()
        .add(ContentModule.of("random", "1.0.0", List.of(ContentSource.ofDocument("random", doc.build()))))
        .build();
    CompiledKnowledge k = CompiledKnowledge.compile(kb);
    Scorer rows = new Scorer(k);
    Scorer postings = new Scorer(k, false);
    for (int q = 0; q < 20; q++) {
      List<Integer> present = new ArrayList<>();
      List<Integer> absent = new ArrayList<>();
      for (int i = 1 + r.nextInt(8); i > 0; i--) {
        int f = r.nextInt(r.nextBoolean() ? 8 : nf);
        if (!present.contains(f) && !absent.contains(f)) {
          (r.nextInt(10) < 7 ? present : absent).add(f);
        }
      }
      Evidence e = Evidence.of(k, indices(k, present), indices(k, absent), OptionalInt.empty(), Optional.empty(), false);
      Posterior expected = postings.score(e);
      for (Posterior p : new Posterior[] {rows.score(e), rows.scoreTransient(e)}) {
        for (int c = 0; c < nc; c++) {
          assertThat(p.probability(c)).as("condition %d", c)
              .isCloseTo(expected.probability(c), within(1e-12 * expected.probability(c)));
        }
        assertThat(p.remainder()).isCloseTo(expected.remainder(), within(1e-12 * expected.remainder()));
        assertThat(p.top(16)).isEqualTo(expected.top(16));
      }
    }
  }

  @Property(tries = 50)
  void theLinearPathIsTakenForOrdinaryReports(@ForAll long seed) {
    Case c = generate(seed);
    Evidence e = Evidence.of(c.k(), c.present(), c.absent(), OptionalInt.empty(), Optional.empty(), false);
    assertThat(new Scorer(c.k()).fitsLinear(e)).isTrue();
  }

  private static boolean contains(int[] xs, int x) {
    for (int y : xs) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }
}
