package org.musculo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentException;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.InvalidValueException;
import org.musculo.model.Manifestation;
import org.musculo.model.RedFlag;
import org.musculo.model.TriageLevel;

/**
 * Compound findings derived from simpler ones ({@link Finding#derivedFrom()}): what patients say
 * in parts ("it came on suddenly", "my lower back hurts") must still fire the rule written for
 * the whole ("sudden new back pain").
 */
class DerivedFindingsTests {
  private static final Musculo MUSCULO = Musculo.create(kb());

  private static KnowledgeBase kb() {
    ContentDocument doc = ContentDocument.builder()
        .addFindings(TinyKnowledge.finding("sudden-onset", FindingKind.PATTERN, null))
        .addFindings(TinyKnowledge.finding("back-pain", FindingKind.SYMPTOM, null))
        .addFindings(TinyKnowledge.finding("low-back-pain", FindingKind.SYMPTOM, null, "back-pain"))
        .addFindings(TinyKnowledge.finding("steroid-use", FindingKind.HISTORY, null))
        .addFindings(TinyKnowledge.builder("sudden-new-back-pain", FindingKind.SYMPTOM, null, "back-pain")
            .addDerivedFrom(List.of("sudden-onset", "back-pain")).build())
        .addFindings(TinyKnowledge.builder("fracture-risk-pain", FindingKind.SYMPTOM, null)
            .addDerivedFrom(List.of("sudden-new-back-pain", "steroid-use")).build())
        .addConditions(Condition.builder().id("back-strain").name("Back strain").description("A strain.")
            .prevalence(0.5).acuity(TriageLevel.SELF_CARE)
            .addManifestations(Manifestation.of("back-pain", 0.9), Manifestation.of("sudden-new-back-pain", 0.4))
            .addSources(TinyKnowledge.SOURCE).build())
        .addRedFlags(RedFlag.builder().id("sudden-back-pain").name("Sudden new back pain")
            .addAllOf("sudden-new-back-pain").level(TriageLevel.URGENT).reason("Sudden new back pain needs a check.")
            .addSources(TinyKnowledge.SOURCE).build())
        .addRedFlags(RedFlag.builder().id("steroid-fracture").name("Possible fracture")
            .addAllOf("fracture-risk-pain").level(TriageLevel.EMERGENCY).reason("A fracture is possible.")
            .addSources(TinyKnowledge.SOURCE).build())
        .build();
    return KnowledgeBase.builder()
        .add(ContentModule.of("derived", "1.0.0", List.of(ContentSource.ofDocument("derived", doc))))
        .build();
  }

  private static List<String> flags(List<String> present, List<String> absent) {
    Assessment a = MUSCULO.assess(Presentation.builder().age(50).addAllPresent(present).addAllAbsent(absent).build());
    return a.triage().redFlags().stream().map(FiredRedFlag::id).toList();
  }

  @Test
  void theCompoundIsDerivedFromItsPartsAndADescendantCountsForAPart() {
    assertThat(flags(List.of("sudden-onset", "back-pain"), List.of())).containsExactly("sudden-back-pain");
    assertThat(flags(List.of("low-back-pain", "sudden-onset"), List.of())).containsExactly("sudden-back-pain");
  }

  @Test
  void onePartAloneDerivesNothing() {
    assertThat(flags(List.of("sudden-onset"), List.of())).isEmpty();
    assertThat(flags(List.of("low-back-pain"), List.of())).isEmpty();
  }

  @Test
  void aCompoundReportedAbsentIsNotDerived() {
    assertThat(flags(List.of("sudden-onset", "back-pain"), List.of("sudden-new-back-pain"))).isEmpty();
  }

  @Test
  void derivationsChain() {
    assertThat(flags(List.of("steroid-use", "sudden-onset", "low-back-pain"), List.of()))
        .containsExactlyInAnyOrder("sudden-back-pain", "steroid-fracture");
  }

  @Test
  void aDerivedFindingIsExplainedAsEvidence() {
    Assessment a = MUSCULO.assess(Presentation.builder().addPresent("sudden-onset", "back-pain").build());
    assertThat(a.conditions().get(0).explanation().findings()).extracting(Contribution::id)
        .contains("sudden-new-back-pain");
  }

  @Property(tries = 200)
  void derivationDoesNotDependOnOrderAndMorePresentFindingsNeverUnfireIt(
      @ForAll @Size(max = 4) @UniqueElements List<@IntRange(min = 0, max = 3) Integer> picks) {
    List<String> ids = List.of("sudden-onset", "low-back-pain", "steroid-use", "back-pain");
    List<String> present = new ArrayList<>(picks.stream().map(ids::get).toList());
    List<String> base = flags(present, List.of());
    List<String> reversed = new ArrayList<>(present);
    java.util.Collections.reverse(reversed);
    assertThat(flags(reversed, List.of())).containsExactlyInAnyOrderElementsOf(base);
    for (String more : ids) {
      if (!present.contains(more)) {
        List<String> bigger = new ArrayList<>(present);
        bigger.add(more);
        assertThat(flags(bigger, List.of())).containsAll(base);
      }
    }
  }

  @Test
  void aCombinationOfOneIsRejectedWithHowToMendIt() {
    assertThatThrownBy(() -> TinyKnowledge.builder("x", FindingKind.SIGN, null)
        .addDerivedFrom(List.of("back-pain")).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("derivedFrom").hasMessageContaining("at least two");
  }

  @Test
  void anUnknownPartIsAContentProblemAtItsPointer() {
    ContentDocument doc = ContentDocument.builder()
        .addFindings(TinyKnowledge.finding("back-pain", FindingKind.SYMPTOM, null))
        .addFindings(TinyKnowledge.builder("sudden-new-back-pain", FindingKind.SYMPTOM, null)
            .addDerivedFrom(List.of("back-pain", "sudden-onsett")).build())
        .build();
    assertThatThrownBy(() -> KnowledgeBase.builder()
        .add(ContentModule.of("bad", "1.0.0", List.of(ContentSource.ofDocument("bad.json", doc)))).build())
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> {
              assertThat(p.pointer()).isEqualTo("/findings/1/derivedFrom/0/1");
              assertThat(p.message()).contains("sudden-onsett");
            }));
  }
}
