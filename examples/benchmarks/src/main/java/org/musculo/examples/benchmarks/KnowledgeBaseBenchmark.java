package org.musculo.examples.benchmarks;

import java.util.concurrent.TimeUnit;
import org.musculo.Musculo;
import org.musculo.content.ContentDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Compiles a synthetic knowledge base from a document already in memory: checking and resolving
 * the content ({@code KnowledgeBase.builder()...build()}), then {@link Musculo#create} (the
 * compiled arrays and the symptom index).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KnowledgeBaseBenchmark {
  @Param({"10000"})
  public int conditions;

  private ContentDocument document;

  @Setup
  public void setUp() {
    document = SyntheticKnowledge.generate(conditions, SyntheticBenchmark.SEED).document();
  }

  /** Compiles the knowledge base and creates Musculo over it. */
  @Benchmark
  public Musculo compile() {
    return Musculo.create(SyntheticKnowledge.compile(document));
  }
}
