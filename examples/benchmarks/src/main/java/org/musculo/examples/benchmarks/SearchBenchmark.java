package org.musculo.examples.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.musculo.Musculo;
import org.musculo.SearchResult;
import org.musculo.SymptomSearch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reads patients' sentences into findings with the symptom search of the bundled English content,
 * each call timed on its own so that JMH reports the percentiles (the median is the figure the
 * search is held to).
 *
 * <p>The sentences are {@link #SENTENCES}: lay words, typos, negation, several findings in one
 * sentence, and text that matches nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {
  /** The sentences {@link #search()} cycles through. */
  public static final List<String> SENTENCES = List.of(
      "my legs keep cramping up",
      "I keep getting really painful cramps in my calves",
      "my forearm cramps when I grip the steering wheel",
      "my lower back is killing me",
      "pain shooting from my back into my leg",
      "my shoulder aches when I lift my arm up",
      "both my shoulders and hips are stiff and achy in the mornings",
      "stretching it makes it go away",
      "my hand shakes when I try to pick things up",
      "I can't turn my neck all the way round",
      "my muscles are sore two days after the gym",
      "it started when I lifted a heavy box",
      "pins and needles in my fingertips",
      "muscel cramps in my calff",
      "cramp in my thihg",
      "leg cramps at night but no rash",
      "my calf hurts but it isn't swollen or red",
      "cramp in my calf at night after running",
      "pressure in my chest spreading to my jaw and I'm cold and sweaty",
      "something popped in my heel and now I can't stand on tiptoes",
      "dizzy, thirsty and hardly peeing after the marathon",
      "I haven't been sick",
      "the blue car is parked outside",
      "where is the nearest post office");

  private SymptomSearch search;
  private int next;

  @Setup
  public void setUp() {
    search = Musculo.create().symptomSearch();
  }

  /** Searches the next sentence. */
  @Benchmark
  public SearchResult search() {
    String s = SENTENCES.get(next);
    next = (next + 1) % SENTENCES.size();
    return search.search(s);
  }
}
