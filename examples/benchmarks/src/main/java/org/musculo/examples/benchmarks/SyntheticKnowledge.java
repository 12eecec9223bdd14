package org.musculo.examples.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.musculo.Presentation;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.Condition;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.Source;
import org.musculo.model.TriageLevel;

/**
 * A seeded synthetic knowledge base and a pool of queries over it, the same for every engine.
 *
 * <p>Shape: {@link #findingCount(int)} findings for {@code n} conditions; each condition lists 10
 * to 40 distinct findings drawn from a Zipf distribution (exponent {@value #ZIPF_EXPONENT}) over
 * the findings, with frequencies uniform in [0.05, 0.95]; priors are log-normal (sigma 1) scaled to
 * sum to {@value #PRIOR_SUM}; every condition is self-care, with no red flags, no risk factors,
 * no finding hierarchy and no regions. Each query names {@value #QUERY_FINDINGS} distinct
 * findings, drawn by the same Zipf distribution, each present with probability 0.7 and absent
 * otherwise.
 *
 * <p>Ids are zero-padded ({@code c-000042}, {@code f-0007}) so that id order is index order:
 * condition {@code i} is document {@code i} in Lucene and index {@code i} in Musculo's compiled
 * knowledge.
 */
public final class SyntheticKnowledge {
  /** Exponent of the Zipf distribution of findings, in conditions and in queries. */
  public static final double ZIPF_EXPONENT = 1.1;
  /** Sum of the conditions' priors; "something else" keeps the rest. */
  public static final double PRIOR_SUM = 0.8;
  /** Findings per query. */
  public static final int QUERY_FINDINGS = 9;
  /** Queries in the pool a benchmark cycles through. */
  public static final int POOL = 256;
  /** P(finding | condition) assumed when the condition does not list the finding, as in core. */
  public static final double LEAK = 0.02;
  /** Lowest background frequency, as in core. */
  public static final double MIN_BACKGROUND = 0.005;
  /** Highest background frequency, as in core. */
  public static final double MAX_BACKGROUND = 0.95;
  /** Smallest prior weight of "something else", as in core. */
  public static final double MIN_REMAINDER = 0.1;

  private static final Source SOURCE = Source.builder()
      .publisher("Musculo benchmarks")
      .title("Synthetic knowledge base")
      .url("https://github.com/musculo/musculo")
      .accessed(LocalDate.of(2026, 1, 1))
      .build();

  private final String[] findingIds;
  private final String[] conditionIds;
  private final double[] prior;
  private final int[][] conditionFindings;
  private final double[][] conditionFrequencies;
  private final List<Query> queries;

  /** One query: finding indices present and absent, and the same as a {@link Presentation}. */
  public record Query(int[] present, int[] absent, Presentation presentation) {}

  private SyntheticKnowledge(int conditions, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int nf = findingCount(conditions);
    double[] cdf = zipfCdf(nf);
    findingIds = new String[nf];
    for (int f = 0; f < nf; f++) {
      findingIds[f] = String.format("f-%04d", f);
    }
    conditionIds = new String[conditions];
    prior = new double[conditions];
    conditionFindings = new int[conditions][];
    conditionFrequencies = new double[conditions][];
    double sum = 0;
    for (int c = 0; c < conditions; c++) {
      conditionIds[c] = String.format("c-%06d", c);
      prior[c] = Math.exp(gaussian(random));
      sum += prior[c];
      int listed = 10 + random.nextInt(31);
      int[] fs = distinctZipf(random, cdf, listed);
      Arrays.sort(fs);
      conditionFindings[c] = fs;
      conditionFrequencies[c] = new double[listed];
      for (int i = 0; i < listed; i++) {
        conditionFrequencies[c][i] = 0.05 + 0.9 * random.nextDouble();
      }
    }
    for (int c = 0; c < conditions; c++) {
      prior[c] = prior[c] / sum * PRIOR_SUM;
    }
    List<Query> pool = new ArrayList<>();
    for (int q = 0; q < POOL; q++) {
      int[] fs = distinctZipf(random, cdf, QUERY_FINDINGS);
      List<Integer> present = new ArrayList<>();
      List<Integer> absent = new ArrayList<>();
      for (int f : fs) {
        (random.nextDouble() < 0.7 ? present : absent).add(f);
      }
      Presentation.Builder p = Presentation.builder();
      present.forEach(f -> p.addPresent(findingIds[f]));
      absent.forEach(f -> p.addAbsent(findingIds[f]));
      pool.add(new Query(
          present.stream().mapToInt(Integer::intValue).toArray(),
          absent.stream().mapToInt(Integer::intValue).toArray(),
          p.build()));
    }
    queries = List.copyOf(pool);
  }

  /**
   * Generates the knowledge base and the query pool for a number of conditions; the same
   * arguments always give the same knowledge and queries.
   *
   * @param conditions how many conditions
   * @param seed the random seed
   * @return the synthetic knowledge
   */
  public static SyntheticKnowledge generate(int conditions, long seed) {
    if (conditions < 1) {
      throw new IllegalArgumentException("conditions must be at least 1 but was " + conditions);
    }
    return new SyntheticKnowledge(conditions, seed);
  }

  /**
   * Returns how many findings a knowledge base of {@code conditions} conditions has: a fifth of
   * the conditions, at least 200 and at most 2,000.
   *
   * @param conditions how many conditions
   * @return how many findings
   */
  public static int findingCount(int conditions) {
    return Math.max(200, Math.min(2_000, conditions / 5));
  }

