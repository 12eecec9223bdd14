package org.musculo.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.musculo.Assessment;
import org.musculo.Contribution;
import org.musculo.Explanation;
import org.musculo.FiredRedFlag;
import org.musculo.Interpretation;
import org.musculo.LikelyCause;
import org.musculo.PreventionAdvice;
import org.musculo.Provenance;
import org.musculo.Question;
import org.musculo.RankedCondition;
import org.musculo.TreatmentOption;
import org.musculo.Triage;
import org.musculo.model.CareSetting;
import org.musculo.model.Cause;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/** Turns evidence into an {@link Assessment}: scoring, triage, causes, prevention, treatments. */
public final class Assessor {
  /** The statement every assessment carries. */
  public static final String DISCLAIMER =
      "Musculo offers decision support, not a diagnosis: it cannot examine you and may be wrong."
          + " If you are worried, or your symptoms change or get worse, contact a doctor; in an"
          + " emergency call your local emergency number.";

  /** Most conditions an assessment lists. */
  public static final int MAX_CONDITIONS = 10;

  private static final double MIN_LISTED = 0.001;
  private static final int ALWAYS_LISTED = 3;
  private static final double CARE_PROBABILITY = 0.05;
  private static final int CARE_CONDITIONS = 3;
  private static final double UNFAMILIAR = 0.5;
  private static final double EXPECTED = 0.5;

  private final CompiledKnowledge k;
  private final Scorer scorer;
  private final Provenance provenance;
  /** Red flags in id order, with their findings as indices and the condition each points to, or -1. */
  final RedFlag[] redFlags;
  final int[][] redFlagAll;
  final int[][] redFlagAny;
  final int[][] redFlagNone;
  final int[] redFlagCondition;
  /**
   * Per finding: the red flags whose all-of or any-of lists it. Every red flag lists a finding in
   * one of them (the model checks it), so it fires only when one of those is present.
   */
  private final int[][] flagsListing;
  /** Per finding, its contribution reported present or absent to a condition that does not show it. */
  private final Contribution[] leakPresent;
  private final Contribution[] leakAbsent;
  private final Cause[] causes;
  /** Per condition: the findings its content lists as common (at least {@value #EXPECTED}), in content order. */
  private final int[][] expectedFindings;
  private final ThreadLocal<Workspace> workspace;
  /**
   * Per condition, once explained: the contributions of its findings reported present (at twice
   * their place in its row) and absent (one after), each built on first use. At most two per
   * posting, and only for conditions an explanation reaches, so it never outgrows the compiled
   * rows themselves.
   */
  private final AtomicReferenceArray<Contribution[]> shownRows;
  /** Per cause: its rank among the cause ids in natural order, for ties. */
  private final int[] causeRank;
  private final int[][] causeIndicators;
  private final int[][] causeConditions;
  /** Per finding: the causes it indicates; per condition: the causes it supports. */
  private final int[][] findingCauses;
  private final int[][] conditionCauses;
  /**
   * Per cause: 0.0999 over its number of conditions. Unless one of its conditions is at least this
   * likely, its support stays below the {@value #CAUSE_SUPPORT} a cause without a present
   * indicator needs (0.0999 rather than 0.1, so that the rounding of the sum cannot reach 0.1
   * either).
   */
  private final double[] causeSupportFloor;
  /** The causes by {@link #causeSupportFloor}, lowest first. */
  private final int[] byCauseSupportFloor;
  /** Per cause: its prevention measures as indices into {@link #advice}. */
  private final int[][] causePrevention;
  /** Per red flag: the index of its demographic, or -1 when it has none. */
  private final int[] redFlagDemographic;
  private final FiredRedFlag[] firedRedFlag;
  /**
   * Per condition: the risk factors' findings (or -1 for a demographic), or null when it has none,
   * so that most conditions are explained without reading a row of their own.
   */
  private final int[][] riskFinding;
  /** Per condition and risk factor: the index of its demographic, or -1 for a finding. */
  private final int[][] riskDemographic;
  private final Contribution[][] riskContribution;
  /**
   * Per condition: what a ranked condition copies from the content, and per finding its name,
   * kept in flat arrays: in a large knowledge base, reading them from each condition's and
   * finding's own object costs a cache miss each.
   */
  private final String[] conditionName;
  private final List<Code>[] conditionCodes;
  private final double[] prevalence;
  private final String[] findingName;
  /**
   * Per condition: the reasons a triage gives when it leads and when it is above its threshold,
   * each written on first use (a race writes the same string twice, which is harmless: strings
   * are immutable and safely published).
   */
  private final String[] leadReason;
  private final String[] thresholdReason;
  /** Per condition: its prevention measures and treatments, as indices. */
  private final int[][] conditionPrevention;
  private final int[][] conditionTreatments;
  /**
   * Per condition: for each of its treatments, the option offered for that condition alone,
   * built on first use.
   */
  private final TreatmentOption[][] soleOption;
  /** Prevention measures in id order, as an assessment lists them. */
  private final PreventionAdvice[] advice;
  /** Treatments in id order, with their contraindicating findings and red flags as indices. */
  private final Treatment[] treatmentList;
  private final int[][] treatmentContraFindings;
  private final int[][] treatmentContraFlags;
  /** Per finding: ln(1 - bg), as an absent finding's contribution subtracts it. */
  private final double[] logOneMinusBackground;
  /** Per triage level: the advice and the safety net. */
  private static final String[] ADVICE = new String[TriageLevel.values().length];
  private static final String[] SAFETY_NET = new String[TriageLevel.values().length];

  static {
    for (TriageLevel level : TriageLevel.values()) {
      ADVICE[level.ordinal()] = advice(level);
      SAFETY_NET[level.ordinal()] = safetyNet(level);
    }
  }

