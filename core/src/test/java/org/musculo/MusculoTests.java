package org.musculo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.internal.json.Json;
import org.musculo.model.CareSetting;
import org.musculo.model.Sex;
import org.musculo.model.TriageLevel;

class MusculoTests {
  private static final Musculo MUSCULO = Musculo.create(TinyKnowledge.build());

  // background frequencies, by hand: LEAK + sum(prior * (freq - LEAK)) / sum(prior), priors summing to 0.66
  private static final double BG_CALF_CRAMP = 0.02 + (0.6 * 0.88 + 0.05 * 0.18) / 0.66;
  private static final double BG_NIGHT = 0.02 + 0.6 * 0.78 / 0.66;
  private static final double BG_SWELLING = 0.02 + 0.05 * 0.78 / 0.66;
  private static final double BG_LOWER_LEG_PAIN = 0.02 + 0.05 * 0.68 / 0.66;

  private static Assessment nightCramps() {
    return MUSCULO.assess(Presentation.builder().age(30).sex(Sex.FEMALE)
        .addPresent("calf-cramp", "night-pattern").addAbsent("calf-swelling").build());
  }

  private static void assertLogRatios(Assessment a, String condition, Map<String, Double> expected) {
    RankedCondition c = a.conditions().stream().filter(r -> r.id().equals(condition)).findFirst().orElseThrow();
    Map<String, Double> actual = c.explanation().findings().stream()
        .collect(Collectors.toMap(x -> x.id() + (x.present() ? "+" : "-"), Contribution::logRatio));
    assertThat(actual).containsOnlyKeys(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isCloseTo(v, within(1e-12)));
  }

  @Nested
  class Explanations {
    @Test
    void nightCrampsMatchHandComputedLogLikelihoodRatios() {
      assertLogRatios(nightCramps(), "night-cramps", Map.of(
          "calf-cramp+", Math.log(0.9 / BG_CALF_CRAMP),
          "night-pattern+", Math.log(0.8 / BG_NIGHT),
          "calf-swelling-", Math.log(0.98 / (1 - BG_SWELLING))));
    }

    @Test
    void calfClotMatchHandComputedLogLikelihoodRatiosIncludingTheLeakForAnUnlistedFinding() {
      assertLogRatios(nightCramps(), "calf-clot", Map.of(
          "calf-cramp+", Math.log(0.2 / BG_CALF_CRAMP),
          "night-pattern+", Math.log(0.02 / BG_NIGHT),
          "calf-swelling-", Math.log(0.2 / (1 - BG_SWELLING))));
    }

    @Test
    void heartAttackMatchHandComputedLogLikelihoodRatios() {
      assertLogRatios(nightCramps(), "heart-attack", Map.of(
          "calf-cramp+", Math.log(0.02 / BG_CALF_CRAMP),
          "night-pattern+", Math.log(0.02 / BG_NIGHT),
          "calf-swelling-", Math.log(0.98 / (1 - BG_SWELLING))));
    }

    @Test
    void probabilitiesFollowFromPriorsAndLikelihoodRatios() {
      Assessment a = nightCramps();
      double nc = 0.6 * 0.9 / BG_CALF_CRAMP * 0.8 / BG_NIGHT * 0.98 / (1 - BG_SWELLING);
      double clot = 0.05 * 0.2 / BG_CALF_CRAMP * 0.02 / BG_NIGHT * 0.2 / (1 - BG_SWELLING);
      double mi = 0.01 * 0.02 / BG_CALF_CRAMP * 0.02 / BG_NIGHT * 0.98 / (1 - BG_SWELLING);
      double z = nc + clot + mi + 0.34;
      Map<String, Double> p = a.conditions().stream()
          .collect(Collectors.toMap(RankedCondition::id, RankedCondition::probability));
      assertThat(p.get("night-cramps")).isCloseTo(nc / z, within(1e-12));
      assertThat(p.get("calf-clot")).isCloseTo(clot / z, within(1e-12));
      assertThat(a.somethingElse()).isCloseTo(0.34 / z, within(1e-12));
    }

    @Test
    void aFindingOfASmallerRegionMatchesTheConditionsLargerRegion() {
      Assessment a = MUSCULO.assess(Presentation.builder().addPresent("calf-pain").build());
      RankedCondition clot = a.conditions().stream().filter(c -> c.id().equals("calf-clot")).findFirst().orElseThrow();
      assertThat(clot.explanation().findings()).singleElement().satisfies(c -> {
        assertThat(c.id()).isEqualTo("calf-pain");
        assertThat(c.matched()).hasValue("lower-leg-pain");
        assertThat(c.logRatio()).isCloseTo(Math.log(0.7 / BG_LOWER_LEG_PAIN), within(1e-12));
      });
    }

