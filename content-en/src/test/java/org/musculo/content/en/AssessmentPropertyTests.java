package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.musculo.Assessment;
import org.musculo.Contribution;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.RankedCondition;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.RedFlag;
import org.musculo.model.Sex;
import org.musculo.model.TriageLevel;

/** Safety and consistency properties of assessments over the bundled content. */
class AssessmentPropertyTests {
  private static final Musculo MUSCULO = Musculo.create();
  private static final KnowledgeBase KB = MUSCULO.knowledgeBase();
  private static final List<String> FINDINGS = List.copyOf(KB.findings().keySet());
  /** Findings that red flags use: generated presentations draw on them often, so flags fire. */
  private static final List<String> RED_FLAG_FINDINGS = KB.redFlags().values().stream()
      .flatMap(r -> java.util.stream.Stream.concat(r.allOf().stream(), r.anyOf().stream()))
      .distinct().sorted().toList();

  @Provide
  Arbitrary<Presentation> presentations() {
    Arbitrary<String> finding = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.of(FINDINGS)), net.jqwik.api.Tuple.of(1, Arbitraries.of(RED_FLAG_FINDINGS)));
    Arbitrary<List<String>> present = finding.list().ofMaxSize(7).uniqueElements();
    Arbitrary<List<String>> absent = finding.list().ofMaxSize(4).uniqueElements();
    Arbitrary<Integer> age = Arbitraries.integers().between(0, 120);
    Arbitrary<Sex> sex = Arbitraries.of(Sex.class);
    Arbitrary<Boolean> pregnant = Arbitraries.of(true, false);
    return Combinators.combine(present, absent, age, sex, pregnant).as((p, a, years, s, preg) ->
        Presentation.builder().present(p).absent(a.stream().filter(x -> !p.contains(x)).toList())
            .age(years).sex(s).pregnant(preg && s == Sex.FEMALE && years >= 12 && years <= 50).build());
  }

  private static TriageLevel redFlagFloor(Assessment a) {
    return a.triage().redFlags().stream().map(r -> r.level()).reduce(TriageLevel.SELF_CARE, TriageLevel::max);
  }

  @Property(tries = 400)
  void aFiredRedFlagNeverYieldsSelfCare(@ForAll("presentations") Presentation p) {
    Assessment a = MUSCULO.assess(p);
    if (!a.triage().redFlags().isEmpty()) {
      assertThat(a.triage().level()).isNotEqualTo(TriageLevel.SELF_CARE).isGreaterThanOrEqualTo(redFlagFloor(a));
    }
  }

  @Property(tries = 300)
  void addingAPresentFindingNeverLowersTheLevelARedFlagForces(
      @ForAll("presentations") Presentation p, @ForAll("findings") String extra) {
    Assessment before = MUSCULO.assess(p);
    List<String> absent = p.absent().stream().filter(x -> !x.equals(extra)).toList();
    List<String> present = new ArrayList<>(p.present());
    if (!present.contains(extra)) {
      present.add(extra);
    }
    Assessment after = MUSCULO.assess(Presentation.builder().from(p).present(present).absent(absent).build());
    assertThat(after.triage().level()).isGreaterThanOrEqualTo(redFlagFloor(before));
  }

  @Property(tries = 200)
  void noTreatmentOfferedIsContraindicatedByAFiredRedFlagOrAPresentFinding(@ForAll("presentations") Presentation p) {
    Assessment a = MUSCULO.assess(p);
    List<String> fired = a.triage().redFlags().stream().map(r -> r.id()).toList();
    a.treatments().forEach(t -> {
      assertThat(KB.treatments().get(t.id()).contraindicatedRedFlags()).noneMatch(fired::contains);
      assertThat(KB.treatments().get(t.id()).contraindications()).noneMatch(p.present()::contains);
    });
    if (a.triage().level() == TriageLevel.EMERGENCY) {
      assertThat(a.treatments()).allSatisfy(t -> assertThat(t.setting().name()).isEqualTo("EMERGENCY"));
    }
  }

  @Property(tries = 200)
  void probabilitiesAreProbabilitiesAndTheRemainderCompletesThem(@ForAll("presentations") Presentation p) {
    Assessment a = MUSCULO.assess(p);
    double listed = a.conditions().stream().mapToDouble(RankedCondition::probability).sum();
    assertThat(a.conditions()).allSatisfy(c -> assertThat(c.probability()).isBetween(0.0, 1.0));
    assertThat(listed + a.somethingElse()).isLessThanOrEqualTo(1 + 1e-9).isGreaterThan(0.5);
    assertThat(a.conditions().stream().filter(c -> c.redFlags().isEmpty()).toList())
        .extracting(RankedCondition::probability).isSortedAccordingTo(Collections.reverseOrder());
  }

  @Property(tries = 300)
  void theConditionsFiredRedFlagsPointToAreListedFirst(@ForAll("presentations") Presentation p) {
    Assessment a = MUSCULO.assess(p);
    List<String> fired = a.triage().redFlags().stream().map(r -> r.id()).toList();
    List<String> pointedTo = fired.stream().map(id -> KB.redFlags().get(id).condition())
        .flatMap(java.util.Optional::stream).distinct().toList();
    List<String> ids = a.conditions().stream().map(RankedCondition::id).toList();
    // every one is listed, ahead of every condition no fired flag points to
    assertThat(ids.subList(0, pointedTo.size())).containsExactlyInAnyOrderElementsOf(pointedTo);
    for (RankedCondition c : a.conditions()) {
      assertThat(c.redFlags()).as(c.id())
          .isEqualTo(fired.stream().filter(id -> KB.redFlags().get(id).condition().equals(java.util.Optional.of(c.id())))
              .toList());
    }
    // among them, the most urgent flag's first
    List<TriageLevel> urgency = a.conditions().subList(0, pointedTo.size()).stream()
        .map(c -> c.redFlags().stream().map(id -> KB.redFlags().get(id).level())
            .reduce(TriageLevel.SELF_CARE, TriageLevel::max)).toList();
    assertThat(urgency).isSortedAccordingTo(Collections.reverseOrder());
  }

  @Property(tries = 200)
  void theOrderFindingsAreGivenInDoesNotMatter(@ForAll("presentations") Presentation p) {
    List<String> present = new ArrayList<>(p.present());
    List<String> absent = new ArrayList<>(p.absent());
    Collections.reverse(present);
    Collections.reverse(absent);
    assertThat(MUSCULO.assess(Presentation.builder().from(p).present(present).absent(absent).build()))
        .isEqualTo(MUSCULO.assess(p));
  }

  @Property(tries = 100)
  void assessmentsAreDeterministicAndReplayFromJson(@ForAll("presentations") Presentation p) {
    Assessment a = MUSCULO.assess(p);
    assertThat(MUSCULO.assess(p)).isEqualTo(a);
    assertThat(Musculo.create(KB).assess(p)).isEqualTo(a);
    assertThat(Assessment.fromJson(a.toJson())).isEqualTo(a);
  }

  @Property(tries = 300)
  void aFindingWithALikelihoodRatioAboveOneRaisesItsConditionAgainstSomethingElse(
      @ForAll("presentations") Presentation p, @ForAll("findings") String extra) {
    if (p.present().contains(extra) || p.absent().contains(extra)) {
      return;
    }
    Presentation more = Presentation.builder().from(p).addPresent(extra).build();
    Assessment before = MUSCULO.assess(p);
    Assessment after = MUSCULO.assess(more);
    RankedCondition top = after.conditions().get(0);
    Contribution added = top.explanation().findings().stream().filter(c -> c.id().equals(extra)).findFirst().orElse(null);
    RankedCondition earlier = before.conditions().stream().filter(c -> c.id().equals(top.id())).findFirst().orElse(null);
    boolean independent = added != null && earlier != null && added.matched().isEmpty()
        && after.conditions().get(0).explanation().findings().size() == p.present().size() + p.absent().size() + 1
        && earlier.explanation().findings().size() == p.present().size() + p.absent().size()
        // every earlier report still counts as it did: no ancestor shared with the new finding
        // is now counted once for both, and nothing was derived from the combination
        && top.explanation().findings().containsAll(earlier.explanation().findings());
    Statistics.label("independent of earlier reports").collect(independent);
    if (!independent) {
      return; // the new finding overlaps an earlier report in the hierarchy; counted once by design
    }
    double ratioBefore = earlier.probability() / before.somethingElse();
    double ratioAfter = top.probability() / after.somethingElse();
    // the new finding may also be a risk factor of the condition: its odds ratio applies too
    double riskFactors = top.explanation().riskFactors().stream()
        .filter(r -> !earlier.explanation().riskFactors().contains(r)).mapToDouble(Contribution::logRatio).sum();
    assertThat(Math.log(ratioAfter / ratioBefore)).isCloseTo(added.logRatio() + riskFactors, within(1e-6));
    if (added.logRatio() > 0 && riskFactors >= 0) {
      assertThat(ratioAfter).isGreaterThan(ratioBefore);
    }
  }

  @Property(tries = 5)
  void eightThreadsGiveIdenticalResults(@ForAll("batches") List<Presentation> batch) throws Exception {
    List<Assessment> expected = batch.stream().map(MUSCULO::assess).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Assessment>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> batch.stream().map(MUSCULO::assess).toList()));
      }
      for (Future<List<Assessment>> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Provide
  Arbitrary<String> findings() {
    return Arbitraries.of(FINDINGS);
  }

  @Provide
  Arbitrary<List<Presentation>> batches() {
    return presentations().list().ofSize(40);
  }

  @Property(tries = 1)
  void everyRedFlagCanFireAndForcesItsLevel(@ForAll("findings") String unused) {
    for (RedFlag r : KB.redFlags().values()) {
      List<String> present = new ArrayList<>(r.allOf());
      if (!r.anyOf().isEmpty()) {
        present.add(r.anyOf().get(0));
      }
      Presentation.Builder b = Presentation.builder().present(present);
      int age = r.demographic().flatMap(d -> d.minAge().isPresent()
          ? java.util.Optional.of(d.minAge().getAsInt()) : java.util.Optional.empty()).orElse(40);
      b.age(age);
      r.demographic().flatMap(d -> d.sex()).ifPresent(b::sex);
      r.demographic().flatMap(d -> d.pregnant()).ifPresent(preg -> {
        b.pregnant(preg);
        if (preg) {
          b.sex(Sex.FEMALE);
        }
      });
      Assessment a = MUSCULO.assess(b.build());
      assertThat(a.triage().redFlags()).as(r.id()).extracting(f -> f.id()).contains(r.id());
      assertThat(a.triage().level()).as(r.id()).isGreaterThanOrEqualTo(r.level());
    }
  }
}