  /**
   * Creates an assessor.
   *
   * @param k the compiled knowledge
   * @param engineVersion the version of musculo-core
   */
  public Assessor(CompiledKnowledge k, String engineVersion) {
    this.k = k;
    this.scorer = new Scorer(k);
    this.provenance = Provenance.builder()
        .modules(k.kb.modules())
        .contentHash(k.kb.contentHash())
        .engineVersion(engineVersion)
        .build();
    this.redFlags = k.kb.redFlags().values().toArray(RedFlag[]::new);
    this.redFlagAll = new int[redFlags.length][];
    this.redFlagAny = new int[redFlags.length][];
    this.redFlagNone = new int[redFlags.length][];
    this.redFlagCondition = new int[redFlags.length];
    for (int i = 0; i < redFlags.length; i++) {
      redFlagCondition[i] = redFlags[i].condition().map(k.conditionIndex::get).orElse(-1);
      redFlagAll[i] = indices(redFlags[i].allOf());
      redFlagAny[i] = indices(redFlags[i].anyOf());
      redFlagNone[i] = indices(redFlags[i].noneOf());
    }
    int[][] listing = new int[redFlags.length][];
    for (int i = 0; i < redFlags.length; i++) {
      listing[i] = concat(redFlagAll[i], redFlagAny[i]);
    }
    this.flagsListing = CompiledKnowledge.inverse(listing, k.findingCount());
    Map<String, List<Integer>> conditionsByCause = new HashMap<>();
    for (int c = 0; c < k.conditionCount(); c++) {
      for (String cause : k.conditions[c].causes()) {
        conditionsByCause.computeIfAbsent(cause, x -> new ArrayList<>()).add(c);
      }
    }
    this.causes = k.kb.causes().values().toArray(Cause[]::new);
    this.expectedFindings = new int[k.conditionCount()][];
    for (int c = 0; c < expectedFindings.length; c++) {
      int[] listed = k.listedFindings[c];
      int[] expected = new int[listed.length];
      int count = 0;
      for (int i = 0; i < listed.length; i++) {
        if (k.listedFrequencies[c][i] >= EXPECTED) {
          expected[count++] = listed[i];
        }
      }
      expectedFindings[c] = Arrays.copyOf(expected, count);
    }
    this.workspace = ThreadLocal.withInitial(() -> new Workspace(k.findingCount(), causes.length));
    this.shownRows = new AtomicReferenceArray<>(k.conditionCount());
    this.causeRank = new int[causes.length];
    Integer[] byId = new Integer[causes.length];
    Arrays.setAll(byId, i -> i);
    Arrays.sort(byId, (a, b) -> causes[a].id().compareTo(causes[b].id()));
    for (int r = 0; r < byId.length; r++) {
      causeRank[byId[r]] = r;
    }
    this.causeIndicators = new int[causes.length][];
    this.causeConditions = new int[causes.length][];
    for (int i = 0; i < causes.length; i++) {
      causeIndicators[i] = indices(causes[i].indicators());
      // the conditions that list the cause, and the condition the cause is, if any
      List<Integer> supported = new ArrayList<>(conditionsByCause.getOrDefault(causes[i].id(), List.of()));
      causes[i].condition().map(k.conditionIndex::get).ifPresent(supported::add);
      causeConditions[i] = supported.stream().mapToInt(Integer::intValue).toArray();
    }
    this.findingCauses = CompiledKnowledge.inverse(causeIndicators, k.findingCount());
    this.conditionCauses = CompiledKnowledge.inverse(causeConditions, k.conditionCount());
    this.causeSupportFloor = new double[causes.length];
    for (int i = 0; i < causes.length; i++) {
      int n = causeConditions[i].length;
      causeSupportFloor[i] = n == 0 ? Double.POSITIVE_INFINITY : CAUSE_SUPPORT * 0.999 / n;
    }
    this.byCauseSupportFloor = CompiledKnowledge.sortedIndices(causes.length,
        (a, b) -> Double.compare(causeSupportFloor[a], causeSupportFloor[b]));
    this.logOneMinusBackground = new double[k.findingCount()];
    for (int f = 0; f < logOneMinusBackground.length; f++) {
      logOneMinusBackground[f] = Math.log(1 - k.background[f]);
    }
    this.findingName = new String[k.findingCount()];
    for (int f = 0; f < findingName.length; f++) {
      findingName[f] = k.findings[f].name();
    }
    this.leakPresent = leakContributions(true);
    this.leakAbsent = leakContributions(false);

    // everything an assessment copies from the content as it is, built once
    this.redFlagDemographic = new int[redFlags.length];
    this.firedRedFlag = new FiredRedFlag[redFlags.length];
    Map<String, Integer> flagIndex = new HashMap<>();
    for (int i = 0; i < redFlags.length; i++) {
      RedFlag r = redFlags[i];
      redFlagDemographic[i] = r.demographic().map(k::demographicIndex).orElse(-1);
      firedRedFlag[i] = FiredRedFlag.builder().id(r.id()).name(r.name()).level(r.level()).reason(r.reason()).build();
      flagIndex.put(r.id(), i);
    }
    this.advice = k.kb.preventionMeasures().values().stream()
        .map(m -> PreventionAdvice.builder().id(m.id()).name(m.name()).advice(m.advice()).build())
        .toArray(PreventionAdvice[]::new);
    Map<String, Integer> adviceIndex = new HashMap<>();
    for (int i = 0; i < advice.length; i++) {
      adviceIndex.put(advice[i].id(), i);
    }
    this.causePrevention = new int[causes.length][];
    for (int i = 0; i < causes.length; i++) {
      causePrevention[i] = causes[i].prevention().stream().mapToInt(adviceIndex::get).toArray();
    }
    this.treatmentList = k.kb.treatments().values().toArray(Treatment[]::new);
    Map<String, Integer> treatmentIndex = new HashMap<>();
    this.treatmentContraFindings = new int[treatmentList.length][];
    this.treatmentContraFlags = new int[treatmentList.length][];
    for (int t = 0; t < treatmentList.length; t++) {
      treatmentIndex.put(treatmentList[t].id(), t);
      treatmentContraFindings[t] = indices(treatmentList[t].contraindications());
      // a red flag the content does not define can never fire
      treatmentContraFlags[t] = treatmentList[t].contraindicatedRedFlags().stream()
          .filter(flagIndex::containsKey).mapToInt(flagIndex::get).toArray();
    }
    int nc = k.conditionCount();
    this.riskFinding = new int[nc][];
    this.riskDemographic = new int[nc][];
    this.riskContribution = new Contribution[nc][];
    this.leadReason = new String[nc];
    this.thresholdReason = new String[nc];
    this.conditionPrevention = new int[nc][];
    this.conditionTreatments = new int[nc][];
    this.soleOption = new TreatmentOption[nc][];
    this.conditionName = new String[nc];
    @SuppressWarnings("unchecked")
    List<Code>[] codes = new List[nc];
    this.conditionCodes = codes;
    this.prevalence = new double[nc];
    for (int c = 0; c < nc; c++) {
      Condition condition = k.conditions[c];
      conditionName[c] = condition.name();
      conditionCodes[c] = condition.codes();
      prevalence[c] = condition.prevalence();
      List<RiskFactor> rfs = condition.riskFactors();
      riskFinding[c] = rfs.isEmpty() ? null : new int[rfs.size()];
      riskDemographic[c] = rfs.isEmpty() ? NONE : new int[rfs.size()];
      riskContribution[c] = rfs.isEmpty() ? NO_CONTRIBUTIONS : new Contribution[rfs.size()];
      for (int i = 0; i < rfs.size(); i++) {
        RiskFactor rf = rfs.get(i);
        riskFinding[c][i] = rf.finding().map(k.findingIndex::get).orElse(-1);
        riskDemographic[c][i] = rf.finding().isPresent() ? -1 : k.demographicIndex(rf.demographic().orElseThrow());
        riskContribution[c][i] = Contribution.builder()
            .id(rf.finding().orElse("demographic"))
            .name(rf.finding().map(f -> k.findings[k.findingIndex.get(f)].name())
                .orElseGet(() -> describe(rf.demographic().orElseThrow())))
            .present(true)
            .logRatio(Math.log(rf.oddsRatio()))
            .build();
      }
      conditionPrevention[c] = indices(condition.prevention(), adviceIndex);
      conditionTreatments[c] = indices(condition.treatments(), treatmentIndex);
      soleOption[c] = conditionTreatments[c].length == 0 ? NO_OPTIONS
          : new TreatmentOption[conditionTreatments[c].length];
    }
  }

