package org.musculo.examples.triage;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.musculo.Musculo;
import org.musculo.content.KnowledgeBase;
import org.musculo.content.ModuleVersion;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.RedFlag;
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Describes a loaded knowledge base: its modules and content hash, the conditions with their
 * codes and sources, the red flags with their sources, the findings, and the treatments (with
 * the module each overriding entry replaced), as JSON or as text.
 *
 * <p>It is how an integrator checks that their content loads and that their overrides took
 * effect; problems never get this far (they end the run with exit code 3).
 */
final class Catalog {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Catalog() {}

  /**
   * Returns the catalogue as one line of JSON.
   *
   * @param kb the knowledge base
   * @return the JSON text
   */
  static String json(KnowledgeBase kb) {
    ObjectNode root = NODES.objectNode();
    ArrayNode modules = root.putArray("modules");
    for (ModuleVersion m : kb.modules()) {
      modules.addObject().put("id", m.id()).put("version", m.version());
    }
    root.put("contentHash", kb.contentHash());
    root.put("engineVersion", Musculo.engineVersion());
    ArrayNode conditions = root.putArray("conditions");
    for (Condition c : kb.conditions().values()) {
      ObjectNode n = conditions.addObject().put("id", c.id()).put("name", c.name())
          .put("acuity", c.acuity().name()).put("prevalence", c.prevalence());
      codes(n, c.codes());
      c.codesNote().ifPresent(note -> n.put("codesNote", note));
      sources(n, c.sources());
      c.overrides().ifPresent(o -> n.put("overrides", o));
    }
    ArrayNode redFlags = root.putArray("redFlags");
    for (RedFlag r : kb.redFlags().values()) {
      ObjectNode n = redFlags.addObject().put("id", r.id()).put("name", r.name())
          .put("level", r.level().name()).put("reason", r.reason());
      r.condition().ifPresent(c -> n.put("condition", c));
      sources(n, r.sources());
      r.overrides().ifPresent(o -> n.put("overrides", o));
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : kb.findings().values()) {
      ObjectNode n = findings.addObject().put("id", f.id()).put("name", f.name())
          .put("kind", f.kind().name()).put("question", f.question());
      f.region().ifPresent(r -> n.put("region", r));
      ArrayNode synonyms = n.putArray("synonyms");
      f.synonyms().forEach(synonyms::add);
      codes(n, f.codes());
      f.overrides().ifPresent(o -> n.put("overrides", o));
    }
    ArrayNode treatments = root.putArray("treatments");
    for (Treatment t : kb.treatments().values()) {
      ObjectNode n = treatments.addObject().put("id", t.id()).put("name", t.name())
          .put("setting", t.setting().name()).put("modality", t.modality());
      ArrayNode channels = n.putArray("channels");
      t.channels().forEach(c -> channels.add(c.name()));
      sources(n, t.sources());
      t.overrides().ifPresent(o -> n.put("overrides", o));
    }
    return MAPPER.writeValueAsString(root);
  }

  /**
   * Returns the catalogue as text.
   *
   * @param kb the knowledge base
   * @return the text, ending with a line break
   */
  static String text(KnowledgeBase kb) {
    StringBuilder sb = new StringBuilder();
    sb.append("Knowledge base: ").append(kb.modules().stream().map(m -> m.id() + " " + m.version())
        .collect(Collectors.joining(", "))).append('\n');
    sb.append("Content hash:   sha256 ").append(kb.contentHash()).append('\n');
    sb.append("Engine:         musculo-core ").append(Musculo.engineVersion()).append('\n');
    sb.append(kb.conditions().size()).append(" conditions, ").append(kb.findings().size())
        .append(" findings, ").append(kb.redFlags().size()).append(" red flags, ")
        .append(kb.treatments().size()).append(" treatments\n");
    section(sb, "CONDITIONS", kb.conditions(), c -> c.name() + " [" + TextReport.levelWord(c.acuity())
        + "]" + (c.codes().isEmpty() ? "" : " " + join(c.codes())) + "; " + count(c.sources())
        + overrides(c.overrides().orElse(null)));
    section(sb, "RED FLAGS", kb.redFlags(), r -> r.name() + " [" + TextReport.levelWord(r.level())
        + "]; " + count(r.sources()) + overrides(r.overrides().orElse(null)));
    section(sb, "TREATMENTS", kb.treatments(), t -> t.name() + " [" + t.setting().name()
        .toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + (t.channels().isEmpty() ? "" : "; " + t.channels().stream().map(Enum::name)
            .collect(Collectors.joining(", "))) + "]" + overrides(t.overrides().orElse(null)));
    sb.append("\nFindings: ").append(kb.findings().size())
        .append(" (use --catalog --json to list them with their questions and synonyms)\n");
    return sb.toString();
  }

  private static <T> void section(StringBuilder sb, String title, Map<String, T> entries,
      java.util.function.Function<T, String> describe) {
    sb.append('\n').append(title).append('\n');
    entries.forEach((id, e) -> TextReport.wrap(sb, id + ": " + describe.apply(e), "  ", "      "));
  }

  private static String join(List<Code> codes) {
    return codes.stream().map(Code::toString).collect(Collectors.joining(", "));
  }

  private static String count(List<Source> sources) {
    return sources.size() + (sources.size() == 1 ? " source" : " sources");
  }

  private static String overrides(String module) {
    return module == null ? "" : "; overrides " + module;
  }

  private static void codes(ObjectNode n, List<Code> codes) {
    ArrayNode array = n.putArray("codes");
    codes.forEach(c -> array.add(c.toString()));
  }

  private static void sources(ObjectNode n, List<Source> sources) {
    ArrayNode array = n.putArray("sources");
    for (Source s : sources) {
      array.addObject().put("publisher", s.publisher()).put("title", s.title()).put("url", s.url())
          .put("accessed", s.accessed().toString());
    }
  }
}
