package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musculo.examples.triage.Cli.assertValidAssessment;
import static org.musculo.examples.triage.Cli.run;
import static org.musculo.examples.triage.Cli.runWithInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musculo.examples.triage.Cli.Run;
import tools.jackson.databind.JsonNode;

class TriageCliTests {
  /** Words that stand for a patient's own text: they must never reach an error message. */
  static final String PRIVATE = "my neighbour Agnes Whitfield says it started after the funeral";

  @Nested
  class Demo {
    @Test
    void showsTheDemoPatientTriageAndWhyConditionsInWordsCausesPreventionTreatmentsAndTheDisclaimer() {
      Run r = run("--demo");
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out().replaceAll("\\s+", " "))
          .contains("38-year-old", TriageCli.DEMO_WORDS)
          .contains("TRIAGE: ", "Why:", "Get help sooner if things change")
          .contains("CONDITIONS THAT COULD EXPLAIN IT", "Raised by: ", "Lowered by: ")
          .containsPattern("\\((strongly|moderately|slightly)[;)]")
          .contains("LIKELY CAUSES", "PREVENTION", "TREATMENTS")
          .contains("What you can do yourself:", "At a clinic:")
          .contains("decision support, not a diagnosis");
    }

    @Test
    void theDemoPatientHasABackSpasmAtTheTopAndSelfCare() {
      JsonNode a = assertValidAssessment(run("--demo", "--json").out().strip());
      assertThat(a.get("triage").get("level").asString()).isEqualTo("SELF_CARE");
      assertThat(a.get("conditions").get(0).get("id").asString()).isEqualTo("back-muscle-spasm");
      assertThat(a.get("interpreted")).isNotEmpty();
    }

