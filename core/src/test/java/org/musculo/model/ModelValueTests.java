package org.musculo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelValueTests {

  @Nested
  class Codes {
    @Test
    void parseSplitsAtTheFirstColon() {
      Code code = Code.parse("ICD-10-CM:M62.831");
      assertThat(code.system()).isEqualTo("ICD-10-CM");
      assertThat(code.value()).isEqualTo("M62.831");
      assertThat(code).hasToString("ICD-10-CM:M62.831").isEqualTo(Code.of("ICD-10-CM", "M62.831"));
    }

    @Test
    void textWithoutASystemIsRejectedWithTheExpectedForm() {
      assertThatThrownBy(() -> Code.parse("M62.831"))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("SYSTEM:value")
          .hasMessageContaining("'M62.831'");
    }

    @Test
    void lowerCaseSystemIsRejected() {
      assertThatThrownBy(() -> Code.of("icd-10-cm", "M62"))
          .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo("system"));
    }
  }

  @Nested
  class Findings {
    private Finding.Builder valid() {
      return Finding.builder().id("calf-cramp").kind(FindingKind.SYMPTOM).name("Calf cramp")
          .question("Do you get calf cramps?");
    }

    @Test
    void collectionsDefaultToEmptyAndOptionalsToAbsent() {
      Finding f = valid().build();
      assertThat(f.synonyms()).isEmpty();
      assertThat(f.parents()).isEmpty();
      assertThat(f.codes()).isEmpty();
      assertThat(f.region()).isEmpty();
      assertThat(f.backgroundFrequency()).isEmpty();
    }

    @Test
    void collectionsAreImmutable() {
      Finding f = valid().addSynonyms("charley horse").build();
      assertThatThrownBy(() -> f.synonyms().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalValuesAreEqual() {
      assertThat(valid().build()).isEqualTo(valid().build()).hasSameHashCodeAs(valid().build());
    }

    @Test
    void idMustBeASlugAndTheMessageQuotesIt() {
      assertThatThrownBy(() -> valid().id("Calf_Cramp").build())
          .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo("id"))
          .hasMessageContaining("'Calf_Cramp'");
    }

    @Test
    void aFindingCannotBeItsOwnParent() {
      assertThatThrownBy(() -> valid().addParents("calf-cramp").build())
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("lists the finding itself");
    }

    @Test
    void backgroundFrequencyMustBeBelowOne() {
      assertThatThrownBy(() -> valid().backgroundFrequency(1.0).build())
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("backgroundFrequency");
    }
  }

  @Nested
  class Frequencies {
    @Test
    void zeroAndOneAreRejected() {
      assertThatThrownBy(() -> Manifestation.of("cramp", 0)).hasMessageContaining("(0, 1]").hasMessageContaining("0.0");
      assertThatThrownBy(() -> Manifestation.of("cramp", 1)).hasMessageContaining("below 1");
    }

    @Test
    void nanIsRejected() {
      assertThatThrownBy(() -> Manifestation.of("cramp", Double.NaN)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void basisDefaultsToEstimate() {
      assertThat(Manifestation.of("cramp", 0.5).basis()).isEqualTo(Basis.ESTIMATE);
    }
  }

  @Nested
  class Demographics {
    @Test
    void ageBoundsAreInclusiveAndUnknownAgeDoesNotMatchABound() {
      Demographic over65 = Demographic.builder().minAge(65).build();
      assertThat(over65.matches(OptionalInt.of(65), Optional.empty(), false)).isTrue();
      assertThat(over65.matches(OptionalInt.of(64), Optional.empty(), false)).isFalse();
      assertThat(over65.matches(OptionalInt.empty(), Optional.empty(), false)).isFalse();
    }

    @Test
    void sexAndPregnancyMustMatchWhenGiven() {
      Demographic pregnant = Demographic.builder().sex(Sex.FEMALE).pregnant(true).build();
      assertThat(pregnant.matches(OptionalInt.of(30), Optional.of(Sex.FEMALE), true)).isTrue();
      assertThat(pregnant.matches(OptionalInt.of(30), Optional.of(Sex.FEMALE), false)).isFalse();
      assertThat(pregnant.matches(OptionalInt.of(30), Optional.empty(), true)).isFalse();
    }

    @Test
    void emptyDemographicIsRejected() {
      assertThatThrownBy(() -> Demographic.builder().build()).hasMessageContaining("at least one");
    }

    @Test
    void impossibleAgeIsRejected() {
      assertThatThrownBy(() -> Demographic.builder().minAge(130).build())
          .hasMessageContaining("from 0 to 120").hasMessageContaining("130");
    }

    @Test
    void pregnantMaleIsRejected() {
      assertThatThrownBy(() -> Demographic.builder().sex(Sex.MALE).pregnant(true).build())
          .hasMessageContaining("pregnant and male");
    }
  }

  @Nested
  class Levels {
    @Test
    void areOrderedFromSelfCareToEmergency() {
      assertThat(TriageLevel.values())
          .containsExactly(TriageLevel.SELF_CARE, TriageLevel.CONSULTATION, TriageLevel.URGENT, TriageLevel.EMERGENCY);
      assertThat(TriageLevel.URGENT.max(TriageLevel.CONSULTATION)).isEqualTo(TriageLevel.URGENT);
      assertThat(TriageLevel.SELF_CARE.max(TriageLevel.EMERGENCY)).isEqualTo(TriageLevel.EMERGENCY);
      assertThat(TriageLevel.URGENT.isAtLeast(TriageLevel.URGENT)).isTrue();
    }

    @Test
    void careSettingsMapToTheLevelWhereTheyBelong() {
      assertThat(CareSetting.SELF_CARE.triageLevel()).isEqualTo(TriageLevel.SELF_CARE);
      assertThat(CareSetting.CLINIC.triageLevel()).isEqualTo(TriageLevel.CONSULTATION);
      assertThat(CareSetting.EMERGENCY.triageLevel()).isEqualTo(TriageLevel.EMERGENCY);
    }
  }

  @Nested
  class RiskFactors {
    @Test
    void needExactlyOneOfFindingAndDemographic() {
      assertThatThrownBy(() -> RiskFactor.builder().oddsRatio(2).build()).hasMessageContaining("neither");
    }

    @Test
    void oddsRatioOutOfRangeIsRejected() {
      assertThatThrownBy(() -> RiskFactor.builder().finding("takes-statin").oddsRatio(0).build())
          .hasMessageContaining("0.05 to 50");
    }
  }
}
