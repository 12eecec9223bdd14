package org.musculo.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntBinaryOperator;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.BodyRegion;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.Finding;
import org.musculo.model.Manifestation;
import org.musculo.model.RiskFactor;
import org.musculo.model.Sex;
import org.musculo.model.TriageLevel;

/**
 * A knowledge base compiled once into flat arrays for scoring: findings and conditions are
 * numbered, each finding has its postings (the conditions that list it, with frequencies), its
 * implied ancestors and its descendants, and its background frequency.
 */
public final class CompiledKnowledge {
  /** P(finding | condition) assumed for a finding a condition does not list. */
  public static final double LEAK = 0.02;

  /** Prior weight of "something else" when the conditions' prevalences leave less than this. */
  public static final double MIN_REMAINDER = 0.1;

  private static final double MIN_BACKGROUND = 0.005;
  private static final double MAX_BACKGROUND = 0.95;

  final KnowledgeBase kb;
  final String[] findingIds;
  final Finding[] findings;
  final Map<String, Integer> findingIndex;
  final Map<String, Integer> codeIndex;
  /** For each finding: itself, then every finding it implies, most specific first. */
  final int[][] implied;
  /** For each finding: itself, then every finding that implies it. */
  final int[][] impliedBy;
  /** The findings that other findings derive, in index order, and for each its combinations. */
  final int[] derived;
  final int[][][] derivations;
  final double[] background;
  final double[] logLeakPresent;
  final double[] logLeakAbsent;
  /** Per finding f: bg(f) / LEAK, which turns P(g|c) / bg(g) into a ratio to the leak of f. */
  final double[] inverseLeakPresent;
  /** Per finding: the conditions that show it or a more specific finding (effective frequency). */
  final int[][] postingConditions;
  /** Per posting: P(f|c) / bg(f) at the effective frequency. */
  final double[][] postingRatios;
  /** Per posting: (1 - P(f|c)) / (1 - LEAK), the factor of an absent finding over the leak's. */
  final double[][] absentFactors;
  /** Per finding: the conditions whose content lists it explicitly. */
  final int[][] explicitConditions;
  /** Per explicit posting: P(f|c) / bg(f) at the listed frequency. */
  final double[][] explicitRatios;
  final int[][] riskConditions;
  final double[][] riskOdds;
  /** Largest |ln| of one factor a condition's weight can be multiplied by in one assessment. */
  final double maxAbsLogFactor;
  /** Largest |ln prior| of a condition. */
  final double maxAbsLogPrior;

  final String[] conditionIds;
  final Map<String, Integer> conditionIndex;
  final Condition[] conditions;
  final double[] prior;
  final double[] logPrior;
  final double sumPrior;
  final double remainderPrior;
  final TriageLevel[] acuity;
  final double[] threshold;
  /** Per condition: its position among the conditions sorted by id, for breaking ties. */
  final int[] idRank;
  /** Condition indices by descending prior, ties by id. */
  final int[] byPrior;
  /** Conditions with a safety threshold, by descending prior / threshold. */
  final int[] byPriorOverThreshold;
  /**
   * Per condition: the finding indices it shows, sorted, and their effective frequencies: those
   * the content lists, and every finding they imply at the frequency of its most frequent
   * listed descendant.
   */
  final int[][] conditionFindings;
  final double[][] conditionFrequencies;
  /**
   * Per condition, once the interview has needed it: ln P(f|c) and ln (1 - P(f|c)) of its row,
   * for the interview's entropies. Taken on first use, so that compiling a large knowledge base
   * does not take two logarithms per posting for conditions that never lead an interview.
   */
  private final AtomicReferenceArray<RowLogarithms> rowLogarithms;

  /** The logarithms of one condition's row of frequencies; final fields, so safe to share. */
  static final class RowLogarithms {
    /** ln P(f|c), in the order of the row. */
    final double[] log;
    /** ln (1 - P(f|c)), in the order of the row. */
    final double[] log1m;

