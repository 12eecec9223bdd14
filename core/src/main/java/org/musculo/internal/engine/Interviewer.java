package org.musculo.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.musculo.InterviewStep;
import org.musculo.Question;
import org.musculo.model.RedFlag;
import org.musculo.model.TriageLevel;

/**
 * Chooses the next questions by expected information gain over the current posterior, red-flag
 * questions first.
 *
 * <p>The gain of asking about finding f is H - [P(yes) H(yes) + P(no) H(no)], where H is the
 * entropy in bits of the posterior over the leading conditions, the rest and something else,
 * plus the entropy of the triage level those conditions imply (so that questions that settle the
 * level count double). A red flag is open when the complaint makes it relevant (one of its
 * findings or a more general one is present, the condition it points to commonly shows a present
 * finding, or the findings have raised that condition) and one of its findings is still unknown;
 * its unknown findings are asked before any other question, those of the most urgent flags first.
 * A red flag that fires keeps its unknown none-of findings open: they are what would hand it over
 * to a more urgent flag (a statin patient with muscle pain is asked about dark urine).
 *
 * <p>Only the gains that can change the answer are computed: when the open red flags fill the
 * questions asked for, only theirs, and only for the levels that make the cut; otherwise every
 * red-flag finding's and every other candidate's whose cheap upper bound reaches
 * {@link #MIN_GAIN}. Instances are thread-safe: per-thread scratch arrays are reused between
 * calls.
 */
public final class Interviewer {
  /** Most answered findings before an interview stops. */
  public static final int MAX_ANSWERS = 25;
  /** Leading probability at which an interview with no open red flag may stop. */
  public static final double CONFIDENT = 0.8;
  /** Gain in bits below which a question is not worth asking. */
  public static final double MIN_GAIN = 0.02;

  static final int CANDIDATES = 12;
  static final int LEVELS = TriageLevel.values().length;
  private static final double RELEVANT = 0.02;
  private static final double RELEVANT_EMERGENCY = 0.005;
  /** How often a condition must show a present finding for the complaint to fit it. */
  private static final double COMPATIBLE = 0.15;
  /**
   * A candidate whose bound on the gain is below this is not asked: the bound is at least the
   * gain, and the margin (2e-5 bits) is millions of times the rounding error of either (below
   * 1e-11 bits), so that its computed gain would be below {@link #MIN_GAIN} too.
   */
  private static final double NOT_WORTH_ASKING = MIN_GAIN * 0.999;
  /**
   * A bound on the gain below which the gain rounds to 0 (in units of 1e-4 bits): the margin to
   * 0.5e-4 (1e-6 bits) is far above the rounding error of either (below 1e-11 bits).
   */
  private static final double ROUNDS_TO_ZERO = 0.49e-4;
  /** Bits of a sort key that hold the urgency, above the gain and the finding's id rank. */
  private static final int URGENCY_SHIFT = 60;

  private final CompiledKnowledge k;
  private final Assessor assessor;
  /** Per finding: the most urgent level of a red flag whose all-of or any-of lists it, or -1. */
  private final int[] flagLevel;
  /** Words of 64 bits in a set of red flags. */
  private final int flagWords;
  /**
   * The red flags by position, most urgent first (by index within a level), and each flag's
   * position: sets of red flags hold positions.
   */
  private final int[] flagAt;
  private final int[] position;
  /**
   * Per finding, {@link #flagWords} words from {@code f * flagWords}: the red flags a present
   * finding makes relevant. It touches those whose all-of or any-of findings are it or more
   * specific than it (a flag is touched when one of them, or something more general, is
   * present), and it fits those pointing to a condition that shows it often enough for a
   * complaint with it present to fit the condition.
   */
  private final long[] reaches;
  /** Per condition: the positions of the red flags pointing to it (a few, so a list rather than words). */
  private final int[][] pointing;
  /** Per finding: its rank among the finding ids in natural order, and the inverse. */
  private final int[] idRank;
  private final int[] byIdRank;
  /** Bits of a sort key that hold the id rank, and those left for the rounded gain. */
  private final int idBits;
  private final int gainBits;
  private final ThreadLocal<Scratch> scratch;

