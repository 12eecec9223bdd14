package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.musculo.content.ContentDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every bundled and example content document is valid by the published content schema. */
class SchemaValidationTests {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Schema SCHEMA = load();

  private static Schema load() {
    try (InputStream in = ContentDocument.class.getClassLoader().getResourceAsStream(ContentDocument.SCHEMA_RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> bundledDocuments() {
    return EnglishContent.DOCUMENTS.stream();
  }

  @ParameterizedTest
  @MethodSource("bundledDocuments")
  void bundledDocumentIsValidByTheSchema(String name) throws IOException {
    try (InputStream in = EnglishContent.class.getResourceAsStream(name)) {
      JsonNode document = MAPPER.readTree(in);
      assertThat(SCHEMA.validate(document)).as(name).isEmpty();
    }
  }

  /** The core test fixture and every content document of the integrator example. */
  static Stream<Path> exampleDocuments() throws IOException {
    Path fixture = Path.of("..", "core", "src", "test", "resources", "org", "musculo", "content", "valid.json");
    Path examples = Path.of("..", "examples", "custom-content");
    if (!Files.isDirectory(examples)) {
      return Stream.of(fixture);
    }
    try (Stream<Path> files = Files.walk(examples)) {
      List<Path> docs = files
          .filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("module.json"))
          .filter(p -> !p.toString().contains("target"))
          .sorted()
          .toList();
      return Stream.concat(Stream.of(fixture), docs.stream());
    }
  }

  @ParameterizedTest
  @MethodSource("exampleDocuments")
  void exampleContentDocumentIsValidByTheSchema(Path file) throws IOException {
    JsonNode document = MAPPER.readTree(Files.readString(file));
    assertThat(SCHEMA.validate(document)).as(file.toString()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aTypoInAFieldIsCaughtByTheSchemaToo() {
    JsonNode bad = MAPPER.readTree("{\"findings\": [{\"id\": \"x\", \"kind\": \"SYMPTOM\", \"name\": \"X\","
        + " \"question\": \"X?\", \"synonym\": [\"y\"]}]}");
    assertThat(SCHEMA.validate(bad)).isNotEmpty();
  }
}
