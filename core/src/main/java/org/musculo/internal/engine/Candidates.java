package org.musculo.internal.engine;

import java.util.Arrays;
import org.musculo.model.TriageLevel;

/**
 * The interview's arithmetic for one call: the posterior over the leading conditions with its
 * logarithms and entropy, and for each candidate finding (a slot) the cells where a leading
 * condition shows it, each with the condition's frequency of the finding.
 *
 * <p>A leading condition that does not show a finding shows it at the leak. What every leading
 * condition would contribute at the leak is summed once per call, so a candidate's P(yes), bound
 * and gain cost its cells, usually a few, rather than a pass over all the leading conditions.
 * One instance per thread, reused.
 */
final class Candidates {
  private static final int STRIDE = Interviewer.CANDIDATES;
  private static final int LEVELS = Interviewer.LEVELS;
  private static final int CONSULTATION = TriageLevel.CONSULTATION.ordinal();
  private static final double INVERSE_LN2 = 1 / Math.log(2);
  private static final double LEAK = CompiledKnowledge.LEAK;
  private static final double LOG_LEAK = Math.log(LEAK);
  private static final double LOG_1M_LEAK = Math.log(1 - LEAK);
  /** Weight of a condition's uncertainty by its acuity: SELF_CARE, CONSULTATION, URGENT, EMERGENCY. */
  static final double[] STAKES = {1, 1.5, 2.5, 4};

  /** Probabilities of the leading conditions, their logarithms, acuities and weights. */
  final double[] p = new double[STRIDE];
  private final double[] logP = new double[STRIDE];
  private final int[] acuity = new int[STRIDE];
  private final double[] stakes = new double[STRIDE];
  /** Probability of each level, the rest counted as a consultation. */
  private final double[] levelMass = new double[LEVELS];
  /** Per-branch or per-bound sums by level. */
  private final double[] levels = new double[LEVELS];
  private int size;
  private double rest;
  private double logRest;
  private double h;
  /**
   * The cells, as lists per slot through {@link #cellNext} from {@link #head} (-1 ends a list):
   * each with its leading condition, its place in that condition's row (where the logarithms
   * are) and the frequency.
   */
  private int[] head = new int[64];
  private int[] cellNext = new int[64];
  private int[] cellCondition = new int[64];
  private int[] cellRow = new int[64];
  private double[] cellFrequency = new double[64];
  private int cells;
  /** The logarithms of each leading condition's row, for the exact gains. */
  private final CompiledKnowledge.RowLogarithms[] rowLogs = new CompiledKnowledge.RowLogarithms[STRIDE];
  /** 1 / {@link #levelMass}, 0 for a level without mass. */
  private final double[] inverseLevelMass = new double[LEVELS];
  /** Sum of stakes times probability over the leading conditions, and their mass per level. */
  private double weighted;
  private double leadingTotal;
  private final double[] leadingMass = new double[LEVELS];
  /**
   * Each branch as if every leading condition showed the finding at the leak: the sum of w q ln q,
   * of w q, and q per level, over the leading conditions, for a yes and for a no.
   */
  private final double[] leakSum = new double[2];
  private final double[] leakWeight = new double[2];
  private final double[][] leakLevels = new double[2][LEVELS];
  /** The index of a yes and of a no in the per-answer arrays. */
  private static final int YES = 0;
  private static final int NO = 1;
  /** The leak's chance of each answer, and its logarithm. */
  private static final double[] LEAK_OF = {LEAK, 1 - LEAK};
  private static final double[] LOG_LEAK_OF = {LOG_LEAK, LOG_1M_LEAK};

