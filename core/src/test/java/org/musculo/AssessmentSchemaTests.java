package org.musculo;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.internal.json.Json;
import org.musculo.model.BodyRegion;
import org.musculo.model.CareSetting;
import org.musculo.model.Cause;
import org.musculo.model.CauseKind;
import org.musculo.model.Channel;
import org.musculo.model.Code;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published assessment schema ({@value Assessment#SCHEMA_RESOURCE}) describes exactly what
 * {@link Assessment#toJson()} writes: real assessments validate, every key written is documented
 * and every documented key is written, and the schema rejects what the writer never produces.
 */
class AssessmentSchemaTests {
  private static final Schema SCHEMA = loadSchema();
  private static final Musculo MUSCULO = Musculo.create(TinyKnowledge.build());

  private static Schema loadSchema() {
    try (InputStream in = Assessment.class.getClassLoader().getResourceAsStream(Assessment.SCHEMA_RESOURCE)) {
      assertThat(in).as(Assessment.SCHEMA_RESOURCE).isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schemaTree() {
    try (InputStream in = Assessment.class.getClassLoader().getResourceAsStream(Assessment.SCHEMA_RESOURCE)) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Presentations that between them make the writer use every key of the schema. */
  static final Map<String, Presentation> EXAMPLES = Map.of(
      "night cramps with risk factors and a cause",
      Presentation.builder().age(70).sex(Sex.FEMALE)
          .addPresent("calf-cramp", "night-pattern", "takes-statin").addAbsent("calf-swelling").build(),
      "a painful swollen calf that fires an urgent red flag",
      Presentation.builder().age(45).sex(Sex.MALE).addPresent("calf-pain", "calf-swelling").build(),
      "chest pain with sweating that fires an emergency red flag",
      Presentation.builder().age(60).addPresent("chest-pain", "sweating").build(),
      "free text with negation and words nobody knows",
      Presentation.builder().addPresent("a charley horse at night but no swelling, and my elbow itches").build(),
      "a finding given by its code",
      Presentation.builder().addPresent("SNOMED-CT:386661006").addAbsent("chest-pain").build(),
      "nothing reported at all",
      Presentation.builder().build(),
      "a pregnant patient",
      Presentation.builder().age(31).sex(Sex.FEMALE).pregnant(true).addPresent("muscle-cramp").build());

  private static List<Error> validate(String json) {
    return SCHEMA.validate(Json.MAPPER.readTree(json));
  }

  @Property(tries = 300)
  void everyPresentationGivesAnAssessmentThatValidates(@ForAll("presentations") Presentation p) {
    assertThat(validate(MUSCULO.assess(p).toJson())).isEmpty();
  }

  @Provide
  Arbitrary<Presentation> presentations() {
    List<String> ids = List.copyOf(MUSCULO.knowledgeBase().findings().keySet());
    Arbitrary<List<String>> present = Arbitraries.of(ids).list().uniqueElements().ofMaxSize(6);
    Arbitrary<List<String>> absent = Arbitraries.of(ids).list().uniqueElements().ofMaxSize(4);
    Arbitrary<Integer> age = Arbitraries.integers().between(-1, 120);
    Arbitrary<Integer> sex = Arbitraries.integers().between(0, 3);
    return Combinators.combine(present, absent, age, sex).as((pr, ab, a, s) -> {
      Presentation.Builder b = Presentation.builder().addAllPresent(pr);
      ab.stream().filter(f -> !pr.contains(f)).forEach(b::addAbsent);
      if (a >= 0) {
        b.age(a);
      }
      if (s == 1) {
        b.sex(Sex.MALE);
      } else if (s >= 2) {
        b.sex(Sex.FEMALE).pregnant(s == 3 && a >= 12 && a <= 55);
      }
      return b.build();
    });
  }

  @Nested
  class RealAssessments {
    @Test
    void everyExampleAssessmentValidates() {
      EXAMPLES.forEach((name, p) ->
          assertThat(validate(MUSCULO.assess(p).toJson())).as(name).isEmpty());
    }

    @Test
    void anAssessmentOfTheTinyKnowledgeBaseValidates() {
      Musculo tiny = Musculo.create(TinyKnowledge.build());
      Assessment a = tiny.assess(Presentation.builder().age(30)
          .addPresent("calf-cramp", "night-pattern").addAbsent("calf-swelling").build());
      assertThat(validate(a.toJson())).isEmpty();
    }

    @Test
    void theJsonIsOneLine() {
      EXAMPLES.forEach((name, p) -> assertThat(MUSCULO.assess(p).toJson()).as(name).doesNotContain("\n"));
    }
  }

  @Nested
  class Coverage {
    @Test
    void theExamplesFireEveryKindOfOutputTheSchemaDescribes() {
      Set<String> levels = new TreeSet<>();
      EXAMPLES.values().forEach(p -> levels.add(MUSCULO.assess(p).triage().level().name()));
      assertThat(levels).contains("SELF_CARE", "URGENT", "EMERGENCY");
    }

    @Test
    void everyKeyTheWriterUsesIsInTheSchemaAndEveryKeyInTheSchemaIsWritten() {
      Set<String> written = new TreeSet<>();
      EXAMPLES.values().forEach(p -> paths(Json.MAPPER.readTree(MUSCULO.assess(p).toJson()), "", written::add));
      Set<String> documented = new TreeSet<>();
      JsonNode schema = schemaTree();
      schemaPaths(schema, schema, "", documented::add);
      Set<String> undocumented = new TreeSet<>(written);
      undocumented.removeAll(documented);
      Set<String> neverWritten = new TreeSet<>(documented);
      neverWritten.removeAll(written);
      assertThat(undocumented).as("keys written but not in the schema").isEmpty();
      assertThat(neverWritten).as("keys in the schema that no example writes").isEmpty();
    }

    private void paths(JsonNode node, String prefix, Consumer<String> sink) {
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          sink.accept(prefix + "/" + field.getKey());
          paths(field.getValue(), prefix + "/" + field.getKey(), sink);
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          paths(item, prefix + "[]", sink);
        }
      }
    }

    private void schemaPaths(JsonNode root, JsonNode node, String prefix, Consumer<String> sink) {
      JsonNode n = resolve(root, node);
      if (n.has("properties")) {
        for (Map.Entry<String, JsonNode> field : n.get("properties").properties()) {
          sink.accept(prefix + "/" + field.getKey());
          schemaPaths(root, field.getValue(), prefix + "/" + field.getKey(), sink);
        }
      }
      if (n.has("items")) {
        schemaPaths(root, n.get("items"), prefix + "[]", sink);
      }
    }

    private JsonNode resolve(JsonNode root, JsonNode node) {
      JsonNode n = node;
      while (n.has("$ref")) {
        n = root.at(n.get("$ref").asString().substring(1));
      }
      return n;
    }
  }

  @Nested
  class Strictness {
    private ObjectNode example() {
      return (ObjectNode) Json.MAPPER.readTree(MUSCULO.assess(EXAMPLES.get(
          "night cramps with risk factors and a cause")).toJson());
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
      Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
      assertThat(meta.validate(schemaTree())).isEmpty();
    }

    @Test
    void anUnknownKeyIsRejected() {
      ObjectNode a = example();
      a.put("diagnosis", "night cramps");
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void anUnknownKeyInsideAConditionIsRejected() {
      ObjectNode a = example();
      ((ObjectNode) a.get("conditions").get(0)).put("certain", true);
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void aMissingDisclaimerIsRejected() {
      ObjectNode a = example();
      a.remove("disclaimer");
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void anUnknownTriageLevelIsRejected() {
      ObjectNode a = example();
      ((ObjectNode) a.get("triage")).put("level", "WHENEVER");
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void aProbabilityAboveOneIsRejected() {
      ObjectNode a = example();
      ((ObjectNode) a.get("conditions").get(0)).put("probability", 1.5);
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void aCodeThatIsNotSystemColonValueIsRejected() {
      ObjectNode a = example();
      ((ObjectNode) a.get("conditions").get(0)).putArray("codes").add("R25.2");
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void aShortContentHashIsRejected() {
      ObjectNode a = example();
      ((ObjectNode) a.get("knowledgeBase")).put("contentHash", "abc123");
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }

    @Test
    void aRedFlagAtSelfCareIsRejected() {
      ObjectNode a = (ObjectNode) Json.MAPPER.readTree(MUSCULO.assess(EXAMPLES.get(
          "a painful swollen calf that fires an urgent red flag")).toJson());
      ((ObjectNode) a.get("triage").get("redFlags").get(0)).put("level", "SELF_CARE");
      assertThat(SCHEMA.validate(a)).isNotEmpty();
    }
  }
}
