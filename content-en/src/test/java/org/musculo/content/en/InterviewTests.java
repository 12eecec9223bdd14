package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.Assessment;
import org.musculo.Interpretation;
import org.musculo.InterviewStep;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.Question;
import org.musculo.RankedCondition;
import org.musculo.model.TriageLevel;

class InterviewTests {
  private static final Musculo MUSCULO = Musculo.create();

  private static List<String> ids(InterviewStep step) {
    return step.questions().stream().map(Question::findingId).toList();
  }

  @Nested
  class RedFlagsFirst {
    @Test
    void aBackPainComplaintAsksAboutSaddleNumbnessAndBladderBeforeAnythingElse() {
      InterviewStep step = MUSCULO.nextQuestions(Presentation.builder().age(45).addPresent("lower-back-pain").build(), 100);
      List<String> redFlagQuestions = step.questions().stream().takeWhile(Question::redFlag).map(Question::findingId).toList();
      assertThat(redFlagQuestions).contains("saddle-numbness", "difficulty-passing-urine");
      assertThat(step.questions()).first().satisfies(q -> assertThat(q.redFlag()).isTrue());
    }

    @Test
    void calfPainAsksAboutSwellingWarmthAndRedness() {
      InterviewStep step = MUSCULO.nextQuestions(Presentation.builder().age(50).addPresent("calf-pain").build(), 100);
      List<String> redFlagQuestions = step.questions().stream().takeWhile(Question::redFlag).map(Question::findingId).toList();
      assertThat(redFlagQuestions).contains("one-sided-leg-swelling", "leg-warmth", "leg-redness");
    }

    @Test
    void aFiredFlagStillAsksWhatWouldMakeItAnEmergency() {
      // statin + unexplained muscle pain fires the urgent statin flag; dark urine would make it
      // muscle breakdown, an emergency, so the interview must not stop before asking
      InterviewStep step = MUSCULO.nextQuestions(Presentation.builder().age(62)
          .addPresent("takes-statin", "unexplained-muscle-pain").build(), 10);
      assertThat(step.stopReason()).isEmpty();
      assertThat(step.questions()).first().satisfies(q -> {
        assertThat(q.findingId()).isEqualTo("cola-coloured-urine");
        assertThat(q.redFlag()).isTrue();
      });
    }

    @Test
    void redFlagQuestionsComeBeforeEveryOtherQuestion() {
      InterviewStep step = MUSCULO.nextQuestions(Presentation.builder().age(60).addPresent("back-pain", "fever").build(), 30);
      List<Boolean> flags = step.questions().stream().map(Question::redFlag).toList();
      int firstOther = flags.indexOf(false);
      if (firstOther >= 0) {
        assertThat(flags.subList(firstOther, flags.size())).doesNotContain(true);
      }
    }

    @Test
    void answeredAndDontKnowQuestionsAreNotAskedAgain() {
      Presentation p = Presentation.builder().age(45).addPresent("lower-back-pain").addAbsent("saddle-numbness")
          .addUnknown("difficulty-passing-urine").build();
      assertThat(ids(MUSCULO.nextQuestions(p, 30))).doesNotContain("saddle-numbness", "difficulty-passing-urine", "lower-back-pain");
    }
  }

  @Nested
  class Ranking {
    @Test
    void otherQuestionsAreRankedByExpectedInformationGain() {
      Presentation p = Presentation.builder().age(30).addPresent("calf-cramp", "night-pattern")
          .addAbsent("one-sided-leg-swelling", "leg-warmth", "leg-redness").build();
      List<Question> questions = MUSCULO.nextQuestions(p, 10).questions();
      List<Question> others = questions.stream().filter(q -> !q.redFlag()).toList();
      assertThat(others).extracting(Question::informationGain).isSortedAccordingTo((a, b) -> Double.compare(b, a));
      assertThat(questions).allSatisfy(q -> assertThat(q.text()).endsWith("?"));
    }
  }

  @Nested
  class Stopping {
    @Test
    void stopsAfterTheMostAnswers() {
      Presentation.Builder b = Presentation.builder().age(40);
      MUSCULO.knowledgeBase().findings().keySet().stream().limit(25).forEach(b::addUnknown);
      InterviewStep step = MUSCULO.nextQuestions(b.build(), 3);
      assertThat(step.stopReason()).hasValue(InterviewStep.StopReason.MAX_QUESTIONS);
      assertThat(step.questions()).isEmpty();
    }

