package org.musculo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.BodyRegion;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.Source;
import org.musculo.model.TriageLevel;

class SymptomSearchTests {
  private static final SymptomSearch SEARCH = Musculo.create(knowledge()).symptomSearch();

  private static Finding finding(String id, String name, String region, List<String> parents, String... synonyms) {
    Finding.Builder b = Finding.builder().id(id).kind(FindingKind.SYMPTOM).name(name)
        .question(name + "?").addSynonyms(synonyms).parents(parents);
    if (region != null) {
      b.region(region);
    }
    return b.build();
  }

  private static KnowledgeBase knowledge() {
    ContentDocument doc = ContentDocument.builder()
        .addRegions(BodyRegion.builder().id("lower-limb").name("Leg").addSynonyms("legs").build())
        .addRegions(BodyRegion.builder().id("ankle").name("Ankle").addParents("lower-limb").build())
        .addRegions(BodyRegion.builder().id("calf").name("Calf").addParents("lower-limb").build())
        .addFindings(finding("muscle-cramp", "Muscle cramp", null, List.of(), "cramps"))
        .addFindings(finding("calf-cramp", "Calf cramp", "calf", List.of("muscle-cramp"), "charley horse"))
        .addFindings(finding("pain", "Pain", null, List.of()))
        .addFindings(finding("leg-pain", "Leg pain", "lower-limb", List.of("pain")))
        .addFindings(finding("night-pattern", "Happens at night", null, List.of(), "at night"))
        .addFindings(finding("after-exercise", "After exercise", null, List.of(), "after running"))
        .addFindings(finding("swelling", "Swelling", null, List.of(), "swollen"))
        .addFindings(finding("fever", "Fever", null, List.of(), "high temperature"))
        .addFindings(finding("numbness", "Numbness", null, List.of(), "numb"))
        .addFindings(finding("rash", "Rash", null, List.of()))
        .addFindings(finding("heartbeat", "Irregular heartbeat (atrial fibrillation)", null, List.of()))
        .addFindings(finding("no-relief", "No relief from stretching", null, List.of(), "stretching doesn't help"))
        .addConditions(Condition.builder().id("cramps").name("Cramps").description("Cramps.").prevalence(0.5)
            .acuity(TriageLevel.SELF_CARE).addManifestations(Manifestation.of("calf-cramp", 0.9))
            .addSources(Source.builder().publisher("NHS").title("Leg cramps").url("https://www.nhs.uk/")
                .accessed(LocalDate.of(2026, 11, 25)).build())
            .build())
        .build();
    return KnowledgeBase.builder().add(ContentModule.of("t", "1", List.of(ContentSource.ofDocument("t", doc)))).build();
  }

  private static List<Interpretation> read(String text) {
    return SEARCH.search(text).interpretations();
  }

  @Nested
  class Words {
    @Test
    void synonymsAndNamesMatchInAnyOrder() {
      assertThat(read("cramp in my calf")).extracting(Interpretation::findingId).containsExactly("calf-cramp");
      assertThat(read("I get a charley horse")).extracting(Interpretation::findingId).containsExactly("calf-cramp");
    }

    @Test
    void wordFormsAreFolded() {
      assertThat(read("my calves keep cramping")).extracting(Interpretation::findingId).containsExactly("calf-cramp");
      assertThat(read("cramped calf")).extracting(Interpretation::findingId).containsExactly("calf-cramp");
    }

    @Test
    void typosOfOneEditInWordsOfFiveLettersAreForgiven() {
      assertThat(read("muscel crampps")).extracting(Interpretation::findingId).containsExactly("muscle-cramp");
      assertThat(read("swolen")).extracting(Interpretation::findingId).containsExactly("swelling");
    }

