package org.musculo.examples.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ranks the top 10 conditions of a seeded synthetic knowledge base with Musculo, Lucene and the
 * naive scorer, cycling through a fixed pool of queries; see {@link SyntheticKnowledge} for the
 * shape of the knowledge and the queries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SyntheticBenchmark {
  /** The seed of every synthetic knowledge base in the benchmarks and their tests. */
  public static final long SEED = 20_260_101L;
  /** How many conditions a ranking returns. */
  public static final int TOP = 10;

  @Param({"musculo", "lucene", "naive"})
  public String engine;

  @Param({"1000", "10000", "100000"})
  public int conditions;

  private RankingEngine ranking;
  private List<SyntheticKnowledge.Query> queries;
  private int next;

  @Setup
  public void setUp() {
    SyntheticKnowledge knowledge = SyntheticKnowledge.generate(conditions, SEED);
    ranking = RankingEngine.create(engine, knowledge);
    queries = knowledge.queries();
  }

  /** Ranks the next query of the pool. */
  @Benchmark
  public List<RankingEngine.Hit> assess() {
    SyntheticKnowledge.Query query = queries.get(next);
    next = (next + 1) % queries.size();
    return ranking.rank(query, TOP);
  }
}
