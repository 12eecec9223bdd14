package org.musculo.content;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.musculo.model.Basis;
import org.musculo.model.BodyRegion;
import org.musculo.model.CareSetting;
import org.musculo.model.Cause;
import org.musculo.model.CauseKind;
import org.musculo.model.Channel;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.Demographic;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.Manifestation;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Sex;
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;

/** Generators of valid model values, for round-trip and schema properties. */
final class ModelArbitraries {
  private ModelArbitraries() {}

  static Arbitrary<String> slug() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars('0', '7').ofMinLength(1).ofMaxLength(8);
    return word.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts));
  }

  static Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '→', '"', '\\', 'ü')
        .ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank());
  }

  static Arbitrary<List<String>> slugs() {
    return slug().list().ofMaxSize(3).uniqueElements();
  }

  static Arbitrary<Double> probability() {
    return Arbitraries.doubles().between(0.0001, 0.9999).ofScale(6);
  }

  static Arbitrary<Code> code() {
    Arbitrary<String> system = Arbitraries.of(Code.ICD_10_CM, Code.SNOMED_CT, Code.ICD_11, "X-2");
    Arbitrary<String> value = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('.')
        .ofMinLength(1).ofMaxLength(8).filter(v -> Character.isLetterOrDigit(v.charAt(0)));
    return Combinators.combine(system, value).as(Code::of);
  }

  static Arbitrary<Source> source() {
    return Combinators.combine(text(), text(), slug(), Arbitraries.integers().between(0, 3000))
        .as((publisher, title, path, day) -> Source.builder().publisher(publisher).title(title)
            .url("https://example.org/" + path).accessed(LocalDate.of(2020, 1, 1).plusDays(day)).build());
  }

  static Arbitrary<Demographic> demographic() {
    Arbitrary<Integer> min = Arbitraries.integers().between(0, 60);
    Arbitrary<Integer> span = Arbitraries.integers().between(0, 60);
    Arbitrary<Sex> sex = Arbitraries.of(Sex.class);
    return Combinators.combine(min, span, sex, Arbitraries.integers().between(0, 3))
        .as((lo, width, s, shape) -> {
          Demographic.Builder b = Demographic.builder().minAge(lo);
          if (shape > 0) {
            b.maxAge(lo + width);
          }
          if (shape > 1) {
            b.sex(s);
          }
          if (shape > 2 && s == Sex.FEMALE) {
            b.pregnant(true);
          }
          return b.build();
        });
  }

  static Arbitrary<BodyRegion> region() {
    return Combinators.combine(slug(), text(), text().list().ofMaxSize(2), slugs(), slug().optional())
        .as((id, name, synonyms, parents, overrides) -> BodyRegion.builder().id(id).name(name)
            .synonyms(synonyms).parents(parents.stream().filter(p -> !p.equals(id)).toList())
            .overrides(overrides).build());
  }

  static Arbitrary<Finding> finding() {
    return Combinators.combine(slug(), Arbitraries.of(FindingKind.class), text(), text().list().ofMaxSize(3),
            text(), slug().optional(), slugs(), code().list().ofMaxSize(2))
        .as((id, kind, name, synonyms, question, region, parents, codes) -> Finding.builder().id(id).kind(kind)
            .name(name).synonyms(synonyms).question(question).region(region)
            .parents(parents.stream().filter(p -> !p.equals(id)).toList()).codes(codes))
        .flatMap(b -> Arbitraries.doubles().between(0.001, 0.9).ofScale(6).optional()
            .map(bg -> { bg.ifPresent(b::backgroundFrequency); return b.build(); }));
  }

  static Arbitrary<Manifestation> manifestation() {
    return Combinators.combine(slug(), probability(), Arbitraries.of(Basis.class))
        .as((f, p, basis) -> Manifestation.builder().finding(f).frequency(p).basis(basis).build());
  }

  static Arbitrary<RiskFactor> riskFactor() {
    Arbitrary<Double> ratio = Arbitraries.doubles().between(0.05, 50).ofScale(6);
    return Combinators.combine(slug(), demographic(), ratio, Arbitraries.of(true, false), Arbitraries.of(Basis.class))
        .as((f, d, r, useFinding, basis) -> {
          RiskFactor.Builder b = RiskFactor.builder().oddsRatio(r).basis(basis);
          return (useFinding ? b.finding(f) : b.demographic(d)).build();
        });
  }

  static Arbitrary<Condition> condition() {
    Arbitrary<List<Manifestation>> manifestations = manifestation().list().ofMinSize(1).ofMaxSize(4)
        .uniqueElements(Manifestation::finding);
    return Combinators.combine(slug(), text(), text(), code().list().ofMaxSize(2), probability(),
            Arbitraries.of(TriageLevel.class), manifestations, riskFactor().list().ofMaxSize(2))
        .as((id, name, description, codes, prevalence, acuity, ms, rfs) -> Condition.builder().id(id).name(name)
            .description(description).codes(codes).prevalence(prevalence).acuity(acuity)
            .manifestations(ms).riskFactors(rfs))
        .flatMap(b -> Combinators.combine(slugs(), slugs(), slugs(), source().list().ofMinSize(1).ofMaxSize(2),
                probability().optional(), text().optional(), Arbitraries.of(Basis.class))
            .as((causes, prevention, treatments, sources, threshold, note, basis) -> {
              threshold.ifPresent(b::safetyThreshold);
              return b.causes(causes).prevention(prevention).treatments(treatments).sources(sources)
                  .codesNote(note).prevalenceBasis(basis).build();
            }));
  }

  static Arbitrary<Cause> cause() {
    return Combinators.combine(slug(), text(), Arbitraries.of(CauseKind.class), text(), slugs(), slug().optional(),
            slugs(), source().list().ofMaxSize(1))
        .as((id, name, kind, description, indicators, condition, prevention, sources) -> Cause.builder().id(id)
            .name(name).kind(kind).description(description).indicators(indicators).condition(condition)
            .prevention(prevention).sources(sources).build());
  }

  static Arbitrary<PreventionMeasure> prevention() {
    return Combinators.combine(slug(), text(), text(), source().list().ofMaxSize(1))
        .as((id, name, advice, sources) -> PreventionMeasure.builder().id(id).name(name).advice(advice)
            .sources(sources).build());
  }

  static Arbitrary<Treatment> treatment() {
    return Combinators.combine(slug(), text(), text(), Arbitraries.of(CareSetting.class), slug(), slugs(), slugs(),
            Arbitraries.of(Channel.class).set().ofMaxSize(3))
        .as((id, name, description, setting, modality, indications, contraindications, channels) ->
            Treatment.builder().id(id).name(name).description(description).setting(setting).modality(modality)
                .indications(indications).contraindications(contraindications)
                .channels(channels.stream().sorted().toList()).build());
  }

  static Arbitrary<RedFlag> redFlag() {
    return Combinators.combine(slug(), text(), slugs().filter(l -> !l.isEmpty()), slugs(), slugs(),
            demographic().optional(), Arbitraries.of(TriageLevel.CONSULTATION, TriageLevel.URGENT, TriageLevel.EMERGENCY),
            text())
        .as((id, name, allOf, anyOf, noneOf, demographic, level, reason) -> RedFlag.builder().id(id).name(name)
            .allOf(allOf).anyOf(anyOf).noneOf(noneOf).demographic(demographic).level(level).reason(reason))
        .flatMap(b -> Combinators.combine(slug().optional(), source().list().ofMinSize(1).ofMaxSize(2))
            .as((condition, sources) -> b.condition(condition).sources(sources).build()));
  }

  static Arbitrary<ContentDocument> document() {
    return Combinators.combine(region().list().ofMaxSize(2), finding().list().ofMaxSize(3),
            cause().list().ofMaxSize(2), prevention().list().ofMaxSize(2), treatment().list().ofMaxSize(2),
            condition().list().ofMaxSize(2), redFlag().list().ofMaxSize(2))
        .as((regions, findings, causes, prevention, treatments, conditions, redFlags) -> ContentDocument.builder()
            .regions(regions).findings(findings).causes(causes).preventionMeasures(prevention)
            .treatments(treatments).conditions(conditions).redFlags(redFlags).build());
  }
}
