package org.musculo.examples.benchmarks;

import java.util.Arrays;

/**
 * Prints, for each size of synthetic knowledge base, the mean number of postings a pooled query
 * touches (the sum over its findings of the number of conditions listing each), for the time per
 * posting, and how many distinct conditions it touches.
 *
 * <p>Run: {@code java -cp examples/benchmarks/target/benchmarks.jar
 * org.musculo.examples.benchmarks.PostingStats [conditions...]}
 */
public final class PostingStats {
  private PostingStats() {}

  /**
   * Prints the statistics.
   *
   * @param args sizes; 1000, 10000 and 100000 when none is given
   */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println("conditions\tfindings\tpostings\tpostings touched per query (mean, min, max)"
        + "\tconditions touched per query (mean, share of all)");
    for (int n : sizes) {
      SyntheticKnowledge k = SyntheticKnowledge.generate(n, SyntheticBenchmark.SEED);
      long postings = 0;
      for (int c = 0; c < n; c++) {
        postings += k.findings(c).length;
      }
      int[] touched = k.postingsTouched();
      double conditions = Arrays.stream(k.conditionsTouched()).average().orElse(0);
      System.out.printf("%d\t%d\t%d\t%.0f, %d, %d\t%.0f, %.1f%%%n", n, k.findingCount(), postings,
          Arrays.stream(touched).average().orElse(0), Arrays.stream(touched).min().orElse(0),
          Arrays.stream(touched).max().orElse(0), conditions, 100 * conditions / n);
    }
  }
}
