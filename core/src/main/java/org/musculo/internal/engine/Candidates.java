package org.musculo.internal.engine;

import java.util.Arrays;
import org.musculo.model.TriageLevel;

/**
 * The interview's arithmetic for one call: the posterior over the leading conditions with its
 * logarithms and entropy, and each candidate finding's frequency in each leading condition (and
 * its logarithms), one row of {@link Interviewer#CANDIDATES} cells per candidate slot.
 *
 * <p>One instance per thread, reused: each call starts by putting back the leak's values in the
 * cells the previous one scattered, so no call fills the whole table.
 */
final class Candidates {
  private static final int STRIDE = Interviewer.CANDIDATES;
  private static final int LEVELS = Interviewer.LEVELS;
  private static final int CONSULTATION = TriageLevel.CONSULTATION.ordinal();
  private static final double INVERSE_LN2 = 1 / Math.log(2);
  private static final double LOG_LEAK = Math.log(CompiledKnowledge.LEAK);
  private static final double LOG_1M_LEAK = Math.log(1 - CompiledKnowledge.LEAK);
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
  private double[] frequency = new double[0];
  private double[] logFrequency = new double[0];
  private double[] log1mFrequency = new double[0];
  /** The cells {@link #scatter} wrote this call. */
  private int[] written = new int[64];
  private int writtenCount;
  /**
   * The written cells of each slot, as lists through {@link #cellNext} from {@link #head} (-1
   * ends a list), each cell with its leading condition: the leading conditions that show the
   * slot's finding, usually a few of them.
   */
  private int[] head = new int[64];
  private int[] cellNext = new int[64];
  private int[] cellCondition = new int[64];
  /** Per written cell: its place in the leading condition's row, where its logarithms are. */
  private int[] cellRow = new int[64];
  /** The knowledge and leading conditions of this call, for the logarithms a gain reads. */
  private CompiledKnowledge k;
  private int[] top;
  /** 1 / {@link #levelMass}, 0 for a level without mass. */
  private final double[] inverseLevelMass = new double[LEVELS];
  /** Sum of stakes times probability over the leading conditions, and their mass per level. */
  private double weighted;
  private double leadingTotal;
  private final double[] leadingMass = new double[LEVELS];

  /**
   * Starts a call over the leading conditions {@code top}, whose probabilities are already in
   * {@link #p}, with {@code slots} candidate rows of the leak's values.
   */
  void begin(CompiledKnowledge k, int[] top, double rest, int slots) {
    reset();
    size = top.length;
    this.rest = rest;
    logRest = Math.log(rest);
    clear(levelMass);
    clear(leadingMass);
    weighted = 0;
    leadingTotal = 0;
    levelMass[CONSULTATION] += rest;
    for (int i = 0; i < size; i++) {
      logP[i] = Math.log(p[i]);
      acuity[i] = k.acuity[top[i]].ordinal();
      stakes[i] = STAKES[acuity[i]];
      levelMass[acuity[i]] += p[i];
      leadingMass[acuity[i]] += p[i];
      weighted += stakes[i] * p[i];
      leadingTotal += p[i];
    }
    if (head.length < slots) {
      head = new int[Math.max(slots, head.length * 2)];
    }
    Arrays.fill(head, 0, slots, -1);
    h = entropy();
    for (int l = 0; l < LEVELS; l++) {
      inverseLevelMass[l] = levelMass[l] > 0 ? 1 / levelMass[l] : 0;
    }
    this.k = k;
    this.top = top;
    int cells = slots * STRIDE;
    if (frequency.length < cells) {
      int grown = Math.max(cells, frequency.length * 2);
      int from = frequency.length;
      frequency = Arrays.copyOf(frequency, grown);
      logFrequency = Arrays.copyOf(logFrequency, grown);
      log1mFrequency = Arrays.copyOf(log1mFrequency, grown);
      Arrays.fill(frequency, from, grown, CompiledKnowledge.LEAK);
      Arrays.fill(logFrequency, from, grown, LOG_LEAK);
      Arrays.fill(log1mFrequency, from, grown, LOG_1M_LEAK);
    }
  }

  /** Reads each leading condition's row of frequencies into the cells of the slotted findings. */
  void scatter(CompiledKnowledge k, int[] top, int[] slotStamp, int[] slot, int gen) {
    for (int i = 0; i < size; i++) {
      int c = top[i];
      int[] fs = k.conditionFindings[c];
      for (int j = 0; j < fs.length; j++) {
        int f = fs[j];
        if (slotStamp[f] == gen) {
          int at = slot[f] * STRIDE + i;
          if (writtenCount == written.length) {
            written = Arrays.copyOf(written, writtenCount * 2);
            cellNext = Arrays.copyOf(cellNext, writtenCount * 2);
            cellCondition = Arrays.copyOf(cellCondition, writtenCount * 2);
            cellRow = Arrays.copyOf(cellRow, writtenCount * 2);
          }
          cellNext[writtenCount] = head[slot[f]];
          cellCondition[writtenCount] = i;
          cellRow[writtenCount] = j;
          head[slot[f]] = writtenCount;
          written[writtenCount++] = at;
          // the logarithms are read only for the few exact gains: see readLogarithms
          frequency[at] = k.conditionFrequencies[c][j];
        }
      }
    }
  }

