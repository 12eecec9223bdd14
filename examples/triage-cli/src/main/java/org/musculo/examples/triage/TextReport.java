package org.musculo.examples.triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.musculo.Assessment;
import org.musculo.Contribution;
import org.musculo.FiredRedFlag;
import org.musculo.Interpretation;
import org.musculo.LikelyCause;
import org.musculo.PreventionAdvice;
import org.musculo.Question;
import org.musculo.RankedCondition;
import org.musculo.TreatmentOption;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.CareSetting;
import org.musculo.model.Channel;
import org.musculo.model.Finding;
import org.musculo.model.TriageLevel;

/**
 * Writes an assessment as text a patient can read: the triage and why, how their words were
 * understood, the conditions with what raised and lowered each, likely causes, prevention,
 * treatments by setting, the questions that would help, and the disclaimer.
 *
 * <p>Numbers are kept for the curious, but every condition's explanation is in words: each
 * finding that pointed towards or away from it, and how strongly (from the natural-log
 * likelihood ratio: beyond ln 5 is strong, beyond ln 2 moderate, beyond 0.1 slight).
 */
final class TextReport {
  static final int WIDTH = 78;
  /** How many conditions the text lists; the JSON lists all of them. */
  static final int CONDITIONS = 5;

  private static final double STRONG = Math.log(5);
  private static final double MODERATE = Math.log(2);
  private static final double SLIGHT = 0.1;

  private final KnowledgeBase kb;
  private final StringBuilder out = new StringBuilder();

  private TextReport(KnowledgeBase kb) {
    this.kb = kb;
  }

  /**
   * Renders an assessment.
   *
   * @param a the assessment
   * @param kb the knowledge base it came from, for the names of findings and conditions
   * @return the text, ending with a line break
   */
  static String render(Assessment a, KnowledgeBase kb) {
    TextReport r = new TextReport(kb);
    r.triage(a);
    r.understood(a);
    r.conditions(a);
    r.causes(a);
    r.prevention(a);
    r.treatments(a);
    r.questions(a);
    r.about(a);
    return r.out.toString();
  }

  /** Returns the heading a triage level is shown with. */
  static String levelHeading(TriageLevel level) {
    return switch (level) {
      case SELF_CARE -> "SELF-CARE: you can look after this at home";
      case CONSULTATION -> "BOOK A CONSULTATION: see a doctor or clinic in the next few days";
      case URGENT -> "URGENT: see a doctor today";
      case EMERGENCY -> "EMERGENCY: get help now";
    };
  }

  /** Renders a red flag that has just fired, as the interview shows it at once. */
  static String redFlagAlert(FiredRedFlag flag, String advice) {
    StringBuilder sb = new StringBuilder();
    sb.append("!! WARNING - ").append(levelWord(flag.level()).toUpperCase(Locale.ROOT)).append(": ")
        .append(flag.name()).append('\n');
    wrap(sb, flag.reason(), "   ", "   ");
    wrap(sb, "What to do now: " + advice, "   ", "   ");
    return sb.toString();
  }

  private void triage(Assessment a) {
    heading("TRIAGE: " + levelHeading(a.triage().level()));
    para(a.triage().advice(), "  ");
    if (!a.triage().redFlags().isEmpty()) {
      line("  Warning signs in your answers:");
      for (FiredRedFlag f : a.triage().redFlags()) {
        item("! " + f.name() + " (" + levelWord(f.level()) + "): " + f.reason(), "    ");
      }
    }
    line("  Why:");
    for (String reason : a.triage().reasons()) {
      item("- " + reason, "    ");
    }
    para("Get help sooner if things change: " + a.triage().safetyNet(), "  ");
  }

  private void understood(Assessment a) {
    if (a.interpreted().isEmpty() && a.unrecognized().isEmpty()) {
      return;
    }
    heading("HOW WE READ YOUR WORDS");
    for (Interpretation in : a.interpreted()) {
      item("\"" + in.text() + "\" -> " + (in.present() ? "" : "not: ") + lower(in.name())
          + (in.confidence() < 0.8 ? " (not sure: " + percent(in.confidence()) + " match)" : ""), "  ");
    }
    if (!a.unrecognized().isEmpty()) {
      item("Not recognised, so not used: " + a.unrecognized().stream()
          .map(u -> "\"" + u + "\"").collect(Collectors.joining(", ")), "  ");
    }
  }

