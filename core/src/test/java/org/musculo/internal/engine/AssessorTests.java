package org.musculo.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.musculo.Assessment;
import org.musculo.RankedCondition;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.CareSetting;
import org.musculo.model.Cause;
import org.musculo.model.CauseKind;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Sex;
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/**
 * The assessor against {@link ReferenceAssessor}, the version before its outputs were built
 * ahead and its collections replaced by arrays, on random knowledge bases with a finding
 * hierarchy, red flags, risk factors, causes, prevention and treatments: equal assessments (every
 * double to the bit, since the values compare doubles by their bits) for every report.
 */
class AssessorTests {
  private static final Source SOURCE = Source.builder().publisher("Musculo tests").title("Random")
      .url("https://example.org/").accessed(LocalDate.of(2026, 1, 1)).build();

  private static String finding(int f) {
    return String.format("f-%03d", f);
  }

  private static KnowledgeBase knowledgeBase(SplittableRandom r) {
    int nf = 3 + r.nextInt(r.nextBoolean() ? 20 : 80);
    int nc = 1 + r.nextInt(r.nextBoolean() ? 6 : 40);
    int nm = r.nextInt(6);
    int nt = r.nextInt(8);
    int ncause = r.nextInt(10);
    int nflags = r.nextInt(10);
    ContentDocument.Builder doc = ContentDocument.builder();
    for (int f = 0; f < nf; f++) {
      Finding.Builder b = Finding.builder().id(finding(f)).name("Finding " + f).kind(FindingKind.SYMPTOM)
          .question("Finding " + f + "?");
      if (f > 0 && r.nextInt(3) == 0) {
        b.addParents(finding(r.nextInt(f)));
      }
      doc.addFindings(b.build());
    }
    for (int m = 0; m < nm; m++) {
      doc.addPreventionMeasures(PreventionMeasure.builder().id(String.format("m-%02d", m)).name("Measure " + m)
          .advice("Advice " + m + ".").build());
    }
    for (int t = 0; t < nt; t++) {
      Treatment.Builder b = Treatment.builder().id(String.format("t-%02d", t)).name("Treatment " + t)
          .description("Random.").setting(CareSetting.values()[r.nextInt(CareSetting.values().length)])
          .modality("random");
      for (String f : distinct(r, nf, r.nextInt(3), AssessorTests::finding)) {
        b.addContraindications(f);
      }
      for (String flag : distinct(r, nflags, nflags == 0 ? 0 : r.nextInt(2), i -> String.format("flag-%02d", i))) {
        b.addContraindicatedRedFlags(flag);
      }
      doc.addTreatments(b.build());
    }
    for (int c = 0; c < nc; c++) {
      Condition.Builder b = Condition.builder().id(String.format("c-%03d", c)).name("Condition " + c)
          .description("Random.").acuity(TriageLevel.values()[r.nextInt(TriageLevel.values().length)])
          .addSources(SOURCE)
          .prevalence(r.nextInt(4) == 0 ? 0.001 : r.nextInt(8) == 0 ? 0.5 : 0.0005 + r.nextDouble() * 0.8 / nc);
      for (String f : distinct(r, nf, 1 + r.nextInt(Math.min(nf, 10)), AssessorTests::finding)) {
        b.addManifestations(Manifestation.of(f, 0.001 + r.nextDouble() * 0.998));
      }
      if (r.nextInt(3) == 0) {
        b.addRiskFactors(RiskFactor.builder().finding(finding(r.nextInt(nf))).oddsRatio(0.2 + r.nextDouble() * 4).build());
      }
      if (r.nextInt(3) == 0) {
        b.addRiskFactors(RiskFactor.builder().demographic(demographic(r)).oddsRatio(0.2 + r.nextDouble() * 4).build());
      }
      b.addAllPrevention(distinct(r, nm, Math.min(nm, r.nextInt(4)), i -> String.format("m-%02d", i)));
      b.addAllTreatments(distinct(r, nt, Math.min(nt, r.nextInt(4)), i -> String.format("t-%02d", i)));
      b.addAllCauses(distinct(r, ncause, Math.min(ncause, r.nextInt(3)), i -> String.format("cause-%02d", i)));
      doc.addConditions(b.build());
    }
    for (int i = 0; i < ncause; i++) {
      Cause.Builder b = Cause.builder().id(String.format("cause-%02d", i)).name("Cause " + i)
          .kind(CauseKind.values()[r.nextInt(CauseKind.values().length)]).description("Random.")
          .indicators(distinct(r, nf, r.nextInt(4), AssessorTests::finding))
          .prevention(distinct(r, nm, Math.min(nm, r.nextInt(3)), m -> String.format("m-%02d", m)));
      if (r.nextInt(3) == 0) {
        b.condition(String.format("c-%03d", r.nextInt(nc)));
      }
      doc.addCauses(b.build());
    }
    for (int i = 0; i < nflags; i++) {
      RedFlag.Builder b = RedFlag.builder().id(String.format("flag-%02d", i)).name("Flag " + i)
          .level(TriageLevel.values()[1 + r.nextInt(3)]).reason(r.nextBoolean() ? "Same." : "Reason " + i + ".")
          .addSources(SOURCE);
      int all = r.nextInt(3);
      int any = all == 0 ? 1 + r.nextInt(3) : r.nextInt(3);
      b.addAllAllOf(distinct(r, nf, all, AssessorTests::finding))
          .addAllAnyOf(distinct(r, nf, any, AssessorTests::finding))
          .addAllNoneOf(distinct(r, nf, r.nextInt(3), AssessorTests::finding));
      if (r.nextBoolean()) {
        b.condition(String.format("c-%03d", r.nextInt(nc)));
      }
      if (r.nextInt(4) == 0) {
        b.demographic(demographic(r));
      }
      doc.addRedFlags(b.build());
    }
    return KnowledgeBase.builder()
        .add(ContentModule.of("random", "1.0.0", List.of(ContentSource.ofDocument("random", doc.build()))))
        .build();
  }

