package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musculo.examples.triage.Cli.runOnTerminal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musculo.examples.triage.Cli.Run;
import tools.jackson.databind.JsonNode;

/** The interview, driven as a patient at a terminal would drive it. */
class InterviewTests {
  private static final Pattern QUESTION = Pattern.compile("\n([^\n]+) \\(yes / no / don't know\\)\n> ");

  private static String typed(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static List<String> questionsAsked(String out) {
    List<String> asked = new ArrayList<>();
    Matcher m = QUESTION.matcher(out);
    while (m.find()) {
      asked.add(m.group(1));
    }
    return asked;
  }

  /** Answers every question the same way, enough times to reach the end. */
  private static String answering(String answer, int times) {
    return (answer + "\n").repeat(times);
  }

  @Test
  void runsWithNoOptionsOnATerminalAndEndsWithTheAssessment() {
    Run r = runOnTerminal(typed("my calf cramps at night", "52", "f", "no") + answering("no", 45));
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Musculo triage interview", "decision support, not a diagnosis",
        "What is the problem?", "How old are you", "Are you female or male?", "Understood:");
    assertThat(questionsAsked(r.out())).isNotEmpty();
    assertThat(r.out()).contains("TRIAGE: ", "CONDITIONS THAT COULD EXPLAIN IT", "ABOUT THIS ADVICE");
  }

  @Test
  void stopsWhenTheInterviewSaysSo() {
    Run r = runOnTerminal(typed("my calf cramps at night", "", "") + answering("no", 45));
    assertThat(r.out()).containsPattern("Thank you: (that is enough to go on|more questions would not change"
        + " the picture much|that is as many questions as we ask|there is nothing more worth asking)\\.");
    assertThat(questionsAsked(r.out()).size()).isLessThanOrEqualTo(Interview.MAX_ASKED);
  }

  @Test
  void dontKnowLeavesTheFindingUnknownAndTheQuestionIsNotAskedAgain() {
    Run r = runOnTerminal(typed("my lower back went into spasm", "40", "m") + answering("don't know", 45));
    List<String> asked = questionsAsked(r.out());
    assertThat(asked).isNotEmpty().doesNotHaveDuplicates();
    assertThat(r.code()).isZero();
  }

  @Test
  void eachQuestionIsAskedOnceWhateverTheAnswers() {
    Run r = runOnTerminal(typed("my lower back went into spasm", "40", "m")
        + "yes\nno\n?\n".repeat(15));
    assertThat(questionsAsked(r.out())).doesNotHaveDuplicates();
  }

  @Test
  void aRedFlagIsShownAtOnceAndAnEmergencyEndsTheQuestions() {
    Run r = runOnTerminal(typed("I have bad back pain", "45", "m") + answering("yes", 45));
    String out = r.out();
    int alert = out.indexOf("!! WARNING - EMERGENCY");
    assertThat(alert).as(out).isPositive();
    // shown before the assessment, and no question after it
    assertThat(out.indexOf("TRIAGE: ")).isGreaterThan(alert);
    assertThat(questionsAsked(out.substring(alert))).isEmpty();
    assertThat(out.substring(alert)).contains("We will stop the questions here");
    assertThat(out).contains("TRIAGE: EMERGENCY");
  }

  @Test
  void anUrgentRedFlagIsShownAtOnceAndTheInterviewGoesOnUntilItSaysToStop() {
    Run r = runOnTerminal(typed("I take a statin and my muscles ache for no reason", "45", "m")
        + answering("no", 45));
    String out = r.out();
    int alert = out.indexOf("!! WARNING - URGENT");
    assertThat(alert).as(out).isPositive();
    // shown before any question: the words alone fire it
    assertThat(questionsAsked(out.substring(0, alert))).isEmpty();
    assertThat(out.substring(alert)).doesNotContain("We will stop the questions here").contains("Thank you: ");
    assertThat(out).contains("TRIAGE: URGENT");
  }

  @Test
  void invalidAnswersAreAskedAgainWithoutBeingRepeated() {
    Run r = runOnTerminal(typed("my calf cramps at night", "two hundred and seven", "40", "xyzzy", "m",
        "perhaps Agnes") + answering("no", 45));
    assertThat(r.out()).contains("Please give your age as a whole number", "Please answer f or m",
        "Please answer yes, no or don't know");
    assertThat(r.out()).doesNotContain("two hundred and seven").doesNotContain("xyzzy").doesNotContain("perhaps Agnes");
  }

  @Test
  void quitFinishesWithWhatWasSaidSoFar() {
    Run r = runOnTerminal(typed("my lower back went into spasm", "quit"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Finishing with what you have told us so far.", "TRIAGE: ");
  }

  @Test
  void theEndOfTheInputFinishesWithWhatWasSaidSoFar() {
    Run r = runOnTerminal(typed("my lower back went into spasm", "40", "m", "yes"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("TRIAGE: ");
  }

  @Test
  void endingBeforeDescribingTheProblemAssessesNothing() {
    Run r = runOnTerminal("");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("nothing to assess").doesNotContain("TRIAGE: ");
  }

  @Test
  void wordsThatMatchNothingAreAskedForAgain() {
    Run r = runOnTerminal(typed("blorp fizzle wug", "my calf cramps at night", "", "") + answering("no", 45));
    assertThat(r.out()).contains("We could not match that to a symptom we know.", "Could you put it another way");
    assertThat(r.code()).isZero();
  }

  @Test
  void withJsonTheAssessmentAtTheEndIsJsonTheSchemaAccepts() {
    Run r = runOnTerminal(typed("my calf cramps at night", "52", "f", "no") + answering("no", 45), "--json");
    List<String> lines = r.out().lines().toList();
    JsonNode a = Cli.assertValidAssessment(lines.get(lines.size() - 1));
    assertThat(a.get("knowledgeBase").get("modules")).isNotEmpty();
  }

  @Test
  void aPregnancyQuestionIsAskedOnlyOfWomen() {
    Run woman = runOnTerminal(typed("my calf cramps at night", "30", "f", "yes") + answering("no", 45));
    Run man = runOnTerminal(typed("my calf cramps at night", "30", "m") + answering("no", 45));
    assertThat(woman.out()).contains("Are you pregnant?");
    assertThat(man.out()).doesNotContain("Are you pregnant?");
  }
}
