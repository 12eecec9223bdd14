package org.musculo.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musculo.internal.json.Json;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.Source;
import org.musculo.model.TriageLevel;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class KnowledgeBaseTests {

  @Test
  void compilesTheValidFixtureWithEveryEntryResolved() {
    KnowledgeBase kb = Fixtures.compile(Fixtures.validJson());

    assertThat(kb.modules()).containsExactly(ModuleVersion.of("fixture", "1.0.0"));
    assertThat(kb.findings()).containsOnlyKeys(
        "muscle-cramp", "leg-cramp", "calf-cramp", "night-pattern", "calf-swelling", "takes-statin");
    assertThat(kb.conditions()).containsOnlyKeys("night-cramps", "calf-clot");
    assertThat(kb.condition("night-cramps").orElseThrow().manifestations())
        .extracting(Manifestation::finding)
        .containsExactly("calf-cramp", "night-pattern", "calf-swelling");
    assertThat(kb.redFlags()).containsOnlyKeys("swollen-calf");
    assertThat(kb.regions()).containsOnlyKeys("lower-limb", "lower-leg", "calf");
    assertThat(List.copyOf(kb.findings().keySet())).isSorted();
  }

  @Test
  void knowledgeBaseMapsAreUnmodifiable() {
    KnowledgeBase kb = Fixtures.compile(Fixtures.validJson());
    assertThatThrownBy(() -> kb.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Nested
  class ContentHash {
    @Test
    void isSha256Hex() {
      assertThat(Fixtures.compile(Fixtures.validJson()).contentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void doesNotDependOnTheOrderOfEntriesOrFields() {
      ObjectNode tree = Fixtures.validTree();
      ArrayNode findings = (ArrayNode) tree.get("findings");
      ArrayNode reversed = Json.MAPPER.createArrayNode();
      for (int i = findings.size() - 1; i >= 0; i--) {
        reversed.add(findings.get(i));
      }
      tree.set("findings", reversed);
      ObjectNode reordered = Json.MAPPER.createObjectNode();
      List.of("redFlags", "conditions", "treatments", "preventionMeasures", "causes", "findings", "regions")
          .forEach(k -> reordered.set(k, tree.get(k)));

      assertThat(Fixtures.compile(reordered).contentHash())
          .isEqualTo(Fixtures.compile(Fixtures.validJson()).contentHash());
    }

    @Test
    void changesWhenAnyValueChanges() {
      ObjectNode tree = Fixtures.validTree();
      ((ObjectNode) tree.get("conditions").get(0)).put("prevalence", 0.081);
      assertThat(Fixtures.compile(tree).contentHash())
          .isNotEqualTo(Fixtures.compile(Fixtures.validJson()).contentHash());
    }
  }

  @Nested
  class Overrides {
    private final String replacement =
        "{\"findings\": [{\"id\": \"night-pattern\", \"kind\": \"PATTERN\", \"name\": \"Night-time\","
            + " \"question\": \"Is it worse at night?\", \"overrides\": \"fixture\"}]}";

    @Test
    void declaredOverrideReplacesTheEntryOfTheNamedModule() {
      KnowledgeBase kb = KnowledgeBase.builder()
          .add(Fixtures.module(Fixtures.validJson()))
          .add(ContentModule.of("clinic", "2.0.0", List.of(ContentSource.ofJson("mine.json", replacement))))
          .build();

      assertThat(kb.finding("night-pattern").map(Finding::name)).hasValue("Night-time");
      assertThat(kb.modules()).extracting(ModuleVersion::id).containsExactly("fixture", "clinic");
    }

    @Test
    void sameIdWithoutOverrideIsAnErrorNamingBothPlaces() {
      String clash = replacement.replace(", \"overrides\": \"fixture\"", "");
      List<ContentProblem> problems = Fixtures.problems(
          Fixtures.module(Fixtures.validJson()),
          ContentModule.of("clinic", "2.0.0", List.of(ContentSource.ofJson("mine.json", clash))));

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.module()).isEqualTo("clinic");
        assertThat(p.file()).isEqualTo("mine.json");
        assertThat(p.pointer()).isEqualTo("/findings/0/id");
        assertThat(p.message())
            .contains("duplicate finding id 'night-pattern'")
            .contains("module 'fixture', file 'doc.json' at /findings/3")
            .contains("\"overrides\": \"fixture\"");
      });
    }

    @Test
    void overrideOfAModuleThatIsNotLoadedIsAnError() {
      List<ContentProblem> problems = Fixtures.problems(
          Fixtures.module(Fixtures.validJson()),
          ContentModule.of("clinic", "2.0.0",
              List.of(ContentSource.ofJson("mine.json", replacement.replace("\"fixture\"", "\"fixtures\"")))));

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.pointer()).isEqualTo("/findings/0/overrides");
        assertThat(p.message()).contains("module 'fixtures' is not loaded").contains("did you mean 'fixture'?");
      });
    }
  }

  @Nested
  class Sources {
    @Test
    void documentsBuiltInCodeCompileLikeJson() {
      Finding cramp = Finding.builder().id("cramp").kind(FindingKind.SYMPTOM).name("Cramp")
          .question("Do you have a cramp?").build();
      Condition condition = Condition.builder().id("cramps").name("Cramps").description("Cramps.")
          .prevalence(0.1).acuity(TriageLevel.SELF_CARE)
          .addManifestations(Manifestation.of("cramp", 0.9))
          .addSources(Source.builder().publisher("NHS").title("Leg cramps")
              .url("https://www.nhs.uk/conditions/leg-cramps/").accessed(java.time.LocalDate.of(2026, 11, 25)).build())
          .build();
      ContentDocument document = ContentDocument.builder().addFindings(cramp).addConditions(condition).build();

      KnowledgeBase kb = KnowledgeBase.builder()
          .add(ContentModule.of("code", "1", List.of(ContentSource.ofDocument("built", document))))
          .build();

      assertThat(kb.condition("cramps")).hasValue(condition);
    }

    @Test
    void directoryModuleReadsManifestAndEveryJsonFileInPathOrder(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("module.json"), "{\"id\": \"clinic\", \"version\": \"3.1.0\"}");
      Files.createDirectories(dir.resolve("b"));
      Files.writeString(dir.resolve("b/doc.json"), Fixtures.validJson());
      Files.writeString(dir.resolve("notes.txt"), "not content");

      KnowledgeBase kb = KnowledgeBase.builder().addDirectory(dir).build();

      assertThat(kb.modules()).containsExactly(ModuleVersion.of("clinic", "3.1.0"));
      assertThat(kb.conditions()).hasSize(2);
    }

    @Test
    void directoryWithoutManifestIsATypedErrorThatSaysHowToMendIt(@TempDir Path dir) {
      assertThatThrownBy(() -> ContentModule.fromDirectory(dir))
          .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems())
              .singleElement()
              .satisfies(p -> {
                assertThat(p.file()).isEqualTo("module.json");
                assertThat(p.message()).contains("add one such as");
              }));
    }

    @Test
    void missingResourceIsReportedNotThrownAsNullPointer() {
      ContentModule module = ContentModule.of("m", "1", List.of(ContentSource.ofStream("gone.json", () -> null)));
      assertThat(Fixtures.problems(module)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("could not be found"));
    }

    @Test
    void nothingDiscoveredIsATypedErrorNamingTheContentArtifact() {
      ClassLoader empty = new ClassLoader(null) {};
      assertThatThrownBy(() -> KnowledgeBase.builder().addDiscovered(empty).build())
          .isInstanceOf(ContentException.class)
          .hasMessageContaining("no content module was found")
          .hasMessageContaining("musculo-content-en");
    }

    @Test
    void aModuleAddedTwiceIsAnError() {
      ContentModule m = Fixtures.module(Fixtures.validJson());
      assertThat(Fixtures.problems(m, m)).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("is added twice"));
    }
  }
}
