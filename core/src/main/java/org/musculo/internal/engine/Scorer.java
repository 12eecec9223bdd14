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
  /** The demographic risk factors: condition, index of the demographic, odds ratio. */
  private final int[] demographicCondition;
  private final int[] demographic;
  private final double[] demographicOdds;
  /**
   * Per finding whose postings cover at least a {@value #DENSE_ROW_SHARE}th of the conditions:
   * the factor each condition's weight is multiplied by when it is reported present (P(f|c) /
   * bg(f) * bg(f) / LEAK, exactly the product the posting loop forms) and absent, and 1 where a
   * condition has no posting; null for other findings. One pass over such a row costs less than
   * the indexed loop over its postings; a dense posterior applies every such row with the priors,
   * before the other factors, so it agrees with the posting loop up to the rounding of a product.
   */
  private final double[][] densePresent;
  private final double[][] denseAbsent;
  /** A finding gets dense rows when its postings times this reach the number of conditions. */
  static final int DENSE_ROW_SHARE = 3;
  /** Conditions below which no dense rows are kept: short rows gain nothing. */
  private static final int DENSE_ROW_MIN = 256;

  /**
   * Creates a scorer.
   *
   * @param k the compiled knowledge
   */
  public Scorer(CompiledKnowledge k) {
    this(k, true);
  }

  /**
   * Creates a scorer, with or without dense factor rows (which give the same posterior up to rounding).
   *
   * @param k the compiled knowledge
   * @param denseRows whether to keep dense rows for the longest postings
   */
  Scorer(CompiledKnowledge k, boolean denseRows) {
    this.k = k;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(k.conditionCount(), k.findingCount()));
    int risks = k.demographicRisks.size();
    this.demographicCondition = new int[risks];
    this.demographic = new int[risks];
    this.demographicOdds = new double[risks];
    for (int i = 0; i < risks; i++) {
      CompiledKnowledge.DemographicRisk r = k.demographicRisks.get(i);
      demographicCondition[i] = r.condition();
      demographic[i] = r.demographic();
      demographicOdds[i] = r.odds();
    }
    int nc = k.conditionCount();
    int nf = k.findingCount();
    this.densePresent = new double[nf][];
    this.denseAbsent = new double[nf][];
    // the rows take at most as many cells as there are postings, the longest postings first
    long budget = 0;
    for (int f = 0; f < nf; f++) {
      budget += k.postingConditions[f].length;
    }
    Integer[] byLength = new Integer[nf];
    for (int f = 0; f < nf; f++) {
      byLength[f] = f;
    }
    java.util.Arrays.sort(byLength, (a, b) -> k.postingConditions[b].length - k.postingConditions[a].length);
    for (int i = 0; denseRows && nc >= DENSE_ROW_MIN && i < nf; i++) {
      int f = byLength[i];
      int[] conds = k.postingConditions[f];
      if ((long) conds.length * DENSE_ROW_SHARE < nc || budget < 2L * nc) {
        break;
      }
      budget -= 2L * nc;
      double[] present = new double[nc];
      double[] absent = new double[nc];
      Arrays.fill(present, 1);
      Arrays.fill(absent, 1);
      double unleak = k.inverseLeakPresent[f];
      for (int j = 0; j < conds.length; j++) {
        present[conds[j]] = k.postingRatios[f][j] * unleak;
        absent[conds[j]] = k.absentFactors[f][j] * 1;
      }
      densePresent[f] = present;
      denseAbsent[f] = absent;
    }
  }

  /** Per-thread arrays indexed by condition, cleared lazily through generation stamps. */
  private static final class Scratch {
    final double[] accumulated;
    final int[] touchedStamp;
    final int[] claimStamp;
    final int[] touched;
    /** The weights of a transient dense posterior: reused by the next transient one. */
    final double[] dense;
    /** The dense rows a dense posterior applies with the priors. */
    double[][] rows = new double[8][];
    /**
     * Per finding several reports imply: the offset of its row in {@link #sharedClaim}, where a
     * condition that counted it is stamped with the generation.
     */
    final int[] sharedSlot;
    int[] sharedClaim = new int[0];
    int generation;
    int claimGeneration;

    Scratch(int n, int findings) {
      sharedSlot = new int[findings];
      accumulated = new double[n];
      touchedStamp = new int[n];
      claimStamp = new int[n];
      touched = new int[n];
      dense = new double[n];
    }
  }

  /**
   * Scores the evidence.
   *
   * <p>Each touched condition accumulates its likelihood ratios relative to the shared factor of
   * conditions that do not list a finding. They are multiplied in linear space when the evidence
   * is small enough that no product can leave the range of a double (the common case, with no
   * logarithm per posting), and added as logarithms otherwise.
   *
   * @param e the evidence
   * @return the posterior over all conditions and the remainder
   */
  public Posterior score(Evidence e) {
    return score(e, fitsLinear(e), false);
  }

  /**
   * Scores the evidence into this thread's scratch space: the posterior is valid until the next
   * transient score on the same thread, so it must not escape the caller. A dense posterior then
   * reuses one array that stays in cache instead of a fresh one per call.
   *
   * @param e the evidence
   * @return the posterior, valid until this thread's next call of this method
   */
  Posterior scoreTransient(Evidence e) {
    return score(e, fitsLinear(e), true);
  }

  /** Whether every product of this evidence's factors and a prior stays well inside a double. */
  boolean fitsLinear(Evidence e) {
    int factors = e.present.length + e.absent.length + e.presentClosureSize + k.demographicRisks.size();
    return factors * k.maxAbsLogFactor + k.maxAbsLogPrior < LINEAR_LIMIT;
  }

  /** Largest magnitude of a natural log that linear products may reach (a double ends near 709). */
  private static final double LINEAR_LIMIT = 600;

  /**
   * Scores the evidence in linear or in log space; both give the same posterior up to rounding.
   *
   * @param e the evidence
   * @param linear whether to multiply ratios rather than add their logarithms
   * @return the posterior
   */
  Posterior score(Evidence e, boolean linear) {
    return score(e, linear, false);
  }

  private Posterior score(Evidence e, boolean linear, boolean transientWeights) {
    Scratch s = scratch.get();
    if (++s.generation == 0) {
      Arrays.fill(s.touchedStamp, 0);
      Arrays.fill(s.sharedClaim, 0);
      s.generation = 1;
    }
    int n = k.conditionCount();
    // when the postings to visit are many against the conditions, every condition gets its own
    // weight from the start: no stamps, and the cost still grows with the postings visited
    boolean dense = linear && postingsToVisit(e) * Posterior.DENSE_RATIO >= n;
    // a dense posterior starts as the priors times every dense row, in one pass over them all
    int rows = dense ? denseRows(e, s) : 0;
    double[] acc = !dense ? s.accumulated
        : product(k.prior, s.rows, rows, transientWeights ? s.dense : new double[n]);
    int touchedCount = 0;
    double global = 0;
    // a finding implied by several reports counts once per condition: each such finding gets a
    // slot, and a condition's claim on it is stamped in that slot's row
    boolean anyShared = !e.shared.isEmpty();
    if (anyShared) {
      int slots = 0;
      for (int g = e.shared.nextSetBit(0); g >= 0; g = e.shared.nextSetBit(g + 1)) {
        s.sharedSlot[g] = slots++ * n;
      }
      if (s.sharedClaim.length < slots * n) {
        s.sharedClaim = new int[slots * n];
      }
    }
    for (int p = 0; p < e.present.length; p++) {
      int f = e.present[p];
      global += k.logLeakPresent[f];
      double unleak = k.inverseLeakPresent[f];
      if (dense && k.implied[f].length == 1) {
        // nothing more general to match, nothing to claim: the common case, in one tight loop
        if (densePresent[f] == null) {
          multiply(acc, k.postingConditions[f], k.postingRatios[f], unleak);
        } // else applied with the priors
        continue;
      }
      int claim = nextClaim(s);
      boolean claims = k.implied[f].length > 1;
      for (int g : k.implied[f]) {
        // the report itself matches what a condition shows of it or of anything more specific;
        // a more general finding matches only where the content lists it
        int[] conds = g == f ? k.postingConditions[g] : k.explicitConditions[g];
        double[] ratios = g == f ? k.postingRatios[g] : k.explicitRatios[g];
        for (int i = 0; i < conds.length; i++) {
          int c = conds[i];
          if (claims && s.claimStamp[c] == claim) {
            continue;
          }
          if (anyShared && e.shared.get(g) && s.sharedClaim[s.sharedSlot[g] + c] == s.generation) {
            continue; // another report already counted this finding for this condition
          }
          if (claims) {
            s.claimStamp[c] = claim;
          }
          if (anyShared) {
            for (int a : k.implied[g]) {
              if (e.shared.get(a)) {
                s.sharedClaim[s.sharedSlot[a] + c] = s.generation;
              }
            }
          }
          double factor = ratios[i] * unleak;
          touchedCount = apply(s, acc, c, factor, dense, linear, touchedCount);
        }
      }
    }
    for (int j = 0; j < e.absent.length; j++) {
      int f = e.absent[j];
      global += k.logLeakAbsent[f];
      int[] conds = k.postingConditions[f];
      double[] factors = k.absentFactors[f];
      if (dense) {
        if (denseAbsent[f] == null) {
          multiply(acc, conds, factors, 1);
        } // else applied with the priors
        continue;
      }
      for (int i = 0; i < conds.length; i++) {
        int c = conds[i];
        touchedCount = apply(s, acc, c, factors[i], dense, linear, touchedCount);
      }
    }
    for (int f = e.presentClosure.nextSetBit(0); f >= 0; f = e.presentClosure.nextSetBit(f + 1)) {
      int[] conds = k.riskConditions[f];
      double[] odds = k.riskOdds[f];
      for (int i = 0; i < conds.length; i++) {
        int c = conds[i];
        touchedCount = apply(s, acc, c, odds[i], dense, linear, touchedCount);
      }
    }
    if (demographic.length > 0) {
      for (int i = 0; i < demographic.length; i++) {
        if (e.inDemographic[demographic[i]]) {
          touchedCount = apply(s, acc, demographicCondition[i], demographicOdds[i], dense, linear, touchedCount);
        }
      }
    }
    if (dense) {
      return Posterior.dense(k, acc, 1, global);
    }
    return linear ? linearPosterior(s, touchedCount, global) : logPosterior(s, touchedCount, global);
  }

  /** An upper bound on the conditions the evidence touches: the postings it will visit. */
  private long postingsToVisit(Evidence e) {
    long count = k.demographicRisks.size();
    for (int f : e.present) {
      for (int g : k.implied[f]) {
        count += g == f ? k.postingConditions[g].length : k.explicitConditions[g].length;
      }
    }
    for (int f : e.absent) {
      count += k.postingConditions[f].length;
    }
    for (int f = e.presentClosure.nextSetBit(0); f >= 0; f = e.presentClosure.nextSetBit(f + 1)) {
      count += k.riskConditions[f].length;
    }
    return count;
  }

  private Posterior linearPosterior(Scratch s, int touchedCount, double global) {
    int[] touched = Arrays.copyOf(s.touched, touchedCount);
    Arrays.sort(touched);
    double[] weight = new double[touchedCount];
    for (int i = 0; i < touchedCount; i++) {
      weight[i] = k.prior[touched[i]] * s.accumulated[touched[i]];
    }
    return Posterior.sparse(k, touched, weight, 1, global);
  }

  private Posterior logPosterior(Scratch s, int touchedCount, double global) {
    // scale by the largest log weight so that the largest linear weight is one
    double max = Double.NEGATIVE_INFINITY;
    double untouchedPrior = k.sumPrior;
    for (int i = 0; i < touchedCount; i++) {
      int c = s.touched[i];
      max = Math.max(max, k.logPrior[c] + s.accumulated[c]);
      untouchedPrior -= k.prior[c];
    }
    if (untouchedPrior > 0) {
      max = Math.max(max, Math.log(untouchedPrior));
    }
    if (max == Double.NEGATIVE_INFINITY) {
      max = 0;
    }
    double untouchedFactor = Math.exp(-max);
    int n = k.conditionCount();
    if (touchedCount * Posterior.DENSE_RATIO >= n) {
      double[] weight = new double[n];
      for (int c = 0; c < n; c++) {
        weight[c] = s.touchedStamp[c] == s.generation
            ? Math.exp(k.logPrior[c] + s.accumulated[c] - max)
            : k.prior[c] * untouchedFactor;
      }
      return Posterior.dense(k, weight, untouchedFactor, global + max);
    }
    int[] touched = Arrays.copyOf(s.touched, touchedCount);
    Arrays.sort(touched);
    double[] weight = new double[touchedCount];
    for (int i = 0; i < touchedCount; i++) {
      int c = touched[i];
      weight[i] = Math.exp(k.logPrior[c] + s.accumulated[c] - max);
    }
    return Posterior.sparse(k, touched, weight, untouchedFactor, global + max);
  }

  /**
   * Applies one factor to condition {@code c}: in place when dense, otherwise on the touched
   * condition's accumulator, multiplied or added as a logarithm.
   *
   * @return the new number of touched conditions
   */
  private static int apply(Scratch s, double[] acc, int c, double factor, boolean dense, boolean linear,
      int touchedCount) {
    if (dense) {
      acc[c] *= factor;
      return touchedCount;
    }
    int count = touch(s, c, touchedCount, linear ? 1 : 0);
    acc[c] = linear ? acc[c] * factor : acc[c] + Math.log(factor);
    return count;
  }

  /**
   * Puts in {@code s.rows} the dense rows of the evidence's findings that a dense posterior
   * applies with the priors: the present findings with nothing more general to match, then the
   * absent ones; returns how many.
   */
  private int denseRows(Evidence e, Scratch s) {
    if (s.rows.length < e.present.length + e.absent.length) {
      s.rows = new double[e.present.length + e.absent.length][];
    }
    int count = 0;
    for (int f : e.present) {
      if (k.implied[f].length == 1 && densePresent[f] != null) {
        s.rows[count++] = densePresent[f];
      }
    }
    for (int f : e.absent) {
      if (denseAbsent[f] != null) {
        s.rows[count++] = denseAbsent[f];
      }
    }
    return count;
  }

  /**
   * Returns the priors times the first {@code count} of the dense rows, multiplied
   * left to right, in as few passes as possible: a dense row holds 1 where a condition has no
   * posting, and multiplying by 1 changes no double, so each row is its posting loop without
   * indices.
   */
  private static double[] product(double[] prior, double[][] rows, int count, double[] out) {
    int n = out.length;
    switch (count) {
      case 0:
        System.arraycopy(prior, 0, out, 0, n);
        return out;
      case 1: {
        double[] a = rows[0];
        for (int c = 0; c < n; c++) {
          out[c] = prior[c] * a[c];
        }
        return out;
      }
      case 2: {
        double[] a = rows[0];
        double[] b = rows[1];
        for (int c = 0; c < n; c++) {
          out[c] = prior[c] * a[c] * b[c];
        }
        return out;
      }
      default: {
        double[] a = rows[0];
        double[] b = rows[1];
        double[] d = rows[2];
        for (int c = 0; c < n; c++) {
          out[c] = prior[c] * a[c] * b[c] * d[c];
        }
        for (int r = 3; r < count; r += 2) {
          double[] x = rows[r];
          if (r + 1 < count) {
            double[] y = rows[r + 1];
            for (int c = 0; c < n; c++) {
              out[c] = out[c] * x[c] * y[c];
            }
          } else {
            for (int c = 0; c < n; c++) {
              out[c] *= x[c];
            }
          }
        }
        return out;
      }
    }
  }

  /** Multiplies {@code acc[conds[i]]} by {@code factors[i] * scale} for every posting. */
  private static void multiply(double[] acc, int[] conds, double[] factors, double scale) {
    for (int i = 0; i < conds.length; i++) {
      acc[conds[i]] *= factors[i] * scale;
    }
  }

  private static int nextClaim(Scratch s) {
    if (++s.claimGeneration == 0) {
      Arrays.fill(s.claimStamp, 0);
      s.claimGeneration = 1;
    }
    return s.claimGeneration;
  }

  private static int touch(Scratch s, int c, int count, double start) {
    if (s.touchedStamp[c] != s.generation) {
      s.touchedStamp[c] = s.generation;
      s.accumulated[c] = start;
      s.touched[count++] = c;
    }
    return count;
  }
}
