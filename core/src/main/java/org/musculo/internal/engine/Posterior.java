package org.musculo.internal.engine;

import java.util.Arrays;

/**
 * Posterior weights of every condition and of "something else".
 *
 * <p>Weights are kept in linear space relative to a common scale {@code e^logScale}: a condition
 * no finding touched weighs its prior times one shared factor, so it is never materialised one by
 * one unless the touched conditions are already a large share of all of them. Two layouts:
 *
 * <ul>
 *   <li><b>dense</b>, when the evidence touched at least an eighth of the conditions: one weight
 *       per condition, so every lookup is an array read and the top conditions come from one pass;
 *   <li><b>sparse</b>, otherwise: the touched conditions sorted by index with their weights, the
 *       others read from the prior order, so the cost follows the touched conditions only.
 * </ul>
 */
public final class Posterior {
  /** The dense layout is chosen when touched conditions times this reach all conditions. */
  static final int DENSE_RATIO = 8;

  private final CompiledKnowledge k;
  /** Dense layout: the weight of every condition; null in the sparse layout. */
  private final double[] dense;
  /** Sparse layout: touched condition indices, ascending, and their weights. */
  private final int[] touched;
  private final double[] touchedWeight;
  /** Weight of an untouched condition per unit of prior. */
  private final double untouchedFactor;
  /** Natural log of the unnormalised posterior mass of everything, on the true scale. */
  private final double logZ;
  private final double logScale;
  /** Weight to probability, when representable; 0 means go through logs. */
  private final double toProbability;
  /** Dense layout: the best {@value #CACHED_TOP} conditions, found in the same pass as the total. */
  private final int[] denseTop;

  /** How many of the best conditions the dense layout finds while it sums the weights. */
  static final int CACHED_TOP = Math.max(Assessor.MAX_CONDITIONS, Interviewer.CANDIDATES);

  private Posterior(CompiledKnowledge k, double[] dense, int[] touched, double[] touchedWeight,
      double untouchedFactor, double untouchedPrior, double logScale) {
    this.k = k;
    this.dense = dense;
    this.touched = touched;
    this.touchedWeight = touchedWeight;
    this.untouchedFactor = untouchedFactor;
    this.logScale = logScale;
    double total;
    if (dense != null) {
      Best best = new Best(Math.min(CACHED_TOP, dense.length));
      total = sumAndBest(dense, best);
      this.denseTop = best.indices();
    } else {
      total = sum(touchedWeight) + untouchedFactor * untouchedPrior;
      this.denseTop = null;
    }
    double conditions = Math.log(total) + logScale;
    double remainder = Math.log(k.remainderPrior);
    double max = Math.max(conditions, remainder);
    this.logZ = max + Math.log(Math.exp(conditions - max) + Math.exp(remainder - max));
    double factor = Math.exp(logScale - logZ);
    this.toProbability = factor > 0 && factor < Double.POSITIVE_INFINITY ? factor : 0;
  }

  /**
   * The dense layout: {@code weight[c]} for every condition.
   *
   * @param weight every condition's weight relative to {@code e^logScale}; kept, not copied
   */
  static Posterior dense(CompiledKnowledge k, double[] weight, double untouchedFactor, double logScale) {
    return new Posterior(k, weight, null, null, untouchedFactor, 0, logScale);
  }

  /**
   * The sparse layout.
   *
   * @param touched touched condition indices, ascending; kept, not copied
   * @param weight their weights relative to {@code e^logScale}; kept, not copied
   * @param untouchedFactor the weight of an untouched condition per unit of prior
   */
  static Posterior sparse(CompiledKnowledge k, int[] touched, double[] weight, double untouchedFactor,
      double logScale) {
    double untouchedPrior = k.sumPrior;
    for (int c : touched) {
      untouchedPrior -= k.prior[c];
    }
    return new Posterior(k, null, touched, weight, untouchedFactor, Math.max(0, untouchedPrior), logScale);
  }

  /** Sums in four independent lanes, so that additions need not wait for one another. */
  private static double sum(double[] xs) {
    double a = 0;
    double b = 0;
    double c = 0;
    double d = 0;
    int i = 0;
    for (; i + 3 < xs.length; i += 4) {
      a += xs[i];
      b += xs[i + 1];
      c += xs[i + 2];
      d += xs[i + 3];
    }
    for (; i < xs.length; i++) {
      a += xs[i];
    }
    return (a + b) + (c + d);
  }

  /**
   * Sums the weights exactly as {@link #sum} does and offers every weight that could enter the
   * best to {@code best}: one pass over the weights instead of two.
   */
  private static double sumAndBest(double[] xs, Best best) {
    double a = 0;
    double b = 0;
    double c = 0;
    double d = 0;
    double floor = Double.NEGATIVE_INFINITY;
    int i = 0;
    for (; i + 3 < xs.length; i += 4) {
      double w0 = xs[i];
      double w1 = xs[i + 1];
      double w2 = xs[i + 2];
      double w3 = xs[i + 3];
      a += w0;
      b += w1;
      c += w2;
      d += w3;
      if (w0 >= floor || w1 >= floor || w2 >= floor || w3 >= floor) {
        // a weight below the floor cannot enter, and the floor only rises
        if (w0 >= floor && best.offer(i, w0)) {
          floor = best.floor();
        }
        if (w1 >= floor && best.offer(i + 1, w1)) {
          floor = best.floor();
        }
        if (w2 >= floor && best.offer(i + 2, w2)) {
          floor = best.floor();
        }
        if (w3 >= floor && best.offer(i + 3, w3)) {
          floor = best.floor();
        }
      }
    }
    for (; i < xs.length; i++) {
      a += xs[i];
      best.offer(i, xs[i]);
    }
    return (a + b) + (c + d);
  }