    @Test
    void withJsonPrintsOneAssessmentOnOneLine() {
      Run r = run("--demo", "--json");
      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(1);
      assertValidAssessment(r.outLines().get(0));
    }
  }

  @Nested
  class OneCase {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
      Path file = dir.resolve("case.json");
      Files.writeString(file, json, StandardCharsets.UTF_8);
      return file;
    }

    @Test
    void aCaseFileGivesOneAssessmentThatTheSchemaAccepts() throws IOException {
      Path file = write("{\"age\": 45, \"sex\": \"female\", \"pregnant\": false,\n"
          + " \"present\": [\"calf-cramp\", \"night-pattern\"], \"absent\": [\"one-sided-leg-swelling\"]}");
      Run r = run("--case", file.toString(), "--json");
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.outLines()).hasSize(1);
      JsonNode a = assertValidAssessment(r.out().strip());
      assertThat(a.get("conditions").get(0).get("id").asString()).isEqualTo("nocturnal-leg-cramps");
    }

    @Test
    void entriesMayBeIdsCodesOrFreeText() throws IOException {
      // the bundled findings carry no codes, so a module of one coded finding supplies one
      Path content = dir.resolve("coded");
      Files.createDirectories(content);
      Files.writeString(content.resolve("module.json"), "{\"id\": \"coded\", \"version\": \"1.0.0\"}");
      Files.writeString(content.resolve("findings.json"), "{\"findings\": [{\"id\": \"coded-finding\","
          + " \"kind\": \"SYMPTOM\", \"name\": \"A coded finding\", \"question\": \"Coded?\","
          + " \"codes\": [\"LOCAL:F1\"]}]}");
      Path file = write("{\"present\": [\"calf-cramp\", \"LOCAL:F1\", \"cramp in my calf at night\"]}");
      Run r = run("--content", content.toString(), "--case", file.toString(), "--json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode a = assertValidAssessment(r.out().strip());
      assertThat(a.get("interpreted")).isNotEmpty();
    }

    @Test
    void everyKeyIsOptional() throws IOException {
      Run r = run("--case", write("{}").toString(), "--json");
      assertThat(r.code()).isZero();
      assertValidAssessment(r.out().strip());
    }

    @Test
    void nullMeansNotGiven() throws IOException {
      Run r = run("--case", write("{\"age\": null, \"sex\": null, \"pregnant\": null, \"present\": null,"
          + " \"absent\": null}").toString(), "--json");
      assertThat(r.code()).isZero();
    }

    @Test
    void aByteOrderMarkBeforeTheCaseIsIgnored() {
      Run r = runWithInput("\uFEFF{\"present\": [\"back-spasm\"]}", "--case", "-", "--json");
      assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aCaseCanComeFromStandardInput() {
      Run r = runWithInput("{\"present\": [\"back-spasm\"]}", "--case", "-", "--json");
      assertThat(r.code()).isZero();
      assertValidAssessment(r.out().strip());
    }

    @Test
    void withoutJsonTheCaseIsReadableText() throws IOException {
      Run r = run("--case", write("{\"present\": [\"back-spasm\", \"lower-back-pain\"]}").toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("TRIAGE: ").contains("Back muscle spasm", "ABOUT THIS ADVICE");
    }

    @Test
    void aRedFlagRaisesTheTriageAndIsExplained() throws IOException {
      Run r = run("--case", write("{\"present\": [\"chest-pain\", \"cold-sweat\"]}").toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("TRIAGE: EMERGENCY").contains("Warning signs in your answers:");
    }

    @Test
    void aMissingCaseFileIsBadInput() {
      Run r = run("--case", dir.resolve("nope.json").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("does not exist");
    }

    @Test
    void aCaseThatIsNotUtf8IsBadInput() throws IOException {
      Path file = dir.resolve("latin1.json");
      Files.write(file, new byte[] {'{', '"', 'p', 'r', 'e', 's', 'e', 'n', 't', '"', ':', '[', '"', (byte) 0xE9, '"', ']', '}'});
      Run r = run("--case", file.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("UTF-8");
    }
  }

  @Nested
  class BadCaseInput {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "{\"age\": 121}                                  | age: must be a whole number",
      "{\"age\": -1}                                   | age: must be a whole number",
      "{\"age\": 45.5}                                 | age: must be a whole number",
      "{\"age\": \"45\"}                               | age: must be a whole number",
      "{\"age\": 12345678901234567890}                 | age: must be a whole number",
      "{\"sex\": \"F\"}                                | sex: must be \"female\" or \"male\"",
      "{\"pregnant\": \"yes\"}                         | pregnant: must be true or false",
      "{\"sex\": \"male\", \"pregnant\": true}         | pregnant: ",
      "{\"present\": \"calf-cramp\"}                   | present: must be an array",
      "{\"present\": [\"calf-cramp\", 7]}              | present[1]: must be a non-empty string",
      "{\"absent\": [\"  \"]}                          | absent[0]: must be a non-empty string",
      "{\"present\": [\"calf-crmap\"]}                 | present[0]: unknown finding id",
      "{\"present\": [\"SNOMED-CT:0000000\"]}          | present[0]: no finding has the code",
      "{\"present\": [\"calf-cramp\"], \"absent\": [\"calf-cramp\"]} | absent[0]: ",
      "{\"symptoms\": [\"calf-cramp\"]}                | symptoms: unknown key",
      "{\"age\": 30, \"age\": 31}                      | age: the key is given twice",
      "[{\"age\": 30}]                                 | a case must be a JSON object",
      "{\"age\": 30                                    | not valid JSON (line",
      "{\"age\": 30} {\"age\": 31}                     | more text after the case object",
      "''                                              | the case is empty",
    })
    void isExitCodeTwoWithOneLineOnStandardErrorNamingTheField(String json, String expected) {
      Run r = runWithInput(json, "--case", "-", "--json");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).startsWith("musculo-triage: standard input: ").contains(expected);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownKeyThatLooksLikePatientWordsIsNotRepeated() {
      Run r = runWithInput("{\"" + PRIVATE + "\": true}", "--case", "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unknown key").doesNotContain("Agnes").doesNotContain("funeral");
    }

    @Test
    void patientWordsNeverAppearInAnError() {
      List<String> cases = List.of(
          "{\"present\": [\"" + PRIVATE + "\"], \"age\": 700}",
          "{\"present\": [\"" + PRIVATE + "\"], \"unknown\": 1}",
          "{\"present\": [\"" + PRIVATE + "\"], \"sex\": \"" + PRIVATE + "\"}",
          "{\"present\": [\"" + PRIVATE + "\"",
          "{\"present\": [\"" + PRIVATE + "\"], \"absent\": [\"" + PRIVATE + "\"]}",
          PRIVATE,
          "{\"age\": \"" + PRIVATE + "\"}");
      for (String c : cases) {
        Run r = runWithInput(c, "--case", "-", "--json");
        assertThat(r.code()).as(c).isEqualTo(2);
        assertThat(r.err()).as(c).doesNotContain("Agnes").doesNotContain("funeral").doesNotContain("neighbour");
        Run batch = runWithInput(c.replace('\n', ' ') + "\n", "--batch", "-", "--json");
        assertThat(batch.code()).as(c).isEqualTo(2);
        assertThat(batch.err() + batch.out()).as(c).doesNotContain("Agnes").doesNotContain("funeral");
      }
    }

    @Test
    void withDebugTheStackTraceIsShown() {
      Run r = runWithInput("{\"present\": [\"calf-crmap\"]}", "--case", "-", "--debug");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("PresentationException").contains("\tat ");
    }
  }

  @Nested
  class Batch {
    private String lines(String... lines) {
      return String.join("\n", lines) + "\n";
    }

    @Test
    void writesOneAssessmentPerLineInInputOrderEachExactlyOneJsonObject() {
      List<String> input = new ArrayList<>();
      String[] findings = {"calf-cramp", "back-spasm", "neck-pain", "heel-pain-unknown", "foot-cramp"};
      for (int i = 0; i < 60; i++) {
        String f = findings[i % findings.length];
        input.add(f.equals("heel-pain-unknown") ? "{\"age\": " + i + "}" : "{\"age\": " + i
            + ", \"present\": [\"" + f + "\"]}");
      }
      Run parallel = runWithInput(String.join("\n", input), "--batch", "-", "--json", "--threads", "4");
      Run sequential = runWithInput(String.join("\n", input), "--batch", "-", "--json", "--threads", "1");
      assertThat(parallel.code()).as(parallel.err()).isZero();
      assertThat(parallel.outLines()).hasSize(60);
      assertThat(parallel.out()).isEqualTo(sequential.out());
      for (String line : parallel.outLines()) {
        assertValidAssessment(line);
      }
      // each answer is the one for its own line
      for (int i = 0; i < 60; i++) {
        String single = runWithInput(input.get(i), "--case", "-", "--json").out().strip();
        if (i % 7 == 0) {
          assertThat(parallel.outLines().get(i)).as("line %d", i + 1).isEqualTo(single);
        }
      }
    }

    @Test
    void blankLinesAreSkippedWithNoOutput() {
      Run r = runWithInput(lines("", "{\"present\": [\"calf-cramp\"]}", "   ", "", "{}", "\t"),
          "--batch", "-", "--json");
      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void aBadLineGivesAnErrorObjectInItsPlaceAndTheOthersAreStillAssessed() {
      Run r = runWithInput(lines(
          "{\"present\": [\"calf-cramp\"]}",
          "",
          "{\"age\": 300}",
          "this is not json",
          "{\"present\": [\"calf-crmap\"]}",
          "{\"present\": [\"back-spasm\"]}"), "--batch", "-", "--json");
      assertThat(r.code()).isEqualTo(2);
      List<String> out = r.outLines();
      assertThat(out).hasSize(5);
      assertValidAssessment(out.get(0));
      assertThat(Cli.MAPPER.readTree(out.get(1)).propertyNames()).containsExactly("line", "error");
      assertThat(Cli.MAPPER.readTree(out.get(1)).get("line").asInt()).isEqualTo(3);
      assertThat(Cli.MAPPER.readTree(out.get(1)).get("error").asString()).startsWith("age: ");
      assertThat(Cli.MAPPER.readTree(out.get(2)).get("line").asInt()).isEqualTo(4);
      assertThat(Cli.MAPPER.readTree(out.get(2)).get("error").asString()).startsWith("not valid JSON (column");
      assertThat(Cli.MAPPER.readTree(out.get(3)).get("line").asInt()).isEqualTo(5);
      assertThat(Cli.MAPPER.readTree(out.get(3)).get("error").asString()).startsWith("present[0]: unknown finding id");
      assertValidAssessment(out.get(4));
      assertThat(r.err().lines()).containsExactly(
          "musculo-triage: line 3: " + Cli.MAPPER.readTree(out.get(1)).get("error").asString(),
          "musculo-triage: line 4: " + Cli.MAPPER.readTree(out.get(2)).get("error").asString(),
          "musculo-triage: line 5: " + Cli.MAPPER.readTree(out.get(3)).get("error").asString());
    }

    @Test
    void linesMayEndWithCarriageReturnsAndTheLastNeedsNoLineBreak() {
      Run r = runWithInput("{\"present\": [\"calf-cramp\"]}\r\n{}", "--batch", "-", "--json");
      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void aLineThatIsNotUtf8IsAnErrorForThatLineOnly() {
      byte[] bad = "{\"present\": [\"caf\u00e9\"]}\n".getBytes(StandardCharsets.ISO_8859_1);
      byte[] good = "{}\n".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[bad.length + good.length];
      System.arraycopy(bad, 0, all, 0, bad.length);
      System.arraycopy(good, 0, all, bad.length, good.length);
      Run r = Cli.run(new java.io.ByteArrayInputStream(all), false, "--batch", "-", "--json");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.outLines().get(0)).contains("\"line\":1", "UTF-8");
      assertValidAssessment(r.outLines().get(1));
    }

    @Test
    void aLineLongerThanTheLimitIsAnErrorForThatLineOnly() {
      String huge = "{\"present\": [\"" + "a".repeat(LineReader.MAX_CHARS) + "\"]}";
      Run r = runWithInput(huge + "\n{}\n", "--batch", "-", "--json");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.outLines()).hasSize(2);
      assertThat(r.outLines().get(0)).contains("\"line\":1", "longer than");
      assertValidAssessment(r.outLines().get(1));
    }

    @Test
    void withoutJsonEachLineIsAReadableSection() {
      Run r = runWithInput(lines("{\"present\": [\"calf-cramp\"]}", "{\"age\": 999}"), "--batch", "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).contains("=== line 1 ===\nTRIAGE: ", "=== line 2 ===\nerror: age: ");
    }

    @Test
    void readsABatchFile(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("cases.jsonl");
      Files.writeString(file, lines("{\"present\": [\"calf-cramp\"]}", "{\"present\": [\"neck-pain\"]}"));
      Run r = run("--batch", file.toString(), "--json");
      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(2).allSatisfy(Cli::assertValidAssessment);
    }

    @Test
    void aMissingBatchFileIsBadInput(@TempDir Path dir) {
      Run r = run("--batch", dir.resolve("none.jsonl").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
    }

    @Test
    void anEmptyBatchWritesNothingAndSucceeds() {
      Run r = runWithInput("", "--batch", "-", "--json");
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEmpty();
    }

    @Test
    void manyLinesComeBackInOrderOnManyThreads() {
      String input = IntStream.range(0, 400).mapToObj(i -> i % 2 == 0 ? "{\"age\": " + (i % 100) + "}" : "{\"bad\": 1}")
          .collect(Collectors.joining("\n"));
      Run r = runWithInput(input, "--batch", "-", "--json", "--threads", "8");
      assertThat(r.code()).isEqualTo(2);
      List<String> out = r.outLines();
      assertThat(out).hasSize(400);
      for (int i = 1; i < 400; i += 2) {
        assertThat(out.get(i)).isEqualTo("{\"line\":" + (i + 1) + ",\"error\":\"bad: unknown key; a case has"
            + " only the keys age, sex, pregnant, present, absent\"}");
      }
    }
  }

  @Nested
  class Catalogue {
    @Test
    void withJsonListsModulesTheContentHashConditionsWithCodesAndSourcesRedFlagsAndFindings() {
      Run r = run("--catalog", "--json");
      assertThat(r.code()).isZero();
      assertThat(r.outLines()).hasSize(1);
      JsonNode c = Cli.MAPPER.readTree(r.out());
      assertThat(c.get("modules").get(0).get("id").asString()).isEqualTo("musculo-content-en");
      assertThat(c.get("contentHash").asString()).matches("[0-9a-f]{64}");
      assertThat(c.get("conditions")).isNotEmpty().allSatisfy(cond -> {
        assertThat(cond.has("codes")).isTrue();
        assertThat(cond.get("sources")).isNotEmpty();
      });
      assertThat(c.get("redFlags")).isNotEmpty().allSatisfy(f -> assertThat(f.get("sources")).isNotEmpty());
      assertThat(c.get("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.has("question")).isTrue());
      JsonNode spasm = find(c.get("conditions"), "back-muscle-spasm");
      assertThat(spasm.get("codes").get(0).asString()).isEqualTo("ICD-10-CM:M62.830");
      assertThat(spasm.get("sources").get(0).get("url").asString()).startsWith("http");
    }

    @Test
    void theHashMatchesTheOneAssessmentsRecord() {
      String hash = Cli.MAPPER.readTree(run("--catalog", "--json").out()).get("contentHash").asString();
      JsonNode a = Cli.MAPPER.readTree(run("--demo", "--json").out());
      assertThat(a.get("knowledgeBase").get("contentHash").asString()).isEqualTo(hash);
    }

    @Test
    void withoutJsonIsASummary() {
      Run r = run("--catalog");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Knowledge base: musculo-content-en", "Content hash:   sha256 ",
          "CONDITIONS", "RED FLAGS", "TREATMENTS", "back-muscle-spasm: Back muscle spasm");
    }
  }

  @Nested
  class IntegratorContent {
    @Test
    void addsTheExampleClinicBesideTheBundledContent() {
      Run r = run("--content", Cli.EXAMPLE_CONTENT.toString(), "--catalog", "--json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode c = Cli.MAPPER.readTree(r.out());
      assertThat(c.get("modules").findValuesAsString("id")).containsExactly("musculo-content-en", "example-clinic");
      assertThat(find(c.get("conditions"), "plantar-fasciitis").get("codes").get(0).asString())
          .isEqualTo("ICD-10-CM:M72.2");
      JsonNode massage = find(c.get("treatments"), "massage-therapy");
      assertThat(massage.get("overrides").asString()).isEqualTo("musculo-content-en");
      assertThat(massage.get("channels").toString()).isEqualTo("[\"ONLINE\",\"PHONE\",\"IN_PERSON\"]");
    }

    @Test
    void theClinicsConditionAndServicesAppearInAnAssessment() {
      Run r = runWithInput("{\"age\": 48, \"present\": [\"heel-pain\", \"first-steps-pain\"]}",
          "--content", Cli.EXAMPLE_CONTENT.toString(), "--case", "-", "--json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode a = assertValidAssessment(r.out().strip());
      assertThat(a.get("conditions").get(0).get("id").asString()).isEqualTo("plantar-fasciitis");
      assertThat(a.get("treatments").findValuesAsString("id")).contains("assisted-stretching");
      assertThat(a.get("knowledgeBase").get("modules").findValuesAsString("id")).contains("example-clinic");
    }

    @Test
    void badContentIsExitCodeThreeListingEveryProblemWithFileAndPointer(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("module.json"), "{\"id\": \"broken-clinic\", \"version\": \"1.0.0\"}");
      Files.writeString(dir.resolve("care.json"), "{\"treatments\": [{\"id\": \"clinic-massage\","
          + " \"name\": \"Massage\", \"description\": \"Massage.\", \"setting\": \"CLINIC\","
          + " \"modality\": \"massage-therapy\", \"indications\": [\"no-such-finding\"]},"
          + " {\"id\": \"massage-therapy\", \"name\": \"Massage\", \"description\": \"Massage.\","
          + " \"setting\": \"CLINIC\", \"modality\": \"massage-therapy\"}]}");
      Run r = run("--content", dir.toString(), "--catalog", "--json");
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("the content has 2 problems")
          .contains("broken-clinic/care.json#/treatments/0/indications/0: ")
          .contains("broken-clinic/care.json#/treatments/1/id: ")
          .doesNotContain("\tat ");
    }

    @Test
    void aMissingContentDirectoryIsBadContent(@TempDir Path dir) {
      Run r = run("--content", dir.resolve("nothing-here").toString(), "--demo");
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.err()).contains("1 problem");
    }
  }

  @Nested
  class UnexpectedFailures {
    /** Standard input that fails after a first line, as a broken pipe or disk would. */
    private java.io.InputStream failingAfterOneLine(RuntimeException orNull) {
      byte[] first = "{\"present\": [\"calf-cramp\"]}\n".getBytes(StandardCharsets.UTF_8);
      return new java.io.InputStream() {
        private int pos;

        @Override
        public int read() throws IOException {
          if (pos < first.length) {
            return first[pos++];
          }
          if (orNull != null) {
            throw orNull;
          }
          throw new IOException("disk on fire while reading " + PRIVATE);
        }
      };
    }

    @Test
    void aFailureToReadTheInputIsExitCodeOneWithoutItsMessage() {
      Run r = Cli.run(failingAfterOneLine(null), false, "--batch", "-", "--json");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.outLines()).hasSize(1);
      assertThat(r.err()).contains("input or output failed (IOException)").doesNotContain("Agnes")
          .doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedExceptionIsExitCodeOneNamingOnlyItsType() {
      Run r = Cli.run(failingAfterOneLine(new IllegalStateException("state of " + PRIVATE)), false,
          "--case", "-");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).contains("unexpected failure (java.lang.IllegalStateException)")
          .doesNotContain("Agnes");
    }

    @Test
    void withDebugTheStackTraceOfAnUnexpectedFailureIsShown() {
      Run r = Cli.run(failingAfterOneLine(new IllegalStateException("boom")), false, "--case", "-", "--debug");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("IllegalStateException: boom", "\tat ");
    }
  }

  @Nested
  class Usage {
    @Test
    void noOptionsAndNoTerminalPrintsUsageToStandardErrorAndExitsTwo() {
      Run r = run();
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("Usage: musculo-triage", "--demo", "--case", "--batch", "--catalog");
    }

    @Test
    void helpGoesToStandardOutputAndExitsZero() {
      Run r = run("--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: musculo-triage", "Exit codes:", "decision support, not a diagnosis");
    }

    @Test
    void versionNamesTheCommandAndTheEngine() {
      Run r = run("--version");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("musculo-triage ", "musculo-core engine ").doesNotContain("unknown");
    }

    @Test
    void anUnknownOptionIsExitCodeTwo() {
      Run r = run("--frobnicate");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void twoModesAreExitCodeTwo() {
      Run r = run("--demo", "--catalog");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("mutually exclusive").doesNotContain("Error: Error");
    }

    @Test
    void wordsOnTheCommandLineAreRefusedWithoutBeingRepeated() {
      Run r = run("--demo", "Agnes", "Whitfield", "has", "cramps");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unexpected argument").doesNotContain("Agnes").doesNotContain("Whitfield");
    }

    @Test
    void threadsMustBePositive() {
      assertThat(runWithInput("{}", "--batch", "-", "--threads", "0").code()).isEqualTo(2);
    }
  }

  static JsonNode find(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.get("id").asString().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no entry with id " + id);
  }
}