  private void conditions(Assessment a) {
    boolean warned = a.conditions().stream().anyMatch(c -> !c.redFlags().isEmpty());
    heading("CONDITIONS THAT COULD EXPLAIN IT (" + (warned ? "those a warning sign points to first, then "
        : "") + "most likely first)");
    if (a.conditions().isEmpty()) {
      para("None of the conditions we know fits your answers.", "  ");
    }
    int n = 0;
    for (RankedCondition c : a.conditions()) {
      if (n == CONDITIONS) {
        item("(" + (a.conditions().size() - CONDITIONS) + " less likely conditions not shown;"
            + " use --json to see them all)", "  ");
        break;
      }
      n++;
      StringBuilder title = new StringBuilder();
      title.append(n).append(". ").append(c.name()).append(": ").append(percent(c.probability()))
          .append(" likely; ").append(acuityWords(c.acuity()));
      if (!c.codes().isEmpty()) {
        title.append(" [").append(c.codes().stream().map(Object::toString)
            .collect(Collectors.joining(", "))).append(']');
      }
      item(title.toString(), "  ");
      if (!c.redFlags().isEmpty()) {
        item("A warning sign you reported points to it: it needs to be ruled out first.", "     ");
      }
      List<String> towards = new ArrayList<>();
      List<String> away = new ArrayList<>();
      for (Contribution rf : c.explanation().riskFactors()) {
        (rf.logRatio() >= 0 ? towards : away).add(lower(rf.name()) + " (" + strength(rf.logRatio()) + ")");
      }
      for (Contribution f : c.explanation().findings()) {
        if (Math.abs(f.logRatio()) < SLIGHT) {
          continue;
        }
        String what = (f.present() ? "" : "not: ") + lower(f.name()) + " (" + strength(f.logRatio())
            + f.matched().map(m -> "; counts as " + lower(findingName(m))).orElse("") + ")";
        (f.logRatio() >= 0 ? towards : away).add(what);
      }
      item("Raised by: " + (towards.isEmpty() ? "nothing you reported" : String.join("; ", towards)),
          "     ");
      item("Lowered by: " + (away.isEmpty() ? "nothing you reported" : String.join("; ", away)), "     ");
      if (!c.explanation().notReported().isEmpty()) {
        item("Common in it but not asked yet: " + c.explanation().notReported().stream()
            .map(id -> lower(findingName(id))).collect(Collectors.joining("; ")), "     ");
      }
      item("Before your answers: " + percent(c.explanation().prior())
          + " of people asking about muscle and joint problems.", "     ");
    }
    item("Something else, not among the conditions we know: " + percent(a.somethingElse()), "  ");
  }

  private void causes(Assessment a) {
    if (a.causes().isEmpty()) {
      return;
    }
    heading("LIKELY CAUSES");
    for (LikelyCause c : a.causes()) {
      String why = c.indicators().isEmpty()
          ? "it often lies behind the conditions above"
          : "you reported " + c.indicators().stream().map(id -> lower(findingName(id)))
              .collect(Collectors.joining("; "));
      item("- " + c.name() + " (" + c.kind().name().toLowerCase(Locale.ROOT) + "): " + why, "  ");
    }
  }

  private void prevention(Assessment a) {
    if (a.prevention().isEmpty()) {
      return;
    }
    heading("PREVENTION");
    for (PreventionAdvice p : a.prevention()) {
      item("- " + p.name() + ": " + p.advice(), "  ");
    }
  }

