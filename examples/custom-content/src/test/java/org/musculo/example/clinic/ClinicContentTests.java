package org.musculo.example.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.TreatmentOption;
import org.musculo.content.ContentDocument;
import org.musculo.content.KnowledgeBase;
import org.musculo.content.ModuleVersion;
import org.musculo.content.en.EnglishContent;
import org.musculo.model.CareSetting;
import org.musculo.model.Channel;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.RedFlag;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClinicContentTests {
  /** The knowledge base ServiceLoader finds: the bundled content and the clinic's. */
  static final KnowledgeBase LOADED = KnowledgeBase.load();
  /** The bundled content alone, to compare the overrides with what they replace. */
  static final KnowledgeBase BUNDLED = KnowledgeBase.builder().add(new EnglishContent()).build();
  static final Musculo MUSCULO = Musculo.create(LOADED);

  static final Path CONTENT = Path.of(System.getProperty("musculo.example.content", "content"));
  static final List<String> SERVICES = List.of("massage-therapy", "assisted-stretching", "chiropractic-care");
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static List<String> clinicTreatments(Assessment a) {
    return a.treatments().stream().filter(t -> t.name().contains("Example Muscle Clinic"))
        .map(TreatmentOption::id).toList();
  }

  @Nested
  class Registration {
    @Test
    void serviceLoaderFindsTheModuleBesideTheBundledContent() {
      assertThat(LOADED.modules()).extracting(ModuleVersion::id)
          .containsExactlyInAnyOrder(ClinicContent.ID, EnglishContent.ID);
      assertThat(LOADED.modules()).contains(ModuleVersion.of(ClinicContent.ID, ClinicContent.VERSION));
    }

    @Test
    void theModuleDescriptorProvidesTheContentModuleService() throws IOException {
      try (InputStream in = ClinicContent.class.getResourceAsStream("/module-info.class")) {
        assertThat(in).as("module-info.class").isNotNull();
        ModuleDescriptor d = ModuleDescriptor.read(in);
        assertThat(d.provides()).anySatisfy(p -> {
          assertThat(p.service()).isEqualTo("org.musculo.content.ContentModule");
          assertThat(p.providers()).containsExactly(ClinicContent.class.getName());
        });
      }
    }

    @Test
    void theServicesFileRegistersItOnTheClassPath() throws IOException {
      try (InputStream in = ClinicContent.class.getResourceAsStream(
          "/META-INF/services/org.musculo.content.ContentModule")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
            .isEqualTo(ClinicContent.class.getName());
      }
    }

    @Test
    void theJarAndTheContentDirectoryHoldTheSameContent() {
      KnowledgeBase fromDirectory = KnowledgeBase.builder().add(new EnglishContent()).addDirectory(CONTENT).build();
      KnowledgeBase fromJar = KnowledgeBase.builder().add(new EnglishContent()).add(new ClinicContent()).build();
      assertThat(fromJar.contentHash()).isEqualTo(fromDirectory.contentHash());
      assertThat(fromJar.modules()).isEqualTo(fromDirectory.modules());
    }

    @Test
    void theModuleReadsEveryDocumentOfTheDirectoryAndMatchesItsManifest() throws IOException {
      List<String> files;
      try (Stream<Path> list = Files.list(CONTENT)) {
        files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
            .filter(n -> !n.equals("module.json")).sorted().toList();
      }
      assertThat(ClinicContent.DOCUMENTS).containsExactlyInAnyOrderElementsOf(files);
      JsonNode manifest = MAPPER.readTree(CONTENT.resolve("module.json").toFile());
      assertThat(manifest.get("id").asString()).isEqualTo(ClinicContent.ID);
      assertThat(manifest.get("version").asString()).isEqualTo(ClinicContent.VERSION);
    }

    @Test
    void everyDocumentIsValidByThePublishedContentSchemaWhichItsSchemaKeyPointsTo() throws IOException {
      Schema schema;
      try (InputStream in = ContentDocument.class.getClassLoader().getResourceAsStream(ContentDocument.SCHEMA_RESOURCE)) {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      }
      for (String name : ClinicContent.DOCUMENTS) {
        JsonNode doc = MAPPER.readTree(CONTENT.resolve(name).toFile());
        assertThat(schema.validate(doc)).as(name).isEmpty();
        Path pointedTo = CONTENT.resolve(doc.get("$schema").asString()).normalize();
        assertThat(pointedTo).as("$schema of " + name).isRegularFile();
        assertThat(pointedTo.getFileName().toString()).isEqualTo("content.schema.json");
      }
    }
  }

  @Nested
  class Services {
    @Test
    void theClinicOffersTheBundledClinicTreatmentsAsItsOwnServicesOnlineByPhoneAndInPerson() {
      for (String id : SERVICES) {
        Treatment t = LOADED.treatments().get(id);
        assertThat(t.overrides()).as(id).contains(EnglishContent.ID);
        assertThat(t.name()).as(id).contains("Example Muscle Clinic");
        assertThat(t.channels()).as(id).containsExactly(Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON);
      }
    }

    @Test
    void theServicesKeepEverySafetyRuleOfTheEntriesTheyReplace() {
      for (Treatment mine : LOADED.treatments().values()) {
        if (mine.overrides().isEmpty()) {
          continue;
        }
        Treatment theirs = BUNDLED.treatments().get(mine.id());
        assertThat(mine.setting()).as(mine.id()).isEqualTo(theirs.setting());
        assertThat(mine.modality()).as(mine.id()).isEqualTo(theirs.modality());
        assertThat(mine.contraindications()).as(mine.id()).containsAll(theirs.contraindications());
        assertThat(mine.contraindicatedRedFlags()).as(mine.id()).containsAll(theirs.contraindicatedRedFlags());
        assertThat(mine.indications()).as(mine.id()).containsExactlyInAnyOrderElementsOf(theirs.indications());
        assertThat(mine.sources()).as(mine.id()).isNotEmpty();
      }
    }

    @Test
    void thePhysiotherapyEntryIsReworded() {
      Treatment mine = LOADED.treatments().get("physiotherapy");
      Treatment theirs = BUNDLED.treatments().get("physiotherapy");
      assertThat(mine.overrides()).contains(EnglishContent.ID);
      assertThat(mine.description()).isNotEqualTo(theirs.description()).contains("referral");
      // everything else is the bundled entry's
      assertThat(List.of(mine.name(), mine.setting(), mine.modality(), mine.indications(), mine.contraindications(),
          mine.contraindicatedRedFlags(), mine.channels(), mine.sources()))
          .isEqualTo(List.of(theirs.name(), theirs.setting(), theirs.modality(), theirs.indications(),
              theirs.contraindications(), theirs.contraindicatedRedFlags(), theirs.channels(), theirs.sources()));
    }

    @Test
    void aBackSpasmGetsTheClinicsMassageAndChiropracticCare() {
      Assessment a = MUSCULO.assess(Presentation.builder().age(38)
          .addPresent("back-spasm", "lower-back-pain", "bending-lifting-trigger").build());
      assertThat(a.triage().level()).isEqualTo(TriageLevel.SELF_CARE);
      assertThat(clinicTreatments(a)).contains("massage-therapy", "chiropractic-care");
      TreatmentOption massage = a.treatments().stream().filter(t -> t.id().equals("massage-therapy")).findFirst()
          .orElseThrow();
      assertThat(massage.channels()).containsExactly(Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON);
      assertThat(massage.setting()).isEqualTo(CareSetting.CLINIC);
    }
  }

  @Nested
  class PlantarFasciitis {
    @Test
    void isACodedSourcedConditionOfTheClinicsModule() {
      Condition c = LOADED.condition("plantar-fasciitis").orElseThrow();
      assertThat(BUNDLED.condition("plantar-fasciitis")).isEmpty();
      assertThat(c.codes()).extracting(Object::toString).containsExactly("ICD-10-CM:M72.2");
      assertThat(c.sources()).anySatisfy(s -> {
        assertThat(s.url()).isEqualTo("https://www.nhs.uk/conditions/plantar-fasciitis/");
        assertThat(s.accessed()).isNotNull();
      });
    }

    @Test
    void leadsForHeelPainWorstWithTheFirstStepsAndOffersItsCareIncludingTheClinicsStretching() {
      Assessment a = MUSCULO.assess(Presentation.builder().age(48)
          .addPresent("heel-pain", "first-steps-pain").build());
      assertThat(a.conditions().get(0).id()).isEqualTo("plantar-fasciitis");
      assertThat(a.triage().level()).isEqualTo(TriageLevel.SELF_CARE);
      assertThat(a.treatments()).extracting(TreatmentOption::id)
          .contains("plantar-fasciitis-self-care", "assisted-stretching", "see-gp-about-heel-pain");
      assertThat(clinicTreatments(a)).contains("assisted-stretching");
      assertThat(a.prevention()).extracting(p -> p.id()).contains("supportive-footwear");
      assertThat(a.causes()).extracting(c -> c.id()).contains("foot-overload");
    }

    @Test
    void isFoundFromThePatientsOwnWords() {
      Assessment a = MUSCULO.assess(Presentation.builder().age(50)
          .addPresent("pain under my heel, worst when I get out of bed").build());
      assertThat(a.conditions().get(0).id()).isEqualTo("plantar-fasciitis");
    }
  }

  @Nested
  class Safety {
    @Test
    void noClinicServiceIsEverOfferedForAnEmergency() {
      List<String> checked = new ArrayList<>();
      for (RedFlag flag : LOADED.redFlags().values()) {
        if (flag.level() != TriageLevel.EMERGENCY) {
          continue;
        }
        for (String complaint : List.of("heel-pain", "back-spasm", "neck-pain", "calf-cramp")) {
          Presentation p = firing(flag, complaint);
          if (p == null) {
            continue;
          }
          Assessment a = MUSCULO.assess(p);
          assertThat(a.triage().level()).as(flag.id()).isEqualTo(TriageLevel.EMERGENCY);
          assertThat(clinicTreatments(a)).as(flag.id() + " with " + complaint).isEmpty();
          assertThat(a.treatments()).as(flag.id()).allMatch(t -> t.setting() == CareSetting.EMERGENCY);
          checked.add(flag.id());
        }
      }
      assertThat(checked).hasSizeGreaterThan(20);
    }

    @Test
    void noClinicServiceIsOfferedWhenADoctorShouldSeeThePatientToday() {
      Assessment a = MUSCULO.assess(Presentation.builder().age(55)
          .addPresent("heel-pain", "leg-pain", "one-leg-only", "one-sided-leg-swelling", "leg-warmth").build());
      assertThat(a.triage().level()).isEqualTo(TriageLevel.URGENT);
      assertThat(clinicTreatments(a)).isEmpty();
    }

    /** A presentation that fires the red flag, with a complaint the clinic treats; null if it cannot. */
    private Presentation firing(RedFlag flag, String complaint) {
      if (flag.noneOf().contains(complaint)) {
        return null;
      }
      java.util.Set<String> present = new java.util.LinkedHashSet<>();
      present.add(complaint);
      present.addAll(flag.allOf());
      flag.anyOf().stream().findFirst().ifPresent(present::add);
      Presentation.Builder b = Presentation.builder().addAllPresent(present);
      Demographic d = flag.demographic().orElse(null);
      b.age(d == null ? 45 : Math.max(18, d.minAge().orElse(d.maxAge().orElse(45))));
      if (d != null) {
        d.sex().ifPresent(b::sex);
      }
      return b.build();
    }
  }
}