    @Test
    void riskFactorsAndExpectedFindingsAreExplained() {
      Assessment a = MUSCULO.assess(Presentation.builder().age(70).addPresent("calf-cramp", "takes-statin").build());
      RankedCondition nc = a.conditions().get(0);
      assertThat(nc.id()).isEqualTo("night-cramps");
      assertThat(nc.explanation().riskFactors()).extracting(Contribution::id, Contribution::logRatio)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("demographic", Math.log(2)),
              org.assertj.core.groups.Tuple.tuple("takes-statin", Math.log(1.5)));
      assertThat(nc.explanation().notReported()).containsExactly("night-pattern");
    }
  }

  @Nested
  class Triage {
    @Test
    void ordinaryNightCrampsAreSelfCareWithSelfCareAndClinicTreatments() {
      Assessment a = nightCramps();
      assertThat(a.triage().level()).isEqualTo(TriageLevel.SELF_CARE);
      assertThat(a.triage().redFlags()).isEmpty();
      assertThat(a.treatments()).extracting(TreatmentOption::id).containsExactly("stretch-and-rest", "massage-therapy");
      assertThat(a.prevention()).extracting(PreventionAdvice::id).contains("stretch");
      assertThat(a.disclaimer()).contains("decision support, not a diagnosis");
    }

    @Test
    void clotSignsFireTheRedFlagAndRuleOutContraindicatedTreatments() {
      Assessment a = MUSCULO.assess(Presentation.builder().addPresent("calf-swelling", "calf-pain", "calf-cramp").build());
      assertThat(a.triage().level()).isEqualTo(TriageLevel.URGENT);
      assertThat(a.triage().redFlags()).extracting(FiredRedFlag::id).containsExactly("clot-signs");
      assertThat(a.triage().reasons()).contains("A swollen painful calf can be a clot.");
      assertThat(a.treatments()).extracting(TreatmentOption::id).doesNotContain("massage-therapy", "stretch-and-rest")
          .contains("same-day-doctor");
    }

    @Test
    void emergencyOffersOnlyEmergencyCare() {
      Assessment a = MUSCULO.assess(Presentation.builder().addPresent("chest-pain", "sweating").build());
      assertThat(a.triage().level()).isEqualTo(TriageLevel.EMERGENCY);
      assertThat(a.triage().advice()).contains("emergency");
      assertThat(a.treatments()).extracting(TreatmentOption::setting).containsOnly(CareSetting.EMERGENCY);
    }

    @Test
    void anUnfamiliarPictureGivesLowConfidenceAndAVisit() {
      Assessment a = MUSCULO.assess(
          Presentation.builder().addPresent("sweating", "night-pattern", "lower-leg-pain").build());
      assertThat(a.somethingElse()).isGreaterThan(0.5);
      assertThat(a.triage().level()).isEqualTo(TriageLevel.CONSULTATION);
    }

    @Test
    void likelyCausesNameTheirIndicators() {
      Assessment a = MUSCULO.assess(Presentation.builder().addPresent("calf-cramp", "takes-statin").build());
      assertThat(a.causes()).first().satisfies(c -> {
        assertThat(c.id()).isEqualTo("statin-side-effect");
        assertThat(c.indicators()).containsExactly("takes-statin");
      });
      assertThat(a.prevention()).extracting(PreventionAdvice::id).startsWith("report-side-effects");
    }
  }

  @Nested
  class Input {
    @Test
    void findingsCanBeGivenByCode() {
      Assessment byCode = MUSCULO.assess(Presentation.builder().addPresent("SNOMED-CT:386661006").build());
      Assessment byId = MUSCULO.assess(Presentation.builder().addPresent("fever").build());
      assertThat(byCode).isEqualTo(byId);
    }

    @Test
    void unknownIdSuggestsTheClosest() {
      assertThatThrownBy(() -> MUSCULO.assess(Presentation.builder().addPresent("calf-cramps").build()))
          .isInstanceOfSatisfying(PresentationException.class, e -> assertThat(e.field()).isEqualTo("present[0]"))
          .hasMessageContaining("did you mean 'calf-cramp'?");
    }

    @Test
    void unknownCodeIsNamed() {
      assertThatThrownBy(() -> MUSCULO.assess(Presentation.builder().addAbsent("ICD-10-CM:Z99.9").build()))
          .isInstanceOfSatisfying(PresentationException.class, e -> assertThat(e.field()).isEqualTo("absent[0]"));
    }

    @Test
    void impossibleAgeIsRejectedWithoutEchoingIt() {
      assertThatThrownBy(() -> Presentation.builder().age(130).build())
          .isInstanceOfSatisfying(PresentationException.class, e -> assertThat(e.field()).isEqualTo("age"))
          .hasMessageContaining("from 0 to 120")
          .hasMessageNotContaining("130");
    }

    @Test
    void pregnancyForAMaleIsRejected() {
      assertThatThrownBy(() -> Presentation.builder().sex(Sex.MALE).pregnant(true).build())
          .isInstanceOfSatisfying(PresentationException.class, e -> assertThat(e.field()).isEqualTo("pregnant"));
    }

    @Test
    void aFindingBothPresentAndAbsentIsRejected() {
      assertThatThrownBy(() -> Presentation.builder().addPresent("fever").addAbsent("fever").build())
          .isInstanceOf(PresentationException.class).hasMessageContaining("both present and absent");
    }

    @Test
    void theOrderOfFindingsDoesNotMatter() {
      Assessment a = MUSCULO.assess(Presentation.builder().addPresent("calf-cramp", "night-pattern", "takes-statin").build());
      Assessment b = MUSCULO.assess(Presentation.builder().addPresent("takes-statin", "night-pattern", "calf-cramp").build());
      assertThat(a).isEqualTo(b);
    }
  }

  @Test
  void assessmentsRoundTripThroughJsonAndNameTheirKnowledge() {
    Assessment a = nightCramps();
    String json = Json.MAPPER.writeValueAsString(a);
    assertThat(Json.MAPPER.readValue(json, Assessment.class)).isEqualTo(a);
    assertThat(a.knowledgeBase().contentHash()).isEqualTo(MUSCULO.knowledgeBase().contentHash());
    assertThat(a.knowledgeBase().engineVersion()).isEqualTo(Musculo.engineVersion()).isNotEqualTo("unknown");
    assertThat(a.knowledgeBase().modules()).extracting(m -> m.id()).containsExactly("tiny");
  }

  @Test
  void rankGivesTheAssessmentsConditionsAlone() {
    Presentation p = Presentation.builder().age(30).addPresent("calf-cramp", "night-pattern").build();
    assertThat(MUSCULO.rank(p, 3)).isEqualTo(MUSCULO.assess(p).conditions());
    assertThat(MUSCULO.rank(p, 1)).hasSize(1);
    assertThatThrownBy(() -> MUSCULO.rank(p, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void probabilitiesGiveTheRankingWithoutExplanations() {
    Presentation p = Presentation.builder().age(30).addPresent("calf-cramp", "night-pattern").build();
    Map<String, Double> expected = new LinkedHashMap<>();
    MUSCULO.rank(p, 3).forEach(c -> expected.put(c.id(), c.probability()));
    assertThat(MUSCULO.probabilities(p, 3)).containsExactlyEntriesOf(expected);
    assertThat(MUSCULO.probabilities(p, 1)).hasSize(1);
    assertThatThrownBy(() -> MUSCULO.probabilities(p, 3).put("x", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> MUSCULO.probabilities(p, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MUSCULO.probabilities(Presentation.builder().addPresent("calf-cramq").build(), 3))
        .isInstanceOf(PresentationException.class).hasMessageContaining("present[0]");
  }

  @Test
  void theConditionAFiredRedFlagPointsToIsListedFirstWhateverItsProbability() {
    Presentation p = Presentation.builder()
        .addPresent("calf-cramp", "night-pattern", "calf-swelling", "calf-pain").build();
    Assessment a = MUSCULO.assess(p);

    assertThat(a.triage().redFlags()).extracting(FiredRedFlag::id).containsExactly("clot-signs");
    assertThat(a.conditions()).extracting(RankedCondition::id).startsWith("calf-clot", "night-cramps");
    assertThat(a.conditions().get(0).redFlags()).containsExactly("clot-signs");
    assertThat(a.conditions().get(1).redFlags()).isEmpty();
    assertThat(a.conditions().get(0).probability()).isLessThan(a.conditions().get(1).probability());
    // rank and probabilities list in the same order
    assertThat(MUSCULO.rank(p, 2)).extracting(RankedCondition::id).containsExactly("calf-clot", "night-cramps");
    assertThat(MUSCULO.probabilities(p, 1)).containsOnlyKeys("calf-clot");
    // without the red flag, the most probable comes first
    Assessment quiet = MUSCULO.assess(Presentation.builder().addPresent("calf-cramp", "night-pattern").build());
    assertThat(quiet.conditions().get(0).id()).isEqualTo("night-cramps");
  }

  @Test
  void conditionsAreRankedByProbabilityThenId() {
    Assessment a = MUSCULO.assess(Presentation.builder().build());
    assertThat(a.conditions()).extracting(RankedCondition::id).containsExactly("night-cramps", "calf-clot", "heart-attack");
    Function<RankedCondition, Double> p = RankedCondition::probability;
    assertThat(a.conditions()).extracting(p).isSortedAccordingTo((x, y) -> Double.compare(y, x));
  }
}