    @Test
    void typosOfTwoEditsInWordsOfNineLettersAreForgiven() {
      // two letters swapped twice: the index has to hold "fibrillation" less two letters
      assertThat(read("atrial fibirllaiton")).extracting(Interpretation::findingId).containsExactly("heartbeat");
      assertThat(read("irregular hearbtaet")).extracting(Interpretation::findingId).containsExactly("heartbeat");
    }

    @Test
    void aRealWordIsNeverTakenForATypoOfASymptom() {
      assertThat(read("clamps")).isEmpty(); // one edit from "cramps", but a word of its own
      assertThat(read("crampps")).extracting(Interpretation::findingId).containsExactly("muscle-cramp");
    }

    @Test
    void shortWordsAreNotGuessed() {
      assertThat(read("rush")).isEmpty();
    }

    @Test
    void theSpanAndConfidenceAreReported() {
      Interpretation i = read("Bad cramp in my calf!").get(0);
      assertThat(i.text()).isEqualTo("cramp in my calf");
      assertThat(i.start()).isEqualTo(4);
      assertThat(i.end()).isEqualTo(20);
      assertThat(i.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void aParenthesisedPartOfANameIsAPhraseOfItsOwn() {
      assertThat(read("I have atrial fibrillation")).extracting(Interpretation::findingId).containsExactly("heartbeat");
      assertThat(read("irregular heartbeat")).extracting(Interpretation::findingId).containsExactly("heartbeat");
    }
  }

  @Nested
  class Negation {
    @Test
    void noAndWithoutNegateWhatFollows() {
      assertThat(read("no swelling")).extracting(Interpretation::findingId, Interpretation::present)
          .containsExactly(tuple("swelling", false));
      assertThat(read("cramps without numbness")).extracting(Interpretation::findingId, Interpretation::present)
          .containsExactly(tuple("muscle-cramp", true), tuple("numbness", false));
    }

    @Test
    void contractedNegationIsUnderstood() {
      assertThat(read("I don't have a fever")).extracting(Interpretation::present).containsExactly(false);
    }

    @Test
    void butEndsTheScope() {
      assertThat(read("no fever but my calf is swollen")).extracting(Interpretation::findingId, Interpretation::present)
          .containsExactly(tuple("fever", false), tuple("swelling", true));
      assertThat(read("cramps at night, but no rash")).extracting(Interpretation::findingId, Interpretation::present)
          .containsExactly(tuple("muscle-cramp", true), tuple("night-pattern", true), tuple("rash", false));
    }

    @Test
    void aNegationListCoversEveryItem() {
      assertThat(read("no fever, rash or numbness")).extracting(Interpretation::present).containsOnly(false).hasSize(3);
    }

    @Test
    void aNegationInsideAPhraseBelongsToThePhrase() {
      assertThat(read("stretching doesn't help")).extracting(Interpretation::findingId, Interpretation::present)
          .containsExactly(tuple("no-relief", true));
    }
  }

  @Test
  void severalFindingsInOneSentence() {
    assertThat(read("cramp in my calf at night after running")).extracting(Interpretation::findingId)
        .containsExactly("calf-cramp", "night-pattern", "after-exercise");
  }

  @Test
  void aRegionWordRefinesAGeneralFindingToTheRegionThatCoversIt() {
    assertThat(read("pain in my ankle")).extracting(Interpretation::findingId).containsExactly("leg-pain");
  }

  @Test
  void gibberishIsUnrecognisedNeverGuessed() {
    SearchResult r = SEARCH.search("asdf qwerty zxcvb");
    assertThat(r.interpretations()).isEmpty();
    assertThat(r.unrecognized()).containsExactly("asdf qwerty zxcvb");
  }

  @Test
  void whatCannotBePlacedIsKeptBesideWhatCan() {
    SearchResult r = SEARCH.search("cramp in my calf after a long flight");
    assertThat(r.interpretations()).extracting(Interpretation::findingId).containsExactly("calf-cramp");
    assertThat(r.unrecognized()).containsExactly("after a long flight");
  }
}
