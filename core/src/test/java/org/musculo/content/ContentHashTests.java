package org.musculo.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.musculo.internal.json.Json;
import org.musculo.model.Basis;
import org.musculo.model.BodyRegion;
import org.musculo.model.Cause;
import org.musculo.model.Channel;
import org.musculo.model.Code;
import org.musculo.model.Condition;
import org.musculo.model.ContentEntry;
import org.musculo.model.Demographic;
import org.musculo.model.Finding;
import org.musculo.model.FindingKind;
import org.musculo.model.InvalidValueException;
import org.musculo.model.Manifestation;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Sex;
import org.musculo.model.Source;
import org.musculo.model.Treatment;
import org.musculo.model.TriageLevel;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content hash changes when any one attribute of any entry, nested value or module changes,
 * stays the same for equal content, and covers every attribute every value type has.
 */
class ContentHashTests {
  /** A slug no generated value holds: {@link ModelArbitraries#slug()} never writes a 9. */
  private static final String NEW = "x9";

  private static final Source NEW_SOURCE = Source.builder().publisher("P").title("T")
      .url("https://example.org/x9").accessed(java.time.LocalDate.of(2026, 1, 2)).build();

  /**
   * For every attribute of every value type the hash covers: a change of that attribute alone,
   * or null where the value at hand allows no other valid value of it (the finding of a
   * demographic risk factor).
   */
  private static final Map<Class<?>, Map<String, UnaryOperator<Object>>> CHANGES = new LinkedHashMap<>();

  /** Where values of one type sit inside values of another, and how to put a changed one back. */
  private static final List<Lift<?, ?>> LIFTS = new ArrayList<>();

