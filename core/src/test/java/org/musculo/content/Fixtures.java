package org.musculo.content;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.musculo.internal.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** The valid fixture document and helpers to compile variants of it. */
final class Fixtures {
  static final String FILE = "doc.json";
  static final String MODULE = "fixture";

  private Fixtures() {}

  static String validJson() {
    try (InputStream in = Fixtures.class.getResourceAsStream("valid.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode validTree() {
    return (ObjectNode) Json.MAPPER.readTree(validJson());
  }

  static ContentModule module(String json) {
    return ContentModule.of(MODULE, "1.0.0", List.of(ContentSource.ofJson(FILE, json)));
  }

  static KnowledgeBase compile(String json) {
    return KnowledgeBase.builder().add(module(json)).build();
  }

  static KnowledgeBase compile(ObjectNode tree) {
    return compile(tree.toString());
  }

  /** Compiles content that must fail, and returns its problems. */
  static List<ContentProblem> problems(ContentModule... modules) {
    KnowledgeBase.Builder builder = KnowledgeBase.builder();
    for (ContentModule m : modules) {
      builder.add(m);
    }
    try {
      KnowledgeBase kb = builder.build();
      return fail("expected a ContentException but compiled %s", kb);
    } catch (ContentException e) {
      return e.problems();
    }
  }

  static List<ContentProblem> problems(String json) {
    return problems(module(json));
  }

  static List<ContentProblem> problems(ObjectNode tree) {
    return problems(tree.toString());
  }

  static void assertNoKnowledgeBase(String json) {
    assertThatThrownBy(() -> compile(json)).isInstanceOf(ContentException.class);
  }
}
