package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.CareSetting;
import org.musculo.model.Cause;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.Manifestation;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/**
 * Editorial rules for the bundled English content that the knowledge-base compiler does not
 * enforce: sourcing, plain wording, reachability, number ranges on one scale, codes, and the
 * minimum coverage the module promises.
 *
 * <p>Each check collects every offender before it asserts, so one run names all entries that
 * need mending, not only the first.
 */
class ContentLintTests {
  private static final KnowledgeBase KB = KnowledgeBase.load();

  /** Words a patient should not meet in a red flag's reason; matched as whole words. */
  static final List<String> JARGON =
      List.of(
          "thrombosis", "thrombus", "ischaemia", "ischemia", "ischaemic", "ischemic", "embolism",
          "embolus", "myocardial", "infarction", "radiculopathy", "fasciculation",
          "fasciculations", "rhabdomyolysis", "compartment syndrome", "cauda equina",
          "bilateral", "unilateral", "acute", "paraesthesia", "paraesthesiae", "paresthesia",
          "neuropathy", "neuropathic", "syncope", "dyspnoea", "dyspnea", "claudication",
          "fasciotomy", "myoglobin", "anticoagulant", "incontinence", "dysphagia", "haematuria",
          "hematuria", "vertebral");

  /** The most words a red flag's reason may have: one or two short sentences. */
  static final int MAX_REASON_WORDS = 40;

  private static final Set<String> KNOWN_CODE_SYSTEMS =
      Set.of(Code.ICD_10_CM, Code.SNOMED_CT, Code.ICD_11);

  private static final Pattern ICD_10_CM =
      Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

  /** The clinic treatments named on the seed page; each must say when it must not be given. */
  private static final List<String> SEED_CLINIC_TREATMENTS =
      List.of("massage-therapy", "assisted-stretching", "chiropractic-care");

  private static boolean hasHttpsSource(List<Source> sources) {
    return sources.stream().anyMatch(s -> s.url().startsWith("https://"));
  }