  static {
    change(ModuleVersion.class, "id", m -> ModuleVersion.of(m.id() + "-" + NEW, m.version()));
    change(ModuleVersion.class, "version", m -> ModuleVersion.of(m.id(), m.version() + ".1"));

    change(BodyRegion.class, "id", r -> region(r).id(r.id() + "-" + NEW).build());
    change(BodyRegion.class, "name", r -> region(r).name(r.name() + "x").build());
    change(BodyRegion.class, "synonyms", r -> region(r).addSynonyms("x9 synonym").build());
    change(BodyRegion.class, "parents", r -> region(r).addParents(NEW).build());
    change(BodyRegion.class, "overrides", r -> region(r).overrides(toggle(r.overrides())).build());

    change(Finding.class, "id", f -> finding(f).id(f.id() + "-" + NEW).build());
    change(Finding.class, "kind", f -> finding(f).kind(next(f.kind())).build());
    change(Finding.class, "name", f -> finding(f).name(f.name() + "x").build());
    change(Finding.class, "synonyms", f -> finding(f).addSynonyms("x9 synonym").build());
    change(Finding.class, "question", f -> finding(f).question(f.question() + "x").build());
    change(Finding.class, "region", f -> finding(f).region(toggle(f.region())).build());
    change(Finding.class, "parents", f -> finding(f).addParents(NEW).build());
    change(Finding.class, "derivedFrom", f -> finding(f).addDerivedFrom(List.of(NEW, NEW + "-b")).build());
    change(Finding.class, "codes", f -> finding(f).addCodes(Code.of("X-9", "V9")).build());
    change(Finding.class, "backgroundFrequency", f -> finding(f)
        .backgroundFrequency(f.backgroundFrequency().isPresent() ? OptionalDouble.empty() : OptionalDouble.of(0.5))
        .build());
    change(Finding.class, "overrides", f -> finding(f).overrides(toggle(f.overrides())).build());

    change(Cause.class, "id", c -> cause(c).id(c.id() + "-" + NEW).build());
    change(Cause.class, "name", c -> cause(c).name(c.name() + "x").build());
    change(Cause.class, "kind", c -> cause(c).kind(next(c.kind())).build());
    change(Cause.class, "description", c -> cause(c).description(c.description() + "x").build());
    change(Cause.class, "indicators", c -> cause(c).addIndicators(NEW).build());
    change(Cause.class, "condition", c -> cause(c).condition(toggle(c.condition())).build());
    change(Cause.class, "prevention", c -> cause(c).addPrevention(NEW).build());
    change(Cause.class, "sources", c -> cause(c).addSources(NEW_SOURCE).build());
    change(Cause.class, "overrides", c -> cause(c).overrides(toggle(c.overrides())).build());

    change(PreventionMeasure.class, "id", p -> prevention(p).id(p.id() + "-" + NEW).build());
    change(PreventionMeasure.class, "name", p -> prevention(p).name(p.name() + "x").build());
    change(PreventionMeasure.class, "advice", p -> prevention(p).advice(p.advice() + "x").build());
    change(PreventionMeasure.class, "sources", p -> prevention(p).addSources(NEW_SOURCE).build());
    change(PreventionMeasure.class, "overrides", p -> prevention(p).overrides(toggle(p.overrides())).build());

    change(Treatment.class, "id", t -> treatment(t).id(t.id() + "-" + NEW).build());
    change(Treatment.class, "name", t -> treatment(t).name(t.name() + "x").build());
    change(Treatment.class, "description", t -> treatment(t).description(t.description() + "x").build());
    change(Treatment.class, "setting", t -> treatment(t).setting(next(t.setting())).build());
    change(Treatment.class, "modality", t -> treatment(t).modality(t.modality() + "-" + NEW).build());
    change(Treatment.class, "indications", t -> treatment(t).addIndications(NEW).build());
    change(Treatment.class, "contraindications", t -> treatment(t).addContraindications(NEW).build());
    change(Treatment.class, "contraindicatedRedFlags", t -> treatment(t).addContraindicatedRedFlags(NEW).build());
    change(Treatment.class, "channels", t -> {
      List<Channel> channels = new ArrayList<>(t.channels());
      if (!channels.remove(Channel.ONLINE)) {
        channels.add(Channel.ONLINE);
      }
      return treatment(t).channels(channels).build();
    });
    change(Treatment.class, "sources", t -> treatment(t).addSources(NEW_SOURCE).build());
    change(Treatment.class, "overrides", t -> treatment(t).overrides(toggle(t.overrides())).build());

    change(Condition.class, "id", c -> condition(c).id(c.id() + "-" + NEW).build());
    change(Condition.class, "name", c -> condition(c).name(c.name() + "x").build());
    change(Condition.class, "synonyms", c -> condition(c).addSynonyms("x9 synonym").build());
    change(Condition.class, "description", c -> condition(c).description(c.description() + "x").build());
    change(Condition.class, "codes", c -> condition(c).addCodes(Code.of("X-9", "V9")).build());
    change(Condition.class, "codesNote", c -> condition(c).codesNote(toggle(c.codesNote())).build());
    change(Condition.class, "prevalence", c -> condition(c).prevalence(c.prevalence() / 2).build());
    change(Condition.class, "prevalenceBasis", c -> condition(c).prevalenceBasis(next(c.prevalenceBasis())).build());
    change(Condition.class, "acuity", c -> condition(c).acuity(next(c.acuity())).build());
    change(Condition.class, "safetyThreshold", c -> condition(c)
        .safetyThreshold(c.safetyThreshold().isPresent() ? OptionalDouble.empty() : OptionalDouble.of(0.5))
        .build());
    change(Condition.class, "manifestations", c -> condition(c).addManifestations(Manifestation.of(NEW, 0.5)).build());
    change(Condition.class, "riskFactors", c -> condition(c)
        .addRiskFactors(RiskFactor.builder().finding(NEW).oddsRatio(2).build()).build());
    change(Condition.class, "causes", c -> condition(c).addCauses(NEW).build());
    change(Condition.class, "prevention", c -> condition(c).addPrevention(NEW).build());
    change(Condition.class, "treatments", c -> condition(c).addTreatments(NEW).build());
    change(Condition.class, "sources", c -> condition(c).addSources(NEW_SOURCE).build());
    change(Condition.class, "overrides", c -> condition(c).overrides(toggle(c.overrides())).build());

    change(RedFlag.class, "id", r -> redFlag(r).id(r.id() + "-" + NEW).build());
    change(RedFlag.class, "name", r -> redFlag(r).name(r.name() + "x").build());
    change(RedFlag.class, "allOf", r -> redFlag(r).addAllOf(NEW).build());
    change(RedFlag.class, "anyOf", r -> redFlag(r).addAnyOf(NEW).build());
    change(RedFlag.class, "noneOf", r -> redFlag(r).addNoneOf(NEW).build());
    change(RedFlag.class, "demographic", r -> redFlag(r).demographic(
        r.demographic().isPresent() ? Optional.empty() : Optional.of(Demographic.builder().minAge(18).build()))
        .build());
    change(RedFlag.class, "level", r -> redFlag(r)
        .level(r.level() == TriageLevel.EMERGENCY ? TriageLevel.URGENT : TriageLevel.EMERGENCY).build());
    change(RedFlag.class, "reason", r -> redFlag(r).reason(r.reason() + "x").build());
    change(RedFlag.class, "condition", r -> redFlag(r).condition(toggle(r.condition())).build());
    change(RedFlag.class, "sources", r -> redFlag(r).addSources(NEW_SOURCE).build());
    change(RedFlag.class, "overrides", r -> redFlag(r).overrides(toggle(r.overrides())).build());

    change(Manifestation.class, "finding", m -> Manifestation.builder().from(m).finding(m.finding() + "-" + NEW).build());
    change(Manifestation.class, "frequency", m -> Manifestation.builder().from(m).frequency(m.frequency() / 2).build());
    change(Manifestation.class, "basis", m -> Manifestation.builder().from(m).basis(next(m.basis())).build());

    change(RiskFactor.class, "finding", rf -> rf.finding().isEmpty() ? null
        : RiskFactor.builder().from(rf).finding(rf.finding().get() + "-" + NEW).build());
    change(RiskFactor.class, "demographic", rf -> {
      if (rf.demographic().isEmpty()) {
        return null;
      }
      Demographic seven = Demographic.builder().minAge(7).build();
      Demographic other = rf.demographic().get().equals(seven) ? Demographic.builder().minAge(8).build() : seven;
      return RiskFactor.builder().from(rf).demographic(other).build();
    });
    change(RiskFactor.class, "oddsRatio", rf -> RiskFactor.builder().from(rf).oddsRatio(rf.oddsRatio() == 2 ? 3 : 2).build());
    change(RiskFactor.class, "basis", rf -> RiskFactor.builder().from(rf).basis(next(rf.basis())).build());

    change(Demographic.class, "minAge", d -> firstValid(d, b -> b.minAge(OptionalInt.empty()), b -> b.minAge(0), b -> b.minAge(1)));
    change(Demographic.class, "maxAge", d -> firstValid(d, b -> b.maxAge(OptionalInt.empty()), b -> b.maxAge(120), b -> b.maxAge(119)));
    change(Demographic.class, "sex", d -> firstValid(d, b -> b.sex(Optional.empty()), b -> b.sex(Sex.FEMALE), b -> b.sex(Sex.MALE)));
    change(Demographic.class, "pregnant", d -> firstValid(d, b -> b.pregnant(Optional.empty()), b -> b.pregnant(false), b -> b.pregnant(true)));

    change(Source.class, "publisher", s -> Source.builder().from(s).publisher(s.publisher() + "x").build());
    change(Source.class, "title", s -> Source.builder().from(s).title(s.title() + "x").build());
    change(Source.class, "url", s -> Source.builder().from(s).url(s.url() + "x").build());
    change(Source.class, "accessed", s -> Source.builder().from(s).accessed(s.accessed().plusDays(1)).build());

    change(Code.class, "system", c -> Code.of(c.system().equals("X-9") ? "X-8" : "X-9", c.value()));
    change(Code.class, "value", c -> Code.of(c.system(), c.value() + "9"));

    list(Condition.class, Manifestation.class, Condition::manifestations, (c, l) -> condition(c).manifestations(l).build());
    list(Condition.class, RiskFactor.class, Condition::riskFactors, (c, l) -> condition(c).riskFactors(l).build());
    list(Condition.class, Code.class, Condition::codes, (c, l) -> condition(c).codes(l).build());
    list(Condition.class, Source.class, Condition::sources, (c, l) -> condition(c).sources(l).build());
    list(Finding.class, Code.class, Finding::codes, (f, l) -> finding(f).codes(l).build());
    list(Cause.class, Source.class, Cause::sources, (c, l) -> cause(c).sources(l).build());
    list(PreventionMeasure.class, Source.class, PreventionMeasure::sources, (p, l) -> prevention(p).sources(l).build());
    list(Treatment.class, Source.class, Treatment::sources, (t, l) -> treatment(t).sources(l).build());
    list(RedFlag.class, Source.class, RedFlag::sources, (r, l) -> redFlag(r).sources(l).build());
    optional(RedFlag.class, Demographic.class, RedFlag::demographic, (r, d) -> redFlag(r).demographic(d).build());
    optional(RiskFactor.class, Demographic.class, RiskFactor::demographic,
        (rf, d) -> RiskFactor.builder().from(rf).demographic(d).build());
  }