  /**
   * Starts a call over the leading conditions {@code top}, whose probabilities are already in
   * {@link #p}, with {@code slots} candidate slots and no cells yet.
   */
  void begin(CompiledKnowledge k, int[] top, double rest, int slots) {
    size = top.length;
    this.rest = rest;
    logRest = Math.log(rest);
    clear(levelMass);
    clear(leadingMass);
    weighted = 0;
    leadingTotal = 0;
    for (int a = YES; a <= NO; a++) {
      clear(leakLevels[a]);
      leakSum[a] = 0;
      leakWeight[a] = 0;
    }
    levelMass[CONSULTATION] += rest;
    for (int i = 0; i < size; i++) {
      logP[i] = Math.log(p[i]);
      acuity[i] = k.acuity[top[i]].ordinal();
      stakes[i] = STAKES[acuity[i]];
      levelMass[acuity[i]] += p[i];
      leadingMass[acuity[i]] += p[i];
      weighted += stakes[i] * p[i];
      leadingTotal += p[i];
      for (int a = YES; a <= NO && p[i] > 0; a++) {
        double q = p[i] * LEAK_OF[a];
        leakSum[a] += stakes[i] * q * (logP[i] + LOG_LEAK_OF[a]);
        leakWeight[a] += stakes[i] * q;
        leakLevels[a][acuity[i]] += q;
      }
    }
    if (head.length < slots) {
      head = new int[Math.max(slots, head.length * 2)];
    }
    Arrays.fill(head, 0, slots, -1);
    cells = 0;
    h = entropy();
    for (int l = 0; l < LEVELS; l++) {
      inverseLevelMass[l] = levelMass[l] > 0 ? 1 / levelMass[l] : 0;
    }
    for (int i = 0; i < size; i++) {
      rowLogs[i] = k.rowLogarithms(top[i]);
    }
  }

  /** Finds the cells of the slotted findings by reading each leading condition's row. */
  void scatter(CompiledKnowledge k, int[] top, int[] slotStamp, int[] slot, int gen) {
    for (int i = 0; i < size; i++) {
      int c = top[i];
      int[] fs = k.conditionFindings[c];
      for (int j = 0; j < fs.length; j++) {
        int f = fs[j];
        if (slotStamp[f] == gen) {
          add(slot[f], i, j, k.conditionFrequencies[c][j]);
        }
      }
    }
  }

  private void add(int slot, int condition, int row, double frequency) {
    if (cells == cellNext.length) {
      int grown = cells * 2;
      cellNext = Arrays.copyOf(cellNext, grown);
      cellCondition = Arrays.copyOf(cellCondition, grown);
      cellRow = Arrays.copyOf(cellRow, grown);
      cellFrequency = Arrays.copyOf(cellFrequency, grown);
    }
    cellNext[cells] = head[slot];
    cellCondition[cells] = condition;
    cellRow[cells] = row;
    cellFrequency[cells] = frequency;
    head[slot] = cells++;
  }

  /** P(yes) for the candidate in slot {@code j}, whose background frequency is {@code bg}. */
  double yes(double bg, int j) {
    double yes = rest * bg + LEAK * leadingTotal;
    for (int w = head[j]; w >= 0; w = cellNext[w]) {
      yes += p[cellCondition[w]] * (cellFrequency[w] - LEAK);
    }
    return yes;
  }

  /**
   * An upper bound on {@link #gain} for the candidate in slot {@code j}, without a logarithm;
   * both are computed in doubles, so it holds up to their rounding.
   *
   * <p>Expanding the branches, the gain in nats is a sum over the outcomes (each leading
   * condition with its weight, the rest, each level) of weight times mass times KL(f || yes),
   * the divergence of the outcome's chance of a yes, f, from the overall one, each bounded by
   * {@link #divergence}; a level's f is its outcomes' mass-weighted mean.
   */
  double bound(double bg, double yes, int j) {
    double no = 1 - yes;
    if (yes <= 0 || no <= 0) {
      return 0;
    }
    double inverseYes = 1 / yes;
    double inverseNo = 1 / no;
    // every leading condition first counted at the leak, then corrected where it shows the
    // finding: the cost follows the conditions that show it, not all the leading ones
    double atLeak = divergence(LEAK, yes, inverseYes, inverseNo);
    double sum = rest * divergence(bg, yes, inverseYes, inverseNo) + weighted * atLeak;
    for (int l = 0; l < LEVELS; l++) {
      levels[l] = LEAK * leadingMass[l];
    }
    levels[CONSULTATION] += rest * bg;
    for (int w = head[j]; w >= 0; w = cellNext[w]) {
      int i = cellCondition[w];
      double f = cellFrequency[w];
      sum += stakes[i] * p[i] * (divergence(f, yes, inverseYes, inverseNo) - atLeak);
      levels[acuity[i]] += p[i] * (f - LEAK);
    }
    for (int l = 0; l < LEVELS; l++) {
      if (levelMass[l] > 0) {
        sum += levelMass[l] * divergence(levels[l] * inverseLevelMass[l], yes, inverseYes, inverseNo);
      }
    }
    return sum * INVERSE_LN2;
  }