  /** Returns the finding ids, by index. */
  public String[] findingIds() {
    return findingIds.clone();
  }

  /** Returns the condition ids, by index. */
  public String[] conditionIds() {
    return conditionIds.clone();
  }

  /** Returns how many conditions there are. */
  public int conditionCount() {
    return conditionIds.length;
  }

  /** Returns how many findings there are. */
  public int findingCount() {
    return findingIds.length;
  }

  /** Returns condition {@code c}'s prior. */
  public double prior(int c) {
    return prior[c];
  }

  /** Returns the findings condition {@code c} lists, ascending. */
  public int[] findings(int c) {
    return conditionFindings[c].clone();
  }

  /** Returns the frequencies of the findings condition {@code c} lists, in the same order. */
  public double[] frequencies(int c) {
    return conditionFrequencies[c].clone();
  }

  /** Returns the query pool. */
  public List<Query> queries() {
    return queries;
  }

  /**
   * Returns the background frequency of every finding, as core derives it when the content gives
   * none: {@code clamp(LEAK + sum_c prior_c (p(f|c) - LEAK) / sum_c prior_c)}.
   *
   * @return the background frequencies, by finding index
   */
  public double[] backgrounds() {
    double[] weighted = new double[findingIds.length];
    double sum = 0;
    for (int c = 0; c < conditionIds.length; c++) {
      sum += prior[c];
      for (int i = 0; i < conditionFindings[c].length; i++) {
        weighted[conditionFindings[c][i]] += prior[c] * (conditionFrequencies[c][i] - LEAK);
      }
    }
    double[] bg = new double[findingIds.length];
    for (int f = 0; f < bg.length; f++) {
      bg[f] = Math.min(MAX_BACKGROUND, Math.max(MIN_BACKGROUND, LEAK + weighted[f] / sum));
    }
    return bg;
  }

  /**
   * Returns, per query of the pool, the postings its findings touch: the sum over its findings
   * of the number of conditions that list each.
   *
   * @return postings touched, by query
   */
  public int[] postingsTouched() {
    int[] df = new int[findingIds.length];
    for (int[] fs : conditionFindings) {
      for (int f : fs) {
        df[f]++;
      }
    }
    int[] out = new int[queries.size()];
    for (int q = 0; q < out.length; q++) {
      for (int f : queries.get(q).present()) {
        out[q] += df[f];
      }
      for (int f : queries.get(q).absent()) {
        out[q] += df[f];
      }
    }
    return out;
  }

  /**
   * Returns, per query of the pool, how many conditions list at least one of its findings: the
   * conditions an engine that walks postings has to touch.
   *
   * @return conditions touched, by query
   */
  public int[] conditionsTouched() {
    int[] out = new int[queries.size()];
    boolean[] named = new boolean[findingIds.length];
    for (int q = 0; q < out.length; q++) {
      Query query = queries.get(q);
      Arrays.fill(named, false);
      for (int f : query.present()) {
        named[f] = true;
      }
      for (int f : query.absent()) {
        named[f] = true;
      }
      for (int[] fs : conditionFindings) {
        for (int f : fs) {
          if (named[f]) {
            out[q]++;
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * Builds the content document of this knowledge: the findings and the conditions, each citing
   * one source.
   *
   * @return the document
   */
  public ContentDocument document() {
    ContentDocument.Builder doc = ContentDocument.builder();
    for (int f = 0; f < findingIds.length; f++) {
      doc.addFindings(Finding.builder()
          .id(findingIds[f])
          .kind(FindingKind.SYMPTOM)
          .name("Synthetic finding " + f)
          .question("Do you have synthetic finding " + f + "?")
          .build());
    }
    for (int c = 0; c < conditionIds.length; c++) {
      Condition.Builder b = Condition.builder()
          .id(conditionIds[c])
          .name("Synthetic condition " + c)
          .description("A synthetic condition for benchmarks.")
          .prevalence(prior[c])
          .acuity(TriageLevel.SELF_CARE)
          .addSources(SOURCE);
      for (int i = 0; i < conditionFindings[c].length; i++) {
        b.addManifestations(Manifestation.of(findingIds[conditionFindings[c][i]], conditionFrequencies[c][i]));
      }
      doc.addConditions(b.build());
    }
    return doc.build();
  }

  /**
   * Compiles a document (from {@link #document()}) into a knowledge base of one module.
   *
   * @param document the document
   * @return the knowledge base
   */
  public static KnowledgeBase compile(ContentDocument document) {
    return KnowledgeBase.builder()
        .add(ContentModule.of("synthetic", "1.0.0", List.of(ContentSource.ofDocument("synthetic.json", document))))
        .build();
  }

  /** Builds and compiles the knowledge base. */
  public KnowledgeBase knowledgeBase() {
    return compile(document());
  }

  private static double[] zipfCdf(int n) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += Math.pow(k + 1, -ZIPF_EXPONENT);
      cdf[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    cdf[n - 1] = 1;
    return cdf;
  }

  private static int[] distinctZipf(SplittableRandom random, double[] cdf, int count) {
    int[] out = new int[count];
    int n = 0;
    while (n < count) {
      int i = Arrays.binarySearch(cdf, random.nextDouble());
      int f = i >= 0 ? i : Math.min(-i - 1, cdf.length - 1);
      boolean seen = false;
      for (int j = 0; j < n; j++) {
        seen |= out[j] == f;
      }
      if (!seen) {
        out[n++] = f;
      }
    }
    return out;
  }

  /** A standard normal variate (Box-Muller), from the seeded generator only. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