  private void treatments(Assessment a) {
    heading("TREATMENTS");
    if (a.treatments().isEmpty()) {
      para("Follow the triage advice above.", "  ");
      return;
    }
    Map<CareSetting, List<TreatmentOption>> bySetting = new EnumMap<>(CareSetting.class);
    for (TreatmentOption t : a.treatments()) {
      bySetting.computeIfAbsent(t.setting(), s -> new ArrayList<>()).add(t);
    }
    bySetting.forEach((setting, options) -> {
      line("  " + settingWords(setting) + ":");
      for (TreatmentOption t : options) {
        StringBuilder sb = new StringBuilder("- ").append(t.name());
        if (!t.channels().isEmpty()) {
          sb.append(" (").append(t.channels().stream().map(TextReport::channelWords)
              .collect(Collectors.joining(", "))).append(')');
        }
        sb.append(": ").append(t.description());
        if (!t.forConditions().isEmpty()) {
          sb.append(" For: ").append(t.forConditions().stream().map(id -> lower(conditionName(id)))
              .collect(Collectors.joining("; "))).append('.');
        }
        item(sb.toString(), "    ");
      }
    });
  }

  private void questions(Assessment a) {
    if (a.nextQuestions().isEmpty()) {
      return;
    }
    heading("QUESTIONS THAT WOULD HELP");
    for (Question q : a.nextQuestions()) {
      item("- " + q.text() + (q.redFlag() ? " (a warning-sign question)" : ""), "  ");
    }
  }

  private void about(Assessment a) {
    heading("ABOUT THIS ADVICE");
    para(a.disclaimer(), "  ");
    para("Knowledge: " + a.knowledgeBase().modules().stream().map(m -> m.id() + " " + m.version())
        .collect(Collectors.joining(", ")) + "; content sha256 " + a.knowledgeBase().contentHash()
        + "; engine " + a.knowledgeBase().engineVersion() + ".", "  ");
  }

  private String findingName(String id) {
    return kb.finding(id).map(Finding::name).orElse(id);
  }

  private String conditionName(String id) {
    return kb.condition(id).map(c -> c.name()).orElse(id);
  }

  private static String strength(double logRatio) {
    double m = Math.abs(logRatio);
    return m >= STRONG ? "strongly" : m >= MODERATE ? "moderately" : "slightly";
  }

  static String percent(double p) {
    if (p > 0 && p < 0.01) {
      return "under 1%";
    }
    if (p < 1 && p > 0.99) {
      return "over 99%";
    }
    return Math.round(p * 100) + "%";
  }

  private static String acuityWords(TriageLevel level) {
    return switch (level) {
      case SELF_CARE -> "usually self-care";
      case CONSULTATION -> "needs a routine visit";
      case URGENT -> "needs a doctor the same day";
      case EMERGENCY -> "an emergency";
    };
  }

  static String levelWord(TriageLevel level) {
    return switch (level) {
      case SELF_CARE -> "self-care";
      case CONSULTATION -> "consultation";
      case URGENT -> "urgent";
      case EMERGENCY -> "emergency";
    };
  }

  private static String settingWords(CareSetting setting) {
    return switch (setting) {
      case SELF_CARE -> "What you can do yourself";
      case CLINIC -> "At a clinic";
      case PHYSICIAN -> "With a doctor";
      case EMERGENCY -> "Emergency care";
    };
  }

  private static String channelWords(Channel c) {
    return switch (c) {
      case ONLINE -> "online";
      case PHONE -> "by phone";
      case IN_PERSON -> "in person";
    };
  }

  /** Lower-cases the first letter of a name used mid-sentence, unless it is an acronym. */
  static String lower(String name) {
    return name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))
        ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
        : name;
  }

  private void heading(String text) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(text).append('\n');
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void para(String text, String indent) {
    wrap(out, text, indent, indent);
  }

  /** An item whose continuation lines line up under its text, after any "- " or "1. " marker. */
  private void item(String text, String indent) {
    int marker = text.startsWith("- ") || text.startsWith("! ") ? 2
        : text.matches("^\\d+\\. .*") ? text.indexOf(' ') + 1 : 0;
    wrap(out, text, indent, indent + " ".repeat(marker));
  }

  /** Wraps text at {@link #WIDTH} columns. */
  static void wrap(StringBuilder sb, String text, String first, String rest) {
    String indent = first;
    StringBuilder line = new StringBuilder(indent);
    boolean empty = true;
    for (String word : text.split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        sb.append(line).append('\n');
        indent = rest;
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    sb.append(line).append('\n');
  }
}