  /**
   * A bound on the Bernoulli KL(a || yes) in nats, without a logarithm: (a - yes)^2 / (yes no)
   * (from ln x <= x - 1), or, when a is more than twice yes, the tighter (a - yes) (sqrt(a / yes)
   * - (1 - a) / no) (from ln x <= (x - 1) / sqrt(x) for x >= 1 on the term a ln(a / yes)). It
   * multiplies by 1 / yes and 1 / no, which rounds a little differently from dividing: far less
   * than the margins the bound is used with.
   */
  private static double divergence(double a, double yes, double inverseYes, double inverseNo) {
    double d = a - yes;
    return a > 2 * yes
        ? d * (Math.sqrt(a * inverseYes) - (1 - a) * inverseNo)
        : d * d * inverseYes * inverseNo;
  }

  /**
   * Expected gain of asking about the candidate in slot {@code j}: H - [P(yes) H(yes) + P(no)
   * H(no)], with each branch's P H computed from logarithms known in advance, so that a candidate
   * costs two logarithms plus those of the triage levels.
   */
  double gain(double bg, double logBg, double log1mBg, double yes, int j) {
    double no = 1 - yes;
    if (yes <= 0 || no <= 0) {
      return 0;
    }
    return h - branch(true, yes, bg, logBg, log1mBg, j) - branch(false, no, bg, logBg, log1mBg, j);
  }

  /**
   * Returns P(answer) times the entropy of the posterior after that answer, in bits: for the
   * joint masses q (q / P(answer) is the posterior), P H = sum of w (-q ln q) + ln P(answer) *
   * sum of w q, with the same weights as {@link #entropy}. The leading conditions count at the
   * leak first, then the cells replace the leak's terms with their own.
   */
  private double branch(boolean yes, double mass, double bg, double logBg, double log1mBg, int j) {
    int answer = yes ? YES : NO;
    double sum = -leakSum[answer];
    double weight = leakWeight[answer];
    System.arraycopy(leakLevels[answer], 0, levels, 0, LEVELS);
    double restQ = rest * (yes ? bg : 1 - bg);
    if (restQ > 0) {
      sum -= restQ * (logRest + (yes ? logBg : log1mBg));
      weight += restQ;
      levels[CONSULTATION] += restQ;
    }
    double leak = LEAK_OF[answer];
    double logLeak = LOG_LEAK_OF[answer];
    for (int w = head[j]; w >= 0; w = cellNext[w]) {
      int i = cellCondition[w];
      if (p[i] <= 0) {
        continue;
      }
      double freq = cellFrequency[w];
      double q = p[i] * (yes ? freq : 1 - freq);
      double atLeak = p[i] * leak;
      double s = stakes[i];
      sum += s * atLeak * (logP[i] + logLeak);
      weight -= s * atLeak;
      levels[acuity[i]] -= atLeak;
      if (q > 0) {
        double[] logs = yes ? rowLogs[i].log : rowLogs[i].log1m;
        sum -= s * q * (logP[i] + logs[cellRow[w]]);
        weight += s * q;
        levels[acuity[i]] += q;
      }
    }
    for (double level : levels) {
      if (level > 0) {
        sum -= level * Math.log(level);
        weight += level;
      }
    }
    return (sum + Math.log(mass) * weight) * INVERSE_LN2;
  }

  /**
   * Entropy of the conditions plus the rest, each condition's term weighted by how much is at
   * stake when it is missed (an emergency four times a self-care condition), plus the entropy of
   * the triage level they imply ({@link #levelMass}, summed in the same order as ever).
   */
  private double entropy() {
    double h = term(rest);
    for (int i = 0; i < size; i++) {
      // term(p[i]) with the logarithm begin() already took: the same value, one logarithm fewer
      h += stakes[i] * (p[i] <= 0 ? 0 : -p[i] * logP[i] * INVERSE_LN2);
    }
    for (double l : levelMass) {
      h += term(l);
    }
    return h;
  }

  private static void clear(double[] xs) {
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 0;
    }
  }

  private static double term(double x) {
    return x <= 0 ? 0 : -x * Math.log(x) * INVERSE_LN2;
  }
}
