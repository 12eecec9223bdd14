package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.TreatmentOption;
import org.musculo.model.Sex;
import org.musculo.model.TriageLevel;

/** Runs the README's usage example and checks that the README shows exactly this code. */
class ReadmeExampleTests {

  @Test
  void readmeExampleRunsAndGivesASensibleAssessment() {
    // README-BEGIN
    Musculo musculo = Musculo.create(); // finds musculo-content-en through ServiceLoader

    Presentation patient = Presentation.builder()
        .age(52)
        .sex(Sex.FEMALE)
        .addPresent("calf-cramp", "cramps wake me up at night") // ids, codes or free text
        .addAbsent("calf swelling")
        .build();

    Assessment assessment = musculo.assess(patient);

    TriageLevel level = assessment.triage().level(); // SELF_CARE < CONSULTATION < URGENT < EMERGENCY
    String firstCondition = assessment.conditions().get(0).id();
    List<String> treatments = assessment.treatments().stream().map(TreatmentOption::name).toList();
    String json = assessment.toJson(); // store it beside the record; Assessment.fromJson reads it back
    // README-END

    assertThat(level).isEqualTo(TriageLevel.SELF_CARE);
    assertThat(firstCondition).isEqualTo("nocturnal-leg-cramps");
    assertThat(treatments).isNotEmpty();
    assertThat(Assessment.fromJson(json)).isEqualTo(assessment);
  }

  @Test
  void readmeShowsExactlyTheCodeThatRuns() throws IOException {
    Path self = Path.of("src/test/java/org/musculo/content/en/ReadmeExampleTests.java");
    List<String> source = Files.readAllLines(self);
    int begin = source.indexOf("    // README-BEGIN");
    int end = source.indexOf("    // README-END");
    String tested = source.subList(begin + 1, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));

    String readme = Files.readString(Path.of("../README.md"));
    int marker = readme.indexOf("This\nexample is compiled and run by `ReadmeExampleTests`");
    assertThat(marker).as("README names the tested example").isPositive();
    int open = readme.indexOf("```java\n", marker) + "```java\n".length();
    int close = readme.indexOf("\n```", open);
    String shown = readme.substring(open, close);

    assertThat(Arrays.asList(shown.split("\n"))).containsExactlyElementsOf(Arrays.asList(tested.split("\n")));
  }
}
