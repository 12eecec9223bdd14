package org.musculo.examples.benchmarks;

import java.util.List;

/**
 * Ranks the conditions of a synthetic knowledge base for a query: the {@code n} most probable,
 * most probable first (ties broken by id), with probabilities normalised over every condition
 * and "something else".
 */
public interface RankingEngine {
  /** A ranked condition: its id and posterior probability. */
  record Hit(String id, double probability) {}

  /**
   * Ranks the conditions for a query.
   *
   * @param query the query
   * @param n how many conditions at most
   * @return the top conditions
   */
  List<Hit> rank(SyntheticKnowledge.Query query, int n);

  /**
   * Creates an engine by name: {@code musculo}, {@code lucene} or {@code naive}.
   *
   * @param name the engine's name
   * @param knowledge the knowledge to rank over
   * @return the engine
   * @throws IllegalArgumentException if the name is none of those
   */
  static RankingEngine create(String name, SyntheticKnowledge knowledge) {
    switch (name) {
      case "musculo":
        return new MusculoEngine(knowledge.knowledgeBase());
      case "lucene":
        return LuceneEngine.index(knowledge);
      case "naive":
        return new NaiveEngine(knowledge);
      default:
        throw new IllegalArgumentException("engine must be musculo, lucene or naive but was '" + name + "'");
    }
  }
}