  private static final TreatmentOption[] NO_OPTIONS = new TreatmentOption[0];
  private static final Contribution[] NO_CONTRIBUTIONS = new Contribution[0];

  /**
   * Returns the option of condition {@code c}'s {@code i}-th treatment offered for it alone,
   * built on first use (compiling a large knowledge base does not build one per listing); a race
   * builds it twice, which is harmless: options are immutable, with final fields.
   */
  private TreatmentOption soleOption(int c, int i) {
    TreatmentOption option = soleOption[c][i];
    if (option == null) {
      option = option(treatmentList[conditionTreatments[c][i]], List.of(k.conditionIds[c]));
      soleOption[c][i] = option;
    }
    return option;
  }

  private static TreatmentOption option(Treatment t, List<String> forConditions) {
    return TreatmentOption.builder().id(t.id()).name(t.name()).description(t.description())
        .setting(t.setting()).modality(t.modality()).channels(t.channels())
        .forConditions(forConditions).build();
  }

  /**
   * Returns, for every finding, its contribution to a condition that does not show it: the same
   * for every such condition, so built once.
   */
  private Contribution[] leakContributions(boolean present) {
    Contribution[] out = new Contribution[k.findingCount()];
    for (int f = 0; f < out.length; f++) {
      out[f] = contribution(f, -1, present, present ? k.logLeakPresent[f] : k.logLeakAbsent[f]);
    }
    return out;
  }

  private int[] indices(List<String> ids) {
    return indices(ids, k.findingIndex);
  }

  private static final int[] NONE = new int[0];