  @Nested
  class Conditions {
    @Test
    void everyConditionCitesAtLeastOneHttpsSource() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        if (!hasHttpsSource(c.sources())) {
          offenders.add(c.id() + " " + c.sources().stream().map(Source::url).toList());
        }
      }
      assertThat(offenders)
          .as("conditions without a source whose URL starts with https://")
          .isEmpty();
    }

    @Test
    void everyConditionHasAnIcd10CmCodeOrACodesNoteSayingWhyNot() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        boolean hasIcd = c.codes().stream().anyMatch(k -> k.system().equals(Code.ICD_10_CM));
        if (!hasIcd && c.codesNote().isEmpty()) {
          offenders.add(c.id());
        }
      }
      assertThat(offenders)
          .as("conditions with neither an ICD-10-CM code nor a codesNote explaining its absence")
          .isEmpty();
    }

    @Test
    void everyPriorLiesStrictlyBetweenZeroAndOne() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        if (!(c.prevalence() > 0 && c.prevalence() < 1)) {
          offenders.add(c.id() + " prevalence " + c.prevalence());
        }
      }
      assertThat(offenders).as("priors outside (0, 1)").isEmpty();
    }

    @Test
    void everyEmergencyConditionHasAPriorBelowOnePercent() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        if (c.acuity() == TriageLevel.EMERGENCY && c.prevalence() >= 0.01) {
          offenders.add(c.id() + " prevalence " + c.prevalence());
        }
      }
      assertThat(offenders)
          .as("EMERGENCY conditions with a prior of 0.01 or more (rare emergencies belong at"
              + " 0.0005-0.005)")
          .isEmpty();
    }

    @Test
    void everyManifestationFrequencyLiesStrictlyBetweenZeroAndOne() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        for (Manifestation m : c.manifestations()) {
          if (!(m.frequency() > 0 && m.frequency() < 1)) {
            offenders.add(c.id() + " -> " + m.finding() + " frequency " + m.frequency());
          }
        }
      }
      for (Finding f : KB.findings().values()) {
        f.backgroundFrequency()
            .ifPresent(
                b -> {
                  if (!(b > 0 && b < 1)) {
                    offenders.add("finding " + f.id() + " backgroundFrequency " + b);
                  }
                });
      }
      assertThat(offenders).as("frequencies outside (0, 1)").isEmpty();
    }

    @Test
    void everyEmergencyConditionOffersAtLeastOneEmergencyTreatment() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        if (c.acuity() != TriageLevel.EMERGENCY) {
          continue;
        }
        boolean emergencyCare =
            c.treatments().stream()
                .map(KB.treatments()::get)
                .anyMatch(t -> t != null && t.setting() == CareSetting.EMERGENCY);
        if (!emergencyCare) {
          offenders.add(c.id() + " treatments " + c.treatments());
        }
      }
      assertThat(offenders)
          .as("EMERGENCY conditions none of whose treatments has setting EMERGENCY")
          .isEmpty();
    }

    @Test
    void thereAreAtLeastFortyOneConditions() {
      assertThat(KB.conditions().size())
          .as("number of bundled conditions")
          .isGreaterThanOrEqualTo(41);
    }
  }

  @Nested
  class RedFlags {
    @Test
    void everyRedFlagCitesAtLeastOneHttpsSource() {
      List<String> offenders = new ArrayList<>();
      for (RedFlag r : KB.redFlags().values()) {
        if (!hasHttpsSource(r.sources())) {
          offenders.add(r.id() + " " + r.sources().stream().map(Source::url).toList());
        }
      }
      assertThat(offenders)
          .as("red flags without a source whose URL starts with https://")
          .isEmpty();
    }

    @Test
    void everyRedFlagHasANonBlankReason() {
      List<String> offenders =
          KB.redFlags().values().stream()
              .filter(r -> r.reason().isBlank())
              .map(RedFlag::id)
              .toList();
      assertThat(offenders).as("red flags with a blank reason").isEmpty();
    }

    @Test
    void everyRedFlagReasonIsAtMostFortyWords() {
      List<String> offenders = new ArrayList<>();
      for (RedFlag r : KB.redFlags().values()) {
        int words = r.reason().trim().split("\\s+").length;
        if (words > MAX_REASON_WORDS) {
          offenders.add(r.id() + " has " + words + " words");
        }
      }
      assertThat(offenders)
          .as("red flag reasons longer than %d words; shorten them", MAX_REASON_WORDS)
          .isEmpty();
    }

    @Test
    void noRedFlagReasonUsesMedicalJargon() {
      List<String> offenders = new ArrayList<>();
      for (RedFlag r : KB.redFlags().values()) {
        for (String word : JARGON) {
          Pattern p =
              Pattern.compile(
                  "\\b" + word.replace(" ", "\\s+") + "\\b",
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
          if (p.matcher(r.reason()).find()) {
            offenders.add(r.id() + " uses '" + word + "'");
          }
        }
      }
      assertThat(offenders)
          .as("red flag reasons that use jargon; say it in words a patient understands")
          .isEmpty();
    }

    @Test
    void thereAreAtLeastFourteenRedFlags() {
      assertThat(KB.redFlags().size()).as("number of red flags").isGreaterThanOrEqualTo(14);
    }

    @Test
    void atLeastEightRedFlagsForceAnEmergency() {
      List<String> emergencies =
          KB.redFlags().values().stream()
              .filter(r -> r.level() == TriageLevel.EMERGENCY)
              .map(RedFlag::id)
              .toList();
      assertThat(emergencies).as("EMERGENCY-level red flags").hasSizeGreaterThanOrEqualTo(8);
    }
  }

  @Nested
  class Findings {
    @Test
    void everyFindingQuestionEndsWithAQuestionMark() {
      List<String> offenders =
          KB.findings().values().stream()
              .filter(f -> !f.question().strip().endsWith("?"))
              .map(f -> f.id() + ": " + f.question())
              .toList();
      assertThat(offenders).as("finding questions that do not end with '?'").isEmpty();
    }

    @Test
    void everyFindingIsReachableFromAConditionCauseOrRedFlag() {
      Set<String> used = new HashSet<>();
      for (Condition c : KB.conditions().values()) {
        c.manifestations().forEach(m -> used.add(m.finding()));
        c.riskFactors().stream()
            .map(RiskFactor::finding)
            .forEach(f -> f.ifPresent(used::add));
      }
      for (Cause c : KB.causes().values()) {
        used.addAll(c.indicators());
      }
      for (RedFlag r : KB.redFlags().values()) {
        used.addAll(r.allOf());
        used.addAll(r.anyOf());
        used.addAll(r.noneOf());
      }
      List<String> offenders =
          KB.findings().keySet().stream().filter(id -> !used.contains(id)).toList();
      assertThat(offenders)
          .as("findings used by no manifestation, risk factor, cause indicator or red flag")
          .isEmpty();
    }

    @Test
    void noTwoFindingsShareANameOrSynonym() {
      Map<String, Set<String>> owners = new TreeMap<>();
      for (Finding f : KB.findings().values()) {
        List<String> terms = new ArrayList<>();
        terms.add(f.name());
        terms.addAll(f.synonyms());
        for (String term : terms) {
          String key = term.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
          owners.computeIfAbsent(key, k -> new TreeSet<>()).add(f.id());
        }
      }
      List<String> offenders =
          owners.entrySet().stream()
              .filter(e -> e.getValue().size() > 1)
              .map(e -> "'" + e.getKey() + "' is used by " + e.getValue())
              .toList();
      assertThat(offenders)
          .as("names or synonyms shared by different findings (case-insensitive)")
          .isEmpty();
    }
  }

  @Nested
  class Codes {
    @Test
    void noCodeIsGivenToTwoDifferentConditions() {
      Map<String, Set<String>> owners = new TreeMap<>();
      for (Condition c : KB.conditions().values()) {
        for (Code code : c.codes()) {
          owners.computeIfAbsent(code.toString(), k -> new TreeSet<>()).add(c.id());
        }
      }
      List<String> offenders =
          owners.entrySet().stream()
              .filter(e -> e.getValue().size() > 1)
              .map(e -> e.getKey() + " is given to " + e.getValue())
              .toList();
      assertThat(offenders).as("codes that point to more than one condition").isEmpty();
    }

    @Test
    void everyCodeBelongsToAKnownSystem() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        for (Code code : c.codes()) {
          if (!KNOWN_CODE_SYSTEMS.contains(code.system())) {
            offenders.add("condition " + c.id() + ": " + code);
          }
        }
      }
      for (Finding f : KB.findings().values()) {
        for (Code code : f.codes()) {
          if (!KNOWN_CODE_SYSTEMS.contains(code.system())) {
            offenders.add("finding " + f.id() + ": " + code);
          }
        }
      }
      assertThat(offenders)
          .as("codes of a system other than %s", new TreeSet<>(KNOWN_CODE_SYSTEMS))
          .isEmpty();
    }

    @Test
    void everyIcd10CmCodeIsWellFormed() {
      List<String> offenders = new ArrayList<>();
      for (Condition c : KB.conditions().values()) {
        for (Code code : c.codes()) {
          if (code.system().equals(Code.ICD_10_CM) && !ICD_10_CM.matcher(code.value()).matches()) {
            offenders.add("condition " + c.id() + ": " + code);
          }
        }
      }
      for (Finding f : KB.findings().values()) {
        for (Code code : f.codes()) {
          if (code.system().equals(Code.ICD_10_CM) && !ICD_10_CM.matcher(code.value()).matches()) {
            offenders.add("finding " + f.id() + ": " + code);
          }
        }
      }
      assertThat(offenders).as("ICD-10-CM codes not matching %s", ICD_10_CM).isEmpty();
    }
  }

  @Nested
  class Care {
    @Test
    void everySeedClinicTreatmentListsItsContraindications() {
      List<String> offenders = new ArrayList<>();
      for (String id : SEED_CLINIC_TREATMENTS) {
        Treatment t = KB.treatments().get(id);
        if (t == null) {
          offenders.add(id + " is missing");
        } else if (t.contraindications().isEmpty()) {
          offenders.add(id + " lists no contraindications");
        }
      }
      assertThat(offenders)
          .as("seed clinic treatments that do not say when they must not be given")
          .isEmpty();
    }

    @Test
    void everySeedClinicTreatmentIsGivenAtAClinic() {
      List<String> offenders =
          SEED_CLINIC_TREATMENTS.stream()
              .filter(KB.treatments()::containsKey)
              .map(KB.treatments()::get)
              .filter(t -> t.setting() != CareSetting.CLINIC)
              .map(t -> t.id() + " has setting " + t.setting())
              .collect(Collectors.toList());
      assertThat(offenders).as("seed clinic treatments not set in a CLINIC").isEmpty();
    }
  }
}
