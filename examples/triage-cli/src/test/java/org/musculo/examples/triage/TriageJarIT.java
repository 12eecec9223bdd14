package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the built jar, {@code target/musculo-triage.jar}, as a user would: {@code java -jar} with
 * no class path, standard input and output through pipes (so there is no terminal).
 */
class TriageJarIT {
  static final Path JAR = Path.of(System.getProperty("musculo.triage.jar", "target/musculo-triage.jar"));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  /** Start-up flags for short runs; they change no behaviour, only how fast a short run starts. */
  static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void theJarHasBeenBuilt() {
    assertThat(JAR).as("run 'mvn verify' so that the package phase builds it").isRegularFile();
  }

  static Result java(List<String> jvm, byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(jvm);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    } catch (IOException e) {
      // the command may exit before reading its input
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  static Result java(String stdin, String... args) throws IOException, InterruptedException {
    return java(QUICK, stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theJarNamesItsMainClassAndKeepsTheContentModuleRegistration() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(TriageCli.class.getName());
      try (InputStream services = jar.getInputStream(jar.getEntry(
          "META-INF/services/org.musculo.content.ContentModule"))) {
        assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8))
            .contains("org.musculo.content.en.EnglishContent");
      }
    }
  }

  @Test
  void demoRunsWithJavaDashJar() throws Exception {
    Result r = java("", "--demo");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("TRIAGE: ", "CONDITIONS THAT COULD EXPLAIN IT", "Raised by: ",
        "LIKELY CAUSES", "PREVENTION", "TREATMENTS", "decision support, not a diagnosis");
  }

  @Test
  void versionExitsZero() throws Exception {
    Result r = java("", "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("musculo-triage 0.", "musculo-core engine ");
  }

  @Test
  void withNoOptionsAndNoTerminalItPrintsUsageToStandardErrorAndExitsTwo() throws Exception {
    Result r = java("");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Usage: musculo-triage");
  }

  @Test
  void aCaseFileGivesAnAssessmentTheSchemaAccepts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("case.json");
    Files.writeString(file, "{\"age\": 45, \"sex\": \"female\", \"present\": [\"cramp in my calf at night\"]}");
    Result r = java("", "--case", file.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    Cli.assertValidAssessment(r.out().strip());
  }

  @Test
  void aBadCaseIsExitCodeTwoWithOneLineAndNoStackTrace() throws Exception {
    Result r = java("{\"age\": 130, \"present\": [\"Agnes said it hurts\"]}", "--case", "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("age: ").doesNotContain("Agnes").doesNotContain("\tat ");
  }

  @Test
  void aBatchOnStandardInputAnswersEveryLineInOrderWithErrorsInPlace() throws Exception {
    Result r = java("{\"present\": [\"calf-cramp\"]}\n\n{\"agee\": 3}\n{\"present\": [\"back-spasm\"]}\n",
        "--batch", "-", "--json");
    assertThat(r.code()).isEqualTo(2);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    Cli.assertValidAssessment(lines.get(0));
    JsonNode error = Cli.MAPPER.readTree(lines.get(1));
    assertThat(error.get("line").asInt()).isEqualTo(3);
    assertThat(error.get("error").asString()).startsWith("agee: unknown key");
    Cli.assertValidAssessment(lines.get(2));
  }

  @Test
  void aLongBatchRunsInASmallHeap() throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      batch.append("{\"age\": ").append(i % 100).append(", \"present\": [\"calf-cramp\"]}\n");
    }
    Result r = java(List.of("-Xmx48m", "-XX:+UseSerialGC"), batch.toString().getBytes(StandardCharsets.UTF_8), "--batch", "-", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(3_000);
  }

  @Test
  void theExampleClinicContentLoadsWithContent() throws Exception {
    Result r = java("", "--content", Cli.EXAMPLE_CONTENT.toString(), "--catalog", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode catalog = Cli.MAPPER.readTree(r.out());
    assertThat(catalog.get("modules").findValuesAsString("id")).containsExactly("musculo-content-en", "example-clinic");
  }

  @Test
  void badContentIsExitCodeThree(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("module.json"), "{\"id\": \"broken\", \"version\": \"1\"}");
    Files.writeString(dir.resolve("bad.json"), "{\"conditions\": [{\"id\": \"Not A Slug\"}]}");
    Result r = java("", "--content", dir.toString(), "--catalog");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("broken/bad.json#");
  }
}