  /** The indices of ids, in order: a loop, since most lists are empty and a stream costs more. */
  private static int[] indices(List<String> ids, Map<String, Integer> index) {
    if (ids.isEmpty()) {
      return NONE;
    }
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = index.get(ids.get(i));
    }
    return out;
  }

  private String leadReason(int c) {
    String reason = leadReason[c];
    if (reason == null) {
      reason = "Your answers fit " + lower(conditionName[c]) + " best; it usually " + phrase(k.acuity[c]) + ".";
      leadReason[c] = reason;
    }
    return reason;
  }

  private String thresholdReason(int c) {
    String reason = thresholdReason[c];
    if (reason == null) {
      reason = "Your answers could fit " + lower(conditionName[c]) + ", which " + phrase(k.acuity[c]) + ".";
      thresholdReason[c] = reason;
    }
    return reason;
  }

  /**
   * Returns the index of the finding with this id, or -1 if there is none: one lookup where a
   * caller would otherwise test and then fetch.
   */
  public int findingOrNone(String id) {
    Integer f = k.findingIndex.get(id);
    return f == null ? -1 : f;
  }

  /** Returns the scorer behind this assessor. */
  public Scorer scorer() {
    return scorer;
  }

  /**
   * Returns the red flags that fire for the evidence, in id order.
   *
   * <p>A red flag whose findings and demographics match fires unless one of its none-of findings
   * is present and another firing red flag already forces at least its level: none-of hands a
   * flag over to a stronger one, so that adding a finding can never lower the level.
   */
  public List<RedFlag> firedRedFlags(Evidence e) {
    int[] fired = fired(e);
    List<RedFlag> out = new ArrayList<>(fired.length);
    for (int r : fired) {
      out.add(redFlags[r]);
    }
    return out;
  }

  /** Returns the indices of the red flags that fire, ascending: {@link #firedRedFlags} by index. */
  int[] fired(Evidence e) {
    // the flags that can fire, as bits: those a present finding is listed in
    long[] candidates = new long[(redFlags.length + 63) >>> 6];
    for (int f = e.presentClosure.nextSetBit(0); f >= 0; f = e.presentClosure.nextSetBit(f + 1)) {
      for (int r : flagsListing[f]) {
        candidates[r >>> 6] |= 1L << r;
      }
    }
    int candidateCount = 0;
    for (long word : candidates) {
      candidateCount += Long.bitCount(word);
    }
    int[] matching = new int[candidateCount];
    boolean[] suppressed = new boolean[candidateCount];
    int count = 0;
    int unsuppressed = TriageLevel.SELF_CARE.ordinal();
    for (int w = 0; w < candidates.length; w++) {
      for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
        int i = w << 6 | Long.numberOfTrailingZeros(bits);
        if (!matches(i, e)) {
          continue;
        }
        boolean none = excluded(i, e);
        matching[count] = i;
        suppressed[count++] = none;
        if (!none) {
          unsuppressed = Math.max(unsuppressed, redFlags[i].level().ordinal());
        }
      }
    }
    int fired = 0;
    for (int i = 0; i < count; i++) {
      if (!suppressed[i] || redFlags[matching[i]].level().ordinal() > unsuppressed) {
        matching[fired++] = matching[i];
      }
    }
    return Arrays.copyOf(matching, fired);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private boolean excluded(int i, Evidence e) {
    for (int f : redFlagNone[i]) {
      if (e.isPresent(f)) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(int i, Evidence e) {
    for (int f : redFlagAll[i]) {
      if (!e.isPresent(f)) {
        return false;
      }
    }
    if (redFlagAny[i].length > 0) {
      boolean any = false;
      for (int f : redFlagAny[i]) {
        any |= e.isPresent(f);
      }
      if (!any) {
        return false;
      }
    }
    return redFlagDemographic[i] < 0 || e.inDemographic[redFlagDemographic[i]];
  }

  /**
   * Assesses the evidence.
   *
   * @param e the evidence
   * @param interpreted how free text was read
   * @param unrecognized free text that matched nothing
   * @param questionsFor the next questions to ask, given the posterior
   * @return the assessment
   */
  public Assessment assess(Evidence e, List<Interpretation> interpreted, List<String> unrecognized,
      java.util.function.Function<Posterior, List<Question>> questionsFor) {
    Posterior posterior = scorer.score(e);
    return assess(e, posterior, fired(e), posterior.top(MAX_CONDITIONS), questionsFor.apply(posterior),
        interpreted, unrecognized);
  }

  /**
   * Assesses the evidence, with the next questions from an interviewer that shares this
   * assessment's posterior, best conditions and fired red flags.
   *
   * @param e the evidence
   * @param interpreted how free text was read
   * @param unrecognized free text that matched nothing
   * @param interviewer the interviewer, built over this assessor
   * @param questions how many questions at most
   * @param answered how many findings have been answered
   * @return the assessment
   */
  public Assessment assess(Evidence e, List<Interpretation> interpreted, List<String> unrecognized,
      Interviewer interviewer, int questions, int answered) {
    Posterior posterior = scorer.scoreTransient(e); // does not outlive this call
    int[] fired = fired(e);
    // the best conditions the interview weighs; the best of them are the assessment's best
    int[] candidates = posterior.top(Math.max(MAX_CONDITIONS, Interviewer.CANDIDATES));
    int[] top = candidates.length > MAX_CONDITIONS ? Arrays.copyOf(candidates, MAX_CONDITIONS) : candidates;
    List<Question> next = interviewer.questions(e, posterior, candidates, fired, questions, answered);
    return assess(e, posterior, fired, top, next, interpreted, unrecognized);
  }

  private Assessment assess(Evidence e, Posterior posterior, int[] fired, int[] top, List<Question> questions,
      List<Interpretation> interpreted, List<String> unrecognized) {
    Workspace x = workspace.get().prepare(e);
    // the triage and every other attribute are set below; the lists start empty
    Assessment.Builder b = x.assessment
        .conditions(Collections.emptyList())
        .causes(Collections.emptyList())
        .prevention(Collections.emptyList())
        .treatments(Collections.emptyList());
    int[] listed = listing(posterior, top, fired, MAX_CONDITIONS);
    for (int i = 0; i < listed.length; i++) {
      double p = posterior.probability(listed[i]);
      List<String> flags = flagsPointingTo(listed[i], fired);
      if (flags.isEmpty() && i >= ALWAYS_LISTED && p < MIN_LISTED) {
        break;
      }
      b.addCondition(rank(listed[i], p, flags, e, x));
    }
    TriageLevel level = triage(e, posterior, top, fired, x, b);
    int[] care = careConditions(posterior, top, fired);
    int[] causeIndex = x.chosenCauses;
    boolean[] indicated = x.indicatedCauses;
    int causeCount = causes(e, posterior, top, x, b);
    prevention(care, causeIndex, indicated, causeCount, b);
    treatments(care, level, fired, e, x, b);
    return b
        .somethingElse(posterior.remainder())
        .nextQuestions(questions)
        .interpreted(interpreted)
        .unrecognized(unrecognized)
        .knowledgeBase(provenance)
        .disclaimer(DISCLAIMER)
        .build();
  }

  /**
   * Ranks the first {@code n} conditions in the order of an assessment's conditions (those the
   * fired red flags point to, then the most probable), with probabilities and explanations.
   *
   * @param e the evidence
   * @param n how many
   * @return the ranked conditions
   */
  public List<RankedCondition> rank(Evidence e, int n) {
    Posterior posterior = scorer.scoreTransient(e); // does not outlive this call
    int[] fired = fired(e);
    int[] listed = listing(posterior, posterior.top(n), fired, n);
    List<RankedCondition> out = new ArrayList<>(listed.length);
    Workspace x = workspace.get().prepare(e);
    for (int c : listed) {
      out.add(rank(c, posterior.probability(c), flagsPointingTo(c, fired), e, x));
    }
    return out;
  }

  /**
   * Ranks the first {@code n} conditions as {@link #rank(Evidence, int)} does, with their
   * probabilities only.
   *
   * @param e the evidence
   * @param n how many
   * @return condition ids mapped to probabilities, in the order of {@link #rank(Evidence, int)};
   *     unmodifiable
   */
  public Map<String, Double> probabilities(Evidence e, int n) {
    Posterior posterior = scorer.scoreTransient(e); // does not outlive this call
    int[] listed = listing(posterior, posterior.top(n), fired(e), n);
    Map<String, Double> out = new LinkedHashMap<>(listed.length * 2);
    for (int c : listed) {
      out.put(k.conditionIds[c], posterior.probability(c));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns at most {@code n} conditions in the order they are listed: first those the fired red
   * flags point to, the ones to rule out first (the most urgent flag's first, then the more
   * probable, then by id), then the others of {@code top}, which is in order of probability.
   */
  private int[] listing(Posterior posterior, int[] top, int[] fired, int n) {
    int[] pointed = null;
    int[] urgency = null;
    int count = 0;
    for (int r : fired) {
      int c = redFlagCondition[r];
      if (c < 0) {
        continue;
      }
      if (pointed == null) {
        pointed = new int[fired.length];
        urgency = new int[fired.length];
      }
      int at = indexOf(pointed, count, c);
      if (at < 0) {
        pointed[count] = c;
        urgency[count++] = redFlags[r].level().ordinal();
      } else {
        urgency[at] = Math.max(urgency[at], redFlags[r].level().ordinal());
      }
    }
    if (count == 0) {
      return top.length > n ? Arrays.copyOf(top, n) : top;
    }
    for (int i = 1; i < count; i++) { // an insertion sort: a few conditions at most
      int c = pointed[i];
      int u = urgency[i];
      int j = i;
      while (j > 0 && listedBefore(c, u, pointed[j - 1], urgency[j - 1], posterior)) {
        pointed[j] = pointed[j - 1];
        urgency[j] = urgency[j - 1];
        j--;
      }
      pointed[j] = c;
      urgency[j] = u;
    }
    int[] out = new int[Math.min(n, count + top.length)];
    int listed = 0;
    for (int i = 0; i < count && listed < out.length; i++) {
      out[listed++] = pointed[i];
    }
    for (int i = 0; i < top.length && listed < out.length; i++) {
      if (indexOf(pointed, count, top[i]) < 0) {
        out[listed++] = top[i];
      }
    }
    return listed == out.length ? out : Arrays.copyOf(out, listed);
  }

  private boolean listedBefore(int a, int urgencyA, int b, int urgencyB, Posterior posterior) {
    if (urgencyA != urgencyB) {
      return urgencyA > urgencyB;
    }
    double pa = posterior.probability(a);
    double pb = posterior.probability(b);
    return pa != pb ? pa > pb : k.idRank[a] < k.idRank[b];
  }

  private static int indexOf(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the ids of the fired red flags that point to condition {@code c}, in id order. */
  private List<String> flagsPointingTo(int c, int[] fired) {
    List<String> out = List.of();
    for (int r : fired) {
      if (redFlagCondition[r] == c) {
        if (out.isEmpty()) {
          out = new ArrayList<>(2);
        }
        out.add(redFlags[r].id());
      }
    }
    return out;
  }

  private RankedCondition rank(int c, double probability, List<String> flags, Evidence e, Workspace x) {
    Explanation explanation = explain(c, e, x);
    // every attribute is set anew, so nothing of the previous condition can be left in the builder
    return x.ranked
        .id(k.conditionIds[c])
        .name(conditionName[c])
        .probability(probability)
        .acuity(k.acuity[c])
        .codes(conditionCodes[c])
        .redFlags(flags)
        .explanation(explanation)
        .build();
  }

  /**
   * Per-thread scratch of one assessment. Lookups for explaining conditions: where each reported
   * finding sits among the reports, and which findings are known either way, so that a
   * condition's explanation takes one pass over its findings instead of a search per report. And
   * the builders and arrays an assessment fills, reused from one call to the next.
   */
  private static final class Workspace {
    /** Per finding: the generation in which it was reported, and its position among the reports. */
    final int[] reportStamp;
    final int[] reportSlot;
    /** Per finding: the generation in which it was known present or absent. */
    final int[] knownStamp;
    /** Per finding: the claim in which a report matched it, for findings several reports imply. */
    final int[] claimStamp;
    int claimGeneration;
    /**
     * Builders reused from one value to the next: an Immutables builder keeps its lists' capacity
     * when emptied, and the values it builds copy them, so reuse saves the builders and their
     * growth. Each use sets every attribute anew (emptying the lists), so nothing of an earlier
     * value, or an earlier patient, can be left in one.
     */
    final Assessment.Builder assessment = Assessment.builder();
    final Triage.Builder triage = Triage.builder();
    final RankedCondition.Builder ranked = RankedCondition.builder();
    final Explanation.Builder explanation = Explanation.builder();
    final LikelyCause.Builder cause = LikelyCause.builder();
    /** Lists a builder copies: the triage's reasons, a cause's indicators. */
    final List<String> reasons = new ArrayList<>();
    final List<String> indicators = new ArrayList<>();
    /**
     * Per cause: how many of its indicators are present, valid where its stamp is the current
     * cause generation; and the causes weighed in one call.
     */
    final int[] causePresent;
    final int[] causeStamp;
    final int[] causeCandidates;
    int causeGeneration;

    /** Starts the causes of one assessment: every stamp of the earlier ones becomes stale. */
    int nextCauseGeneration() {
      if (++causeGeneration == 0) {
        Arrays.fill(causeStamp, 0);
        causeGeneration = 1;
      }
      return causeGeneration;
    }
    /**
     * The distinct treatments of the care conditions, each with the condition and place of its
     * first listing and how many list it; and the options kept, in order.
     */
    int[] treatment = new int[16];
    int[] firstCondition = new int[16];
    int[] firstSlot = new int[16];
    int[] listings = new int[16];
    TreatmentOption[] options = new TreatmentOption[16];

    /** Makes room for {@code n} treatments. */
    void treatmentRoom(int n) {
      if (treatment.length < n) {
        treatment = new int[n];
        firstCondition = new int[n];
        firstSlot = new int[n];
        listings = new int[n];
        options = new TreatmentOption[n];
      }
    }

    /** The causes chosen, best first, their scores, and whether an indicator of each is present. */
    final int[] chosenCauses = new int[MAX_CAUSES];
    final double[] chosenScore = new double[MAX_CAUSES];
    final boolean[] indicatedCauses = new boolean[MAX_CAUSES];
    /** Per report, present ones first: its frequency in the condition explained, or -1. */
    double[] frequency = new double[16];
    /** Per report: its place in the condition's row of findings, where {@link #frequency} has one. */
    int[] row = new int[16];
    int generation;

    Workspace(int findings, int causes) {
      causePresent = new int[causes];
      causeStamp = new int[causes];
      causeCandidates = new int[causes];
      reportStamp = new int[findings];
      reportSlot = new int[findings];
      knownStamp = new int[findings];
      claimStamp = new int[findings];
    }

    /** Starts the claims of one condition's explanation. */
    int nextClaim() {
      if (++claimGeneration == 0) {
        Arrays.fill(claimStamp, 0);
        claimGeneration = 1;
      }
      return claimGeneration;
    }

    Workspace prepare(Evidence e) {
      if (++generation == 0) {
        Arrays.fill(reportStamp, 0);
        Arrays.fill(knownStamp, 0);
        generation = 1;
      }
      int reports = e.present.length + e.absent.length;
      if (frequency.length < reports) {
        frequency = new double[reports];
        row = new int[reports];
      }
      for (int i = 0; i < e.present.length; i++) {
        reportStamp[e.present[i]] = generation;
        reportSlot[e.present[i]] = i;
      }
      for (int j = 0; j < e.absent.length; j++) {
        reportStamp[e.absent[j]] = generation;
        reportSlot[e.absent[j]] = e.present.length + j;
      }
      for (BitSet known : new BitSet[] {e.presentClosure, e.absentClosure}) {
        for (int f = known.nextSetBit(0); f >= 0; f = known.nextSetBit(f + 1)) {
          knownStamp[f] = generation;
        }
      }
      return this;
    }

    /** Reads condition {@code c}'s frequency of every report in one pass over its findings. */
    void read(CompiledKnowledge k, int c, int reports) {
      Arrays.fill(frequency, 0, reports, -1);
      int[] shows = k.conditionFindings[c];
      double[] frequencies = k.conditionFrequencies[c];
      for (int j = 0; j < shows.length; j++) {
        if (reportStamp[shows[j]] == generation) {
          frequency[reportSlot[shows[j]]] = frequencies[j];
          row[reportSlot[shows[j]]] = j;
        }
      }
    }

    boolean known(int f) {
      return knownStamp[f] == generation;
    }
  }

  /**
   * Explains condition {@code c}: the same arithmetic as {@link Scorer}, one contribution per
   * piece of evidence.
   */
  private Explanation explain(int c, Evidence e, Workspace x) {
    x.read(k, c, e.present.length + e.absent.length);
    // every attribute is set anew (the lists emptied), so nothing of the previous condition can be
    // left in the builder; an empty list from Collections iterates without allocating
    Explanation.Builder b = x.explanation.prior(prevalence[c])
        .riskFactors(Collections.emptyList())
        .findings(Collections.emptyList())
        .notReported(Collections.emptyList());
    int[] riskFindings = riskFinding[c];
    if (riskFindings != null) {
      for (int i = 0; i < riskFindings.length; i++) {
        int f = riskFindings[i];
        if (f >= 0 ? e.isPresent(f) : e.inDemographic[riskDemographic[c][i]]) {
          b.addRiskFactor(riskContribution[c][i]);
        }
      }
    }
    if (e.shared.isEmpty()) {
      // no finding is implied by two reports, so no report can claim one before another does
      for (int i = 0; i < e.present.length; i++) {
        if (x.frequency[i] > 0) {
          b.addFinding(shown(c, x.row[i], true));
          continue;
        }
        // what the condition shows of the report is not there: something more general may be
        int f = e.present[i];
        int matched = -1;
        double freq = -1;
        for (int g : k.implied[f]) {
          freq = g == f ? -1 : k.explicitFrequency(c, g);
          if (freq > 0) {
            matched = g;
            break;
          }
        }
        b.addFinding(matched >= 0
            ? contribution(f, matched, true, Math.log(freq / k.background[matched]))
            : leakPresent[f]);
      }
    } else {
      // a finding implied by several reports counts once: the first report to match it claims it
      int claim = x.nextClaim();
      for (int i = 0; i < e.present.length; i++) {
        int f = e.present[i];
        int matched = -1;
        double freq = -1;
        for (int g : k.implied[f]) {
          freq = g == f ? x.frequency[i] : k.explicitFrequency(c, g);
          if (freq > 0 && x.claimStamp[g] != claim) {
            matched = g;
            for (int a : k.implied[g]) {
              if (e.shared.get(a)) {
                x.claimStamp[a] = claim;
              }
            }
            break;
          }
        }
        b.addFinding(matched >= 0
            ? contribution(f, matched, true, Math.log(freq / k.background[matched]))
            : leakPresent[f]);
      }
    }
    for (int j = 0; j < e.absent.length; j++) {
      int f = e.absent[j];
      double freq = x.frequency[e.present.length + j];
      b.addFinding(freq > 0 ? shown(c, x.row[e.present.length + j], false) : leakAbsent[f]);
    }
    int[] expected = expectedFindings[c];
    for (int i = 0; i < expected.length; i++) {
      if (!x.known(expected[i])) {
        b.addNotReported(k.findingIds[expected[i]]);
      }
    }
    return b.build();
  }

  /**
   * Returns the contribution of the finding at place {@code j} in condition {@code c}'s row,
   * reported present or absent: the same in every explanation of {@code c}, so built on first use
   * and kept. A race builds it twice, which is harmless: contributions are immutable, with final
   * fields, and the row is published through {@link #shownRows}.
   */
  private Contribution shown(int c, int j, boolean present) {
    Contribution[] row = shownRows.get(c);
    if (row == null) {
      row = new Contribution[2 * k.conditionFindings[c].length];
      if (!shownRows.compareAndSet(c, null, row)) {
        row = shownRows.get(c);
      }
    }
    int at = 2 * j + (present ? 0 : 1);
    Contribution out = row[at];
    if (out == null) {
      int f = k.conditionFindings[c][j];
      double freq = k.conditionFrequencies[c][j];
      out = present
          ? contribution(f, f, true, Math.log(freq / k.background[f]))
          : contribution(f, -1, false, Math.log(1 - freq) - logOneMinusBackground[f]);
      row[at] = out;
    }
    return out;
  }

  private Contribution contribution(int f, int matched, boolean present, double lr) {
    Contribution.Builder b = Contribution.builder()
        .id(k.findingIds[f])
        .name(findingName[f])
        .present(present)
        .logRatio(lr);
    if (matched >= 0 && matched != f) {
      b.matched(k.findingIds[matched]);
    }
    return b.build();
  }

  private static String describe(Demographic d) {
    List<String> parts = new ArrayList<>();
    if (d.minAge().isPresent() && d.maxAge().isPresent()) {
      parts.add("age " + d.minAge().getAsInt() + " to " + d.maxAge().getAsInt());
    } else if (d.minAge().isPresent()) {
      parts.add("age " + d.minAge().getAsInt() + " or over");
    } else if (d.maxAge().isPresent()) {
      parts.add("age " + d.maxAge().getAsInt() + " or under");
    }
    d.sex().ifPresent(s -> parts.add(s.name().toLowerCase(java.util.Locale.ROOT)));
    d.pregnant().ifPresent(p -> parts.add(p ? "pregnant" : "not pregnant"));
    return String.join(", ", parts);
  }

  /** Sets the triage on {@code b} and returns its level. */
  private TriageLevel triage(Evidence e, Posterior posterior, int[] top, int[] fired, Workspace x,
      Assessment.Builder b) {
    TriageLevel level = TriageLevel.SELF_CARE;
    List<String> reasons = x.reasons;
    reasons.clear();
    Triage.Builder t = x.triage.redFlags(Collections.emptyList());
    for (int r : fired) {
      level = level.max(redFlags[r].level());
      addDistinct(reasons, redFlags[r].reason());
      t.addRedFlag(firedRedFlag[r]);
    }
    for (int c : posterior.aboveThreshold()) {
      if (k.acuity[c].compareTo(TriageLevel.SELF_CARE) > 0 && (top.length == 0 || c != top[0])) {
        level = level.max(k.acuity[c]);
        addDistinct(reasons, thresholdReason(c));
      }
    }
    if (top.length > 0) {
      int lead = top[0];
      level = level.max(k.acuity[lead]);
      addDistinct(reasons, leadReason(lead));
    }
    if (posterior.remainder() >= UNFAMILIAR && level.compareTo(TriageLevel.CONSULTATION) < 0) {
      level = TriageLevel.CONSULTATION;
      addDistinct(reasons, UNFAMILIAR_REASON);
    }
    b.triage(t
        .level(level)
        .reasons(reasons)
        .advice(ADVICE[level.ordinal()])
        .safetyNet(SAFETY_NET[level.ordinal()])
        .build());
    return level;
  }

  private static final String UNFAMILIAR_REASON = "Your answers do not clearly fit a condition we know,"
      + " so a clinician should take a look.";

  /** Adds {@code s} unless an equal string is there: a few reasons, so a scan beats a set. */
  private static void addDistinct(List<String> list, String s) {
    if (!list.contains(s)) {
      list.add(s);
    }
  }

  private static String lower(String name) {
    return name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))
        ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
        : name;
  }

  private static String phrase(TriageLevel level) {
    switch (level) {
      case EMERGENCY:
        return "needs emergency care now";
      case URGENT:
        return "needs a doctor to see you today";
      case CONSULTATION:
        return "needs a routine visit to a clinician";
      default:
        return "can be looked after at home";
    }
  }

  /** Returns what to do now at a triage level, in words a patient understands. */
  public static String advice(TriageLevel level) {
    switch (level) {
      case EMERGENCY:
        return "Call your local emergency number (such as 999, 911 or 112) or go to the nearest"
            + " emergency department now. Do not drive yourself.";
      case URGENT:
        return "Contact a doctor today: your own doctor's same-day service, an urgent care"
            + " centre or a medical helpline.";
      case CONSULTATION:
        return "Book an appointment with a doctor or clinic in the next few days.";
      default:
        return "You can usually look after this at home with the self-care below.";
    }
  }

  /** Returns when to seek help if things change, in words a patient understands. */
  public static String safetyNet(TriageLevel level) {
    String urgent = "Get help at once if you develop new weakness or numbness, numbness around"
        + " your bottom or genitals, loss of bladder or bowel control, chest pain or"
        + " breathlessness, a hot, swollen or red leg, confusion, or a high temperature.";
    switch (level) {
      case EMERGENCY:
        return "While you wait for help, stay still and do not eat or drink. " + urgent;
      case URGENT:
        return urgent + " If you cannot reach a doctor today, go to an emergency department.";
      case CONSULTATION:
        return urgent + " Seek help sooner if the pain becomes severe or keeps getting worse.";
      default:
        return urgent + " Book a visit if it is not better within two weeks, or if spasms, cramps"
            + " or tingling keep coming back.";
    }
  }

  /**
   * The conditions whose prevention and treatments an assessment offers, distinct, in order: those
   * of the fired red flags, then the leading one and the next two if likely enough.
   */
  private int[] careConditions(Posterior posterior, int[] top, int[] fired) {
    int[] chosen = new int[fired.length + CARE_CONDITIONS];
    int count = 0;
    for (int r : fired) {
      count = addDistinct(chosen, count, redFlagCondition[r]);
    }
    for (int i = 0; i < top.length && i < CARE_CONDITIONS; i++) {
      if (i == 0 || posterior.probability(top[i]) >= CARE_PROBABILITY) {
        count = addDistinct(chosen, count, top[i]);
      }
    }
    return Arrays.copyOf(chosen, count);
  }

  /** Appends {@code x} to the first {@code count} of {@code xs} unless negative or there; returns the count. */
  private static int addDistinct(int[] xs, int count, int x) {
    if (x < 0) {
      return count;
    }
    for (int i = 0; i < count; i++) {
      if (xs[i] == x) {
        return count;
      }
    }
    xs[count] = x;
    return count + 1;
  }

  /** Most causes an assessment lists. */
  private static final int MAX_CAUSES = 5;
  /** The support from its conditions' probabilities a cause needs when no indicator is present. */
  private static final double CAUSE_SUPPORT = 0.1;

  /**
   * Adds the best supported causes to {@code b}, best first, ties by id, and puts their indices in
   * {@code x.chosenCauses}, with whether an indicator is present in {@code x.indicatedCauses};
   * returns how many.
   * {@code top} holds the best conditions, most probable first. Only the causes that make the
   * list are built.
   */
  private int causes(Evidence e, Posterior posterior, int[] top, Workspace x, Assessment.Builder b) {
    int[] chosen = x.chosenCauses;
    boolean[] indicated = x.indicatedCauses;
    // only causes with a present indicator or a likely enough condition can be listed: they are
    // found through the present findings, the best conditions, and the causes whose floor a
    // condition outside the best can reach, instead of a pass over all
    int[] present = x.causePresent;
    int[] stamp = x.causeStamp;
    int[] candidates = x.causeCandidates;
    int generation = x.nextCauseGeneration();
    int candidateCount = 0;
    BitSet closure = e.presentClosure;
    for (int f = closure.nextSetBit(0); f >= 0; f = closure.nextSetBit(f + 1)) {
      for (int i : findingCauses[f]) {
        if (stamp[i] != generation) {
          stamp[i] = generation;
          present[i] = 0;
          candidates[candidateCount++] = i;
        }
        present[i]++;
      }
    }
    for (int c : top) {
      double p = posterior.probability(c);
      for (int i : conditionCauses[c]) {
        if (stamp[i] != generation && p >= causeSupportFloor[i]) {
          stamp[i] = generation;
          present[i] = 0;
          candidates[candidateCount++] = i;
        }
      }
    }
    // a condition outside the best is at most as likely as the last of them
    double outside = top.length > 0 ? posterior.probability(top[top.length - 1]) : 0;
    for (int i : byCauseSupportFloor) {
      if (causeSupportFloor[i] > outside) {
        break;
      }
      if (stamp[i] != generation) {
        stamp[i] = generation;
        present[i] = 0;
        candidates[candidateCount++] = i;
      }
    }
    double[] chosenScore = x.chosenScore;
    int count = 0;
    // the best five by score and then id do not depend on the order the candidates come in
    for (int n = 0; n < candidateCount; n++) {
      int i = candidates[n];
      double support = 0;
      for (int c : causeConditions[i]) {
        support += posterior.probability(c);
      }
      support = Math.min(1, support);
      if (present[i] == 0 && support < CAUSE_SUPPORT) {
        continue;
      }
      double evidence = present[i] == 0
          ? 0
          : 0.5 + 0.5 * present[i] / (double) causeIndicators[i].length;
      double score = 0.5 * support + 0.5 * evidence;
      // insert by score, descending as Double.compare orders, then by id
      int at = count;
      while (at > 0 && (Double.compare(chosenScore[at - 1], score) < 0
          || Double.compare(chosenScore[at - 1], score) == 0 && causeRank[chosen[at - 1]] > causeRank[i])) {
        at--;
      }
      if (at == MAX_CAUSES) {
        continue;
      }
      int last = Math.min(count, MAX_CAUSES - 1);
      System.arraycopy(chosen, at, chosen, at + 1, last - at);
      System.arraycopy(chosenScore, at, chosenScore, at + 1, last - at);
      System.arraycopy(indicated, at, indicated, at + 1, last - at);
      chosen[at] = i;
      chosenScore[at] = score;
      indicated[at] = present[i] > 0;
      count = Math.min(count + 1, MAX_CAUSES);
    }
    for (int j = 0; j < count; j++) {
      int i = chosen[j];
      Cause cause = causes[i];
      List<String> indicators = x.indicators;
      indicators.clear();
      for (int f : causeIndicators[i]) {
        if (e.isPresent(f)) {
          indicators.add(k.findingIds[f]);
        }
      }
      b.addCause(x.cause.id(cause.id()).name(cause.name()).kind(cause.kind())
          .score(chosenScore[j]).indicators(indicators).build());
    }
    return count;
  }

  /** Most prevention measures an assessment lists. */
  private static final int MAX_PREVENTION = 8;

  /**
   * Adds prevention advice to {@code b}: that of the causes with a present indicator, then that of
   * the care conditions, then that of the other listed causes, each measure once, at most
   * {@value #MAX_PREVENTION}.
   */
  private void prevention(int[] conditions, int[] causeIndex, boolean[] indicated, int causeCount,
      Assessment.Builder b) {
    int[] ids = new int[MAX_PREVENTION];
    int count = 0;
    for (int j = 0; j < causeCount && count < MAX_PREVENTION; j++) {
      if (indicated[j]) {
        count = addPrevention(causePrevention[causeIndex[j]], ids, count);
      }
    }
    for (int c : conditions) {
      count = addPrevention(conditionPrevention[c], ids, count);
    }
    for (int j = 0; j < causeCount; j++) {
      count = addPrevention(causePrevention[causeIndex[j]], ids, count);
    }
    for (int i = 0; i < count; i++) {
      b.addPrevention(advice[ids[i]]);
    }
  }

  private static int addPrevention(int[] measures, int[] ids, int count) {
    for (int m : measures) {
      if (count == ids.length) {
        return count;
      }
      count = addDistinct(ids, count, m);
    }
    return count;
  }

  /**
   * Adds the treatments of the care conditions that fit the triage level and that neither a
   * present finding nor a fired red flag rules out, ordered by setting, else as the conditions list
   * them; each names the care conditions that list it.
   */
  private void treatments(int[] conditions, TriageLevel level, int[] fired, Evidence e, Workspace x,
      Assessment.Builder b) {
    // each distinct treatment, in order of first listing, with the care conditions listing it
    int total = 0;
    for (int c : conditions) {
      total += conditionTreatments[c].length;
    }
    if (total == 0) {
      return;
    }
    x.treatmentRoom(total);
    int[] treatment = x.treatment;
    int[] firstCondition = x.firstCondition;
    int[] firstSlot = x.firstSlot;
    int[] listings = x.listings;
    int count = 0;
    for (int c : conditions) {
      int[] ts = conditionTreatments[c];
      for (int i = 0; i < ts.length; i++) {
        int j = 0;
        while (j < count && treatment[j] != ts[i]) {
          j++;
        }
        if (j == count) {
          treatment[count] = ts[i];
          firstCondition[count] = c;
          firstSlot[count] = i;
          listings[count++] = 1;
        } else {
          listings[j]++;
        }
      }
    }
    TreatmentOption[] out = x.options;
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int t = treatment[j];
      Treatment tr = treatmentList[t];
      if (!fits(tr.setting(), level) || anyPresent(treatmentContraFindings[t], e)
          || anyOf(treatmentContraFlags[t], fired)) {
        continue;
      }
      TreatmentOption option;
      if (listings[j] == 1) {
        option = soleOption(firstCondition[j], firstSlot[j]);
      } else {
        List<String> forConditions = new ArrayList<>(listings[j]);
        for (int c : conditions) {
          for (int listed : conditionTreatments[c]) {
            if (listed == t) {
              forConditions.add(k.conditionIds[c]);
            }
          }
        }
        option = option(tr, forConditions);
      }
      // insertion by setting keeps equal settings in order, as a stable sort does
      int at = kept++;
      while (at > 0 && out[at - 1].setting().compareTo(option.setting()) > 0) {
        out[at] = out[at - 1];
        at--;
      }
      out[at] = option;
    }
    for (int i = 0; i < kept; i++) {
      b.addTreatment(out[i]);
      out[i] = null;
    }
  }

  private static boolean anyPresent(int[] findings, Evidence e) {
    for (int f : findings) {
      if (e.isPresent(f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOf(int[] flags, int[] fired) {
    for (int r : flags) {
      if (Arrays.binarySearch(fired, r) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether care in a setting fits a triage level: only emergency care at EMERGENCY, no
   * clinic therapy while a doctor should see the patient today, and no emergency care below
   * EMERGENCY.
   */
  public static boolean fits(CareSetting setting, TriageLevel level) {
    switch (level) {
      case EMERGENCY:
        return setting == CareSetting.EMERGENCY;
      case URGENT:
        return setting == CareSetting.SELF_CARE || setting == CareSetting.PHYSICIAN;
      default:
        return setting != CareSetting.EMERGENCY;
    }
  }
}
