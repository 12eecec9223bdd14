package org.musculo.content.en;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.Channel;
import org.musculo.model.Finding;
import org.musculo.model.Treatment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every symptom, cause, prevention measure, treatment and piece of care advice on the clinic page
 * the project grew from is carried by the bundled content.
 *
 * <p>{@code seed-coverage.json} maps each seed item, grouped as on the page, to the content that
 * carries it, written {@code kind:id} ({@code finding}, {@code cause}, {@code prevention}, {@code
 * treatment}, {@code condition} or {@code redFlag}). The tests fail naming the seed item when a
 * mapped id is missing from the knowledge base, and when a seed item is missing from the map.
 */
class SeedCoverageTests {
  private static final KnowledgeBase KB = KnowledgeBase.load();

  /** The seed items, by group, that the coverage map must name. */
  static final Map<String, List<String>> SEED_ITEMS = seedItems();

  private static final Map<String, List<String>> COVERAGE = readCoverage();

  private static Map<String, List<String>> seedItems() {
    Map<String, List<String>> items = new LinkedHashMap<>();
    items.put(
        "symptoms",
        List.of(
            "pain in the back",
            "pain in the neck",
            "pain in the arms",
            "pain in the wrists",
            "pain in the calves",
            "pain in the feet",
            "no relief from stretching",
            "involuntary jerks of the hands or feet",
            "tightness",
            "loss of movement and flexibility during the spasm",
            "cramps during exercise",
            "cramps at certain times of day or night",
            "cramps at rest",
            "tingling that comes and goes",
            "constant tension versus throbbing"));
    items.put("twitches and tremors", List.of("twitches", "tremors"));
    items.put(
        "causes",
        List.of(
            "overworked muscles",
            "alcohol misuse",
            "kidney disease or obstruction",
            "dehydration",
            "electrolyte imbalance",
            "medications",
            "heat, especially exercising in it",
            "repetitive activity and strain",
            "new, unfamiliar activities",
            "narrowed or blocked arteries",
            "diabetes and other chronic illness",
            "restless legs syndrome"));
    items.put(
        "prevention",
        List.of(
            "stretch and warm up before exercise",
            "stay hydrated, a sports drink for electrolytes",
            "correct posture",
            "sleep on the back with a neck-support pillow",
            "keep chronic conditions controlled",
            "report medication side effects",
            "check iron, magnesium, calcium and potassium"));
    items.put(
        "treatment",
        List.of(
            "stretching and rest for a basic cramp",
            "self-care for mild dehydration and electrolyte problems",
            "massage therapy",
            "assisted stretching",
            "chiropractic care",
            "a day of rest after vigorous exercise",
            "book a consultation when spasms or pain come regularly, or cramps or tingling come"
                + " and go",
            "consultations online, by phone or in person"));
    return items;
  }

  /** Reads the map as "group / item" to its "kind:id" references, in file order. */
  private static Map<String, List<String>> readCoverage() {
    try (InputStream in = SeedCoverageTests.class.getResourceAsStream("/seed-coverage.json")) {
      assertThat(in).as("seed-coverage.json on the test class path").isNotNull();
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> group : root.properties()) {
        for (Map.Entry<String, JsonNode> item : group.getValue().properties()) {
          List<String> refs = new ArrayList<>();
          item.getValue().forEach(n -> refs.add(n.asString()));
          out.put(key(group.getKey(), item.getKey()), refs);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String group, String item) {
    return group + " / " + item;
  }

  private static Map<String, Predicate<String>> kinds() {
    Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
    kinds.put("finding", KB.findings()::containsKey);
    kinds.put("cause", KB.causes()::containsKey);
    kinds.put("prevention", KB.preventionMeasures()::containsKey);
    kinds.put("treatment", KB.treatments()::containsKey);
    kinds.put("condition", KB.conditions()::containsKey);
    kinds.put("redFlag", KB.redFlags()::containsKey);
    return kinds;
  }

  @Test
  void everySeedItemIsNamedInTheCoverageMapWithAtLeastOneReference() {
    List<String> missing = new ArrayList<>();
    SEED_ITEMS.forEach(
        (group, items) -> {
          for (String item : items) {
            List<String> refs = COVERAGE.get(key(group, item));
            if (refs == null) {
              missing.add(key(group, item) + " is not in seed-coverage.json");
            } else if (refs.isEmpty()) {
              missing.add(key(group, item) + " maps to no content");
            }
          }
        });
    assertThat(missing).as("seed items the coverage map does not carry").isEmpty();
  }

  @Test
  void everyReferenceInTheCoverageMapNamesAnEntryOfTheKnowledgeBase() {
    Map<String, Predicate<String>> kinds = kinds();
    List<String> offenders = new ArrayList<>();
    COVERAGE.forEach(
        (item, refs) -> {
          for (String ref : refs) {
            int colon = ref.indexOf(':');
            String kind = colon < 0 ? ref : ref.substring(0, colon);
            String id = colon < 0 ? "" : ref.substring(colon + 1);
            Predicate<String> exists = kinds.get(kind);
            if (exists == null) {
              offenders.add(item + ": '" + ref + "' has an unknown kind; use one of "
                  + kinds.keySet());
            } else if (!exists.test(id)) {
              offenders.add(item + ": " + ref + " is missing from the knowledge base");
            }
          }
        });
    assertThat(offenders).as("seed items whose content is missing").isEmpty();
  }

  @Test
  void twitchesAndTremorsEachHaveTheirOwnFindingsAndConditions() {
    List<String> offenders = new ArrayList<>();
    for (String item : SEED_ITEMS.get("twitches and tremors")) {
      List<String> refs = COVERAGE.getOrDefault(key("twitches and tremors", item), List.of());
      if (refs.stream().noneMatch(r -> r.startsWith("finding:"))) {
        offenders.add(item + " maps to no finding");
      }
      if (refs.stream().noneMatch(r -> r.startsWith("condition:"))) {
        offenders.add(item + " maps to no condition");
      }
    }
    assertThat(offenders).as("twitches and tremors not modelled on their own").isEmpty();
  }

  @Test
  void twitchAndTremorFindingsAreNotKindsOfCrampOrSpasm() {
    Set<String> crampOrSpasm = Set.of("muscle-cramp", "muscle-spasm");
    List<String> offenders = new ArrayList<>();
    for (String item : SEED_ITEMS.get("twitches and tremors")) {
      for (String ref : COVERAGE.getOrDefault(key("twitches and tremors", item), List.of())) {
        if (!ref.startsWith("finding:")) {
          continue;
        }
        String id = ref.substring("finding:".length());
        Set<String> ancestors = ancestors(id);
        ancestors.retainAll(crampOrSpasm);
        if (!ancestors.isEmpty()) {
          offenders.add(item + ": " + id + " is a kind of " + ancestors);
        }
      }
    }
    assertThat(offenders)
        .as("twitch or tremor findings placed under cramps or spasms, a separate problem")
        .isEmpty();
  }

  @Test
  void consultationsAreOfferedOnlineByPhoneAndInPerson() {
    Treatment consultation = KB.treatments().get("book-a-consultation");
    assertThat(consultation).as("treatment book-a-consultation").isNotNull();
    assertThat(consultation.channels())
        .as("channels of book-a-consultation")
        .contains(Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON);
  }

  private static Set<String> ancestors(String findingId) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(findingId));
    while (!todo.isEmpty()) {
      Finding f = KB.findings().get(todo.remove(todo.size() - 1));
      if (f == null) {
        continue;
      }
      for (String parent : f.parents()) {
        if (seen.add(parent)) {
          todo.add(parent);
        }
      }
    }
    return seen;
  }
}
