package org.musculo.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.musculo.InterviewStep;
import org.musculo.Question;
import org.musculo.model.RedFlag;
import org.musculo.model.TriageLevel;

/**
 * The interviewer as it was first written, kept as the reference that {@link Interviewer} must
 * match exactly: every candidate's gain from one table, boxed collections, a comparator sort.
 * Straightforward rather than fast.
 */
final class ReferenceInterviewer {
  /** Most answered findings before an interview stops. */
  public static final int MAX_ANSWERS = 25;
  /** Leading probability at which an interview with no open red flag may stop. */
  public static final double CONFIDENT = 0.8;
  /** Gain in bits below which a question is not worth asking. */
  public static final double MIN_GAIN = 0.02;

  private static final int CANDIDATES = 12;
  private static final int LEVELS = TriageLevel.values().length;
  private static final double INVERSE_LN2 = 1 / Math.log(2);
  private static final double LOG_LEAK = Math.log(CompiledKnowledge.LEAK);
  private static final double LOG_1M_LEAK = Math.log(1 - CompiledKnowledge.LEAK);
  /** Weight of a condition's uncertainty by its acuity: SELF_CARE, CONSULTATION, URGENT, EMERGENCY. */
  private static final double[] STAKES = {1, 1.5, 2.5, 4};
  private static final double RELEVANT = 0.02;
  private static final double RELEVANT_EMERGENCY = 0.005;
  /** How often a condition must show a present finding for the complaint to fit it. */
  private static final double COMPATIBLE = 0.15;

  private final CompiledKnowledge k;
  private final Assessor assessor;

  /**
   * Creates an interviewer.
   *
   * @param k the compiled knowledge
   * @param assessor the assessor whose scorer and red flags it uses
   */
  ReferenceInterviewer(CompiledKnowledge k, Assessor assessor) {
    this.k = k;
    this.assessor = assessor;
  }

  /**
   * Returns the next questions for the evidence.
   *
   * @param e the evidence so far
   * @param n how many questions at most
   * @param answered how many findings have been answered so far, "don't know" included
   * @param skip findings answered "don't know": never asked again
   * @return the step: questions, or why to stop
   */
  public InterviewStep next(Evidence e, int n, int answered, int[] skip) {
    return next(e, assessor.scorer().score(e), n, answered, skip);
  }

