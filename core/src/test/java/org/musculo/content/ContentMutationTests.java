package org.musculo.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.musculo.internal.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random mutations of a valid document always end in a {@link ContentException} that locates the
 * problem, and never in another exception or a knowledge base.
 */
class ContentMutationTests {

  enum Op { DROP_REQUIRED, CHANGE_TYPE, DANGLE_REFERENCE, DUPLICATE_ID, ADD_CYCLE }

  record Mutation(Op op, int a, int b) {}

  private static final Map<String, List<String>> REQUIRED = Map.of(
      "regions", List.of("id", "name"),
      "findings", List.of("id", "kind", "name", "question"),
      "causes", List.of("id", "name", "kind", "description"),
      "preventionMeasures", List.of("id", "name", "advice"),
      "treatments", List.of("id", "name", "description", "setting", "modality"),
      "conditions", List.of("id", "name", "description", "prevalence", "acuity", "manifestations", "sources"),
      "redFlags", List.of("id", "name", "level", "reason", "sources"));

  private static final List<String> LISTS = List.copyOf(new java.util.TreeSet<>(REQUIRED.keySet()));

  /** Reference fields: list, field, and whether the field is a list of ids. */
  private static final List<String[]> REFERENCES = List.of(
      new String[] {"findings", "parents"}, new String[] {"findings", "region"},
      new String[] {"regions", "parents"}, new String[] {"causes", "indicators"},
      new String[] {"causes", "prevention"}, new String[] {"treatments", "contraindications"},
      new String[] {"conditions", "causes"}, new String[] {"conditions", "treatments"},
      new String[] {"conditions", "prevention"}, new String[] {"redFlags", "allOf"},
      new String[] {"redFlags", "anyOf"}, new String[] {"redFlags", "condition"});

  @Property(tries = 300)
  void mutatedContentAlwaysEndsInATypedContentException(@ForAll("mutations") List<Mutation> mutations) {
    ObjectNode tree = Fixtures.validTree();
    for (Mutation m : mutations) {
      apply(tree, m);
    }
    assertThatThrownBy(() -> Fixtures.compile(tree))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems())
            .isNotEmpty()
            .allSatisfy(p -> {
              assertThat(p.module()).isEqualTo(Fixtures.MODULE);
              assertThat(p.file()).isEqualTo(Fixtures.FILE);
              assertThat(p.pointer()).startsWith("/");
              assertThat(p.message()).isNotBlank();
            }));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(
            Arbitraries.of(Op.class), Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
        .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  private static void apply(ObjectNode tree, Mutation m) {
    switch (m.op()) {
      case DROP_REQUIRED -> {
        String list = LISTS.get(m.a() % LISTS.size());
        ObjectNode entry = pick(tree, list, m.b());
        List<String> fields = REQUIRED.get(list);
        entry.remove(fields.get((m.a() / 7) % fields.size()));
      }
      case CHANGE_TYPE -> {
        String list = LISTS.get(m.a() % LISTS.size());
        ObjectNode entry = pick(tree, list, m.b());
        List<String> names = new ArrayList<>(entry.propertyNames());
        String field = names.get((m.a() / 7) % names.size());
        entry.set(field, otherType(entry.get(field)));
      }
      case DANGLE_REFERENCE -> {
        String[] ref = REFERENCES.get(m.a() % REFERENCES.size());
        ObjectNode entry = pick(tree, ref[0], m.b());
        JsonNode current = entry.get(ref[1]);
        if (current != null && current.isArray()) {
          ((ArrayNode) current).add("zz-unknown-" + m.b());
        } else if (ref[1].equals("region") || ref[1].equals("condition")) {
          entry.put(ref[1], "zz-unknown-" + m.b());
        } else {
          entry.putArray(ref[1]).add("zz-unknown-" + m.b());
        }
      }
      case DUPLICATE_ID -> {
        String list = LISTS.get(m.a() % LISTS.size());
        ((ArrayNode) tree.get(list)).add(pick(tree, list, m.b()).deepCopy());
      }
      case ADD_CYCLE -> {
        if (m.a() % 2 == 0) {
          pick(tree, "findings", 0).putArray("parents").add("calf-cramp");
          pick(tree, "findings", 1).putArray("parents").add("muscle-cramp");
        } else {
          pick(tree, "regions", 0).putArray("parents").add("calf");
        }
      }
    }
  }

  private static ObjectNode pick(ObjectNode tree, String list, int index) {
    ArrayNode array = (ArrayNode) tree.get(list);
    return (ObjectNode) array.get(index % array.size());
  }

  /**
   * A value of another type that stays wrong even when applied twice: text becomes a number, a
   * number, boolean or list becomes an object, an object becomes text.
   */
  private static JsonNode otherType(JsonNode value) {
    if (value.isString()) {
      return Json.MAPPER.getNodeFactory().numberNode(7);
    }
    if (value.isObject()) {
      return Json.MAPPER.getNodeFactory().stringNode("x");
    }
    return Json.MAPPER.createObjectNode();
  }
}
