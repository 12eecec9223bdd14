package org.musculo.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/**
 * The assessor as it was before its outputs were precomputed and its collections replaced by
 * arrays: the reference {@code AssessorTests} compares {@link Assessor} with.
 */
final class ReferenceAssessor {
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
  /** Causes in id order, with their indicator findings and the conditions they support. */
  /** Per finding, its contribution reported present or absent to a condition that does not show it. */
  private final Contribution[] leakPresent;
  private final Contribution[] leakAbsent;
  private final Cause[] causes;
  private final int[][] causeIndicators;
  private final int[][] causeConditions;

  /**
   * Creates an assessor.
   *
   * @param k the compiled knowledge
   * @param engineVersion the version of musculo-core
   */
  ReferenceAssessor(CompiledKnowledge k, String engineVersion) {
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
    Map<String, List<Integer>> conditionsByCause = new HashMap<>();
    for (int c = 0; c < k.conditionCount(); c++) {
      for (String cause : k.conditions[c].causes()) {
        conditionsByCause.computeIfAbsent(cause, x -> new ArrayList<>()).add(c);
      }
    }
    this.causes = k.kb.causes().values().toArray(Cause[]::new);
    this.causeIndicators = new int[causes.length][];
    this.causeConditions = new int[causes.length][];
    for (int i = 0; i < causes.length; i++) {
      causeIndicators[i] = indices(causes[i].indicators());
      // the conditions that list the cause, and the condition the cause is, if any
      List<Integer> supported = new ArrayList<>(conditionsByCause.getOrDefault(causes[i].id(), List.of()));
      causes[i].condition().map(k.conditionIndex::get).ifPresent(supported::add);
      causeConditions[i] = supported.stream().mapToInt(Integer::intValue).toArray();
    }
    this.leakPresent = leakContributions(true);
    this.leakAbsent = leakContributions(false);
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
    return ids.stream().mapToInt(k.findingIndex::get).toArray();
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
    List<RedFlag> matching = new ArrayList<>();
    List<Boolean> suppressed = new ArrayList<>();
    TriageLevel unsuppressed = TriageLevel.SELF_CARE;
    for (int i = 0; i < redFlags.length; i++) {
      if (matches(i, e)) {
        boolean none = excluded(i, e);
        matching.add(redFlags[i]);
        suppressed.add(none);
        if (!none) {
          unsuppressed = unsuppressed.max(redFlags[i].level());
        }
      }
    }
    List<RedFlag> fired = new ArrayList<>();
    for (int i = 0; i < matching.size(); i++) {
      if (!suppressed.get(i) || matching.get(i).level().compareTo(unsuppressed) > 0) {
        fired.add(matching.get(i));
      }
    }
    return fired;
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
    return redFlags[i].demographic().map(d -> d.matches(e.age, e.sex, e.pregnant)).orElse(true);
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
    List<Question> questions = questionsFor.apply(posterior);
    int[] top = posterior.top(MAX_CONDITIONS);
    List<RedFlag> fired = firedRedFlags(e);

    List<RankedCondition> ranked = new ArrayList<>();
    List<Integer> listed = listing(posterior, top, fired, MAX_CONDITIONS);
    for (int i = 0; i < listed.size(); i++) {
      int c = listed.get(i);
      double p = posterior.probability(c);
      if (flagsPointingTo(c, fired).isEmpty() && i >= ALWAYS_LISTED && p < MIN_LISTED) {
        break;
      }
      ranked.add(rank(c, p, fired, e));
    }
    Triage triage = triage(e, posterior, top, fired);
    List<Integer> careConditions = careConditions(posterior, top, fired);
    List<LikelyCause> causes = causes(e, posterior);
    return Assessment.builder()
        .triage(triage)
        .conditions(ranked)
        .somethingElse(posterior.remainder())
        .causes(causes)
        .prevention(prevention(careConditions, causes))
        .treatments(treatments(careConditions, triage.level(), fired, e))
        .nextQuestions(questions)
        .interpreted(interpreted)
        .unrecognized(unrecognized)
        .knowledgeBase(provenance)
        .disclaimer(DISCLAIMER)
        .build();
  }

  /**
   * Ranks the {@code n} most probable conditions, with probabilities and explanations.
   *
   * @param e the evidence
   * @param n how many
   * @return the ranked conditions
   */
  public List<RankedCondition> rank(Evidence e, int n) {
    Posterior posterior = scorer.score(e);
    List<RedFlag> fired = firedRedFlags(e);
    List<RankedCondition> out = new ArrayList<>();
    for (int c : listing(posterior, posterior.top(n), fired, n)) {
      out.add(rank(c, posterior.probability(c), fired, e));
    }
    return out;
  }

