package org.musculo.internal.engine;

import java.util.Arrays;

/**
 * Posterior weights of every condition and of "something else": conditions no finding touched
 * share one global offset on their prior, so they are never materialised one by one.
 */
public final class Posterior {
  private final CompiledKnowledge k;
  private final double global;
  private final int[] touched;
  private final double[] logWeight;
  private final double logZ;
  private final int[] touchedByWeight;

  Posterior(CompiledKnowledge k, double global, int[] touched, double[] logWeight) {
    this.k = k;
    this.global = global;
    this.touched = touched;
    this.logWeight = logWeight;
    double max = Math.log(k.remainderPrior);
    for (double w : logWeight) {
      max = Math.max(max, w);
    }
    double untouchedPrior = k.sumPrior;
    for (int c : touched) {
      untouchedPrior -= k.prior[c];
    }
    untouchedPrior = Math.max(0, untouchedPrior);
    if (untouchedPrior > 0) {
      max = Math.max(max, Math.log(untouchedPrior) + global);
    }
    double z = Math.exp(Math.log(k.remainderPrior) - max);
    for (double w : logWeight) {
      z += Math.exp(w - max);
    }
    if (untouchedPrior > 0) {
      z += Math.exp(Math.log(untouchedPrior) + global - max);
    }
    this.logZ = max + Math.log(z);
    Integer[] order = new Integer[touched.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compare(touched[a], logWeight[a], touched[b], logWeight[b]));
    this.touchedByWeight = Arrays.stream(order).mapToInt(i -> touched[i]).toArray();
  }

  private int compare(int a, double wa, int b, double wb) {
    if (wa != wb) {
      return Double.compare(wb, wa);
    }
    return k.conditionIds[a].compareTo(k.conditionIds[b]);
  }

  /** Returns the natural log of condition {@code c}'s unnormalised weight. */
  double logWeight(int c) {
    int i = Arrays.binarySearch(touched, c);
    return i >= 0 ? logWeight[i] : k.logPrior[c] + global;
  }

  /** Returns the posterior probability of condition {@code c}. */
  public double probability(int c) {
    return Math.exp(logWeight(c) - logZ);
  }

  /** Returns the posterior probability that none of the conditions explains the evidence. */
  public double remainder() {
    return Math.exp(Math.log(k.remainderPrior) - logZ);
  }

  /**
   * Returns the indices of the {@code n} most probable conditions, most probable first, ties
   * broken by id; cost grows with the touched conditions and {@code n}, not with all conditions.
   */
  public int[] top(int n) {
    int limit = Math.min(n, k.conditionCount());
    int[] out = new int[limit];
    int t = 0;
    int u = 0;
    int count = 0;
    while (count < limit) {
      while (u < k.byPrior.length && Arrays.binarySearch(touched, k.byPrior[u]) >= 0) {
        u++;
      }
      boolean haveT = t < touchedByWeight.length;
      boolean haveU = u < k.byPrior.length;
      if (!haveT && !haveU) {
        break;
      }
      if (haveT && haveU) {
        int a = touchedByWeight[t];
        int b = k.byPrior[u];
        if (compare(a, logWeight(a), b, k.logPrior[b] + global) <= 0) {
          out[count++] = a;
          t++;
        } else {
          out[count++] = b;
          u++;
        }
      } else if (haveT) {
        out[count++] = touchedByWeight[t++];
      } else {
        out[count++] = k.byPrior[u++];
      }
    }
    return count == limit ? out : Arrays.copyOf(out, count);
  }

  /**
   * Returns every condition whose probability reaches its safety threshold, in index order: the
   * touched ones checked one by one, the others in order of prior over threshold until one falls
   * short, so the cost does not grow with the number of conditions.
   */
  public int[] aboveThreshold() {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (int i = 0; i < touched.length; i++) {
      int c = touched[i];
      if (k.threshold[c] < 1 && Math.exp(logWeight[i] - logZ) >= k.threshold[c]) {
        out.add(c);
      }
    }
    double untouchedScale = Math.exp(global - logZ);
    for (int c : k.byPriorOverThreshold) {
      if (k.prior[c] * untouchedScale < k.threshold[c]) {
        break;
      }
      if (Arrays.binarySearch(touched, c) < 0) {
        out.add(c);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