  /** Puts back the leak's values in the cells the previous {@link #scatter} wrote. */
  private void reset() {
    for (int i = 0; i < writtenCount; i++) {
      int at = written[i];
      frequency[at] = CompiledKnowledge.LEAK;
      logFrequency[at] = LOG_LEAK;
      log1mFrequency[at] = LOG_1M_LEAK;
    }
    writtenCount = 0;
  }

  /** P(yes) for the candidate in slot {@code j}, whose background frequency is {@code bg}. */
  double yes(double bg, int j) {
    int offset = j * STRIDE;
    double yes = rest * bg;
    for (int i = 0; i < size; i++) {
      yes += p[i] * frequency[offset + i];
    }
    return yes;
  }

  /**
   * P(yes) as {@link #yes} gives it up to rounding, from the leading conditions that show the
   * finding only: good enough for {@link #bound}, whose slack covers far more than rounding.
   */
  double yesForBound(double bg, int j) {
    int offset = j * STRIDE;
    double yes = rest * bg + CompiledKnowledge.LEAK * leadingTotal;
    for (int w = head[j]; w >= 0; w = cellNext[w]) {
      int i = cellCondition[w];
      yes += p[i] * (frequency[offset + i] - CompiledKnowledge.LEAK);
    }
    return yes;
  }

  /**
   * An upper bound on {@link #gain} for the candidate in slot {@code j}, without a logarithm;
   * both are computed in doubles, so it holds up to their rounding.
   *
   * <p>Expanding the branches, the gain in nats is a sum over the outcomes (each leading
   * condition with its weight, the rest, each level) of weight times mass times KL(f || yes),
   * the divergence of the outcome's chance of a yes, f, from the overall one. A Bernoulli
   * KL(a || b) is at most (a - b)^2 / (b (1 - b)) (from ln x <= x - 1); for a level, mass times
   * f - yes is the sum of its outcomes' mass times their own f - yes.
   */
  double bound(double bg, double yes, int j) {
    double no = 1 - yes;
    if (yes <= 0 || no <= 0) {
      return 0;
    }
    int offset = j * STRIDE;
    // every leading condition first counted at the leak, then corrected where it shows the
    // finding: the cost follows the conditions that show it, not all the leading ones
    double d = bg - yes;
    double leak = CompiledKnowledge.LEAK - yes;
    double chi = rest * d * d + weighted * leak * leak;
    for (int l = 0; l < LEVELS; l++) {
      levels[l] = CompiledKnowledge.LEAK * leadingMass[l];
    }
    levels[CONSULTATION] += rest * bg;
    for (int w = head[j]; w >= 0; w = cellNext[w]) {
      int i = cellCondition[w];
      double f = frequency[offset + i];
      double di = f - yes;
      chi += stakes[i] * p[i] * (di * di - leak * leak);
      levels[acuity[i]] += p[i] * (f - CompiledKnowledge.LEAK);
    }
    for (int l = 0; l < LEVELS; l++) {
      double dl = levels[l] - levelMass[l] * yes;
      chi += dl * dl * inverseLevelMass[l];
    }
    return chi / (yes * no) * INVERSE_LN2;
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
    readLogarithms(j);
    return h - branch(true, yes, bg, logBg, log1mBg, j) - branch(false, no, bg, logBg, log1mBg, j);
  }

  /** Reads the logarithms of slot {@code j}'s frequencies into its cells, where it has any. */
  private void readLogarithms(int j) {
    int offset = j * STRIDE;
    for (int w = head[j]; w >= 0; w = cellNext[w]) {
      int i = cellCondition[w];
      int c = top[i];
      logFrequency[offset + i] = k.conditionLogFrequencies[c][cellRow[w]];
      log1mFrequency[offset + i] = k.conditionLog1mFrequencies[c][cellRow[w]];
    }
  }

  /**
   * Returns P(answer) times the entropy of the posterior after that answer, in bits: for the
   * joint masses q (q / P(answer) is the posterior), P H = sum of w (-q ln q) + ln P(answer) *
   * sum of w q, with the same weights as {@link #entropy}.
   */
  private double branch(boolean yes, double mass, double bg, double logBg, double log1mBg, int j) {
    int offset = j * STRIDE;
    clear(levels);
    double sum = 0;
    double weight = 0;
    double restQ = rest * (yes ? bg : 1 - bg);
    if (restQ > 0) {
      sum -= restQ * (logRest + (yes ? logBg : log1mBg));
      weight += restQ;
      levels[CONSULTATION] += restQ;
    }
    for (int i = 0; i < size; i++) {
      double freq = frequency[offset + i];
      double q = p[i] * (yes ? freq : 1 - freq);
      if (q > 0) {
        double w = stakes[i];
        sum -= w * q * (logP[i] + (yes ? logFrequency[offset + i] : log1mFrequency[offset + i]));
        weight += w * q;
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
