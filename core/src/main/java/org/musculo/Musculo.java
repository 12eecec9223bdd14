package org.musculo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.musculo.content.ContentException;
import org.musculo.content.KnowledgeBase;
import org.musculo.internal.engine.Assessor;
import org.musculo.internal.engine.CompiledKnowledge;
import org.musculo.internal.engine.Evidence;
import org.musculo.internal.engine.Interviewer;
import org.musculo.internal.text.Suggestions;
import org.musculo.internal.text.SymptomIndex;

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
  /** A hyphenated slug is taken for an id; a single word may be free text. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)+");
  private static final String VERSION = readVersion();
  private static final int NEXT_QUESTIONS = 3;

  private final KnowledgeBase kb;
  private final CompiledKnowledge compiled;
  private final Assessor assessor;
  private final SymptomSearch search;
  private final Interviewer interviewer;

  private Musculo(KnowledgeBase kb) {
    this.kb = kb;
    this.compiled = CompiledKnowledge.compile(kb);
    this.assessor = new Assessor(compiled, VERSION);
    this.search = new SymptomSearch(new SymptomIndex(kb));
    this.interviewer = new Interviewer(compiled, assessor);
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
   * Returns the symptom search over this instance's knowledge base.
   *
   * @return the symptom search
   */
  public SymptomSearch symptomSearch() {
    return search;
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
    Resolved r = resolve(presentation);
    Evidence evidence = r.evidence(compiled, presentation);
    return assessor.assess(evidence, r.interpreted, r.unrecognized, interviewer, NEXT_QUESTIONS, r.answered());
  }

  /**
   * Ranks the conditions for a presentation without the rest of an assessment: the first {@code
   * n}, each with its probability and explanation, exactly as {@link #assess(Presentation)} ranks
   * them (those a fired red flag points to first, then the most probable).
   *
   * @param presentation what the patient reports
   * @param n how many conditions at most
   * @return the conditions in the order of {@link Assessment#conditions()}
   * @throws PresentationException as {@link #assess(Presentation)} does
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public List<RankedCondition> rank(Presentation presentation, int n) {
    return assessor.rank(evidence(presentation, n), n);
  }

  /**
   * Returns the first {@code n} conditions for a presentation and their posterior
   * probabilities, in the order and with the probabilities of {@link #rank(Presentation, int)},
   * but without building explanations: for software that only lists, counts or compares
   * conditions, at a fraction of the cost in a large knowledge base.
   *
   * @param presentation what the patient reports
   * @param n how many conditions at most
   * @return condition ids mapped to their probabilities, iterating in the order of {@link
   *     #rank(Presentation, int)}; unmodifiable
   * @throws PresentationException as {@link #assess(Presentation)} does
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public Map<String, Double> probabilities(Presentation presentation, int n) {
    return assessor.probabilities(evidence(presentation, n), n);
  }

  /**
   * Returns the questions worth asking next about a presentation, ranked by expected information
   * gain over the current posterior, with the questions of open red flags first; or, when the
   * interview should end, why.
   *
   * <p>A red flag is open when the complaint makes it relevant (one of its findings is present or
   * the condition it points to is a candidate) and one of its findings is still unknown. The
   * interview stops when the leading condition reaches {@value Interviewer#CONFIDENT} and no red
   * flag is open, after {@value Interviewer#MAX_ANSWERS} answered findings, or when no question
   * gains enough.
   *
   * @param presentation what the patient has reported so far
   * @param n how many questions at most
   * @return the next questions, or the stop reason
   * @throws PresentationException as {@link #assess(Presentation)} does
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public InterviewStep nextQuestions(Presentation presentation, int n) {
    requireCount(presentation, n);
    Resolved r = resolve(presentation);
    Resolved skipped = new Resolved();
    resolve(presentation.unknown(), "unknown", true, skipped);
    int[] unknown = skipped.all();
    return interviewer.next(r.evidence(compiled, presentation), n, r.answered() + unknown.length, unknown);
  }

  /** Checks the arguments of a method that returns at most {@code n} of something. */
  private static void requireCount(Presentation presentation, int n) {
    Objects.requireNonNull(presentation, "presentation");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1 but was " + n);
    }
  }

  /** The evidence of a presentation, after the checks of a method that returns at most {@code n}. */
  private Evidence evidence(Presentation presentation, int n) {
    requireCount(presentation, n);
    return resolve(presentation).evidence(compiled, presentation);
  }

  private Resolved resolve(Presentation presentation) {
    Resolved r = new Resolved();
    resolve(presentation.present(), "present", true, r);
    resolve(presentation.absent(), "absent", false, r);
    return r;
  }

  /** Findings resolved from a presentation's entries, with how free text was read. */
  private static final class Resolved {
    /** Finding indices resolved present, then those resolved absent, in the order read. */
    int[] present = new int[8];
    int presentCount;
    int[] absent = new int[8];
    int absentCount;
    final List<Interpretation> interpreted = new ArrayList<>();
    final List<String> unrecognized = new ArrayList<>();

    void add(boolean toPresent, int f) {
      if (toPresent) {
        if (presentCount == present.length) {
          present = Arrays.copyOf(present, presentCount * 2);
        }
        present[presentCount++] = f;
      } else {
        if (absentCount == absent.length) {
          absent = Arrays.copyOf(absent, absentCount * 2);
        }
        absent[absentCount++] = f;
      }
    }

    Evidence evidence(CompiledKnowledge compiled, Presentation presentation) {
      int[] p = Arrays.copyOf(present, presentCount);
      // an absent finding also reported present is dropped
      int[] a = new int[absentCount];
      int kept = 0;
      for (int i = 0; i < absentCount; i++) {
        if (!contains(present, presentCount, absent[i])) {
          a[kept++] = absent[i];
        }
      }
      return Evidence.of(compiled, p, kept == a.length ? a : Arrays.copyOf(a, kept), presentation.age(),
          presentation.sex(), presentation.pregnant());
    }

    /** Every finding read, present then absent, repeats included. */
    int[] all() {
      int[] out = Arrays.copyOf(present, presentCount + absentCount);
      System.arraycopy(absent, 0, out, presentCount, absentCount);
      return out;
    }

    /** How many distinct findings were read. */
    int answered() {
      int[] all = all();
      Arrays.sort(all);
      int distinct = 0;
      for (int i = 0; i < all.length; i++) {
        if (i == 0 || all[i] != all[i - 1]) {
          distinct++;
        }
      }
      return distinct;
    }

    private static boolean contains(int[] xs, int count, int x) {
      for (int i = 0; i < count; i++) {
        if (xs[i] == x) {
          return true;
        }
      }
      return false;
    }
  }

  private void resolve(List<String> entries, String list, boolean presentList, Resolved r) {
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).strip();
      int id = assessor.findingOrNone(entry);
      if (id >= 0) {
        r.add(presentList, id);
      } else if (CODE.matcher(entry).matches()) {
        int f = compiled.findingByCode(entry);
        if (f < 0) {
          throw new PresentationException(list + "[" + i + "]", "no finding has the code '" + entry
              + "'; use a finding id or a code listed in the catalogue");
        }
        r.add(presentList, f);
      } else if (ID.matcher(entry).matches()
          && !Suggestions.didYouMean(entry, kb.findings().keySet()).isEmpty()) {
        // an id with a typo; a hyphenated word with no id near it ("x-ray") is read as text
        throw new PresentationException(list + "[" + i + "]", "unknown finding id '" + entry + "'"
            + Suggestions.didYouMean(entry, kb.findings().keySet())
            + "; use an id from the catalogue");
      } else {
        // free text: read through the symptom search; in the absent list everything is absent
        SearchResult result = search.toResult(search.hits(entry), presentList);
        for (Interpretation in : result.interpretations()) {
          r.add(in.present(), compiled.findingIndex(in.findingId()));
          r.interpreted.add(in);
        }
        r.unrecognized.addAll(result.unrecognized());
      }
    }
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