  private static Demographic demographic(SplittableRandom r) {
    Demographic.Builder d = Demographic.builder();
    switch (r.nextInt(5)) {
      case 0:
        return d.minAge(r.nextInt(80)).build();
      case 1:
        return d.maxAge(r.nextInt(80)).build();
      case 2:
        return d.sex(Sex.values()[r.nextInt(Sex.values().length)]).build();
      case 3:
        return d.sex(Sex.FEMALE).pregnant(r.nextBoolean()).build();
      default:
        int low = r.nextInt(60);
        return d.minAge(low).maxAge(low + r.nextInt(40)).build();
    }
  }

  private static List<String> distinct(SplittableRandom r, int n, int count, java.util.function.IntFunction<String> id) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count && n > 0; i++) {
      String x = id.apply(r.nextInt(n));
      if (!out.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }

  private static Evidence evidence(CompiledKnowledge k, SplittableRandom r) {
    int nf = k.findingCount();
    List<Integer> present = new ArrayList<>();
    List<Integer> absent = new ArrayList<>();
    for (int i = r.nextInt(Math.min(nf, 10) + 1); i > 0; i--) {
      int f = r.nextInt(nf);
      if (!present.contains(f) && !absent.contains(f)) {
        (r.nextInt(10) < 7 ? present : absent).add(f);
      }
    }
    Optional<Sex> sex = r.nextBoolean() ? Optional.of(Sex.values()[r.nextInt(Sex.values().length)]) : Optional.empty();
    return Evidence.of(k, present.stream().mapToInt(Integer::intValue).toArray(),
        absent.stream().mapToInt(Integer::intValue).toArray(),
        r.nextInt(5) == 0 ? OptionalInt.empty() : OptionalInt.of(r.nextInt(121)), sex,
        sex.equals(Optional.of(Sex.FEMALE)) && r.nextInt(4) == 0);
  }

  @Property(tries = 200)
  void assessmentsEqualTheReferenceForEveryReport(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CompiledKnowledge k = CompiledKnowledge.compile(knowledgeBase(r));
    Assessor assessor = new Assessor(k, "test");
    ReferenceAssessor reference = new ReferenceAssessor(k, "test");
    Interviewer interviewer = new Interviewer(k, assessor);
    for (int i = 0; i < 20; i++) {
      Evidence e = evidence(k, r);
      int answered = e.present.length + e.absent.length + (r.nextInt(8) == 0 ? 25 : 0);
      Assessment expected = reference.assess(e, List.of(), List.of(),
          p -> interviewer.next(e, p, 3, answered, new int[0]).questions());
      assertThat(assessor.assess(e, List.of(), List.of(), interviewer, 3, answered)).as("report %d", i)
          .isEqualTo(expected);
      assertThat(assessor.assess(e, List.of(), List.of(),
          p -> interviewer.next(e, p, 3, answered, new int[0]).questions())).isEqualTo(expected);
      assertThat(assessor.firedRedFlags(e)).isEqualTo(reference.firedRedFlags(e));
      List<RankedCondition> ranked = assessor.rank(e, 5);
      assertThat(ranked).isEqualTo(reference.rank(e, 5));
    }
  }
}