  /**
   * The conditions in the order they are listed, at most {@code n}: those a fired red flag points
   * to (the most urgent flag's first, then the more probable, then by id), then the rest of
   * {@code top}.
   */
  private List<Integer> listing(Posterior posterior, int[] top, List<RedFlag> fired, int n) {
    Map<Integer, TriageLevel> urgency = new HashMap<>();
    for (RedFlag r : fired) {
      r.condition().ifPresent(id -> urgency.merge(k.conditionIndex.get(id), r.level(),
          (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }
    List<Integer> out = new ArrayList<>(urgency.keySet());
    out.sort(Comparator.comparing((Integer c) -> urgency.get(c)).reversed()
        .thenComparing(c -> posterior.probability(c), Comparator.reverseOrder())
        .thenComparing(c -> k.conditionIds[c]));
    for (int c : top) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out.subList(0, Math.min(n, out.size()));
  }

  private List<String> flagsPointingTo(int c, List<RedFlag> fired) {
    return fired.stream().filter(r -> r.condition().equals(Optional.of(k.conditionIds[c])))
        .map(RedFlag::id).toList();
  }

  private RankedCondition rank(int c, double probability, List<RedFlag> fired, Evidence e) {
    Condition condition = k.conditions[c];
    return RankedCondition.builder()
        .id(condition.id())
        .name(condition.name())
        .probability(probability)
        .acuity(condition.acuity())
        .codes(condition.codes())
        .redFlags(flagsPointingTo(c, fired))
        .explanation(explain(c, e))
        .build();
  }

  /**
   * Explains condition {@code c}: the same arithmetic as {@link Scorer}, one contribution per
   * piece of evidence.
   */
  public Explanation explain(int c, Evidence e) {
    Condition condition = k.conditions[c];
    List<Contribution> risk = new ArrayList<>();
    for (RiskFactor rf : condition.riskFactors()) {
      boolean applies = rf.finding().map(f -> e.isPresent(k.findingIndex.get(f)))
          .orElseGet(() -> rf.demographic().orElseThrow().matches(e.age, e.sex, e.pregnant));
      if (applies) {
        risk.add(Contribution.builder()
            .id(rf.finding().orElse("demographic"))
            .name(rf.finding().map(f -> k.findings[k.findingIndex.get(f)].name())
                .orElseGet(() -> describe(rf.demographic().orElseThrow())))
            .present(true)
            .logRatio(Math.log(rf.oddsRatio()))
            .build());
      }
    }
    List<Contribution> findings = new ArrayList<>(e.present.length + e.absent.length);
    java.util.Set<Integer> sharedClaims = e.shared.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>();
    for (int f : e.present) {
      int matched = -1;
      double freq = -1;
      for (int g : k.implied[f]) {
        freq = g == f ? k.frequency(c, g) : k.explicitFrequency(c, g);
        if (freq > 0 && !sharedClaims.contains(g)) {
          matched = g;
          for (int a : k.implied[g]) {
            if (e.shared.get(a)) {
              sharedClaims.add(a);
            }
          }
          break;
        }
      }
      findings.add(matched >= 0
          ? contribution(f, matched, true, Math.log(freq / k.background[matched]))
          : leakPresent[f]);
    }
    for (int f : e.absent) {
      double freq = k.frequency(c, f);
      findings.add(freq > 0
          ? contribution(f, -1, false, Math.log(1 - freq) - Math.log(1 - k.background[f]))
          : leakAbsent[f]);
    }
    List<String> notReported = new ArrayList<>();
    int[] listed = k.listedFindings[c];
    for (int i = 0; i < listed.length; i++) {
      int f = listed[i];
      if (k.listedFrequencies[c][i] >= EXPECTED && !e.isPresent(f) && !e.isAbsent(f)) {
        notReported.add(k.findingIds[f]);
      }
    }
    return Explanation.builder()
        .prior(condition.prevalence())
        .riskFactors(risk)
        .findings(findings)
        .notReported(notReported)
        .build();
  }

  private Contribution contribution(int f, int matched, boolean present, double lr) {
    Contribution.Builder b = Contribution.builder()
        .id(k.findingIds[f])
        .name(k.findings[f].name())
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

  private Triage triage(Evidence e, Posterior posterior, int[] top, List<RedFlag> fired) {
    TriageLevel level = TriageLevel.SELF_CARE;
    Set<String> reasons = new LinkedHashSet<>();
    for (RedFlag r : fired) {
      level = level.max(r.level());
      reasons.add(r.reason());
    }
    for (int c : posterior.aboveThreshold()) {
      if (k.acuity[c].compareTo(TriageLevel.SELF_CARE) > 0 && (top.length == 0 || c != top[0])) {
        level = level.max(k.acuity[c]);
        reasons.add("Your answers could fit " + lower(k.conditions[c].name()) + ", which "
            + phrase(k.acuity[c]) + ".");
      }
    }
    if (top.length > 0) {
      int lead = top[0];
      level = level.max(k.acuity[lead]);
      reasons.add("Your answers fit " + lower(k.conditions[lead].name()) + " best; it usually "
          + phrase(k.acuity[lead]) + ".");
    }
    if (posterior.remainder() >= UNFAMILIAR && level.compareTo(TriageLevel.CONSULTATION) < 0) {
      level = TriageLevel.CONSULTATION;
      reasons.add("Your answers do not clearly fit a condition we know, so a clinician should"
          + " take a look.");
    }
    return Triage.builder()
        .level(level)
        .reasons(List.copyOf(reasons))
        .redFlags(fired.stream().map(r -> FiredRedFlag.builder().id(r.id()).name(r.name())
            .level(r.level()).reason(r.reason()).build()).toList())
        .advice(advice(level))
        .safetyNet(safetyNet(level))
        .build();
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

  private List<Integer> careConditions(Posterior posterior, int[] top, List<RedFlag> fired) {
    Set<Integer> chosen = new LinkedHashSet<>();
    for (RedFlag r : fired) {
      r.condition().map(k.conditionIndex::get).ifPresent(chosen::add);
    }
    for (int i = 0; i < top.length && i < CARE_CONDITIONS; i++) {
      if (i == 0 || posterior.probability(top[i]) >= CARE_PROBABILITY) {
        chosen.add(top[i]);
      }
    }
    return List.copyOf(chosen);
  }

  private List<LikelyCause> causes(Evidence e, Posterior posterior) {
    List<LikelyCause> out = new ArrayList<>();
    for (int i = 0; i < causes.length; i++) {
      Cause cause = causes[i];
      List<String> indicators = new ArrayList<>();
      for (int f : causeIndicators[i]) {
        if (e.isPresent(f)) {
          indicators.add(k.findingIds[f]);
        }
      }
      double support = 0;
      for (int c : causeConditions[i]) {
        support += posterior.probability(c);
      }
      support = Math.min(1, support);
      if (indicators.isEmpty() && support < 0.1) {
        continue;
      }
      double evidence = indicators.isEmpty()
          ? 0
          : 0.5 + 0.5 * indicators.size() / (double) cause.indicators().size();
      double score = 0.5 * support + 0.5 * evidence;
      out.add(LikelyCause.builder().id(cause.id()).name(cause.name()).kind(cause.kind())
          .score(score).indicators(indicators).build());
    }
    out.sort(Comparator.comparingDouble(LikelyCause::score).reversed().thenComparing(LikelyCause::id));
    return out.size() > 5 ? List.copyOf(out.subList(0, 5)) : out;
  }

  private List<PreventionAdvice> prevention(List<Integer> conditions, List<LikelyCause> causes) {
    Set<String> ids = new LinkedHashSet<>();
    for (LikelyCause cause : causes) {
      if (!cause.indicators().isEmpty()) {
        ids.addAll(k.kb.causes().get(cause.id()).prevention());
      }
    }
    for (int c : conditions) {
      ids.addAll(k.conditions[c].prevention());
    }
    for (LikelyCause cause : causes) {
      ids.addAll(k.kb.causes().get(cause.id()).prevention());
    }
    List<PreventionAdvice> out = new ArrayList<>();
    for (String id : ids) {
      PreventionMeasure m = k.kb.preventionMeasures().get(id);
      out.add(PreventionAdvice.builder().id(m.id()).name(m.name()).advice(m.advice()).build());
      if (out.size() == 8) {
        break;
      }
    }
    return out;
  }

  private List<TreatmentOption> treatments(List<Integer> conditions, TriageLevel level,
      List<RedFlag> fired, Evidence e) {
    Set<String> firedIds = new LinkedHashSet<>();
    fired.forEach(r -> firedIds.add(r.id()));
    Map<String, List<String>> forConditions = new LinkedHashMap<>();
    for (int c : conditions) {
      for (String t : k.conditions[c].treatments()) {
        forConditions.computeIfAbsent(t, x -> new ArrayList<>()).add(k.conditionIds[c]);
      }
    }
    List<TreatmentOption> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : forConditions.entrySet()) {
      Treatment t = k.kb.treatments().get(entry.getKey());
      if (!fits(t.setting(), level)
          || t.contraindications().stream().anyMatch(f -> e.isPresent(k.findingIndex.get(f)))
          || t.contraindicatedRedFlags().stream().anyMatch(firedIds::contains)) {
        continue;
      }
      out.add(TreatmentOption.builder().id(t.id()).name(t.name()).description(t.description())
          .setting(t.setting()).modality(t.modality()).channels(t.channels())
          .forConditions(entry.getValue()).build());
    }
    out.sort(Comparator.comparing(TreatmentOption::setting));
    return out;
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