    @Test
    void stopsWhenTheLeadingConditionIsClearAndNoRedFlagIsOpen() {
      Presentation p = Presentation.builder().age(24).addPresent("eyelid-twitch", "high-caffeine-intake", "stress-or-anxiety")
          .addAbsent("muscle-weakness", "muscle-wasting", "numbness").build();
      Set<String> asked = new LinkedHashSet<>();
      InterviewStep step = MUSCULO.nextQuestions(p, 1);
      Presentation current = p;
      for (int i = 0; i < 20 && step.stopReason().isEmpty(); i++) {
        String f = step.questions().get(0).findingId();
        asked.add(f);
        current = Presentation.builder().from(current).addAbsent(f).build();
        step = MUSCULO.nextQuestions(current, 1);
      }
      assertThat(step.stopReason()).isPresent();
    }
  }

  /** A finding and everything it is a kind of: a "yes" to calf cramp is a "yes" to leg cramp. */
  private static Set<String> ancestorsOrSelf(String id) {
    Set<String> out = new LinkedHashSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(id));
    while (!queue.isEmpty()) {
      String f = queue.poll();
      if (out.add(f)) {
        queue.addAll(MUSCULO.knowledgeBase().findings().get(f).parents());
      }
    }
    return out;
  }

  /**
   * Simulates interviews on the vignettes: start from the first present phrase, answer each
   * question from the vignette (unknown when it does not say), and measure how many questions
   * were asked, the accuracy reached, and that no emergency ends below EMERGENCY.
   */
  @Test
  void simulatedInterviewsReachTheDiagnosisAndNeverMissAnEmergency() {
    int questions = 0;
    int top1 = 0;
    int top3 = 0;
    List<String> missedEmergencies = new ArrayList<>();
    for (Vignettes.Vignette v : Vignettes.ALL) {
      Set<String> yes = new LinkedHashSet<>();
      Set<String> no = new LinkedHashSet<>();
      for (String phrase : v.present()) {
        for (Interpretation i : MUSCULO.symptomSearch().search(phrase).interpretations()) {
          (i.present() ? yes : no).add(i.findingId());
        }
      }
      for (String phrase : v.absent()) {
        MUSCULO.symptomSearch().search(phrase).interpretations().forEach(i -> no.add(i.findingId()));
      }
      Presentation current = Presentation.builder().age(v.age()).sex(v.presentation().sex().orElseThrow())
          .pregnant(v.pregnant()).addPresent(v.present().get(0)).build();
      Set<String> implied = new LinkedHashSet<>();
      yes.forEach(f -> implied.addAll(ancestorsOrSelf(f)));
      InterviewStep step = MUSCULO.nextQuestions(current, 1);
      while (step.stopReason().isEmpty()) {
        String f = step.questions().get(0).findingId();
        Presentation.Builder next = Presentation.builder().from(current);
        if (implied.contains(f)) {
          next.addPresent(f);
        } else if (no.stream().anyMatch(x -> ancestorsOrSelf(f).contains(x))) {
          next.addAbsent(f);
        } else {
          next.addUnknown(f);
        }
        current = next.build();
        questions++;
        step = MUSCULO.nextQuestions(current, 1);
      }
      Assessment a = MUSCULO.assess(current);
      List<String> ranked = a.conditions().stream().map(RankedCondition::id).toList();
      top1 += ranked.get(0).equals(v.expectedCondition()) ? 1 : 0;
      top3 += ranked.subList(0, 3).contains(v.expectedCondition()) ? 1 : 0;
      if (v.expectedTriage() == TriageLevel.EMERGENCY && a.triage().level() != TriageLevel.EMERGENCY) {
        missedEmergencies.add(v.id() + " ended " + a.triage().level());
      }
    }
    int n = Vignettes.ALL.size();
    System.out.printf("interview simulation: %d vignettes, mean questions %.1f, top-1 %.1f%%, top-3 %.1f%%,"
        + " emergencies ending below EMERGENCY %d %s%n", n, (double) questions / n, 100.0 * top1 / n,
        100.0 * top3 / n, missedEmergencies.size(), missedEmergencies);
    assertThat(missedEmergencies).isEmpty();
  }
}
