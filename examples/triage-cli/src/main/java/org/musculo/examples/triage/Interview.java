package org.musculo.examples.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.musculo.Assessment;
import org.musculo.FiredRedFlag;
import org.musculo.InterviewStep;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.Question;
import org.musculo.SearchResult;
import org.musculo.model.Sex;
import org.musculo.model.TriageLevel;

/**
 * The interactive interview: the patient describes the problem in their own words, gives age and
 * sex if they wish, then answers the questions {@link Musculo#nextQuestions(Presentation, int)}
 * suggests with yes, no or don't know, and gets the assessment.
 *
 * <ul>
 *   <li>Yes adds the question's finding to the present findings and no to the absent ones;
 *       don't know leaves it unknown, and that question is not asked again.
 *   <li>After every answer the presentation is assessed; a red flag that fires is shown at once
 *       with what to do. An emergency ends the questions, since the patient should act now.
 *   <li>The interview ends when {@link InterviewStep#stopReason()} says so, when the patient
 *       types {@code quit} or ends the input, or after {@value #MAX_ASKED} questions.
 * </ul>
 */
final class Interview {
  /** The most questions asked, whatever the answers. */
  static final int MAX_ASKED = 40;

  private final Musculo musculo;
  private final BufferedReader in;
  private final PrintStream out;
  private final boolean json;

  private final List<String> complaints = new ArrayList<>();
  private final Set<String> present = new LinkedHashSet<>();
  private final Set<String> absent = new LinkedHashSet<>();
  private final Set<String> skipped = new HashSet<>();
  private final Set<String> shownRedFlags = new HashSet<>();
  private OptionalInt age = OptionalInt.empty();
  private Optional<Sex> sex = Optional.empty();
  private boolean pregnant;

  /** Thrown when the patient ends the interview. */
  private static final class Ended extends Exception {
    private static final long serialVersionUID = 1L;
  }

  Interview(Musculo musculo, BufferedReader in, PrintStream out, boolean json) {
    this.musculo = musculo;
    this.in = in;
    this.out = out;
    this.json = json;
  }

  /**
   * Runs the interview and prints the assessment.
   *
   * @return the exit code
   * @throws IOException if the terminal cannot be read
   */
  int run() throws IOException {
    out.println("Musculo triage interview");
    StringBuilder intro = new StringBuilder();
    TextReport.wrap(intro, "This is decision support, not a diagnosis. If you think this is an"
        + " emergency, stop and call your local emergency number now. Type 'quit' at any time to"
        + " finish.", "", "");
    out.print(intro);
    boolean started = false;
    try {
      complaint();
      started = true;
      demographics();
      if (!checkRedFlags()) {
        questions();
      }
    } catch (Ended e) {
      if (!started) {
        out.println();
        out.println("The interview ended before you described the problem; nothing to assess.");
        out.flush();
        return TriageCli.OK;
      }
      out.println();
      out.println("Finishing with what you have told us so far.");
    }
    Assessment a = musculo.assess(presentation());
    out.println();
    if (json) {
      out.println(a.toJson());
    } else {
      out.print(TextReport.render(a, musculo.knowledgeBase()));
    }
    out.flush();
    return TriageCli.OK;
  }

  private void complaint() throws IOException, Ended {
    String text = ask("What is the problem? Describe it in your own words:");
    for (int attempt = 0; attempt < 3 && !text.isBlank(); attempt++) {
      complaints.add(text);
      SearchResult found = musculo.symptomSearch().search(text);
      if (!found.interpretations().isEmpty()) {
        out.println("Understood:");
        found.interpretations().forEach(i -> out.println("  - " + (i.present() ? "" : "not: ")
            + TextReport.lower(i.name())));
        return;
      }
      out.println("We could not match that to a symptom we know.");
      text = ask("Could you put it another way, for example \"cramp in my calf at night\"?"
          + " (Enter to go on to the questions)");
    }
  }

