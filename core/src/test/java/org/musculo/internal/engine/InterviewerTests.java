package org.musculo.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.musculo.InterviewStep;
import org.musculo.content.ContentDocument;
import org.musculo.content.ContentModule;
import org.musculo.content.ContentSource;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.RedFlag;
import org.musculo.model.Sex;
import org.musculo.model.Source;
import org.musculo.model.TriageLevel;

/**
 * The interviewer against {@link ReferenceInterviewer}, the straightforward version it replaced,
 * on random knowledge bases with a finding hierarchy and red flags: the same questions in the
 * same order with the same gains, or the same stop reason, for every report.
 */
class InterviewerTests {
  private static final Source SOURCE = Source.builder().publisher("Musculo tests").title("Random")
      .url("https://example.org/").accessed(LocalDate.of(2026, 1, 1)).build();
  private static final int[] QUESTIONS = {0, 1, 2, 3, 5, 1000};

  /** A random knowledge base compiled, with its assessor. */
  private record Knowledge(CompiledKnowledge k, Assessor assessor) {}

  private static String id(int f) {
    return String.format("f-%03d", f);
  }

  private static Knowledge knowledge(SplittableRandom r) {
    int nf = 3 + r.nextInt(r.nextBoolean() ? 20 : 150);
    int nc = 1 + r.nextInt(r.nextBoolean() ? 6 : 50);
    ContentDocument.Builder doc = ContentDocument.builder();
    for (int f = 0; f < nf; f++) {
      Finding.Builder b = Finding.builder().id(id(f)).name("Finding " + f).kind(FindingKind.SYMPTOM)
          .question("Finding " + f + "?");
      // a hierarchy: a third of the findings are more specific than an earlier one
      if (f > 0 && r.nextInt(3) == 0) {
        b.addParents(id(r.nextInt(f)));
      }
      if (r.nextInt(4) == 0) {
        b.backgroundFrequency(0.001 + r.nextDouble() * 0.99);
      }
      doc.addFindings(b.build());
    }
    for (int c = 0; c < nc; c++) {
      TriageLevel acuity = TriageLevel.values()[r.nextInt(TriageLevel.values().length)];
      Condition.Builder b = Condition.builder().id(String.format("c-%03d", c)).name("Condition " + c)
          .description("Random.").acuity(acuity).addSources(SOURCE)
          // equal priors now and then, so that ties are broken by id; now and then one dominates
          .prevalence(r.nextInt(4) == 0 ? 0.001 : r.nextInt(8) == 0 ? 0.5 : 0.0005 + r.nextDouble() * 0.8 / nc);
      int listed = 1 + r.nextInt(Math.min(nf, 10));
      List<Integer> chosen = new ArrayList<>();
      while (chosen.size() < listed) {
        int f = r.nextInt(nf);
        if (!chosen.contains(f)) {
          chosen.add(f);
          double frequency = r.nextInt(6) == 0 ? CompiledKnowledge.LEAK : 0.001 + r.nextDouble() * 0.998;
          b.addManifestations(Manifestation.of(id(f), frequency));
        }
      }
      doc.addConditions(b.build());
    }
    // now and then more red flags than one 64-bit word of the interviewer's flag sets holds
    int flags = r.nextInt(5) == 0 ? 60 + r.nextInt(100) : r.nextInt(12);
    for (int i = 0; i < flags; i++) {
      RedFlag.Builder b = RedFlag.builder().id(String.format("flag-%03d", i)).name("Flag " + i)
          .level(TriageLevel.values()[1 + r.nextInt(3)]).reason("Random.").addSources(SOURCE);
      int all = r.nextInt(3);
      int any = all == 0 ? 1 + r.nextInt(3) : r.nextInt(3);
      b.addAllAllOf(distinct(r, nf, all)).addAllAnyOf(distinct(r, nf, any)).addAllNoneOf(distinct(r, nf, r.nextInt(3)));
      if (r.nextBoolean()) {
        b.condition(String.format("c-%03d", r.nextInt(nc)));
      }
      if (r.nextInt(4) == 0) {
        b.demographic(Demographic.builder().minAge(r.nextInt(80)).build());
      }
      doc.addRedFlags(b.build());
    }
    KnowledgeBase kb = KnowledgeBase.builder()
        .add(ContentModule.of("random", "1.0.0", List.of(ContentSource.ofDocument("random", doc.build()))))
        .build();
    CompiledKnowledge k = CompiledKnowledge.compile(kb);
    return new Knowledge(k, new Assessor(k, "test"));
  }

