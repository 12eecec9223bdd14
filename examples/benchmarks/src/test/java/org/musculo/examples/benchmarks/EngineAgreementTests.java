package org.musculo.examples.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musculo.Musculo;

/**
 * The three engines of {@link SyntheticBenchmark} rank the same conditions on every pooled query,
 * at 1,000 and 10,000 conditions, and {@link ExplainedRankingBenchmark}'s explained ranking gives
 * Musculo's exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAgreementTests {
  /** Knowledge and Musculo's rankings per size, built once: Musculo is the reference. */
  private final Map<Integer, Reference> references = new HashMap<>();

  private record Reference(SyntheticKnowledge knowledge, List<List<RankingEngine.Hit>> rankings) {}

  private Reference reference(int conditions) {
    return references.computeIfAbsent(conditions, n -> {
      SyntheticKnowledge k = SyntheticKnowledge.generate(n, SyntheticBenchmark.SEED);
      RankingEngine musculo = RankingEngine.create("musculo", k);
      return new Reference(k, k.queries().stream().map(q -> musculo.rank(q, SyntheticBenchmark.TOP)).toList());
    });
  }

  @ParameterizedTest(name = "{0} conditions")
  @ValueSource(ints = {1_000, 10_000})
  void naiveGivesMusculosTopTenInTheSameOrderWithTheSameProbabilities(int conditions) {
    Reference ref = reference(conditions);
    RankingEngine naive = RankingEngine.create("naive", ref.knowledge());
    List<SyntheticKnowledge.Query> queries = ref.knowledge().queries();
    for (int q = 0; q < queries.size(); q++) {
      List<RankingEngine.Hit> expected = ref.rankings().get(q);
      List<RankingEngine.Hit> actual = naive.rank(queries.get(q), SyntheticBenchmark.TOP);
      assertThat(actual).extracting(RankingEngine.Hit::id)
          .containsExactlyElementsOf(expected.stream().map(RankingEngine.Hit::id).toList());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).probability()).isCloseTo(expected.get(i).probability(), within(1e-9));
      }
    }
  }

  @Test
  void explainedRankingHasMusculosTopTenToTheBit() {
    Reference ref = reference(1_000);
    Musculo musculo = Musculo.create(ref.knowledge().knowledgeBase());
    List<SyntheticKnowledge.Query> queries = ref.knowledge().queries();
    for (int q = 0; q < queries.size(); q++) {
      List<RankingEngine.Hit> explained = musculo.rank(queries.get(q).presentation(), SyntheticBenchmark.TOP)
          .stream().map(c -> new RankingEngine.Hit(c.id(), c.probability())).toList();
      assertThat(explained).isEqualTo(ref.rankings().get(q));
    }
  }

  @ParameterizedTest(name = "{0} conditions")
  @ValueSource(ints = {1_000, 10_000})
  void luceneAgreesWithMusculoOnAtLeast99PercentOfTopTenIds(int conditions) {
    Reference ref = reference(conditions);
    RankingEngine lucene = RankingEngine.create("lucene", ref.knowledge());
    List<SyntheticKnowledge.Query> queries = ref.knowledge().queries();
    int agreed = 0;
    int total = 0;
    for (int q = 0; q < queries.size(); q++) {
      List<RankingEngine.Hit> expected = ref.rankings().get(q);
      List<RankingEngine.Hit> actual = lucene.rank(queries.get(q), SyntheticBenchmark.TOP);
      assertThat(actual).hasSameSizeAs(expected);
      Map<String, Double> probabilities = new HashMap<>();
      expected.forEach(h -> probabilities.put(h.id(), h.probability()));
      for (RankingEngine.Hit h : actual) {
        Double p = probabilities.get(h.id());
        if (p != null) {
          agreed++;
          // FeatureField keeps 9 significant bits of each weight: probabilities agree to a few percent
          assertThat(h.probability()).isCloseTo(p, within(0.05 * p));
        }
      }
      total += expected.size();
    }
    assertThat((double) agreed / total).isGreaterThanOrEqualTo(0.99);
  }

  @Nested
  class Knowledge {
    @Test
    void sameSeedGivesTheSameKnowledgeAndQueries() {
      SyntheticKnowledge a = SyntheticKnowledge.generate(1_000, 7);
      SyntheticKnowledge b = SyntheticKnowledge.generate(1_000, 7);
      assertThat(a.document()).isEqualTo(b.document());
      assertThat(a.queries()).extracting(SyntheticKnowledge.Query::presentation)
          .containsExactlyElementsOf(b.queries().stream().map(SyntheticKnowledge.Query::presentation).toList());
    }

    @Test
    void everyQueryNamesNineDistinctFindings() {
      SyntheticKnowledge k = reference(1_000).knowledge();
      assertThat(k.queries()).hasSize(SyntheticKnowledge.POOL).allSatisfy(q -> {
        Set<Integer> fs = new HashSet<>();
        for (int f : q.present()) {
          fs.add(f);
        }
        for (int f : q.absent()) {
          fs.add(f);
        }
        assertThat(fs).hasSize(SyntheticKnowledge.QUERY_FINDINGS);
      });
    }

    @Test
    void priorsSumBelowNinetyPercentAndConditionsListTenToFortyFindings() {
      SyntheticKnowledge k = reference(1_000).knowledge();
      double sum = 0;
      for (int c = 0; c < k.conditionCount(); c++) {
        sum += k.prior(c);
        assertThat(k.findings(c).length).isBetween(10, 40);
        for (double p : k.frequencies(c)) {
          assertThat(p).isBetween(0.05, 0.95);
        }
      }
      assertThat(sum).isLessThan(0.9);
    }
  }
}
