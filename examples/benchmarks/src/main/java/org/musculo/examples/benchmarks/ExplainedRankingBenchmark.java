package org.musculo.examples.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.musculo.Musculo;
import org.musculo.RankedCondition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ranks the top 10 conditions of {@link SyntheticBenchmark}'s knowledge bases and queries with
 * {@link Musculo#rank}, which explains every condition it returns (prior, risk factors, each
 * reported finding's log likelihood ratio, common findings not reported): the cost of the
 * explanations over {@link SyntheticBenchmark}'s {@code musculo} engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExplainedRankingBenchmark {
  @Param({"1000", "10000", "100000"})
  public int conditions;

  private Musculo musculo;
  private List<SyntheticKnowledge.Query> queries;
  private int next;

  @Setup
  public void setUp() {
    SyntheticKnowledge knowledge = SyntheticKnowledge.generate(conditions, SyntheticBenchmark.SEED);
    musculo = Musculo.create(knowledge.knowledgeBase());
    queries = knowledge.queries();
  }

  /** Ranks and explains the next query of the pool. */
  @Benchmark
  public List<RankedCondition> rank() {
    SyntheticKnowledge.Query query = queries.get(next);
    next = (next + 1) % queries.size();
    return musculo.rank(query.presentation(), SyntheticBenchmark.TOP);
  }
}
