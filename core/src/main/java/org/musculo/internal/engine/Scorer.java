package org.musculo.internal.engine;

import java.util.Arrays;

/**
 * Bayesian scoring in likelihood-ratio form over flat postings.
 *
 * <p>Each condition's weight is its prior times, for every present finding, P(f|c) / bg(f), and
 * for every absent finding, (1 - P(f|c)) / (1 - bg(f)); a condition that does not list a finding
 * is assumed to show it with probability {@link CompiledKnowledge#LEAK}. "Something else" keeps
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
    final double[] minAbsent;
    final int[] touched;
    final int[] claimedList;
    int generation;
    int claimGeneration;

    Scratch(int n) {
      correction = new double[n];
      touchedStamp = new int[n];
      claimStamp = new int[n];
      minAbsent = new double[n];
      touched = new int[n];
      claimedList = new int[n];
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
    for (int f : e.present) {
      double leak = k.logLeakPresent[f];
      global += leak;
      int claim = nextClaim(s);
      for (int g : k.implied[f]) {
        int[] conds = k.postingConditions[g];
        double[] freqs = k.postingFrequencies[g];
        double logBg = Math.log(k.background[g]);
        for (int i = 0; i < conds.length; i++) {
          int c = conds[i];
          if (s.claimStamp[c] == claim) {
            continue;
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
      int claim = nextClaim(s);
      int claimed = 0;
      for (int d : k.impliedBy[f]) {
        if (e.presentClosure.get(d)) {
          continue;
        }
        int[] conds = k.postingConditions[d];
        double[] freqs = k.postingFrequencies[d];
        double log1mBg = Math.log(1 - k.background[d]);
        for (int i = 0; i < conds.length; i++) {
          int c = conds[i];
          double lr = Math.log(1 - freqs[i]) - log1mBg;
          if (s.claimStamp[c] != claim) {
            s.claimStamp[c] = claim;
            s.minAbsent[c] = lr;
            s.claimedList[claimed++] = c;
          } else if (lr < s.minAbsent[c]) {
            s.minAbsent[c] = lr;
          }
        }
      }
      for (int i = 0; i < claimed; i++) {
        int c = s.claimedList[i];
        touchedCount = touch(s, c, touchedCount);
        s.correction[c] += s.minAbsent[c] - leak;
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