    RowLogarithms(double[] frequencies) {
      log = new double[frequencies.length];
      log1m = new double[frequencies.length];
      for (int i = 0; i < frequencies.length; i++) {
        log[i] = Math.log(frequencies[i]);
        log1m[i] = Math.log1p(-frequencies[i]);
      }
    }
  }

  /**
   * Returns the logarithms of condition {@code c}'s row, taking them on first use; a race takes
   * them twice, which is harmless.
   */
  RowLogarithms rowLogarithms(int c) {
    RowLogarithms logs = rowLogarithms.get(c);
    if (logs == null) {
      logs = new RowLogarithms(conditionFrequencies[c]);
      rowLogarithms.set(c, logs);
    }
    return logs;
  }
  /** ln bg(f) and ln (1 - bg(f)). */
  final double[] logBackground;
  final double[] log1mBackground;
  /** Per condition: the findings its content lists, in content order, and their frequencies. */
  final int[][] listedFindings;
  final double[][] listedFrequencies;
  final List<DemographicRisk> demographicRisks;
  /**
   * The distinct demographics that risk factors and red flags name: {@link Evidence} matches
   * each once per patient, and the engine reads the answer by index.
   */
  final Demographic[] demographics;
  private final Map<Demographic, Integer> demographicIndex;
  /**
   * Which demographics a patient belongs to, per age (unknown, 0 to {@value #MAX_AGE}), sex
   * (unknown, female, male) and pregnancy: filled on first use, since every assessment needs
   * one and {@link Demographic#matches} reads boxed optionals.
   */
  private final AtomicReferenceArray<boolean[]> demographicMatches =
      new AtomicReferenceArray<>((MAX_AGE + 2) * (Sex.values().length + 1) * 2);
  private static final int MAX_AGE = 120;

  /** A demographic risk factor: the condition, the index of its demographic, the odds ratio. */
  record DemographicRisk(int condition, int demographic, double odds) {}

