package org.musculo.examples.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.musculo.Musculo;
import org.musculo.RankedCondition;
import org.musculo.content.KnowledgeBase;

/** Musculo's own engine, through its public API: {@link Musculo#rank}. */
final class MusculoEngine implements RankingEngine {
  private final Musculo musculo;

  MusculoEngine(KnowledgeBase kb) {
    this.musculo = Musculo.create(kb);
  }

  @Override
  public List<Hit> rank(SyntheticKnowledge.Query query, int n) {
    List<RankedCondition> ranked = musculo.rank(query.presentation(), n);
    List<Hit> out = new ArrayList<>(ranked.size());
    for (RankedCondition r : ranked) {
      out.add(new Hit(r.id(), r.probability()));
    }
    return out;
  }
}
