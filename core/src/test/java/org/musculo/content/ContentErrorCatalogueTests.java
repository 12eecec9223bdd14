package org.musculo.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.internal.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalogue of bad content: each case asserts the exception type (through {@link
 * Fixtures#problems}), the file, the JSON pointer and the gist of the message.
 */
class ContentErrorCatalogueTests {

  private static ContentProblem onlyProblem(Consumer<ObjectNode> mutation) {
    ObjectNode tree = Fixtures.validTree();
    mutation.accept(tree);
    List<ContentProblem> problems = Fixtures.problems(tree);
    assertThat(problems).hasSize(1);
    ContentProblem p = problems.get(0);
    assertThat(p.module()).isEqualTo(Fixtures.MODULE);
    assertThat(p.file()).isEqualTo(Fixtures.FILE);
    return p;
  }

  /** For mutations whose knock-on effects (dangling references) are reported too. */
  private static ContentProblem problemAt(Consumer<ObjectNode> mutation, String pointer) {
    ObjectNode tree = Fixtures.validTree();
    mutation.accept(tree);
    List<ContentProblem> problems = Fixtures.problems(tree);
    assertThat(problems).extracting(ContentProblem::pointer).contains(pointer);
    return problems.stream().filter(p -> p.pointer().equals(pointer)).findFirst().orElseThrow();
  }

  private static ObjectNode entry(ObjectNode tree, String list, int index) {
    return (ObjectNode) tree.get(list).get(index);
  }

  private static ObjectNode manifestation(ObjectNode tree, int index) {
    return (ObjectNode) entry(tree, "conditions", 0).get("manifestations").get(index);
  }

  @Nested
  class Syntax {
    @Test
    void malformedJsonNamesLineAndColumn() {
      List<ContentProblem> problems = Fixtures.problems("{\n  \"findings\": [,]\n}");
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.pointer()).isEmpty();
        assertThat(p.message()).contains("not valid JSON at line 2");
      });
    }

    @Test
    void aLostDocumentIsTheOnlyProblemReportedNotEveryReferenceIntoIt() {
      ObjectNode referring = Fixtures.validTree();
      manifestation(referring, 0).put("finding", "declared-in-the-broken-document");
      ContentModule module = ContentModule.of("two", "1.0.0", List.of(
          ContentSource.ofJson("broken.json", "{\n  \"findings\": [,]\n}"),
          ContentSource.ofJson("valid.json", Json.MAPPER.writeValueAsString(referring))));
      assertThat(Fixtures.problems(module)).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("broken.json");
        assertThat(p.message()).contains("not valid JSON at line 2");
      });
    }

    @Test
    void duplicateKeyInAnObjectIsAnError() {
      List<ContentProblem> problems = Fixtures.problems("{\"findings\": [], \"findings\": []}");
      assertThat(problems).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("not valid JSON").containsIgnoringCase("duplicate"));
    }

    @Test
    void documentThatIsNotAnObjectIsAnError() {
      assertThat(Fixtures.problems("[]")).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("must be a JSON object"));
    }

    @Test
    void listGivenAsObjectIsAnError() {
      ContentProblem p = problemAt(t -> t.set("regions", Json.MAPPER.createObjectNode()), "/regions");
      assertThat(p.message()).contains("must be a list of body region objects");
    }
  }

  @Nested
  class UnknownFields {
    @Test
    void misspelledTopLevelListSuggestsTheRightOne() {
      ContentProblem p = onlyProblem(t -> t.set("condtions", Json.MAPPER.createArrayNode()));
      assertThat(p.pointer()).isEqualTo("/condtions");
      assertThat(p.message()).contains("unknown field 'condtions'").contains("did you mean 'conditions'?");
    }

    @Test
    void misspelledFieldIsNotSilentlyDropped() {
      ContentProblem p = onlyProblem(t -> {
        ObjectNode m = manifestation(t, 1);
        m.put("frequncy", m.get("frequency").asDouble());
        m.remove("frequency");
      });
      assertThat(p.pointer()).isEqualTo("/conditions/0/manifestations/1/frequncy");
      assertThat(p.message()).contains("unknown field 'frequncy'").contains("did you mean 'frequency'?");
    }
  }

  @Nested
  class WrongTypes {
    @Test
    void textWhereANumberBelongs() {
      ContentProblem p = onlyProblem(t -> manifestation(t, 0).put("frequency", "often"));
      assertThat(p.pointer()).isEqualTo("/conditions/0/manifestations/0/frequency");
      assertThat(p.message()).contains("expected a number").contains("found text");
    }

    @Test
    void numberWhereTextBelongs() {
      ContentProblem p = onlyProblem(t -> entry(t, "findings", 0).put("name", 5));
      assertThat(p.pointer()).isEqualTo("/findings/0/name");
      assertThat(p.message()).contains("expected text").contains("found a number");
    }

    @Test
    void textWhereAListBelongs() {
      ContentProblem p = onlyProblem(t -> entry(t, "findings", 0).put("synonyms", "cramp"));
      assertThat(p.pointer()).isEqualTo("/findings/0/synonyms");
      assertThat(p.message()).contains("expected a list");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
      ContentProblem p = onlyProblem(t -> entry(t, "conditions", 0).put("acuity", "SOON"));
      assertThat(p.pointer()).isEqualTo("/conditions/0/acuity");
      assertThat(p.message()).contains("'SOON' is not allowed")
          .contains("SELF_CARE, CONSULTATION, URGENT, EMERGENCY");
    }

    @Test
    void nullInsideAListIsAnError() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) entry(t, "findings", 0).get("synonyms")).addNull());
      assertThat(p.pointer()).startsWith("/findings/0");
      assertThat(p.message()).contains("null is not allowed");
    }
  }

  @Nested
  class Values {
    @Test
    void frequencyOutOfRange() {
      ContentProblem p = onlyProblem(t -> manifestation(t, 0).put("frequency", 1.5));
      assertThat(p.pointer()).isEqualTo("/conditions/0/manifestations/0/frequency");
      assertThat(p.message()).contains("Manifestation.frequency").contains("1.5");
    }

    @Test
    void idThatIsNotASlug() {
      ContentProblem p = problemAt(t -> entry(t, "findings", 5).put("id", "Takes Statin"), "/findings/5/id");
      assertThat(p.message()).contains("lower-case slug").contains("'Takes Statin'");
    }

    @Test
    void emptyName() {
      ContentProblem p = onlyProblem(t -> entry(t, "findings", 0).put("name", " "));
      assertThat(p.pointer()).isEqualTo("/findings/0/name");
      assertThat(p.message()).contains("Finding.name must not be blank");
    }

    @Test
    void missingRequiredField() {
      ContentProblem p = onlyProblem(t -> entry(t, "findings", 0).remove("question"));
      assertThat(p.pointer()).isEqualTo("/findings/0");
      assertThat(p.message()).contains("missing required field 'question'");
    }

    @Test
    void malformedCode() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) entry(t, "conditions", 0).get("codes")).set(0, "ICD10 G47"));
      assertThat(p.pointer()).startsWith("/conditions/0/codes");
      assertThat(p.message()).contains("SYSTEM:value").contains("ICD10 G47");
    }

    @Test
    void sourceUrlThatIsNotAWebAddress() {
      ContentProblem p = onlyProblem(t ->
          ((ObjectNode) entry(t, "conditions", 0).get("sources").get(0)).put("url", "cks.nice.org.uk"));
      assertThat(p.pointer()).isEqualTo("/conditions/0/sources/0/url");
      assertThat(p.message()).contains("absolute http(s) URL");
    }

    @Test
    void riskFactorWithBothFindingAndDemographic() {
      ContentProblem p = onlyProblem(t ->
          ((ObjectNode) entry(t, "conditions", 0).get("riskFactors").get(0)).put("finding", "takes-statin"));
      assertThat(p.pointer()).isEqualTo("/conditions/0/riskFactors/0/finding");
      assertThat(p.message()).contains("exactly one of 'finding' and 'demographic'").contains("both");
    }

    @Test
    void ageBoundsInTheWrongOrder() {
      ContentProblem p = onlyProblem(t ->
          ((ObjectNode) entry(t, "redFlags", 0).get("demographic")).put("maxAge", 10));
      assertThat(p.pointer()).isEqualTo("/redFlags/0/demographic/minAge");
      assertThat(p.message()).contains("minAge (16) must not exceed maxAge (10)");
    }

    @Test
    void redFlagThatForcesSelfCare() {
      ContentProblem p = onlyProblem(t -> entry(t, "redFlags", 0).put("level", "SELF_CARE"));
      assertThat(p.pointer()).isEqualTo("/redFlags/0/level");
      assertThat(p.message()).contains("not SELF_CARE");
    }
  }

  @Nested
  class References {
    @Test
    void danglingFindingSuggestsTheClosestId() {
      ContentProblem p = onlyProblem(t -> manifestation(t, 0).put("finding", "calf-cramps"));
      assertThat(p.pointer()).isEqualTo("/conditions/0/manifestations/0/finding");
      assertThat(p.message()).isEqualTo(
          "unknown finding 'calf-cramps' — did you mean 'calf-cramp'?; declare it in \"findings\" or fix the id");
    }

    @Test
    void danglingRedFlagFinding() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) entry(t, "redFlags", 0).get("anyOf")).set(1, "arm-cramp"));
      assertThat(p.pointer()).isEqualTo("/redFlags/0/anyOf/1");
      assertThat(p.message()).contains("unknown finding 'arm-cramp'");
    }

    @Test
    void danglingTreatmentOfACondition() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) entry(t, "conditions", 0).get("treatments")).add("cupping"));
      assertThat(p.pointer()).isEqualTo("/conditions/0/treatments/2");
      assertThat(p.message()).contains("unknown treatment 'cupping'");
    }

    @Test
    void danglingRegion() {
      ContentProblem p = onlyProblem(t -> entry(t, "findings", 2).put("region", "calve"));
      assertThat(p.pointer()).isEqualTo("/findings/2/region");
      assertThat(p.message()).contains("unknown body region 'calve'").contains("did you mean 'calf'?");
    }

    @Test
    void duplicateIdWithinAModule() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) t.get("findings")).add(entry(t, "findings", 0).deepCopy()));
      assertThat(p.pointer()).isEqualTo("/findings/6/id");
      assertThat(p.message()).contains("duplicate finding id 'muscle-cramp'").contains("rename one of them");
    }

    @Test
    void cycleInTheFindingHierarchy() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) entry(t, "findings", 0).putArray("parents")).add("calf-cramp"));
      assertThat(p.pointer()).endsWith("/parents");
      assertThat(p.message()).contains("finding hierarchy has a cycle")
          .contains("calf-cramp → leg-cramp → muscle-cramp → calf-cramp");
    }

    @Test
    void cycleInTheRegionHierarchy() {
      ContentProblem p = onlyProblem(t -> ((ArrayNode) entry(t, "regions", 0).putArray("parents")).add("calf"));
      assertThat(p.message()).contains("body region hierarchy has a cycle");
    }

    @Test
    void conditionWithoutSource() {
      ContentProblem p = onlyProblem(t -> entry(t, "conditions", 1).remove("sources"));
      assertThat(p.pointer()).isEqualTo("/conditions/1/sources");
      assertThat(p.message()).contains("condition 'calf-clot' cites no source");
    }

    @Test
    void redFlagWithoutSource() {
      ContentProblem p = onlyProblem(t -> entry(t, "redFlags", 0).putArray("sources"));
      assertThat(p.pointer()).isEqualTo("/redFlags/0/sources");
      assertThat(p.message()).contains("red flag 'swollen-calf' cites no source");
    }
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ObjectNode tree = Fixtures.validTree();
    manifestation(tree, 0).put("finding", "calf-cramps");
    entry(tree, "findings", 0).put("name", 5);
    entry(tree, "conditions", 1).remove("sources");
    tree.set("extra", Json.MAPPER.createArrayNode());

    List<ContentProblem> problems = Fixtures.problems(tree);

    assertThat(problems).extracting(ContentProblem::pointer).containsExactlyInAnyOrder(
        "/extra", "/findings/0/name", "/conditions/0/manifestations/0/finding", "/conditions/1/sources");
  }

  @Test
  void referencesToAnEntryThatFailedToLoadAreNotReportedTwice() {
    ObjectNode tree = Fixtures.validTree();
    entry(tree, "findings", 5).put("kind", "HABIT");
    List<ContentProblem> problems = Fixtures.problems(tree);
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.pointer()).isEqualTo("/findings/5/kind"));
  }
}
