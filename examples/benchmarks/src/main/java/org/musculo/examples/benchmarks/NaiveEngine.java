package org.musculo.examples.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The textbook scorer: for every query, every condition and every finding it lists.
 *
 * <p>weight(c) = prior(c) x product over present f of p(f|c) / bg(f) x product over absent f of
 * (1 - p(f|c)) / (1 - bg(f)), where p(f|c) is the listed frequency or {@code LEAK} when c does not
 * list f; "something else" weighs max(0.1, 1 - sum of priors); probabilities are weights over
 * their sum. The factors of findings a condition does not list are the same for every condition,
 * so they are multiplied once per query ({@code base}) and divided out where a condition lists
 * the finding, which leaves one multiplication per listed finding that the query names.
 */
final class NaiveEngine implements RankingEngine {
  private static final byte UNKNOWN = 0;
  private static final byte PRESENT = 1;
  private static final byte ABSENT = 2;
  private static final double LEAK = SyntheticKnowledge.LEAK;

  private final String[] ids;
  private final double[] prior;
  private final int[][] findings;
  private final double[][] frequencies;
  private final double[] background;
  private final double remainder;
  private final byte[] state;

  NaiveEngine(SyntheticKnowledge k) {
    int n = k.conditionCount();
    ids = k.conditionIds();
    prior = new double[n];
    findings = new int[n][];
    frequencies = new double[n][];
    double sum = 0;
    for (int c = 0; c < n; c++) {
      prior[c] = k.prior(c);
      sum += prior[c];
      findings[c] = k.findings(c);
      frequencies[c] = k.frequencies(c);
    }
    background = k.backgrounds();
    remainder = Math.max(SyntheticKnowledge.MIN_REMAINDER, 1 - sum);
    state = new byte[k.findingCount()];
  }

  @Override
  public List<Hit> rank(SyntheticKnowledge.Query query, int n) {
    double base = 1;
    for (int f : query.present()) {
      state[f] = PRESENT;
      base *= LEAK / background[f];
    }
    for (int f : query.absent()) {
      state[f] = ABSENT;
      base *= (1 - LEAK) / (1 - background[f]);
    }
    int limit = Math.min(n, ids.length);
    int[] top = new int[limit];
    double[] topWeight = new double[limit];
    int size = 0;
    double total = remainder;
    for (int c = 0; c < ids.length; c++) {
      double w = prior[c] * base;
      int[] fs = findings[c];
      double[] ps = frequencies[c];
      for (int i = 0; i < fs.length; i++) {
        byte s = state[fs[i]];
        if (s == PRESENT) {
          w *= ps[i] / LEAK;
        } else if (s == ABSENT) {
          w *= (1 - ps[i]) / (1 - LEAK);
        }
      }
      total += w;
      // conditions come in id order, so an equal weight never displaces an earlier one
      if (size < limit || w > topWeight[size - 1]) {
        int i = size < limit ? size++ : size - 1;
        while (i > 0 && w > topWeight[i - 1]) {
          top[i] = top[i - 1];
          topWeight[i] = topWeight[i - 1];
          i--;
        }
        top[i] = c;
        topWeight[i] = w;
      }
    }
    for (int f : query.present()) {
      state[f] = UNKNOWN;
    }
    for (int f : query.absent()) {
      state[f] = UNKNOWN;
    }
    List<Hit> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Hit(ids[top[i]], topWeight[i] / total));
    }
    return out;
  }
}