  /** Content to hash: modules, and entries of every kind. */
  record Sample(List<ModuleVersion> modules, List<ContentEntry> entries) {
    String hash() {
      Map<Class<?>, Map<String, ContentEntry>> byKind = new LinkedHashMap<>();
      for (EntryKind kind : EntryKind.values()) {
        byKind.put(kind.type, new TreeMap<>());
      }
      for (ContentEntry e : entries) {
        byKind.get(kind(e).type).put(e.id(), e);
      }
      return ContentHash.of(modules, typed(byKind, BodyRegion.class), typed(byKind, Finding.class),
          typed(byKind, Cause.class), typed(byKind, PreventionMeasure.class), typed(byKind, Treatment.class),
          typed(byKind, Condition.class), typed(byKind, RedFlag.class));
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> typed(Map<Class<?>, Map<String, ContentEntry>> byKind, Class<T> type) {
      return (Map<String, T>) byKind.get(type);
    }
  }

  /** A change of one attribute somewhere in a value, named by its path. */
  record Variant(String path, Class<?> type, String attribute, Object value) {}

  @Property(tries = 100)
  void changingAnyOneAttributeOfAnEntryOrAModuleChangesTheHash(@ForAll("samples") Sample sample) {
    String hash = sample.hash();
    Set<String> changed = new TreeSet<>();
    for (int i = 0; i < sample.modules().size(); i++) {
      for (Variant v : variants(sample.modules().get(i), "modules[" + i + "]")) {
        List<ModuleVersion> modules = new ArrayList<>(sample.modules());
        modules.set(i, (ModuleVersion) v.value());
        assertThat(new Sample(modules, sample.entries()).hash()).as(v.path()).isNotEqualTo(hash);
        changed.add(v.type().getSimpleName() + "." + v.attribute());
      }
    }
    for (int i = 0; i < sample.entries().size(); i++) {
      ContentEntry entry = sample.entries().get(i);
      for (Variant v : variants(entry, kind(entry).key + "/" + entry.id())) {
        List<ContentEntry> entries = new ArrayList<>(sample.entries());
        entries.set(i, (ContentEntry) v.value());
        assertThat(new Sample(sample.modules(), entries).hash()).as(v.path()).isNotEqualTo(hash);
        changed.add(v.type().getSimpleName() + "." + v.attribute());
      }
    }
    // every attribute of every type was changed at least once in this sample
    assertThat(changed).isEqualTo(CHANGES.entrySet().stream()
        .flatMap(e -> e.getValue().keySet().stream().map(a -> e.getKey().getSimpleName() + "." + a))
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Property(tries = 100)
  void equalContentGivesAnEqualHash(@ForAll("samples") Sample sample) {
    List<ModuleVersion> modules = sample.modules().stream()
        .map(m -> ModuleVersion.of(new String(m.id().toCharArray()), new String(m.version().toCharArray())))
        .toList();
    List<ContentEntry> entries = new ArrayList<>();
    for (ContentEntry e : sample.entries()) {
      entries.add(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(e), kind(e).type));
    }
    java.util.Collections.reverse(entries);
    Sample copy = new Sample(modules, entries);
    assertThat(copy.entries()).containsExactlyInAnyOrderElementsOf(sample.entries());
    assertThat(copy.hash()).isEqualTo(sample.hash()).matches("[0-9a-f]{64}");
  }

  @Nested
  class Coverage {
    @Test
    void everyAttributeOfEveryValueTypeOfContentHasAChangeThatIsTested() {
      Set<Class<?>> types = valueTypes();
      types.remove(ContentDocument.class);
      assertThat(CHANGES.keySet()).containsExactlyInAnyOrderElementsOf(types);
      for (Class<?> type : types) {
        assertThat(CHANGES.get(type).keySet()).as(type.getSimpleName())
            .containsExactlyInAnyOrderElementsOf(attributes(type));
      }
    }

    @Test
    void everyListOfAContentDocumentIsAKindOfEntryAndOnlyTheSchemaIsLeftOut() {
      Set<String> lists = new TreeSet<>(attributes(ContentDocument.class));
      assertThat(lists.remove("schema")).isTrue();
      assertThat(lists).isEqualTo(Arrays.stream(EntryKind.values()).map(k -> k.key)
          .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyValueTypeThatHoldsAnotherIsLifted() {
      for (Class<?> type : valueTypes()) {
        for (String attribute : attributes(type)) {
          Class<?> held = valueClass(accessor(type, attribute).getGenericReturnType());
          if (type != ContentDocument.class && isValueType(held)) {
            assertThat(LIFTS).as(type.getSimpleName() + "." + attribute)
                .anyMatch(l -> l.parent() == type && l.child() == held);
          }
        }
      }
    }
  }

  @Nested
  class Form {
    /**
     * The hash of content whose text is ASCII, accented, curly-quoted and outside the basic
     * plane, in strings short and long enough to cross the digest's buffer, with every kind of
     * number, date and enum the form writes. Pinned, so that a faster writer cannot change the
     * form unnoticed; change {@code FORM} and this value together when the form is meant to
     * change.
     */
    private static final String PINNED = "c11fe780bba9b4d65132d300b5f2803413e6bce8dcba52ca1d17eff847ac81e1";

    @Test
    void theBytesOfTextNumbersDatesAndNamesArePinned() {
      List<ContentEntry> entries = new ArrayList<>();
      Condition.Builder condition = Condition.builder().id("c-pinned").name(text(7, 40))
          .description(text(11, 16_000)).prevalence(0.0375).acuity(TriageLevel.URGENT)
          .prevalenceBasis(Basis.SOURCED).safetyThreshold(0.05)
          .addRiskFactors(RiskFactor.builder().demographic(Demographic.builder().minAge(65).maxAge(120)
              .sex(Sex.FEMALE).build()).oddsRatio(2.5).build())
          .addSources(Source.builder().publisher("NHS").title(text(3, 90)).url("https://example.org/a")
              .accessed(LocalDate.of(2026, 11, 25)).build());
      for (int i = 0; i < 60; i++) {
        String id = String.format("f-%03d", i);
        entries.add(Finding.builder().id(id).kind(FindingKind.values()[
                i % FindingKind.values().length])
            .name(text(i, (i * 997) % 6_000 + 1)).question(text(i + 1, 30)).build());
        condition.addManifestations(Manifestation.builder().finding(id).frequency((i + 1) / 61.0)
            .basis(i % 2 == 0 ? Basis.ESTIMATE : Basis.SOURCED).build());
      }
      entries.add(condition.build());
      entries.add(RedFlag.builder().id("r-pinned").name(text(5, 20)).addAnyOf("f-001")
          .demographic(Demographic.builder().sex(Sex.FEMALE).pregnant(true).build())
          .level(TriageLevel.EMERGENCY).reason(text(9, 200)).condition("c-pinned")
          .addSources(NEW_SOURCE).build());
      Sample sample = new Sample(List.of(ModuleVersion.of("pinned", "1.2.3")), entries);

      assertThat(sample.hash()).isEqualTo(PINNED);
    }

    /** Text of a given length in UTF-16 units, from a seed, of one-, two- and three-byte units and surrogates. */
    private static String text(int seed, int length) {
      String alphabet = "abc xyz-ÉéüçÆ‘’–—½\uD83D\uDE00";
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; out.length() < length; i++) {
        out.append(alphabet.charAt((seed * 31 + i * 7) % alphabet.length()));
      }
      return out.toString();
    }
  }

  @Nested
  class ThroughTheCompiler {
    private final String json = Fixtures.validJson();

    @Test
    void theSchemaAnEditorIsPointedAtIsNotContent() {
      ObjectNode withoutSchema = Fixtures.validTree();
      assertThat(withoutSchema.remove("$schema")).isNotNull();
      assertThat(Fixtures.compile(withoutSchema.toString()).contentHash())
          .isEqualTo(Fixtures.compile(json).contentHash());
    }

    @Test
    void aModuleOfAnotherVersionGivesAnotherHash() {
      KnowledgeBase one = KnowledgeBase.builder().add(ContentModule.of(Fixtures.MODULE, "1.0.0",
          List.of(ContentSource.ofJson(Fixtures.FILE, json)))).build();
      KnowledgeBase two = KnowledgeBase.builder().add(ContentModule.of(Fixtures.MODULE, "1.0.1",
          List.of(ContentSource.ofJson(Fixtures.FILE, json)))).build();
      assertThat(one.contentHash()).isNotEqualTo(two.contentHash());
    }

    @Test
    void theSameModulesInTheSameOrderGiveTheSameHash() {
      ContentModule empty = ContentModule.of("extra", "2.0.0", List.of(ContentSource.ofJson("empty.json", "{}")));
      String first = KnowledgeBase.builder().add(Fixtures.module(json)).add(empty).build().contentHash();
      String again = KnowledgeBase.builder().add(Fixtures.module(json)).add(empty).build().contentHash();
      String swapped = KnowledgeBase.builder().add(empty).add(Fixtures.module(json)).build().contentHash();
      assertThat(again).isEqualTo(first);
      assertThat(swapped).isNotEqualTo(first);
    }
  }

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<List<ModuleVersion>> modules = Combinators.combine(ModelArbitraries.slug(), ModelArbitraries.text())
        .as(ModuleVersion::of).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<RiskFactor> byFinding = ModelArbitraries.riskFactor().filter(rf -> rf.finding().isPresent());
    Arbitrary<RiskFactor> byDemographic = ModelArbitraries.riskFactor().filter(rf -> rf.demographic().isPresent());
    Arbitrary<Condition> condition = Combinators.combine(ModelArbitraries.condition(), byFinding, byDemographic,
            ModelArbitraries.code())
        .as((c, f, d, code) -> condition(c).riskFactors(List.of(f, d)).addCodes(code).build());
    Arbitrary<RedFlag> redFlag = Combinators.combine(ModelArbitraries.redFlag(), ModelArbitraries.demographic())
        .as((r, d) -> redFlag(r).demographic(d).build());
    Arbitrary<List<ContentEntry>> entries = Combinators.combine(ModelArbitraries.region(), ModelArbitraries.finding(),
            ModelArbitraries.cause(), ModelArbitraries.prevention(), ModelArbitraries.treatment(), condition, redFlag)
        .as(List::<ContentEntry>of);
    return Combinators.combine(modules, entries).as(Sample::new);
  }

  /** Every change of one attribute of the value, or of one attribute of a value it holds. */
  private static List<Variant> variants(Object value, String path) {
    List<Variant> out = new ArrayList<>();
    Class<?> type = CHANGES.keySet().stream().filter(t -> t.isInstance(value)).findFirst().orElseThrow();
    CHANGES.get(type).forEach((attribute, change) -> {
      Object changed = change.apply(value);
      if (changed != null) {
        assertThat(changed).as(path + "." + attribute).isNotEqualTo(value);
        out.add(new Variant(path + "." + attribute, type, attribute, changed));
      }
    });
    for (Lift<?, ?> lift : LIFTS) {
      if (lift.parent().isInstance(value)) {
        out.addAll(lift.variants(value, path));
      }
    }
    return out;
  }

  /** How values of type C sit in a value of type P. */
  record Lift<P, C>(Class<P> parent, Class<C> child, Function<P, List<C>> get, BiFunction<P, List<C>, P> set,
      boolean optional) {
    List<Variant> variants(Object value, String path) {
      P p = parent.cast(value);
      List<C> children = get.apply(p);
      List<Variant> out = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        String at = path + "." + child.getSimpleName() + (optional ? "" : "[" + i + "]");
        for (Variant v : ContentHashTests.variants(children.get(i), at)) {
          List<C> changed = new ArrayList<>(children);
          changed.set(i, child.cast(v.value()));
          out.add(new Variant(v.path(), v.type(), v.attribute(), set.apply(p, changed)));
        }
      }
      return out;
    }
  }

