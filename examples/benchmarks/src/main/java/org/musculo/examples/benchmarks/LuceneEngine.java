package org.musculo.examples.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The same ranking on Lucene 9: one document per condition, one feature per listed finding, the
 * log-likelihood sum scored by Lucene.
 *
 * <p>Relative to a condition that lists none of the query's findings, a condition that lists a
 * present finding gains w+ = ln(p/bg) - ln(LEAK/bg) = ln(p / LEAK) > 0 and one that lists an
 * absent finding gains w- = ln((1-p)/(1-bg)) - ln((1-LEAK)/(1-bg)) = ln((1-p)/(1-LEAK)) < 0, for
 * p > LEAK. Each document indexes w+ as a {@link FeatureField} of field {@code present} and -w- as
 * one of field {@code absent}, both keyed by finding id, and its prior and log prior as doc values.
 *
 * <p>Lucene scores are never negative, so the absent findings run as a second query whose
 * scores are subtracted: a disjunction of linear feature queries over {@code present}, then one
 * over {@code absent}, each collecting every document it matches (the touched conditions) into a
 * per-document correction. A touched condition's log weight is then ln prior + global +
 * correction, where global is the sum of every query finding's leak term; an untouched one's is
 * ln prior + global, so the best of them come from a by-prior order, and their total weight is
 * (sum of all priors - sum of touched priors) x e^global, exactly as Musculo's posterior does.
 * The alternative, scoring a constant-score clause over the complement of every absent finding,
 * makes every query visit every document.
 *
 * <p>{@link FeatureField} keeps 9 significant bits of each value (a relative error below 0.4%), so
 * probabilities differ slightly from the exact ones and near-ties may swap.
 *
 * <p>An instance is not thread-safe: it reuses per-document scratch arrays.
 */
final class LuceneEngine implements RankingEngine {
  private static final String PRESENT = "present";
  private static final String ABSENT = "absent";
  private static final String ID = "id";
  private static final String PRIOR = "prior";
  private static final String LOG_PRIOR = "logPrior";
  private static final double LEAK = SyntheticKnowledge.LEAK;

  private final IndexSearcher searcher;
  private final LeafReader leaf;
  private final String[] findingIds;
  private final double[] logLeakPresent;
  private final double[] logLeakAbsent;
  private final double remainder;
  private final double totalPrior;
  /** Documents by descending prior, ties by id, with their log priors. */
  private final int[] byPrior;
  private final double[] byPriorLogPrior;

  /**
   * Per document, where {@link #touched} is set: the signed sum of this query's feature scores,
   * then the document's log weight.
   */
  private final double[] correction;
  private final FixedBitSet touched;

  private LuceneEngine(DirectoryReader reader, SyntheticKnowledge k) throws IOException {
    if (reader.leaves().size() != 1) {
      throw new IllegalStateException("expected one segment but found " + reader.leaves().size());
    }
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.leaf = reader.leaves().get(0).reader();
    this.findingIds = k.findingIds();
    double[] bg = k.backgrounds();
    this.logLeakPresent = new double[bg.length];
    this.logLeakAbsent = new double[bg.length];
    for (int f = 0; f < bg.length; f++) {
      logLeakPresent[f] = Math.log(LEAK / bg[f]);
      logLeakAbsent[f] = Math.log((1 - LEAK) / (1 - bg[f]));
    }
    int n = leaf.maxDoc();
    double[] prior = new double[n];
    double[] logPrior = new double[n];
    NumericDocValues priors = leaf.getNumericDocValues(PRIOR);
    NumericDocValues logPriors = leaf.getNumericDocValues(LOG_PRIOR);
    double sum = 0;
    for (int d = 0; d < n; d++) {
      priors.advanceExact(d);
      logPriors.advanceExact(d);
      prior[d] = Double.longBitsToDouble(priors.longValue());
      logPrior[d] = Double.longBitsToDouble(logPriors.longValue());
      sum += prior[d];
    }
    this.totalPrior = sum;
    this.remainder = Math.max(SyntheticKnowledge.MIN_REMAINDER, 1 - sum);
    Integer[] order = new Integer[n];
    for (int d = 0; d < n; d++) {
      order[d] = d;
    }
    Arrays.sort(order, (a, b) -> prior[a] != prior[b] ? Double.compare(prior[b], prior[a]) : Integer.compare(a, b));
    this.byPrior = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    this.byPriorLogPrior = Arrays.stream(byPrior).mapToDouble(d -> logPrior[d]).toArray();
    this.correction = new double[n];
    this.touched = new FixedBitSet(n);
  }