  /**
   * Returns the next questions for evidence already scored.
   *
   * @param e the evidence so far
   * @param posterior the posterior of that evidence
   * @param n how many questions at most
   * @param answered how many findings have been answered so far, "don't know" included
   * @param skip findings answered "don't know": never asked again
   * @return the step: questions, or why to stop
   */
  public InterviewStep next(Evidence e, Posterior posterior, int n, int answered, int[] skip) {
    java.util.Set<Integer> skipped = new java.util.HashSet<>();
    for (int f : skip) {
      skipped.add(f);
    }
    int[] top = posterior.top(CANDIDATES);
    double[] p = new double[top.length];
    double rest = 1;
    for (int i = 0; i < top.length; i++) {
      p[i] = posterior.probability(top[i]);
      rest -= p[i];
    }
    rest = Math.max(0, rest);
    double h = entropy(p, rest, top);

    java.util.Map<Integer, TriageLevel> redFlagFindings = openRedFlagFindings(e, top, p);
    redFlagFindings.keySet().removeIf(skipped::contains);
    if (answered >= MAX_ANSWERS) {
      return InterviewStep.builder().stopReason(InterviewStep.StopReason.MAX_QUESTIONS).build();
    }
    if (redFlagFindings.isEmpty() && top.length > 0 && p[0] >= CONFIDENT) {
      return InterviewStep.builder().stopReason(InterviewStep.StopReason.CONFIDENT).build();
    }
    Set<Integer> candidates = new LinkedHashSet<>(redFlagFindings.keySet());
    for (int c : top) {
      for (int f : k.conditionFindings[c]) {
        candidates.add(f);
      }
    }
    // each candidate's frequency in each leading condition, read once from the compiled rows
    int[] open = new int[candidates.size()];
    int m = 0;
    int[] slot = new int[k.findingCount()];
    java.util.Arrays.fill(slot, -1);
    for (int f : candidates) {
      if (!e.isPresent(f) && !e.isAbsent(f) && !skipped.contains(f)) {
        slot[f] = m;
        open[m++] = f;
      }
    }
    Table table = new Table(m * top.length);
    for (int i = 0; i < top.length; i++) {
      int c = top[i];
      int[] fs = k.conditionFindings[c];
      for (int j = 0; j < fs.length; j++) {
        if (slot[fs[j]] >= 0) {
          int at = slot[fs[j]] * top.length + i;
          table.frequency[at] = k.conditionFrequencies[c][j];
          table.logFrequency[at] = k.rowLogarithms(c).log[j];
          table.log1mFrequency[at] = k.rowLogarithms(c).log1m[j];
        }
      }
    }
    double[] logP = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      logP[i] = Math.log(p[i]);
    }
    Step current = new Step(top, p, logP, rest, Math.log(rest), h);
    // gains first, in primitive arrays; a Question only for those that are asked
    int[] asked = new int[m];
    double[] gains = new double[m];
    int[] urgency = new int[m];
    int count = 0;
    for (int j = 0; j < m; j++) {
      int f = open[j];
      double gain = gain(f, table, j * top.length, current);
      TriageLevel level = redFlagFindings.get(f);
      if (level != null || gain >= MIN_GAIN) {
        asked[count] = f;
        gains[count] = Math.round(gain * 10000) / 10000.0;
        // red-flag questions first, those of the most urgent flags first, then by expected gain
        urgency[count] = level == null ? -1 : level.ordinal();
        count++;
      }
    }
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -urgency[i])
        .thenComparingDouble(i -> -gains[i])
        .thenComparing(i -> k.findingIds[asked[i]]));
    List<Question> scored = new ArrayList<>();
    for (int i = 0; i < Math.min(n, count); i++) {
      int f = asked[order[i]];
      scored.add(Question.builder().findingId(k.findingIds[f]).text(k.findings[f].question())
          .redFlag(urgency[order[i]] >= 0).informationGain(gains[order[i]]).build());
    }
    InterviewStep.Builder step = InterviewStep.builder();
    if (count == 0) {
      return step.stopReason(InterviewStep.StopReason.NO_GAIN).build();
    }
    return step.questions(scored).build();
  }

  /** Returns the unknown findings of open red flags, each with the most urgent level it could fire. */
  private java.util.Map<Integer, TriageLevel> openRedFlagFindings(Evidence e, int[] top, double[] p) {
    // a condition makes its red flags relevant once the findings have at least doubled its prior
    // and it reaches a small absolute probability (smaller for emergencies)
    Set<Integer> candidates = new java.util.HashSet<>();
    for (int i = 0; i < top.length; i++) {
      double floor = k.acuity[top[i]] == TriageLevel.EMERGENCY ? RELEVANT_EMERGENCY : RELEVANT;
      if (p[i] >= Math.max(floor, 2 * k.prior[top[i]])) {
        candidates.add(top[i]);
      }
    }
    Set<String> fired = new java.util.HashSet<>();
    assessor.firedRedFlags(e).forEach(r -> fired.add(r.id()));
    java.util.Map<Integer, TriageLevel> out = new java.util.LinkedHashMap<>();
    RedFlag[] flags = assessor.redFlags;
    for (int r = 0; r < flags.length; r++) {
      if (fired.contains(flags[r].id())) {
        // its none-of findings are what would hand it over to a more urgent flag ("if your
        // urine goes dark, get emergency help"): ask them before stopping
        for (int f : assessor.redFlagNone[r]) {
          if (!e.isPresent(f) && !e.isAbsent(f)) {
            out.merge(f, escalation(f, flags[r].level()), TriageLevel::max);
          }
        }
        continue;
      }
      int[] all = assessor.redFlagAll[r];
      int[] any = assessor.redFlagAny[r];
      // touched when one of its findings, or something more general ("stiff neck" for "cannot
      // bend chin to chest"), is present
      boolean touched = touched(all, e) || touched(any, e);
      int pointsTo = assessor.redFlagCondition[r];
      boolean pointed = pointsTo >= 0 && (candidates.contains(pointsTo) || compatible(pointsTo, e));
      if (!touched && !pointed) {
        continue;
      }
      boolean excluded = anyAbsent(all, e) || anyPresent(assessor.redFlagNone[r], e)
          || any.length > 0 && allAbsent(any, e);
      if (excluded) {
        continue;
      }
      TriageLevel level = flags[r].level();
      for (int[] ids : new int[][] {all, any}) {
        for (int f : ids) {
          if (!e.isPresent(f) && !e.isAbsent(f)) {
            out.merge(f, level, TriageLevel::max);
          }
        }
      }
    }
    return out;
  }

  /** The most urgent level of a red flag that needs finding {@code f}, at least {@code floor}. */
  private TriageLevel escalation(int f, TriageLevel floor) {
    TriageLevel level = floor;
    for (int r = 0; r < assessor.redFlags.length; r++) {
      if (contains(assessor.redFlagAll[r], f) || contains(assessor.redFlagAny[r], f)) {
        level = level.max(assessor.redFlags[r].level());
      }
    }
    return level;
  }

  private static boolean contains(int[] xs, int x) {
    for (int y : xs) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }

  private boolean touched(int[] findings, Evidence e) {
    for (int f : findings) {
      for (int g : k.implied[f]) {
        if (e.isPresent(g)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyAbsent(int[] findings, Evidence e) {
    for (int f : findings) {
      if (e.isAbsent(f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allAbsent(int[] findings, Evidence e) {
    for (int f : findings) {
      if (!e.isAbsent(f)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyPresent(int[] findings, Evidence e) {
    for (int f : findings) {
      if (e.isPresent(f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the complaint fits a condition: it commonly shows one of the present findings
   * (a back-pain complaint fits cauda equina syndrome, exertion fits muscle breakdown).
   */
  private boolean compatible(int c, Evidence e) {
    for (int i = 0; i < k.conditionFindings[c].length; i++) {
      if (k.conditionFrequencies[c][i] >= COMPATIBLE && e.isPresent(k.conditionFindings[c][i])) {
        return true;
      }
    }
    return false;
  }

  /** The current posterior over the leading conditions, with its logarithms and entropy. */
  private record Step(int[] top, double[] p, double[] logP, double rest, double logRest, double h) {}

  /** Each candidate's frequency in each leading condition, and its logarithms, row by row. */
  private static final class Table {
    final double[] frequency;
    final double[] logFrequency;
    final double[] log1mFrequency;

    Table(int size) {
      frequency = new double[size];
      logFrequency = new double[size];
      log1mFrequency = new double[size];
      java.util.Arrays.fill(frequency, CompiledKnowledge.LEAK);
      java.util.Arrays.fill(logFrequency, LOG_LEAK);
      java.util.Arrays.fill(log1mFrequency, LOG_1M_LEAK);
    }
  }

  /**
   * Expected gain of asking about {@code f}, whose frequency in the i-th leading condition is in
   * row {@code offset} of the table: H - [P(yes) H(yes) + P(no) H(no)], with each branch's
   * P H computed from logarithms known in advance, so that a candidate costs two logarithms plus
   * those of the triage levels.
   */
  private double gain(int f, Table t, int offset, Step s) {
    double bg = k.background[f];
    double yes = s.rest() * bg;
    for (int i = 0; i < s.p().length; i++) {
      yes += s.p()[i] * t.frequency[offset + i];
    }
    double no = 1 - yes;
    if (yes <= 0 || no <= 0) {
      return 0;
    }
    return s.h() - branch(true, yes, f, t, offset, s) - branch(false, no, f, t, offset, s);
  }

  /**
   * Returns P(answer) times the entropy of the posterior after that answer, in bits: for the
   * joint masses q (q / P(answer) is the posterior), P H = sum of w (-q ln q) + ln P(answer) *
   * sum of w q, with the same weights as {@link #entropy}.
   */
  private double branch(boolean yes, double mass, int f, Table t, int offset, Step s) {
    double[] levels = new double[LEVELS];
    double sum = 0;
    double weight = 0;
    double restQ = s.rest() * (yes ? k.background[f] : 1 - k.background[f]);
    if (restQ > 0) {
      sum -= restQ * (s.logRest() + (yes ? k.logBackground[f] : k.log1mBackground[f]));
      weight += restQ;
      levels[TriageLevel.CONSULTATION.ordinal()] += restQ;
    }
    for (int i = 0; i < s.p().length; i++) {
      double freq = t.frequency[offset + i];
      double q = s.p()[i] * (yes ? freq : 1 - freq);
      if (q > 0) {
        int acuity = k.acuity[s.top()[i]].ordinal();
        double w = STAKES[acuity];
        sum -= w * q * (s.logP()[i] + (yes ? t.logFrequency[offset + i] : t.log1mFrequency[offset + i]));
        weight += w * q;
        levels[acuity] += q;
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
   * the triage level they imply.
   */
  private double entropy(double[] p, double rest, int[] top) {
    double h = term(rest);
    double[] levels = new double[LEVELS];
    levels[TriageLevel.CONSULTATION.ordinal()] += rest;
    for (int i = 0; i < p.length; i++) {
      h += STAKES[k.acuity[top[i]].ordinal()] * term(p[i]);
      levels[k.acuity[top[i]].ordinal()] += p[i];
    }
    for (double l : levels) {
      h += term(l);
    }
    return h;
  }

  private static double term(double x) {
    return x <= 0 ? 0 : -x * Math.log(x) * INVERSE_LN2;
  }
}