  private static <T> void change(Class<T> type, String attribute, UnaryOperator<T> change) {
    CHANGES.computeIfAbsent(type, k -> new LinkedHashMap<>())
        .put(attribute, v -> change.apply(type.cast(v)));
  }

  private static <P, C> void list(Class<P> parent, Class<C> child, Function<P, List<C>> get,
      BiFunction<P, List<C>, P> set) {
    LIFTS.add(new Lift<>(parent, child, get, set, false));
  }

  private static <P, C> void optional(Class<P> parent, Class<C> child, Function<P, Optional<C>> get,
      BiFunction<P, Optional<C>, P> set) {
    LIFTS.add(new Lift<>(parent, child, p -> get.apply(p).stream().toList(),
        (p, l) -> set.apply(p, l.stream().findFirst()), true));
  }

  @SafeVarargs
  private static Demographic firstValid(Demographic d, UnaryOperator<Demographic.Builder>... candidates) {
    for (UnaryOperator<Demographic.Builder> candidate : candidates) {
      try {
        Demographic changed = candidate.apply(Demographic.builder().from(d)).build();
        if (!changed.equals(d)) {
          return changed;
        }
      } catch (InvalidValueException e) {
        // not a valid demographic; try the next candidate
      }
    }
    throw new AssertionError("no valid change of " + d);
  }

