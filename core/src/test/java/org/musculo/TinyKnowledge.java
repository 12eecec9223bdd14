package org.musculo;

import java.time.LocalDate;
import java.util.List;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
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
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/**
 * A three-condition knowledge base built in code, with codes, lay synonyms, clinic channels,
 * demographic and finding risk factors, a cause and urgent and emergency red flags, small enough to compute likelihood ratios by
 * hand: night cramps (prior 0.6), a calf clot (0.05, URGENT) and a heart attack (0.01,
 * EMERGENCY), leaving 0.34 for something else.
 */
final class TinyKnowledge {
  static final Source SOURCE = Source.builder().publisher("NHS").title("Test page")
      .url("https://www.nhs.uk/").accessed(LocalDate.of(2026, 11, 25)).build();

  private TinyKnowledge() {}

  static Finding finding(String id, FindingKind kind, String region, String... parents) {
    return builder(id, kind, region, parents).build();
  }

  static Finding.Builder builder(String id, FindingKind kind, String region, String... parents) {
    Finding.Builder b = Finding.builder().id(id).kind(kind).name(id.replace('-', ' '))
        .question("Do you have " + id.replace('-', ' ') + "?").addParents(parents);
    if (region != null) {
      b.region(region);
    }
    return b;
  }

  static KnowledgeBase build() {
    ContentDocument doc = ContentDocument.builder()
        .addRegions(BodyRegion.builder().id("lower-limb").name("Lower limb").build())
        .addRegions(BodyRegion.builder().id("lower-leg").name("Lower leg").addParents("lower-limb").build())
        .addRegions(BodyRegion.builder().id("calf").name("Calf").addParents("lower-leg").build())
        .addRegions(BodyRegion.builder().id("chest").name("Chest").build())
        .addFindings(finding("pain", FindingKind.SYMPTOM, null))
        .addFindings(finding("lower-leg-pain", FindingKind.SYMPTOM, "lower-leg", "pain"))
        .addFindings(builder("calf-pain", FindingKind.SYMPTOM, "calf", "pain").addSynonyms("sore calf").build())
        .addFindings(builder("muscle-cramp", FindingKind.SYMPTOM, null).addSynonyms("cramp", "cramps").build())
        .addFindings(builder("calf-cramp", FindingKind.SYMPTOM, "calf", "muscle-cramp")
            .addSynonyms("charley horse", "cramp in my calf").build())
        .addFindings(builder("night-pattern", FindingKind.PATTERN, null).addSynonyms("at night").build())
        .addFindings(builder("calf-swelling", FindingKind.SIGN, "calf").addSynonyms("swelling").build())
        .addFindings(finding("chest-pain", FindingKind.SYMPTOM, "chest", "pain"))
        .addFindings(finding("sweating", FindingKind.SIGN, null))
        .addFindings(builder("takes-statin", FindingKind.EXPOSURE, null).addSynonyms("statin").build())
        .addFindings(Finding.builder().from(finding("fever", FindingKind.SIGN, null))
            .addCodes(Code.parse("SNOMED-CT:386661006")).build())
        .addCauses(Cause.builder().id("statin-side-effect").name("Statin side effect")
            .kind(CauseKind.MEDICATION).description("Statins can cause cramps.")
            .addIndicators("takes-statin").addPrevention("report-side-effects").build())
        .addPreventionMeasures(PreventionMeasure.builder().id("stretch").name("Stretch")
            .advice("Stretch your calves before bed.").build())
        .addPreventionMeasures(PreventionMeasure.builder().id("report-side-effects")
            .name("Report side effects").advice("Tell your doctor about muscle pain.").build())
        .addTreatments(Treatment.builder().id("stretch-and-rest").name("Stretch and rest")
            .description("Stretch the muscle.").setting(CareSetting.SELF_CARE).modality("stretching")
            .addContraindications("calf-swelling").build())
        .addTreatments(Treatment.builder().id("massage-therapy").name("Massage therapy")
            .description("Massage.").setting(CareSetting.CLINIC).modality("massage-therapy")
            .addChannels(Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON)
            .addContraindicatedRedFlags("clot-signs").build())
        .addTreatments(Treatment.builder().id("same-day-doctor").name("See a doctor today")
            .description("Same-day assessment.").setting(CareSetting.PHYSICIAN).modality("assessment").build())
        .addTreatments(Treatment.builder().id("call-emergency").name("Call emergency services")
            .description("Call now.").setting(CareSetting.EMERGENCY).modality("emergency-care").build())
        .addConditions(Condition.builder().id("night-cramps").name("Night cramps").description("Cramps at night.")
            .addCodes(Code.parse("ICD-10-CM:R25.2")).prevalence(0.6).acuity(TriageLevel.SELF_CARE)
            .addManifestations(Manifestation.of("calf-cramp", 0.9), Manifestation.of("night-pattern", 0.8),
                Manifestation.of("calf-swelling", 0.02))
            .addRiskFactors(RiskFactor.builder().demographic(Demographic.builder().minAge(60).build()).oddsRatio(2).build())
            .addRiskFactors(RiskFactor.builder().finding("takes-statin").oddsRatio(1.5).build())
            .addCauses("statin-side-effect").addPrevention("stretch")
            .addTreatments("stretch-and-rest", "massage-therapy").addSources(SOURCE).build())
        .addConditions(Condition.builder().id("calf-clot").name("Calf clot").description("A clot.")
            .prevalence(0.05).acuity(TriageLevel.URGENT)
            .addManifestations(Manifestation.of("calf-swelling", 0.8), Manifestation.of("lower-leg-pain", 0.7),
                Manifestation.of("calf-cramp", 0.2))
            .addTreatments("same-day-doctor", "massage-therapy").addSources(SOURCE).build())
        .addConditions(Condition.builder().id("heart-attack").name("Heart attack").description("An MI.")
            .addCodes(Code.parse("ICD-10-CM:I21.9")).prevalence(0.01).acuity(TriageLevel.EMERGENCY)
            .addManifestations(Manifestation.of("chest-pain", 0.85), Manifestation.of("sweating", 0.5))
            .addTreatments("call-emergency").addSources(SOURCE).build())
        .addRedFlags(RedFlag.builder().id("clot-signs").name("Clot signs").addAllOf("calf-swelling")
            .addAnyOf("pain").level(TriageLevel.URGENT).reason("A swollen painful calf can be a clot.")
            .condition("calf-clot").addSources(SOURCE).build())
        .addRedFlags(RedFlag.builder().id("chest-pain-sweating").name("Chest pain").addAllOf("chest-pain", "sweating")
            .level(TriageLevel.EMERGENCY).reason("Chest pain with sweating can be a heart attack.")
            .addSources(SOURCE).build())
        .build();
    return KnowledgeBase.builder()
        .add(ContentModule.of("tiny", "1.0.0", List.of(ContentSource.ofDocument("tiny", doc))))
        .build();
  }
}
