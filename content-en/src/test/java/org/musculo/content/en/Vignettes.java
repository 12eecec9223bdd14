package org.musculo.content.en;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.musculo.Presentation;
import org.musculo.model.Sex;
import org.musculo.model.TriageLevel;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vignette sets: patients in their own words with the expected condition and level. The
 * first was written with the content; the four hold-out sets were written blind to it.
 */
final class Vignettes {
  record Vignette(String id, int age, String sex, boolean pregnant, List<String> present, List<String> absent,
      String expectedCondition, TriageLevel expectedTriage, String source) {
    Presentation presentation() {
      return Presentation.builder().age(age).sex("female".equals(sex) ? Sex.FEMALE : Sex.MALE)
          .pregnant(pregnant).present(present).absent(absent).build();
    }
  }

  static final List<Vignette> ALL = load("/vignettes.json");
  /** Written blind, then used to find what the content and search missed. */
  static final List<Vignette> HOLDOUT_1 = load("/vignettes-holdout-1.json");
  /** Written blind and measured after the fixes found with the first hold-out. */
  static final List<Vignette> HOLDOUT_2 = load("/vignettes-holdout-2.json");
  /** 60 cases written blind after every fix, and measured once before joining the tests. */
  static final List<Vignette> HOLDOUT_3 = load("/vignettes-holdout-3.json");
  /** 60 cases written blind on 2026-12-06 (fourth session), measured once before joining the tests. */
  static final List<Vignette> HOLDOUT_4 = load("/vignettes-holdout-4.json");

  private Vignettes() {}

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asString()));
    }
    return out;
  }

  private static List<Vignette> load(String resource) {
    try (InputStream in = Vignettes.class.getResourceAsStream(resource)) {
      List<Vignette> out = new ArrayList<>();
      for (JsonNode v : JsonMapper.builder().build().readTree(in)) {
        out.add(new Vignette(v.get("id").asString(), v.get("age").asInt(), v.get("sex").asString(),
            v.path("pregnant").asBoolean(false), strings(v.get("present")), strings(v.get("absent")),
            v.get("expectedCondition").asString(), TriageLevel.valueOf(v.get("expectedTriage").asString()),
            v.get("source").asString()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