  private static List<String> distinct(SplittableRandom r, int nf, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String f = id(r.nextInt(nf));
      if (!out.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** A random report over {@code k}: present, absent and "don't know" findings, age and sex. */
  private record Report(Evidence evidence, int[] skip, int answered) {}

  private static Report report(CompiledKnowledge k, SplittableRandom r) {
    int nf = k.findingCount();
    List<Integer> present = new ArrayList<>();
    List<Integer> absent = new ArrayList<>();
    List<Integer> skip = new ArrayList<>();
    for (int i = r.nextInt(Math.min(nf, r.nextBoolean() ? 4 : 12) + 1); i > 0; i--) {
      int f = r.nextInt(nf);
      if (!present.contains(f) && !absent.contains(f) && !skip.contains(f)) {
        int kind = r.nextInt(10);
        (kind < 6 ? present : kind < 9 ? absent : skip).add(f);
      }
    }
    Evidence e = Evidence.of(k, present.stream().mapToInt(Integer::intValue).toArray(),
        absent.stream().mapToInt(Integer::intValue).toArray(),
        r.nextInt(5) == 0 ? OptionalInt.empty() : OptionalInt.of(r.nextInt(121)),
        r.nextBoolean() ? Optional.of(Sex.values()[r.nextInt(Sex.values().length)]) : Optional.empty(), false);
    int answered = present.size() + absent.size() + skip.size() + (r.nextInt(8) == 0 ? 20 : 0);
    return new Report(e, skip.stream().mapToInt(Integer::intValue).toArray(), answered);
  }

  private static String kind(InterviewStep step) {
    if (step.stopReason().isPresent()) {
      return step.stopReason().get().name();
    }
    return step.questions().isEmpty() || !step.questions().get(0).redFlag() ? "questions" : "red-flag questions";
  }

  @Property(tries = 200)
  void nextEqualsTheReferenceForEveryReport(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Knowledge kn = knowledge(r);
    CompiledKnowledge k = kn.k();
    Interviewer interviewer = new Interviewer(k, kn.assessor());
    ReferenceInterviewer reference = new ReferenceInterviewer(k, kn.assessor());
    for (int i = 0; i < 20; i++) {
      Report report = report(k, r);
      Posterior posterior = kn.assessor().scorer().score(report.evidence());
      for (int n : QUESTIONS) {
        InterviewStep expected = reference.next(report.evidence(), posterior, n, report.answered(), report.skip());
        assertThat(interviewer.next(report.evidence(), posterior, n, report.answered(), report.skip()))
            .as("report %d, n %d", i, n).isEqualTo(expected);
        assertThat(interviewer.next(report.evidence(), n, report.answered(), report.skip())).isEqualTo(expected);
        Statistics.label("step").collect(kind(expected));
      }
    }
  }

  @Property(tries = 100)
  void theBoundOnAGainIsNeverBelowIt(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CompiledKnowledge k = knowledge(r).k();
    int nf = k.findingCount();
    int[] top = new int[Math.min(Interviewer.CANDIDATES, k.conditionCount())];
    for (int i = 0; i < top.length; i++) {
      top[i] = i;
    }
    Candidates table = new Candidates();
    // a random posterior, now and then nearly all on one condition or on the rest
    double[] p = table.p;
    double left = 1;
    for (int i = 0; i < top.length; i++) {
      p[i] = left * (r.nextInt(5) == 0 ? r.nextDouble() * 1e-6 : r.nextDouble());
      left -= p[i];
    }
    int[] stamp = new int[nf];
    int[] slot = new int[nf];
    for (int f = 0; f < nf; f++) {
      stamp[f] = 1;
      slot[f] = f;
    }
    table.begin(k, top, Math.max(0, left), nf);
    table.scatter(k, top, stamp, slot, 1);
    for (int f = 0; f < nf; f++) {
      double bg = k.background[f];
      double yes = table.yes(bg, f);
      double gain = table.gain(bg, k.logBackground[f], k.log1mBackground[f], yes, f);
      assertThat(table.bound(bg, yes, f)).as("finding %d", f).isGreaterThanOrEqualTo(gain - 1e-12);
    }
  }

  @Example
  void threadsSharingAnInterviewerGetTheReferenceAnswers() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    Knowledge kn = knowledge(r);
    while (kn.k().findingCount() < 60 || kn.assessor().redFlags.length == 0) {
      kn = knowledge(r);
    }
    CompiledKnowledge k = kn.k();
    Assessor assessor = kn.assessor();
    Interviewer interviewer = new Interviewer(k, assessor);
    ReferenceInterviewer reference = new ReferenceInterviewer(k, assessor);
    List<Report> reports = new ArrayList<>();
    List<InterviewStep> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Report report = report(k, r);
      reports.add(report);
      expected.add(reference.next(report.evidence(), 3, report.answered(), report.skip()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<InterviewStep>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          List<InterviewStep> out = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            out.clear();
            for (Report report : reports) {
              out.add(interviewer.next(report.evidence(), 3, report.answered(), report.skip()));
            }
          }
          return out;
        }));
      }
      for (Future<List<InterviewStep>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