  /**
   * Creates an interviewer.
   *
   * @param k the compiled knowledge
   * @param assessor the assessor whose scorer and red flags it uses
   */
  public Interviewer(CompiledKnowledge k, Assessor assessor) {
    this.k = k;
    this.assessor = assessor;
    int nf = k.findingCount();
    flagLevel = new int[nf];
    Arrays.fill(flagLevel, -1);
    int flags = assessor.redFlags.length;
    BitSet[] touchedBy = new BitSet[flags];
    BitSet[] fitsPointed = new BitSet[flags];
    for (int r = 0; r < flags; r++) {
      int level = assessor.redFlags[r].level().ordinal();
      touchedBy[r] = new BitSet(nf);
      for (int[] ids : new int[][] {assessor.redFlagAll[r], assessor.redFlagAny[r]}) {
        for (int f : ids) {
          flagLevel[f] = Math.max(flagLevel[f], level);
          for (int g : k.implied[f]) {
            touchedBy[r].set(g);
          }
        }
      }
      fitsPointed[r] = new BitSet(nf);
      int c = assessor.redFlagCondition[r];
      for (int i = 0; c >= 0 && i < k.conditionFindings[c].length; i++) {
        if (k.conditionFrequencies[c][i] >= COMPATIBLE) {
          fitsPointed[r].set(k.conditionFindings[c][i]);
        }
      }
    }
    // each flag gets a position, the most urgent first, so that a pass over a set of positions
    // meets the flags by falling urgency
    flagAt = CompiledKnowledge.sortedIndices(flags,
        (a, b) -> assessor.redFlags[b].level().compareTo(assessor.redFlags[a].level()));
    position = new int[flags];
    for (int q = 0; q < flags; q++) {
      position[flagAt[q]] = q;
    }
    flagWords = Math.max(1, (flags + 63) >>> 6);
    reaches = new long[nf * flagWords];
    int[][] pointsTo = new int[flags][];
    for (int q = 0; q < flags; q++) {
      int r = flagAt[q];
      long bit = 1L << q;
      int word = q >>> 6;
      for (int f = touchedBy[r].nextSetBit(0); f >= 0; f = touchedBy[r].nextSetBit(f + 1)) {
        reaches[f * flagWords + word] |= bit;
      }
      for (int f = fitsPointed[r].nextSetBit(0); f >= 0; f = fitsPointed[r].nextSetBit(f + 1)) {
        reaches[f * flagWords + word] |= bit;
      }
      int c = assessor.redFlagCondition[r];
      pointsTo[q] = c >= 0 ? new int[] {c} : new int[0];
    }
    pointing = CompiledKnowledge.inverse(pointsTo, k.conditionCount());
    byIdRank = CompiledKnowledge.sortedIndices(nf, (a, b) -> k.findingIds[a].compareTo(k.findingIds[b]));
    idRank = new int[nf];
    for (int r = 0; r < nf; r++) {
      idRank[byIdRank[r]] = r;
    }
    idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(nf));
    gainBits = URGENCY_SHIFT - idBits;
    scratch = ThreadLocal.withInitial(() -> new Scratch(nf, flagWords));
  }

  /**
   * Per-thread arrays indexed by finding, valid where their stamp equals the generation, and the
   * red-flag sets of one call, as words of bits.
   */
  private static final class Scratch {
    final int[] skipped;
    /** The positions of the red flags that may be open, as bits. */
    final long[] reached;
    /** How many open findings are at each level. */
    final int[] perLevel = new int[LEVELS];
    final int[] redStamp;
    /** Most urgent level of an open red flag that needs the finding. */
    final int[] redLevel;
    /** The open red-flag findings, in the order found. */
    final int[] red;
    final int[] slotStamp;
    /** Findings already considered as candidates this call, slotted or not. */
    final int[] seen;
    final int[] slot;
    /** Findings whose gain is computed, by slot. */
    final int[] evaluated;
    final long[] keys;
    /** By slot: the bound on the gain, and P(yes). */
    final double[] bound;
    final double[] yes;
    private long[] best = new long[4];
    /** Why the last call stopped, or null when it chose questions. */
    InterviewStep.StopReason stopped;
    final Candidates candidates;
    int generation;

    Scratch(int nf, int flagWords) {
      reached = new long[flagWords];
      skipped = new int[nf];
      redStamp = new int[nf];
      redLevel = new int[nf];
      red = new int[nf];
      slotStamp = new int[nf];
      seen = new int[nf];
      slot = new int[nf];
      evaluated = new int[nf];
      keys = new long[nf];
      bound = new double[nf];
      yes = new double[nf];
      candidates = new Candidates();
    }

    /** Returns an array for at least {@code n} keys. */
    long[] best(int n) {
      if (best.length < n) {
        best = new long[n];
      }
      return best;
    }

    /** Starts a call: every stamp of the previous calls becomes stale. */
    int begin() {
      if (++generation == 0) {
        Arrays.fill(skipped, 0);
        Arrays.fill(redStamp, 0);
        Arrays.fill(slotStamp, 0);
        Arrays.fill(seen, 0);
        generation = 1;
      }
      return generation;
    }
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
    if (answered >= MAX_ANSWERS) {
      return stop(InterviewStep.StopReason.MAX_QUESTIONS);
    }
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
    if (answered >= MAX_ANSWERS) {
      return stop(InterviewStep.StopReason.MAX_QUESTIONS);
    }
    Scratch s = scratch.get();
    List<Question> questions = choose(e, posterior, posterior.top(CANDIDATES), assessor.fired(e), n, skip, s);
    return s.stopped != null ? stop(s.stopped) : InterviewStep.builder().questions(questions).build();
  }

  /**
   * Returns the questions of {@link #next(Evidence, Posterior, int, int, int[])} with nothing
   * skipped, for an assessment that already knows the best conditions and the fired red flags:
   * none when the interview would stop.
   *
   * @param e the evidence so far
   * @param posterior the posterior of that evidence
   * @param candidates the best {@value #CANDIDATES} conditions or more, best first
   * @param fired the indices of the red flags that fire, ascending
   * @param n how many questions at most
   * @param answered how many findings have been answered so far
   * @return the questions
   */
  List<Question> questions(Evidence e, Posterior posterior, int[] candidates, int[] fired, int n, int answered) {
    if (answered >= MAX_ANSWERS) {
      return List.of();
    }
    int[] top = candidates.length > CANDIDATES ? Arrays.copyOf(candidates, CANDIDATES) : candidates;
    return choose(e, posterior, top, fired, n, NOTHING, scratch.get());
  }

  private static final int[] NOTHING = new int[0];

  /**
   * Chooses the questions; when the interview stops instead, returns none and leaves the reason
   * in {@code s.stopped}, which is null otherwise.
   */
  private List<Question> choose(Evidence e, Posterior posterior, int[] top, int[] firedFlags, int n, int[] skip,
      Scratch s) {
    int gen = s.begin();
    s.stopped = null;
    for (int f : skip) {
      if (f >= 0 && f < s.skipped.length) {
        s.skipped[f] = gen;
      }
    }
    Candidates table = s.candidates;
    double[] p = table.p;
    double rest = 1;
    for (int i = 0; i < top.length; i++) {
      p[i] = posterior.probability(top[i]);
      rest -= p[i];
    }
    rest = Math.max(0, rest);
    int red = openRedFlagFindings(e, top, p, firedFlags, n, s, gen);
    if (red == 0 && top.length > 0 && p[0] >= CONFIDENT) {
      return stopping(InterviewStep.StopReason.CONFIDENT, s);
    }
    // the findings whose gains can matter get a slot each
    int m = 0;
    if (n >= 1 && red >= n) {
      // red-flag questions come first, the most urgent first: when they fill the n questions,
      // other gains cannot matter, nor those of red flags below the least urgent level needed
      int[] perLevel = s.perLevel;
      int floor = LEVELS - 1;
      for (int atLeast = perLevel[floor]; atLeast < n; atLeast += perLevel[floor]) {
        floor--;
      }
      for (int i = 0; i < red; i++) {
        if (s.redLevel[s.red[i]] >= floor) {
          m = assign(s.red[i], s, gen, m);
        }
      }
    } else {
      for (int i = 0; i < red; i++) {
        m = assign(s.red[i], s, gen, m);
      }
      for (int c : top) {
        for (int f : k.conditionFindings[c]) {
          // each finding is weighed once: the leading conditions share many
          if (s.seen[f] != gen) {
            s.seen[f] = gen;
            if (!e.isPresent(f) && !e.isAbsent(f) && s.skipped[f] != gen) {
              m = assign(f, s, gen, m);
            }
          }
        }
      }
    }
    table.begin(k, top, rest, m);
    table.scatter(k, top, s.slotStamp, s.slot, gen);
    // each candidate's best possible key, from the bound on its gain (no logarithm); then exact
    // gains in that order until the next best possible key cannot enter the questions
    int candidates = 0;
    for (int j = 0; j < m; j++) {
      int f = s.evaluated[j];
      boolean isRed = s.redStamp[f] == gen;
      double bg = k.background[f];
      double yes = table.yes(bg, j);
      double bound = table.bound(bg, yes, j);
      s.yes[j] = yes;
      if (!isRed && bound < NOT_WORTH_ASKING) {
        continue;
      }
      s.bound[j] = bound;
      s.keys[candidates++] = key(isRed ? s.redLevel[f] : -1, roundUp(bound), f);
    }
    Arrays.sort(s.keys, 0, candidates);
    // the best keys found, ascending; at least one is needed to tell questions from no gain
    int wanted = Math.max(1, n);
    long[] best = s.best(wanted);
    int count = 0;
    long idMask = (1L << idBits) - 1;
    for (int i = 0; i < candidates; i++) {
      long optimistic = s.keys[i];
      if (count == wanted && optimistic > best[count - 1]) {
        break; // every later key is at least as large: none can enter
      }
      int f = byIdRank[(int) (optimistic & idMask)];
      int j = s.slot[f];
      boolean isRed = s.redStamp[f] == gen;
      long rounded;
      if (isRed && s.bound[j] < ROUNDS_TO_ZERO) {
        rounded = 0; // the gain is below the bound, which rounds to no gain
      } else {
        double bg = k.background[f];
        double gain = table.gain(bg, k.logBackground[f], k.log1mBackground[f], s.yes[j], j);
        if (!isRed && gain < MIN_GAIN) {
          continue;
        }
        rounded = Math.round(gain * 10000);
      }
      long key = key(isRed ? s.redLevel[f] : -1, rounded, f);
      if (count == wanted && key > best[count - 1]) {
        continue;
      }
      int at = count < wanted ? count++ : count - 1;
      while (at > 0 && best[at - 1] > key) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = key;
    }
    if (count == 0) {
      return stopping(InterviewStep.StopReason.NO_GAIN, s);
    }
    // red-flag questions first, those of the most urgent flags first, then by expected gain, then id
    List<Question> scored = new ArrayList<>(Math.min(n, count));
    long gainMask = (1L << gainBits) - 1;
    for (int i = 0; i < Math.min(n, count); i++) {
      long key = best[i];
      int f = byIdRank[(int) (key & idMask)];
      long rounded = (1L << (gainBits - 1)) - ((key >>> idBits) & gainMask);
      scored.add(Question.builder().findingId(k.findingIds[f]).text(k.findings[f].question())
          .redFlag(key >>> URGENCY_SHIFT < LEVELS).informationGain(rounded / 10000.0).build());
    }
    return scored;
  }

  private static List<Question> stopping(InterviewStep.StopReason reason, Scratch s) {
    s.stopped = reason;
    return List.of();
  }

  /**
   * Rounds a bound on a gain as {@link Math#round} would round the gain, or higher: the gain is
   * below the bound up to rounding errors (below 1e-11 bits), far less than the 1e-7 bits added.
   * A bound is not negative beyond rounding, and for x at least 0, truncating x + 0.5 gives
   * floor(x + 0.5) or more (the sum only rounds to a double), which is Math.round(x): the same
   * answer or a higher one, without Math.round's slower path.
   */
  private static long roundUp(double bound) {
    return (long) (bound * 10000 + 0.501);
  }

  private static InterviewStep stop(InterviewStep.StopReason reason) {
    return InterviewStep.builder().stopReason(reason).build();
  }

  private static int assign(int f, Scratch s, int gen, int m) {
    s.slotStamp[f] = gen;
    s.seen[f] = gen;
    s.slot[f] = m;
    s.evaluated[m] = f;
    return m + 1;
  }

  /**
   * A key that sorts by urgency (a red flag's level, or -1), most urgent first, then by rounded
   * gain, largest first, then by finding id. The rounded gain is at most the entropy of thirteen
   * weighted outcomes and four levels (under 30 bits, 300000 after rounding) and at least 0 up to
   * rounding, far inside the bits it gets.
   */
  private long key(int urgency, long rounded, int f) {
    long half = 1L << (gainBits - 1);
    long gain = half - Math.max(1 - half, Math.min(half, rounded));
    return (long) (LEVELS - 1 - urgency) << URGENCY_SHIFT | gain << idBits | idRank[f];
  }

  /**
   * Finds the unknown findings of open red flags, not answered "don't know", each with the most
   * urgent level it could fire; returns how many, listed in {@code s.red}.
   *
   * <p>The flags are met by falling urgency, so once the findings at least as urgent as the
   * flags still to come number {@code n} or more, no later flag can change them or which of them
   * the questions take: the rest are not opened (the count returned is then at least {@code n}).
   */
  private int openRedFlagFindings(Evidence e, int[] top, double[] p, int[] firedFlags, int n, Scratch s, int gen) {
    int words = flagWords;
    long[] reached = s.reached;
    Arrays.fill(reached, 0);
    Arrays.fill(s.perLevel, 0);
    // a flag is reached when a present finding touches it ("stiff neck" for "cannot bend chin to
    // chest") or fits the condition it points to (a back-pain complaint fits cauda equina
    // syndrome, exertion fits muscle breakdown)
    for (int f = e.presentClosure.nextSetBit(0); f >= 0; f = e.presentClosure.nextSetBit(f + 1)) {
      for (int w = 0, at = f * words; w < words; w++) {
        reached[w] |= reaches[at + w];
      }
    }
    // or when the condition it points to is relevant: the findings have at least doubled its
    // prior and it reaches a small absolute probability (smaller for emergencies)
    for (int i = 0; i < top.length; i++) {
      double floor = k.acuity[top[i]] == TriageLevel.EMERGENCY ? RELEVANT_EMERGENCY : RELEVANT;
      if (p[i] >= Math.max(floor, 2 * k.prior[top[i]])) {
        for (int q : pointing[top[i]]) {
          reached[q >>> 6] |= 1L << q;
        }
      }
    }
    RedFlag[] flags = assessor.redFlags;
    int count = 0;
    for (int r : firedFlags) {
      // a flag that fires: its none-of findings are what would hand it over to a more urgent flag
      // ("if your urine goes dark, get emergency help"): ask them before stopping
      int level = flags[r].level().ordinal();
      for (int f : assessor.redFlagNone[r]) {
        count = open(f, Math.max(level, flagLevel[f]), e, s, gen, count);
      }
      int q = position[r];
      reached[q >>> 6] &= ~(1L << q);
    }
    int previous = LEVELS;
    for (int w = 0; w < words; w++) {
      for (long bits = reached[w]; bits != 0; bits &= bits - 1) {
        int r = flagAt[w << 6 | Long.numberOfTrailingZeros(bits)];
        int level = flags[r].level().ordinal();
        if (level < previous) {
          // every flag more urgent than this one has been met
          if (n >= 1 && atLeast(s.perLevel, level + 1) >= n) {
            return count;
          }
          previous = level;
        }
        int[] all = assessor.redFlagAll[r];
        int[] any = assessor.redFlagAny[r];
        if (anyAbsent(all, e) || anyPresent(assessor.redFlagNone[r], e) || any.length > 0 && allAbsent(any, e)) {
          continue;
        }
        for (int f : all) {
          count = open(f, level, e, s, gen, count);
        }
        for (int f : any) {
          count = open(f, level, e, s, gen, count);
        }
      }
    }
    return count;
  }

  /** How many open findings are at {@code level} or more urgent. */
  private static int atLeast(int[] perLevel, int level) {
    int sum = 0;
    for (int l = level; l < LEVELS; l++) {
      sum += perLevel[l];
    }
    return sum;
  }

  /** Opens finding {@code f} at {@code level} if it is unknown and not skipped; returns the count. */
  private static int open(int f, int level, Evidence e, Scratch s, int gen, int count) {
    if (e.isPresent(f) || e.isAbsent(f) || s.skipped[f] == gen) {
      return count;
    }
    if (s.redStamp[f] != gen) {
      s.redStamp[f] = gen;
      s.redLevel[f] = level;
      s.red[count++] = f;
      s.perLevel[level]++;
    } else if (level > s.redLevel[f]) {
      s.perLevel[s.redLevel[f]]--;
      s.perLevel[level]++;
      s.redLevel[f] = level;
    }
    return count;
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
}
