package org.musculo.internal.engine;

import java.util.Arrays;

/**
 * Bayesian scoring in likelihood-ratio form over flat postings.
 *
 * <p>Each condition's weight is its prior times, for every present finding, P(g|c) / bg(g) for
 * the most specific finding g that the report implies and the condition shows, and for every
 * absent finding, (1 - P(f|c)) / (1 - bg(f)); a condition that shows none of them is assumed to
 * show the finding with probability {@link CompiledKnowledge#LEAK}. "Something else" keeps
 * its prior weight: its likelihood of any finding is the background. Because every condition that
 * does not list a finding moves by the same factor, that factor is kept once as a global offset
 * and only the conditions in the finding's postings are touched, so the cost of an assessment
 * grows with the postings its findings touch, not with the number of conditions.
 *
 * <p>Instances are thread-safe: per-thread scratch arrays are reused between calls.
 */
public final class Scorer {
  private final CompiledKnowledge k;
  private final ThreadLocal<Scratch> scratch;

  /**
   * Creates a scorer.
   *
   * @param k the compiled knowledge
   */
  public Scorer(CompiledKnowledge k) {
    this.k = k;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(k.conditionCount()));
  }

  /** Per-thread arrays indexed by condition, cleared lazily through generation stamps. */
  private static final class Scratch {
    final double[] correction;
    final int[] touchedStamp;
    final int[] claimStamp;
    final int[] touched;
    int generation;
    int claimGeneration;

    Scratch(int n) {
      correction = new double[n];
      touchedStamp = new int[n];
      claimStamp = new int[n];
      touched = new int[n];
    }
  }

  /**
   * Scores the evidence.
   *
   * @param e the evidence
   * @return the posterior over all conditions and the remainder
   */
  public Posterior score(Evidence e) {
    Scratch s = scratch.get();
    if (++s.generation == 0) {
      Arrays.fill(s.touchedStamp, 0);
      s.generation = 1;
    }
    int touchedCount = 0;
    double global = 0;
    java.util.Set<Long> sharedClaims = e.shared.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>();
    for (int f : e.present) {
      double leak = k.logLeakPresent[f];
      global += leak;
      int claim = nextClaim(s);
      for (int g : k.implied[f]) {
        // the report itself matches what a condition shows of it or of anything more specific;
        // a more general finding matches only where the content lists it
        int[] conds = g == f ? k.postingConditions[g] : k.explicitConditions[g];
        double[] freqs = g == f ? k.postingFrequencies[g] : k.explicitFrequencies[g];
        double logBg = Math.log(k.background[g]);
        for (int i = 0; i < conds.length; i++) {
          int c = conds[i];
          if (s.claimStamp[c] == claim) {
            continue;
          }
          if (e.shared.get(g) && sharedClaims.contains(((long) c << 32) | g)) {
            continue; // another report already counted this finding for this condition
          }
          if (!e.shared.isEmpty()) {
            for (int a : k.implied[g]) {
              if (e.shared.get(a)) {
                sharedClaims.add(((long) c << 32) | a);
              }
            }
          }
          s.claimStamp[c] = claim;
          touchedCount = touch(s, c, touchedCount);
          s.correction[c] += Math.log(freqs[i]) - logBg - leak;
        }
      }
    }
    for (int f : e.absent) {
      double leak = k.logLeakAbsent[f];
      global += leak;
      int[] conds = k.postingConditions[f];
      double[] freqs = k.postingFrequencies[f];
      double log1mBg = Math.log(1 - k.background[f]);
      for (int i = 0; i < conds.length; i++) {
        int c = conds[i];
        touchedCount = touch(s, c, touchedCount);
        s.correction[c] += Math.log(1 - freqs[i]) - log1mBg - leak;
      }
    }
    for (int f = e.presentClosure.nextSetBit(0); f >= 0; f = e.presentClosure.nextSetBit(f + 1)) {
      int[] conds = k.riskConditions[f];
      double[] odds = k.riskLogOdds[f];
      for (int i = 0; i < conds.length; i++) {
        touchedCount = touch(s, conds[i], touchedCount);
        s.correction[conds[i]] += odds[i];
      }
    }
    for (CompiledKnowledge.DemographicRisk r : k.demographicRisks) {
      if (r.demographic().matches(e.age, e.sex, e.pregnant)) {
        touchedCount = touch(s, r.condition(), touchedCount);
        s.correction[r.condition()] += r.logOdds();
      }
    }
    int[] touched = Arrays.copyOf(s.touched, touchedCount);
    Arrays.sort(touched);
    double[] logWeight = new double[touchedCount];
    for (int i = 0; i < touchedCount; i++) {
      int c = touched[i];
      logWeight[i] = k.logPrior[c] + global + s.correction[c];
    }
    return new Posterior(k, global, touched, logWeight);
  }

  private static int nextClaim(Scratch s) {
    if (++s.claimGeneration == 0) {
      Arrays.fill(s.claimStamp, 0);
      s.claimGeneration = 1;
    }
    return s.claimGeneration;
  }

  private static int touch(Scratch s, int c, int count) {
    if (s.touchedStamp[c] != s.generation) {
      s.touchedStamp[c] = s.generation;
      s.correction[c] = 0;
      s.touched[count++] = c;
    }
    return count;
  }
}