  private CompiledKnowledge(KnowledgeBase kb) {
    this.kb = kb;
    Map<String, Finding> fs = kb.findings();
    int nf = fs.size();
    findingIds = fs.keySet().toArray(String[]::new);
    findings = fs.values().toArray(Finding[]::new);
    findingIndex = new HashMap<>(capacity(nf));
    for (int i = 0; i < nf; i++) {
      findingIndex.put(findingIds[i], i);
    }
    codeIndex = new HashMap<>();
    for (int i = 0; i < nf; i++) {
      for (Code code : findings[i].codes()) {
        codeIndex.putIfAbsent(code.toString(), i);
      }
    }
    implied = impliedClosure(kb, findings, findingIndex);
    impliedBy = invert(implied);
    int[] derivedHere = new int[nf];
    int[][][] derivationsHere = new int[nf][][];
    int nd = 0;
    for (int i = 0; i < nf; i++) {
      List<List<String>> combos = findings[i].derivedFrom();
      if (!combos.isEmpty()) {
        int[][] parts = new int[combos.size()][];
        for (int j = 0; j < parts.length; j++) {
          parts[j] = combos.get(j).stream().mapToInt(findingIndex::get).toArray();
        }
        derivedHere[nd] = i;
        derivationsHere[nd++] = parts;
      }
    }
    derived = Arrays.copyOf(derivedHere, nd);
    derivations = Arrays.copyOf(derivationsHere, nd);

    Map<String, Condition> cs = kb.conditions();
    int nc = cs.size();
    conditionIds = cs.keySet().toArray(String[]::new);
    conditions = cs.values().toArray(Condition[]::new);
    conditionIndex = new HashMap<>(capacity(nc));
    for (int c = 0; c < nc; c++) {
      conditionIndex.put(conditionIds[c], c);
    }
    prior = new double[nc];
    logPrior = new double[nc];
    acuity = new TriageLevel[nc];
    threshold = new double[nc];
    conditionFindings = new int[nc][];
    conditionFrequencies = new double[nc][];
    rowLogarithms = new AtomicReferenceArray<>(nc);
    listedFindings = new int[nc][];
    listedFrequencies = new double[nc][];
    double sum = 0;
    double[] weighted = new double[nf];
    Postings risks = new Postings();
    List<DemographicRisk> demo = new ArrayList<>();
    demographicIndex = new HashMap<>();
    double maxLogOdds = 0;
    double maxLogPrior = 0;
    // per condition: the effective frequency of each finding it shows, found through a stamp
    double[] effective = new double[nf];
    int[] effectiveStamp = new int[nf];
    int[] shown = new int[nf];
    for (int c = 0; c < nc; c++) {
      Condition condition = conditions[c];
      prior[c] = condition.prevalence();
      logPrior[c] = Math.log(prior[c]);
      maxLogPrior = Math.max(maxLogPrior, Math.abs(logPrior[c]));
      sum += prior[c];
      acuity[c] = condition.acuity();
      threshold[c] = condition.safetyThreshold().orElse(defaultThreshold(condition.acuity()));
      // effective frequencies: a condition that shows a specific finding also shows every finding
      // it implies, at least as often (calf pain is leg pain)
      int stamp = c + 1;
      int count = 0;
      List<Manifestation> manifestations = condition.manifestations();
      int[] listedHere = new int[manifestations.size()];
      double[] listedFrequencyHere = new double[manifestations.size()];
      for (int i = 0; i < listedHere.length; i++) {
        Manifestation m = manifestations.get(i);
        listedHere[i] = findingIndex.get(m.finding());
        listedFrequencyHere[i] = m.frequency();
      }
      listedFindings[c] = listedHere;
      listedFrequencies[c] = listedFrequencyHere;
      for (int i = 0; i < listedHere.length; i++) {
        int listed = listedHere[i];
        double frequency = listedFrequencyHere[i];
        for (int g : implied[listed]) {
          if (effectiveStamp[g] != stamp) {
            effectiveStamp[g] = stamp;
            effective[g] = frequency;
            shown[count++] = g;
          } else {
            effective[g] = Math.max(effective[g], frequency);
          }
        }
      }
      for (int i = 0; i < listedHere.length; i++) {
        // a frequency the content states for the finding itself wins over an implied one
        effective[listedHere[i]] = listedFrequencyHere[i];
      }
      int[] showsFindings;
      double[] freqs;
      if (count == listedHere.length && ascending(listedHere)) {
        // it shows just what it lists, listed in index order: the same rows, shared
        showsFindings = listedHere;
        freqs = listedFrequencyHere;
      } else {
        showsFindings = Arrays.copyOf(shown, count);
        Arrays.sort(showsFindings);
        freqs = new double[count];
        for (int i = 0; i < count; i++) {
          freqs[i] = effective[showsFindings[i]];
        }
      }
      for (int i = 0; i < count; i++) {
        int f = showsFindings[i];
        weighted[f] += prior[c] * (freqs[i] - LEAK);
      }
      conditionFindings[c] = showsFindings;
      conditionFrequencies[c] = freqs;
      for (RiskFactor rf : condition.riskFactors()) {
        maxLogOdds = Math.max(maxLogOdds, Math.abs(Math.log(rf.oddsRatio())));
        if (rf.finding().isPresent()) {
          risks.add(findingIndex.get(rf.finding().get()), c, rf.oddsRatio());
        } else {
          demo.add(new DemographicRisk(c, intern(rf.demographic().orElseThrow()), rf.oddsRatio()));
        }
      }
    }
    sumPrior = sum;
    remainderPrior = Math.max(MIN_REMAINDER, 1 - sum);
    background = new double[nf];
    logBackground = new double[nf];
    log1mBackground = new double[nf];
    logLeakPresent = new double[nf];
    logLeakAbsent = new double[nf];
    inverseLeakPresent = new double[nf];
    postingConditions = new int[nf][];
    postingRatios = new double[nf][];
    absentFactors = new double[nf][];
    explicitConditions = new int[nf][];
    explicitRatios = new double[nf][];
    riskConditions = new int[nf][];
    riskOdds = new double[nf][];
    // postings are the rows of the conditions turned into columns per finding, in condition
    // order; ratios hold the frequencies until the background is known
    transpose(conditionFindings, conditionFrequencies, postingConditions, postingRatios, null);
    // a finding nothing else implies is shown only where it is listed, at the listed frequency:
    // its explicit postings are its postings, and share their arrays (filled in below)
    boolean[] leaf = new boolean[nf];
    boolean allLeaves = true;
    for (int f = 0; f < nf; f++) {
      leaf[f] = impliedBy[f].length == 1;
      allLeaves &= leaf[f];
    }
    if (!allLeaves) {
      transpose(listedFindings, listedFrequencies, explicitConditions, explicitRatios, leaf);
    }
    risks.group(riskConditions, riskOdds);
    double minFrequency = 1;
    double maxFrequency = 0;
    for (int f = 0; f < nf; f++) {
      double bg = findings[f].backgroundFrequency().orElse(sum > 0 ? LEAK + weighted[f] / sum : LEAK);
      bg = Math.min(MAX_BACKGROUND, Math.max(MIN_BACKGROUND, bg));
      background[f] = bg;
      logBackground[f] = Math.log(bg);
      log1mBackground[f] = Math.log1p(-bg);
      logLeakPresent[f] = Math.log(LEAK / bg);
      logLeakAbsent[f] = Math.log((1 - LEAK) / (1 - bg));
      inverseLeakPresent[f] = bg / LEAK;
      double[] ratios = postingRatios[f];
      absentFactors[f] = new double[ratios.length];
      for (int i = 0; i < ratios.length; i++) {
        double frequency = ratios[i];
        ratios[i] = frequency / bg;
        absentFactors[f][i] = (1 - frequency) / (1 - LEAK);
        minFrequency = Math.min(minFrequency, frequency);
        maxFrequency = Math.max(maxFrequency, frequency);
      }
      if (leaf[f]) {
        explicitConditions[f] = postingConditions[f];
        explicitRatios[f] = ratios;
      } else {
        for (int i = 0; i < explicitRatios[f].length; i++) {
          explicitRatios[f][i] /= bg;
        }
      }
    }
    // bounds on one factor: a present ratio is P(g|c) / bg(g) * bg(f) / LEAK; an absent factor
    // is (1 - P) / (1 - LEAK) with P below 1; a risk factor is an odds ratio
    double presentLow = Math.log(minFrequency / MAX_BACKGROUND * MIN_BACKGROUND / LEAK);
    double presentHigh = Math.log(1 / MIN_BACKGROUND * MAX_BACKGROUND / LEAK);
    double absentLow = Math.log((1 - maxFrequency) / (1 - LEAK));
    maxAbsLogFactor = Math.max(Math.max(Math.abs(presentLow), Math.abs(presentHigh)),
        Math.max(Math.abs(absentLow), maxLogOdds));
    maxAbsLogPrior = maxLogPrior;
    demographicRisks = List.copyOf(demo);
    kb.redFlags().values().forEach(r -> r.demographic().ifPresent(this::intern));
    demographics = new Demographic[demographicIndex.size()];
    demographicIndex.forEach((d, i) -> demographics[i] = d);
    idRank = new int[nc];
    int[] byId = identity(nc);
    if (!sorted(conditionIds)) { // a knowledge base lists its conditions in id order already
      byId = sort(byId, (a, b) -> conditionIds[a].compareTo(conditionIds[b]));
    }
    for (int r = 0; r < nc; r++) {
      idRank[byId[r]] = r;
    }
    byPrior = sort(identity(nc),
        (a, b) -> prior[a] != prior[b] ? Double.compare(prior[b], prior[a]) : idRank[a] - idRank[b]);
    int withThreshold = 0;
    for (int c : byPrior) {
      withThreshold += threshold[c] < 1 ? 1 : 0;
    }
    int[] thresholded = new int[withThreshold];
    int t = 0;
    for (int c : byPrior) {
      if (threshold[c] < 1) {
        thresholded[t++] = c;
      }
    }
    byPriorOverThreshold = sort(thresholded, (a, b) -> {
      int order = Double.compare(-prior[a] / threshold[a], -prior[b] / threshold[b]);
      return order != 0 ? order : Integer.compare(idRank[a], idRank[b]);
    });
  }

