package org.musculo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.musculo.content.ContentException;
import org.musculo.content.KnowledgeBase;
import org.musculo.internal.engine.Assessor;
import org.musculo.internal.engine.CompiledKnowledge;
import org.musculo.internal.engine.Evidence;
import org.musculo.internal.text.Suggestions;

/**
 * Musculo's entry point: holds one compiled knowledge base and assesses presentations against
 * it.
 *
 * <pre>{@code
 * Musculo musculo = Musculo.create();   // the content modules found by ServiceLoader
 * Assessment a = musculo.assess(Presentation.builder()
 *     .age(45).sex(Sex.FEMALE)
 *     .addPresent("calf-cramp", "night-pattern")
 *     .build());
 * a.triage().level();                   // SELF_CARE, CONSULTATION, URGENT or EMERGENCY
 * }</pre>
 *
 * <p>Build one instance and share it: it is immutable and thread-safe, and the same presentation
 * always gives an equal assessment.
 *
 * @since 0.1.0
 */
public final class Musculo {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*:\\S+");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final String VERSION = readVersion();

  private final KnowledgeBase kb;
  private final CompiledKnowledge compiled;
  private final Assessor assessor;

  private Musculo(KnowledgeBase kb) {
    this.kb = kb;
    this.compiled = CompiledKnowledge.compile(kb);
    this.assessor = new Assessor(compiled, VERSION);
  }

  /**
   * Creates Musculo over the content modules that {@link java.util.ServiceLoader} finds, such as
   * musculo-content-en.
   *
   * @return a new instance
   * @throws ContentException if no content module is found or the content has problems
   */
  public static Musculo create() {
    return new Musculo(KnowledgeBase.load());
  }

  /**
   * Creates Musculo over a compiled knowledge base.
   *
   * @param knowledgeBase the knowledge base
   * @return a new instance
   */
  public static Musculo create(KnowledgeBase knowledgeBase) {
    return new Musculo(Objects.requireNonNull(knowledgeBase, "knowledgeBase"));
  }

  /**
   * Returns the version of musculo-core that assessments record.
   *
   * @return the engine version
   */
  public static String engineVersion() {
    return VERSION;
  }

  /**
   * Returns the knowledge base this instance assesses against.
   *
   * @return the knowledge base
   */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /**
   * Assesses a presentation: triage advice, ranked conditions with explanations, likely causes,
   * prevention and treatments.
   *
   * @param presentation what the patient reports
   * @return the assessment
   * @throws PresentationException if a finding id or code is unknown; the message names the
   *     field and suggests the closest id
   */
  public Assessment assess(Presentation presentation) {
    Objects.requireNonNull(presentation, "presentation");
    int[] present = resolve(presentation.present(), "present");
    int[] absent = resolve(presentation.absent(), "absent");
    Evidence evidence = Evidence.of(compiled, present, absent, presentation.age(),
        presentation.sex(), presentation.pregnant());
    return assessor.assess(evidence, List.of(), List.of(), List.of());
  }

  private int[] resolve(List<String> entries, String list) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      String field = list + "[" + i + "]";
      if (kb.findings().containsKey(entry)) {
        out.add(compiled.findingIndex(entry));
      } else if (CODE.matcher(entry).matches()) {
        int f = compiled.findingByCode(entry);
        if (f < 0) {
          throw new PresentationException(field, "no finding has the code '" + entry
              + "'; use a finding id or a code listed in the catalogue");
        }
        out.add(f);
      } else if (SLUG.matcher(entry).matches()) {
        throw new PresentationException(field, "unknown finding id '" + entry + "'"
            + Suggestions.didYouMean(entry, kb.findings().keySet())
            + "; use an id from the catalogue");
      } else {
        throw new PresentationException(field, "entry " + (i + 1) + " of " + list
            + " is neither a finding id nor a code (SYSTEM:value)");
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String readVersion() {
    try (InputStream in = Musculo.class.getResourceAsStream("/META-INF/musculo/engine.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String toString() {
    return "Musculo " + VERSION + " over " + kb;
  }
}