  /** Whether this posterior keeps one weight per condition. */
  boolean isDense() {
    return dense != null;
  }

  /** Returns condition {@code c}'s weight relative to the common scale. */
  private double weight(int c) {
    if (dense != null) {
      return dense[c];
    }
    int i = Arrays.binarySearch(touched, c);
    return i >= 0 ? touchedWeight[i] : k.prior[c] * untouchedFactor;
  }

  private boolean isTouched(int c) {
    return Arrays.binarySearch(touched, c) >= 0;
  }

  private double probabilityOfWeight(double w) {
    if (w == 0) {
      return 0;
    }
    return toProbability > 0 ? w * toProbability : Math.exp(Math.log(w) + logScale - logZ);
  }

  /** Returns the posterior probability of condition {@code c}. */
  public double probability(int c) {
    return probabilityOfWeight(weight(c));
  }

  /** Returns the posterior probability that none of the conditions explains the evidence. */
  public double remainder() {
    return Math.exp(Math.log(k.remainderPrior) - logZ);
  }

  /**
   * Returns the indices of the {@code n} most probable conditions, most probable first, ties
   * broken by id; the cost grows with the touched conditions and {@code n}, not with all
   * conditions.
   */
  public int[] top(int n) {
    int limit = Math.min(n, k.conditionCount());
    if (dense != null && limit <= denseTop.length) {
      // the best of all are known since the weights were summed; the first n of them are the best n
      return Arrays.copyOf(denseTop, limit);
    }
    Best best = new Best(limit);
    if (dense != null) {
      // most conditions fall below the current n-th best: one comparison each
      double floor = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < dense.length; c++) {
        double w = dense[c];
        if (w >= floor && best.offer(c, w)) {
          floor = best.floor();
        }
      }
      return best.indices();
    }
    for (int i = 0; i < touched.length; i++) {
      best.offer(touched[i], touchedWeight[i]);
    }
    // untouched conditions keep their prior order: only the first few can make the top
    int taken = 0;
    for (int c : k.byPrior) {
      if (taken == limit) {
        break;
      }
      if (!isTouched(c)) {
        taken++;
        if (!best.offer(c, k.prior[c] * untouchedFactor)) {
          break;
        }
      }
    }
    return best.indices();
  }

  /**
   * Returns every condition whose probability reaches its safety threshold, in index order: in
   * the sparse layout the touched ones are checked one by one and the others in order of prior
   * over threshold until one falls short, so the cost does not grow with the number of conditions.
   */
  public int[] aboveThreshold() {
    int[] out = new int[8];
    int count = 0;
    if (dense != null) {
      for (int c = 0; c < dense.length; c++) {
        if (k.threshold[c] < 1 && probabilityOfWeight(dense[c]) >= k.threshold[c]) {
          out = append(out, count++, c);
        }
      }
      return Arrays.copyOf(out, count);
    }
    for (int i = 0; i < touched.length; i++) {
      int c = touched[i];
      if (k.threshold[c] < 1 && probabilityOfWeight(touchedWeight[i]) >= k.threshold[c]) {
        out = append(out, count++, c);
      }
    }
    for (int c : k.byPriorOverThreshold) {
      if (probabilityOfWeight(k.prior[c] * untouchedFactor) < k.threshold[c]) {
        break;
      }
      if (!isTouched(c)) {
        out = append(out, count++, c);
      }
    }
    out = Arrays.copyOf(out, count);
    Arrays.sort(out);
    return out;
  }

  private static int[] append(int[] out, int at, int c) {
    int[] grown = at < out.length ? out : Arrays.copyOf(out, out.length * 2);
    grown[at] = c;
    return grown;
  }

  /** The best few conditions seen so far, by weight and then by id, kept by insertion. */
  private final class Best {
    private final int[] index;
    private final double[] weight;
    private int size;

    Best(int limit) {
      index = new int[limit];
      weight = new double[limit];
    }

    /** Offers a condition; returns whether it entered the best. */
    boolean offer(int c, double w) {
      int limit = index.length;
      if (limit == 0 || size == limit && !before(c, w, index[size - 1], weight[size - 1])) {
        return false;
      }
      int i = size < limit ? size++ : size - 1;
      while (i > 0 && before(c, w, index[i - 1], weight[i - 1])) {
        index[i] = index[i - 1];
        weight[i] = weight[i - 1];
        i--;
      }
      index[i] = c;
      weight[i] = w;
      return true;
    }

    /** Returns the weight a condition needs to be considered: the n-th best's once full. */
    double floor() {
      return size == index.length ? weight[size - 1] : Double.NEGATIVE_INFINITY;
    }

    private boolean before(int a, double wa, int b, double wb) {
      return wa != wb ? wa > wb : k.idRank[a] < k.idRank[b];
    }

    int[] indices() {
      return size == index.length ? index : Arrays.copyOf(index, size);
    }
  }
}
