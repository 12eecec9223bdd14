package org.musculo.examples.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.model.Sex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Assesses realistic presentations on the bundled English content ({@link Musculo#create()}), each
 * call timed on its own so that JMH reports the percentiles.
 *
 * <p>The presentations cycle through {@link #PRESENTATIONS}: twelve by finding id and four with
 * free text, as an app that offers pick lists and a text box would send them. The symptom search
 * alone is {@link SearchBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ContentEnBenchmark {
  /** The presentations {@link #assess()} cycles through. */
  public static final List<Presentation> PRESENTATIONS = List.of(
      ids(68, Sex.FEMALE, List.of("leg-cramp", "calf-cramp", "night-pattern", "brief-episodes",
          "relieved-by-stretching"), List.of("one-sided-leg-swelling", "calf-pain-walking-eased-by-rest")),
      ids(24, Sex.MALE, List.of("muscle-cramp", "during-exercise", "hard-muscle-knot", "relieved-by-stretching"),
          List.of("cola-coloured-urine")),
      ids(41, Sex.MALE, List.of("lower-back-pain", "back-spasm", "pain-on-movement", "sudden-onset"),
          List.of("saddle-numbness", "difficulty-passing-urine")),
      ids(29, Sex.FEMALE, List.of("neck-pain", "limited-neck-turning", "head-tilted-to-one-side", "on-waking"),
          List.of("fever")),
      ids(35, Sex.FEMALE, List.of("delayed-soreness-after-exercise", "unaccustomed-exertion", "muscle-tenderness",
          "muscle-stiffness", "both-sides"), List.of("cola-coloured-urine")),
      ids(30, Sex.MALE, List.of("muscle-twitching", "eyelid-twitch", "stress-or-anxiety", "high-caffeine-intake"),
          List.of("muscle-weakness", "muscle-wasting")),
      ids(45, Sex.MALE, List.of("radiating-leg-pain", "leg-pain", "one-leg-only", "shooting-nerve-pain",
          "lower-back-pain"), List.of("saddle-numbness")),
      ids(72, Sex.FEMALE, List.of("shoulder-hip-girdle-stiffness", "long-morning-stiffness", "both-sides", "fatigue"),
          List.of("new-temple-headache", "jaw-pain-on-chewing")),
      ids(55, Sex.FEMALE, List.of("one-leg-only", "calf-pain", "one-sided-leg-swelling", "recent-immobility-or-travel",
          "leg-warmth"), List.of()),
      ids(50, Sex.FEMALE, List.of("urge-to-move-legs", "at-rest", "eased-by-moving", "night-pattern", "poor-sleep"),
          List.of()),
      ids(62, Sex.MALE, List.of("takes-statin", "started-after-new-medicine", "unexplained-muscle-pain",
          "muscle-cramp", "both-sides"), List.of("cola-coloured-urine")),
      ids(27, Sex.MALE, List.of("heat-exposure", "heavy-sweating", "muscle-cramp", "thirst"),
          List.of("fever", "headache")),
      ids(24, Sex.MALE, List.of("charley horse in my calf", "happened halfway through a 10k run",
          "muscle went rock hard", "went off after i stopped and stretched it"),
          List.of("dark brown pee", "feeling confused")),
      ids(68, Sex.FEMALE, List.of("cramp in my calf", "wakes me up at night", "toes curl and the foot points down",
          "only lasts a few minutes"), List.of("leg swelling", "calf pain when walking")),
      ids(40, Sex.MALE, List.of("lower-back-pain", "it started when I lifted a heavy box"),
          List.of("numbness between my legs")),
      ids(33, Sex.FEMALE, List.of("my neck is really painful", "I can't turn my neck all the way round"),
          List.of("fever")));

  private Musculo musculo;
  private int nextPresentation;

  @Setup
  public void setUp() {
    musculo = Musculo.create();
  }

  /** Assesses the next presentation. */
  @Benchmark
  public Assessment assess() {
    Presentation p = PRESENTATIONS.get(nextPresentation);
    nextPresentation = (nextPresentation + 1) % PRESENTATIONS.size();
    return musculo.assess(p);
  }

  private static Presentation ids(int age, Sex sex, List<String> present, List<String> absent) {
    return Presentation.builder().age(age).sex(sex).addAllPresent(present).addAllAbsent(absent).build();
  }
}
