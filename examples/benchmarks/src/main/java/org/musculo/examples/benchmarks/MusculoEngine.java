package org.musculo.examples.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musculo.Musculo;
import org.musculo.content.KnowledgeBase;

/**
 * Musculo's own engine, through its public API: {@link Musculo#probabilities}, the top conditions
 * with their normalised probabilities, which is what the other engines compute. {@link
 * ExplainedRankingBenchmark} times {@link Musculo#rank}, which adds an explanation to each.
 */
final class MusculoEngine implements RankingEngine {
  private final Musculo musculo;

  MusculoEngine(KnowledgeBase kb) {
    this.musculo = Musculo.create(kb);
  }

  @Override
  public List<Hit> rank(SyntheticKnowledge.Query query, int n) {
    Map<String, Double> ranked = musculo.probabilities(query.presentation(), n);
    List<Hit> out = new ArrayList<>(ranked.size());
    ranked.forEach((id, probability) -> out.add(new Hit(id, probability)));
    return out;
  }
}
