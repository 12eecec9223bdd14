package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.musculo.Assessment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the command line in-process and checks its JSON against the published schema. */
final class Cli {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Schema SCHEMA = loadSchema();

  /** The example clinic's content directory, as the build passes it (or found from here). */
  static final Path EXAMPLE_CONTENT = Path.of(System.getProperty("musculo.example.content",
      "../custom-content/content"));

  private Cli() {}

  /** What one run gave. */
  record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  static Run run(String... args) {
    return run("", false, args);
  }

  static Run runWithInput(String stdin, String... args) {
    return run(stdin, false, args);
  }

  static Run runOnTerminal(String typed, String... args) {
    return run(typed, true, args);
  }

  static Run run(String stdin, boolean terminal, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, args);
  }

  static Run run(InputStream stdin, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TriageCli.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Schema loadSchema() {
    try (InputStream in = Assessment.class.getClassLoader().getResourceAsStream(Assessment.SCHEMA_RESOURCE)) {
      assertThat(in).as("the assessment schema in musculo-core").isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that a line is one assessment that the published schema accepts, and returns it. */
  static JsonNode assertValidAssessment(String line) {
    JsonNode node = MAPPER.readTree(line);
    List<Error> errors = SCHEMA.validate(node);
    assertThat(errors).as("schema errors").isEmpty();
    return node;
  }
}