  /**
   * Indexes the knowledge in memory, one segment whose document order is the conditions' id
   * order (a log merge policy keeps the order of documents when it merges).
   *
   * @param k the knowledge
   * @return the engine
   */
  static LuceneEngine index(SyntheticKnowledge k) {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig()
          .setRAMBufferSizeMB(256).setMergePolicy(new LogDocMergePolicy()))) {
        String[] fids = k.findingIds();
        String[] cids = k.conditionIds();
        for (int c = 0; c < k.conditionCount(); c++) {
          Document doc = new Document();
          doc.add(new SortedDocValuesField(ID, new BytesRef(cids[c])));
          doc.add(new DoubleDocValuesField(PRIOR, k.prior(c)));
          doc.add(new DoubleDocValuesField(LOG_PRIOR, Math.log(k.prior(c))));
          int[] fs = k.findings(c);
          double[] ps = k.frequencies(c);
          for (int i = 0; i < fs.length; i++) {
            doc.add(new FeatureField(PRESENT, fids[fs[i]], (float) Math.log(ps[i] / LEAK)));
            doc.add(new FeatureField(ABSENT, fids[fs[i]], (float) -Math.log((1 - ps[i]) / (1 - LEAK))));
          }
          writer.addDocument(doc);
        }
        writer.forceMerge(1);
      }
      return new LuceneEngine(DirectoryReader.open(dir), k);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Hit> rank(SyntheticKnowledge.Query query, int n) {
    try {
      return search(query, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Hit> search(SyntheticKnowledge.Query query, int n) throws IOException {
    touched.clear(0, touched.length());
    double global = 0;
    for (int f : query.present()) {
      global += logLeakPresent[f];
    }
    for (int f : query.absent()) {
      global += logLeakAbsent[f];
    }
    collect(PRESENT, query.present(), 1);
    collect(ABSENT, query.absent(), -1);

    // the touched conditions, in document order: exact priors from doc values, and the best n
    NumericDocValues priors = leaf.getNumericDocValues(PRIOR);
    NumericDocValues logPriors = leaf.getNumericDocValues(LOG_PRIOR);
    double touchedPrior = 0;
    double max = Math.log(remainder);
    int limit = Math.min(n, leaf.maxDoc());
    int[] best = new int[limit];
    double[] bestWeight = new double[limit];
    int size = 0;
    int n0 = touched.length();
    for (int d = touched.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
        d = d + 1 < n0 ? touched.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      priors.advanceExact(d);
      logPriors.advanceExact(d);
      touchedPrior += Double.longBitsToDouble(priors.longValue());
      double w = Double.longBitsToDouble(logPriors.longValue()) + global + correction[d];
      correction[d] = w;
      max = Math.max(max, w);
      if (size < limit || w > bestWeight[size - 1]) {
        int j = size < limit ? size++ : size - 1;
        while (j > 0 && w > bestWeight[j - 1]) {
          best[j] = best[j - 1];
          bestWeight[j] = bestWeight[j - 1];
          j--;
        }
        best[j] = d;
        bestWeight[j] = w;
      }
    }
    double untouchedPrior = Math.max(0, totalPrior - touchedPrior);
    if (untouchedPrior > 0) {
      max = Math.max(max, Math.log(untouchedPrior) + global);
    }
    double z = Math.exp(Math.log(remainder) - max);
    for (int d = touched.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
        d = d + 1 < n0 ? touched.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      z += Math.exp(correction[d] - max);
    }
    if (untouchedPrior > 0) {
      z += Math.exp(Math.log(untouchedPrior) + global - max);
    }
    double logZ = max + Math.log(z);

    // merge with the untouched conditions, which keep their prior order
    int[] top = new int[limit];
    double[] topWeight = new double[limit];
    int count = 0;
    int t = 0;
    int u = 0;
    while (count < limit) {
      while (u < byPrior.length && touched.get(byPrior[u])) {
        u++;
      }
      boolean haveT = t < size;
      boolean haveU = u < byPrior.length;
      if (!haveT && !haveU) {
        break;
      }
      double wu = haveU ? byPriorLogPrior[u] + global : Double.NEGATIVE_INFINITY;
      if (haveT && (!haveU || bestWeight[t] > wu || (bestWeight[t] == wu && best[t] < byPrior[u]))) {
        top[count] = best[t];
        topWeight[count++] = bestWeight[t++];
      } else {
        top[count] = byPrior[u++];
        topWeight[count++] = wu;
      }
    }
    return hits(top, topWeight, count, logZ);
  }

  /** Runs a disjunction of linear feature queries and adds sign x score to every match. */
  private void collect(String field, int[] findings, int sign) throws IOException {
    if (findings.length == 0) {
      return;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int f : findings) {
      b.add(FeatureField.newLinearQuery(field, findingIds[f], 1f), BooleanClause.Occur.SHOULD);
    }
    searcher.search(b.build(), new CollectorManager<SimpleCollector, Void>() {
      @Override
      public SimpleCollector newCollector() {
        return new Accumulator(sign);
      }

      @Override
      public Void reduce(Collection<SimpleCollector> collectors) {
        return null;
      }
    });
  }

  /** Adds sign x score of every document it collects to the document's correction. */
  private final class Accumulator extends SimpleCollector {
    private final int sign;
    private Scorable scorer;
    private int docBase;

    Accumulator(int sign) {
      this.sign = sign;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      docBase = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      int d = docBase + doc;
      if (touched.getAndSet(d)) {
        correction[d] += sign * scorer.score();
      } else {
        correction[d] = sign * scorer.score();
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  private List<Hit> hits(int[] top, double[] weight, int count, double logZ) throws IOException {
    Integer[] byDoc = new Integer[count];
    for (int i = 0; i < count; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, (a, b) -> Integer.compare(top[a], top[b]));
    String[] ids = new String[count];
    SortedDocValues idValues = leaf.getSortedDocValues(ID);
    for (int i : byDoc) {
      idValues.advanceExact(top[i]);
      ids[i] = idValues.lookupOrd(idValues.ordValue()).utf8ToString();
    }
    List<Hit> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new Hit(ids[i], Math.exp(weight[i] - logZ)));
    }
    return out;
  }
}