  private static Optional<String> toggle(Optional<String> value) {
    return value.isPresent() ? Optional.empty() : Optional.of(NEW);
  }

  private static <E extends Enum<E>> E next(E value) {
    E[] values = value.getDeclaringClass().getEnumConstants();
    return values[(value.ordinal() + 1) % values.length];
  }

  private static EntryKind kind(ContentEntry e) {
    return Arrays.stream(EntryKind.values()).filter(k -> k.type.isInstance(e)).findFirst().orElseThrow();
  }

  private static BodyRegion.Builder region(BodyRegion r) {
    return BodyRegion.builder().from(r);
  }

  private static Finding.Builder finding(Finding f) {
    return Finding.builder().from(f);
  }

  private static Cause.Builder cause(Cause c) {
    return Cause.builder().from(c);
  }

  private static PreventionMeasure.Builder prevention(PreventionMeasure p) {
    return PreventionMeasure.builder().from(p);
  }

  private static Treatment.Builder treatment(Treatment t) {
    return Treatment.builder().from(t);
  }

  private static Condition.Builder condition(Condition c) {
    return Condition.builder().from(c);
  }

  private static RedFlag.Builder redFlag(RedFlag r) {
    return RedFlag.builder().from(r);
  }

  /** The value types reachable from a content document and a module version through their attributes. */
  private static Set<Class<?>> valueTypes() {
    Set<Class<?>> out = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(ContentDocument.class, ModuleVersion.class));
    while (!todo.isEmpty()) {
      Class<?> type = todo.poll();
      if (!out.add(type)) {
        continue;
      }
      for (String attribute : attributes(type)) {
        Class<?> held = valueClass(accessor(type, attribute).getGenericReturnType());
        if (isValueType(held)) {
          todo.add(held);
        }
      }
    }
    return out;
  }

  private static boolean isValueType(Class<?> type) {
    return type.getPackageName().startsWith("org.musculo") && !type.isEnum();
  }

  /** The attributes of an Immutables value type: the instance fields of its generated class. */
  private static List<String> attributes(Class<?> type) {
    Class<?> generated;
    try {
      generated = Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(type + " is not an Immutables value type", e);
    }
    return Arrays.stream(generated.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
        .map(Field::getName)
        .toList();
  }

  private static java.lang.reflect.Method accessor(Class<?> type, String attribute) {
    try {
      return type.getMethod(attribute);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(type.getSimpleName() + " has no accessor " + attribute, e);
    }
  }

  /** The class of the values an accessor returns, looking into a list or an optional. */
  private static Class<?> valueClass(Type type) {
    if (type instanceof ParameterizedType p) {
      return valueClass(p.getActualTypeArguments()[0]);
    }
    return (Class<?>) type;
  }
}