  /**
   * Turns rows of (column, value) pairs into columns of (row, value) pairs, each column in row
   * order; a row names a column at most once. Columns marked in {@code skip}, if given, are left
   * out.
   */
  private static void transpose(int[][] rows, double[][] rowValues, int[][] columns, double[][] columnValues,
      boolean[] skip) {
    int[] count = new int[columns.length];
    for (int[] row : rows) {
      for (int column : row) {
        count[column]++;
      }
    }
    for (int f = 0; f < columns.length; f++) {
      if (skip == null || !skip[f]) {
        columns[f] = new int[count[f]];
        columnValues[f] = new double[count[f]];
      }
    }
    Arrays.fill(count, 0);
    for (int r = 0; r < rows.length; r++) {
      int[] row = rows[r];
      double[] values = rowValues[r];
      for (int i = 0; i < row.length; i++) {
        int column = row[i];
        if (skip == null || !skip[column]) {
          int at = count[column]++;
          columns[column][at] = r;
          columnValues[column][at] = values[i];
        }
      }
    }
  }

  private static boolean ascending(int[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i - 1] >= values[i]) {
        return false;
      }
    }
    return true;
  }

  private static int capacity(int entries) {
    return entries * 4 / 3 + 1;
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static boolean sorted(String[] ids) {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i - 1].compareTo(ids[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns 0 to {@code n - 1} sorted by a comparator, stable (ties keep index order), unboxed. */
  static int[] sortedIndices(int n, IntBinaryOperator comparator) {
    return sort(identity(n), comparator);
  }

  /** Sorts indices by a comparator, stable, without boxing: a merge sort. */
  private static int[] sort(int[] indices, IntBinaryOperator comparator) {
    int[] a = indices;
    int[] b = new int[a.length];
    for (int width = 1; width < a.length; width *= 2) {
      for (int lo = 0; lo < a.length; lo += 2 * width) {
        int mid = Math.min(lo + width, a.length);
        int hi = Math.min(lo + 2 * width, a.length);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = comparator.applyAsInt(a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] swap = a;
      a = b;
      b = swap;
    }
    return a;
  }

  /** (finding, condition, value) triples in the order added, grouped by finding at the end. */
  private static final class Postings {
    private int[] findings = new int[256];
    private int[] conditions = new int[256];
    private double[] values = new double[256];
    private int size;

    void add(int finding, int condition, double value) {
      if (size == findings.length) {
        findings = Arrays.copyOf(findings, size * 2);
        conditions = Arrays.copyOf(conditions, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      findings[size] = finding;
      conditions[size] = condition;
      values[size] = value;
      size++;
    }

    /** Fills, per finding, its conditions and values in the order they were added. */
    void group(int[][] conditionsOut, double[][] valuesOut) {
      int n = conditionsOut.length;
      int[] count = new int[n];
      for (int i = 0; i < size; i++) {
        count[findings[i]]++;
      }
      for (int f = 0; f < n; f++) {
        conditionsOut[f] = new int[count[f]];
        valuesOut[f] = new double[count[f]];
      }
      int[] at = count;
      Arrays.fill(at, 0);
      for (int i = 0; i < size; i++) {
        int f = findings[i];
        conditionsOut[f][at[f]] = conditions[i];
        valuesOut[f][at[f]++] = values[i];
      }
    }
  }

  /**
   * Compiles a knowledge base.
   *
   * @param kb the knowledge base
   * @return its compiled form
   */
  public static CompiledKnowledge compile(KnowledgeBase kb) {
    return new CompiledKnowledge(kb);
  }

  /**
   * Returns the posterior probability above which a condition's acuity applies even when it is
   * not leading, when the content gives none: low for emergencies, since missing one is the worst
   * error.
   *
   * @param acuity the condition's acuity
   * @return the default threshold
   */
  public static double defaultThreshold(TriageLevel acuity) {
    switch (acuity) {
      case EMERGENCY:
        return 0.05;
      case URGENT:
        return 0.10;
      case CONSULTATION:
        return 0.25;
      default:
        return 1.0;
    }
  }

  /** Returns the knowledge base this was compiled from. */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Returns the index of the finding with this id; the id must exist. */
  public int findingIndex(String id) {
    return findingIndex.get(id);
  }

  /** Returns the index of the finding with this code, or -1. */
  public int findingByCode(String code) {
    return codeIndex.getOrDefault(code, -1);
  }

  int findingCount() {
    return findingIds.length;
  }

  int conditionCount() {
    return conditionIds.length;
  }

  /**
   * Returns, per demographic of {@link #demographics}, whether a patient belongs to it. The array
   * is shared: callers must not change it.
   */
  boolean[] demographicMatches(OptionalInt age, Optional<Sex> sex, boolean pregnant) {
    if (age.isPresent() && (age.getAsInt() < 0 || age.getAsInt() > MAX_AGE)) {
      return matchDemographics(age, sex, pregnant);
    }
    int slot = ((age.isPresent() ? age.getAsInt() + 1 : 0) * (Sex.values().length + 1)
        + (sex.isPresent() ? sex.get().ordinal() + 1 : 0)) * 2 + (pregnant ? 1 : 0);
    boolean[] matches = demographicMatches.get(slot);
    if (matches == null) {
      // a race computes the same answer twice: harmless
      matches = matchDemographics(age, sex, pregnant);
      demographicMatches.set(slot, matches);
    }
    return matches;
  }

  private boolean[] matchDemographics(OptionalInt age, Optional<Sex> sex, boolean pregnant) {
    boolean[] matches = new boolean[demographics.length];
    for (int i = 0; i < matches.length; i++) {
      matches[i] = demographics[i].matches(age, sex, pregnant);
    }
    return matches;
  }

  /** Returns the index of demographic {@code d}, giving it the next one if it is new. */
  private int intern(Demographic d) {
    return demographicIndex.computeIfAbsent(d, x -> demographicIndex.size());
  }

  /**
   * Returns the index of a demographic that a risk factor or red flag names.
   *
   * @throws IllegalArgumentException if the content names no such demographic
   */
  int demographicIndex(Demographic d) {
    Integer i = demographicIndex.get(d);
    if (i == null) {
      throw new IllegalArgumentException("no risk factor or red flag names the demographic " + d);
    }
    return i;
  }

  /**
   * Effective frequency of finding {@code f} in condition {@code c}: listed, or implied by a more
   * specific listed finding; -1 if neither.
   */
  double frequency(int c, int f) {
    int k = Arrays.binarySearch(conditionFindings[c], f);
    return k >= 0 ? conditionFrequencies[c][k] : -1;
  }

  /** Frequency of finding {@code f} as the content of condition {@code c} lists it, or -1. */
  double explicitFrequency(int c, int f) {
    int[] listed = listedFindings[c];
    for (int i = 0; i < listed.length; i++) {
      if (listed[i] == f) {
        return listedFrequencies[c][i];
      }
    }
    return -1;
  }

  private static int[][] impliedClosure(KnowledgeBase kb, Finding[] findings, Map<String, Integer> index) {
    int n = findings.length;
    Map<String, BodyRegion> regions = kb.regions();
    Map<String, Set<String>> regionAncestors = new HashMap<>();
    for (String r : regions.keySet()) {
      regionAncestors.put(r, ancestors(r, id -> regions.get(id).parents()));
    }
    Map<Integer, List<Integer>> children = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String p : findings[i].parents()) {
        children.computeIfAbsent(index.get(p), k -> new ArrayList<>()).add(i);
      }
    }
    int[][] direct = new int[n][];
    for (int i = 0; i < n; i++) {
      if (findings[i].parents().isEmpty()) {
        direct[i] = new int[0]; // no parent, and so no sibling either
        continue;
      }
      Set<Integer> out = new LinkedHashSet<>();
      // A sibling under a shared parent whose region contains this finding's region is implied:
      // pain in the calf is pain in the lower leg.
      if (findings[i].region().isPresent()) {
        Set<String> mine = regionAncestors.get(findings[i].region().get());
        for (String p : findings[i].parents()) {
          for (int sibling : children.getOrDefault(index.get(p), List.of())) {
            if (sibling != i
                && findings[sibling].region().isPresent()
                && !findings[sibling].region().equals(findings[i].region())
                && mine.contains(findings[sibling].region().get())
                && sameKindOfFinding(findings[i], findings[sibling])) {
              out.add(sibling);
            }
          }
        }
      }
      // parents after the region siblings: a larger region is more specific than the parent kind
      for (String p : findings[i].parents()) {
        out.add(index.get(p));
      }
      direct[i] = out.stream().mapToInt(Integer::intValue).toArray();
    }
    int[][] closure = new int[n][];
    for (int i = 0; i < n; i++) {
      if (direct[i].length == 0) {
        closure[i] = new int[] {i};
        continue;
      }
      LinkedHashSet<Integer> seen = new LinkedHashSet<>();
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(i);
      seen.add(i);
      while (!queue.isEmpty()) {
        int f = queue.poll();
        for (int g : direct[f]) {
          if (seen.add(g)) {
            queue.add(g);
          }
        }
      }
      closure[i] = seen.stream().mapToInt(Integer::intValue).toArray();
    }
    return closure;
  }

  /**
   * Tells whether two findings are the same finding of different regions: same kind, same
   * parents, and names ending in the same word ("Calf pain", "Lower leg pain"), so that "Heel
   * pain" does not imply "Burning feet".
   */
  private static boolean sameKindOfFinding(Finding a, Finding b) {
    return a.kind() == b.kind()
        && new java.util.HashSet<>(a.parents()).equals(new java.util.HashSet<>(b.parents()))
        && lastWord(a.name()).equals(lastWord(b.name()));
  }

  private static String lastWord(String name) {
    String[] words = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", " ").trim().split("\\s+");
    return words[words.length - 1];
  }

  private static Set<String> ancestors(String start, java.util.function.Function<String, List<String>> parents) {
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String r = queue.poll();
      if (seen.add(r)) {
        queue.addAll(parents.apply(r));
      }
    }
    return seen;
  }

  /**
   * Inverts lists of values in [0, size): for each value, the indices of the lists holding it,
   * ascending, once per time a list holds it.
   */
  static int[][] inverse(int[][] lists, int size) {
    int[] count = new int[size];
    for (int[] list : lists) {
      for (int v : list) {
        count[v]++;
      }
    }
    int[][] out = new int[size][];
    for (int v = 0; v < size; v++) {
      out[v] = new int[count[v]];
      count[v] = 0;
    }
    for (int i = 0; i < lists.length; i++) {
      for (int v : lists[i]) {
        out[v][count[v]++] = i;
      }
    }
    return out;
  }

  /** For each finding g: g, then every other finding whose closure holds g, in index order. */
  private static int[][] invert(int[][] implied) {
    int n = implied.length;
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      for (int g : implied[i]) {
        if (g != i) {
          count[g]++;
        }
      }
    }
    int[][] out = new int[n][];
    for (int g = 0; g < n; g++) {
      out[g] = new int[count[g] + 1];
      out[g][0] = g;
      count[g] = 1;
    }
    for (int i = 0; i < n; i++) {
      for (int g : implied[i]) {
        if (g != i) {
          out[g][count[g]++] = i;
        }
      }
    }
    return out;
  }
}