  private void demographics() throws IOException, Ended {
    while (true) {
      String text = ask("How old are you, in whole years? (Enter to skip)").strip();
      if (text.isEmpty()) {
        break;
      }
      try {
        int value = Integer.parseInt(text);
        if (value >= 0 && value <= 120) {
          age = OptionalInt.of(value);
          break;
        }
      } catch (NumberFormatException e) {
        // asked again below; the answer is not repeated
      }
      out.println("Please give your age as a whole number from 0 to 120, or press Enter to skip.");
    }
    while (true) {
      String text = ask("Are you female or male? (f / m; Enter to skip)").strip().toLowerCase(Locale.ROOT);
      if (text.isEmpty()) {
        break;
      } else if (text.equals("f") || text.equals("female") || text.equals("woman")) {
        sex = Optional.of(Sex.FEMALE);
        break;
      } else if (text.equals("m") || text.equals("male") || text.equals("man")) {
        sex = Optional.of(Sex.MALE);
        break;
      }
      out.println("Please answer f or m, or press Enter to skip.");
    }
    if (sex.equals(Optional.of(Sex.FEMALE)) && (age.isEmpty() || age.getAsInt() >= 10 && age.getAsInt() <= 60)) {
      pregnant = answer("Are you pregnant?") == Answer.YES;
    }
  }

  private void questions() throws IOException, Ended {
    for (int asked = 0; asked < MAX_ASKED; asked++) {
      InterviewStep step = musculo.nextQuestions(presentation(), skipped.size() + 1);
      if (step.stopReason().isPresent()) {
        out.println();
        out.println(switch (step.stopReason().get()) {
          case CONFIDENT -> "Thank you: that is enough to go on.";
          case NO_GAIN -> "Thank you: more questions would not change the picture much.";
          case MAX_QUESTIONS -> "Thank you: that is as many questions as we ask.";
        });
        return;
      }
      Optional<Question> next = step.questions().stream()
          .filter(q -> !skipped.contains(q.findingId())).findFirst();
      if (next.isEmpty()) {
        out.println();
        out.println("Thank you: there is nothing more worth asking.");
        return;
      }
      Question q = next.get();
      switch (answer(q.text())) {
        case YES -> present.add(q.findingId());
        case NO -> absent.add(q.findingId());
        case DONT_KNOW -> skipped.add(q.findingId());
      }
      if (checkRedFlags()) {
        return;
      }
    }
  }

  /** Shows red flags that have just fired; returns true when one is an emergency. */
  private boolean checkRedFlags() {
    Assessment a = musculo.assess(presentation());
    boolean emergency = false;
    for (FiredRedFlag f : a.triage().redFlags()) {
      if (shownRedFlags.add(f.id())) {
        out.println();
        out.print(TextReport.redFlagAlert(f, advice(f.level(), a)));
        out.flush();
      }
      emergency |= f.level() == TriageLevel.EMERGENCY;
    }
    if (emergency) {
      out.println();
      out.println("We will stop the questions here: please act on the warning now.");
    }
    return emergency;
  }

  private static String advice(TriageLevel level, Assessment a) {
    // the advice at the red flag's own level, which the overall triage never lowers
    return a.triage().level() == level ? a.triage().advice() : TextReport.levelHeading(level);
  }

  private enum Answer {
    YES,
    NO,
    DONT_KNOW
  }

  private Answer answer(String question) throws IOException, Ended {
    while (true) {
      String text = ask(question + " (yes / no / don't know)").strip().toLowerCase(Locale.ROOT)
          .replace('\u2019', '\'');
      switch (text) {
        case "y", "yes", "yeah", "yep" -> {
          return Answer.YES;
        }
        case "n", "no", "nope" -> {
          return Answer.NO;
        }
        case "?", "d", "dk", "don't know", "dont know", "do not know", "not sure", "unsure",
            "don't know.", "skip" -> {
          return Answer.DONT_KNOW;
        }
        default -> out.println("Please answer yes, no or don't know (y / n / ?).");
      }
    }
  }

  /** Prints a prompt and reads a line; the end of the input or "quit" ends the interview. */
  private String ask(String prompt) throws IOException, Ended {
    out.println();
    out.print(prompt + "\n> ");
    out.flush();
    String line = in.readLine();
    if (line == null || line.strip().equalsIgnoreCase("quit") || line.strip().equalsIgnoreCase("q")) {
      throw new Ended();
    }
    return line;
  }

  private Presentation presentation() {
    Presentation.Builder b = Presentation.builder().addAllPresent(complaints).addAllPresent(present)
        .addAllAbsent(absent).pregnant(pregnant);
    age.ifPresent(b::age);
    sex.ifPresent(b::sex);
    return b.build();
  }
}
