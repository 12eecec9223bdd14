package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.model.Sex;

class TextReportTests {
  private static final Musculo MUSCULO = TriageCli.bundled();

  private static String render(Presentation p) {
    Assessment a = MUSCULO.assess(p);
    // undo the wrapping, so that phrases can be found whatever the line breaks
    return TextReport.render(a, MUSCULO.knowledgeBase()).replaceAll("\n {5,}", " ");
  }

  @Test
  void explainsEachConditionInWordsWithTheFindingsThatRaisedAndLoweredIt() {
    String text = render(Presentation.builder().age(40).sex(Sex.FEMALE)
        .addPresent("calf-cramp").addAbsent("night-pattern").build());
    assertThat(text).containsPattern("Raised by: [^\n]*calf cramp \\((strongly|moderately|slightly)\\)");
    assertThat(text).containsPattern("Lowered by: [^\n]*not: comes on at night or wakes you from sleep"
        + " \\((strongly|moderately|slightly)\\)");
    assertThat(text).doesNotContain("logRatio");
  }

  @Test
  void saysWhenAFindingCountedAsAMoreGeneralOne() {
    String text = render(Presentation.builder().addPresent("calf-cramp").build());
    assertThat(text).containsPattern("\\((strongly|moderately|slightly); counts as [^)]+\\)");
  }

  @Test
  void namesRiskFactorsInWords() {
    String text = render(Presentation.builder().age(75).addPresent("calf-cramp", "night-pattern").build());
    assertThat(text).containsPattern("Raised by: [^\n]*age \\d+ or over");
  }

  @Test
  void groupsTreatmentsBySettingAndShowsHowAClinicOffersThem() {
    String text = render(Presentation.builder().addPresent("back-spasm", "lower-back-pain").build());
    assertThat(text).contains("What you can do yourself:", "At a clinic:", "(in person)");
  }

  @Test
  void alwaysEndsWithTheDisclaimerAndTheKnowledgeItCameFrom() {
    String text = render(Presentation.builder().build()).replaceAll("\\s+", " ");
    assertThat(text).contains("ABOUT THIS ADVICE", "decision support, not a diagnosis", "musculo-content-en ",
        "content sha256 ");
  }

  @Test
  void showsProbabilitiesAsRoundedPercentages() {
    assertThat(TextReport.percent(0.004)).isEqualTo("under 1%");
    assertThat(TextReport.percent(0.0)).isEqualTo("0%");
    assertThat(TextReport.percent(0.456)).isEqualTo("46%");
    assertThat(TextReport.percent(0.996)).isEqualTo("over 99%");
    assertThat(TextReport.percent(1.0)).isEqualTo("100%");
  }

  @Test
  void wrapsLongTextWithinTheWidth() {
    StringBuilder sb = new StringBuilder();
    TextReport.wrap(sb, "word ".repeat(100), "  ", "    ");
    assertThat(sb.toString().lines()).allMatch(l -> l.length() <= TextReport.WIDTH);
    assertThat(sb.toString().lines().skip(1)).allMatch(l -> l.startsWith("    "));
  }
}
