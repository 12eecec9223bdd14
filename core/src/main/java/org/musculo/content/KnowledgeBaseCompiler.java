package org.musculo.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.musculo.internal.text.Suggestions;
import org.musculo.model.BodyRegion;
import org.musculo.model.Cause;
import org.musculo.model.Condition;
import org.musculo.model.ContentEntry;
import org.musculo.model.Finding;
import org.musculo.model.Manifestation;
import org.musculo.model.PreventionMeasure;
import org.musculo.model.RedFlag;
import org.musculo.model.RiskFactor;
import org.musculo.model.Treatment;

/** Compiles content modules into a knowledge base, or throws listing every problem. */
final class KnowledgeBaseCompiler {
  private static final Comparator<Located> BY_ID = Comparator.comparing(l -> l.entry().id());
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private final List<ContentModule> modules;
  private final List<ContentProblem> problems;
  private final Map<EntryKind, Set<String>> broken = new EnumMap<>(EntryKind.class);
  private boolean lostDocument;
  private final Map<EntryKind, Map<String, Located>> resolved = new EnumMap<>(EntryKind.class);

  KnowledgeBaseCompiler(List<ContentModule> modules, List<ContentProblem> earlier) {
    this.modules = List.copyOf(modules);
    this.problems = new ArrayList<>(earlier);
  }

  KnowledgeBase compile() {
    List<ModuleVersion> versions = new ArrayList<>();
    Map<EntryKind, List<Located>> declared = new EnumMap<>(EntryKind.class);
    for (EntryKind kind : EntryKind.values()) {
      declared.put(kind, new ArrayList<>());
    }
    Set<String> moduleIds = new HashSet<>();
    for (ContentModule module : modules) {
      String id;
      String version;
      List<ContentSource> sources;
      try {
        id = module.id();
        version = module.version();
        sources = module.sources();
      } catch (RuntimeException e) {
        problems.add(new ContentProblem("?", "", "", "content module " + module.getClass().getName()
            + " failed to describe itself (" + e.getClass().getSimpleName() + "); fix its id(),"
            + " version() or sources()"));
        continue;
      }
      if (id == null || !SLUG.matcher(id).matches()) {
        problems.add(new ContentProblem(String.valueOf(id), "", "",
            "a module id must be a lower-case slug such as 'my-clinic' but was '" + id + "'"));
        continue;
      }
      if (version == null || version.isBlank() || sources == null) {
        problems.add(new ContentProblem(id, "", "",
            "module '" + id + "' must give a non-blank version and a list of sources"));
        continue;
      }
      if (!moduleIds.add(id)) {
        problems.add(new ContentProblem(id, "", "", "module '" + id + "' is added twice; add each"
            + " module once (a discovered module need not be added again)"));
        continue;
      }
      versions.add(ModuleVersion.of(id, version));
      ContentReader reader = new ContentReader(id, problems, broken);
      for (ContentSource source : sources) {
        for (Located located : reader.read(source)) {
          declared.get(located.kind()).add(located);
        }
      }
      lostDocument |= reader.lostDocument();
    }
    if (lostDocument) {
      // the entries of a lost document are unknown: every reference to them would be reported
      // as unknown too, burying the one problem to mend under hundreds of false ones
      throw new ContentException(problems);
    }
    if (versions.isEmpty() && problems.isEmpty()) {
      problems.add(new ContentProblem("?", "", "", "no content module was given; add at least one"));
    }
    for (EntryKind kind : EntryKind.values()) {
      // by id, and in the order declared within an id (the sort is stable, and linear when the
      // ids were declared in order)
      List<Located> all = declared.get(kind);
      all.sort(BY_ID);
      Map<String, Located> byId = new LinkedHashMap<>(all.size() * 4 / 3 + 1);
      for (int i = 0; i < all.size(); ) {
        Located first = all.get(i);
        String id = first.entry().id();
        int end = i + 1;
        while (end < all.size() && all.get(end).entry().id().equals(id)) {
          end++;
        }
        Located winner = end == i + 1 && first.entry().overrides().isEmpty()
            ? first
            : resolveOverrides(kind, id, all.subList(i, end), moduleIds);
        if (winner != null) {
          byId.put(id, winner);
        }
        i = end;
      }
      resolved.put(kind, byId);
    }
    // the hash is written in the same pass as the reference checks, while each entry is at hand;
    // it is thrown away if there is a problem
    ContentHash hash = new ContentHash(versions);
    checkReferences(hash);
    checkCycles(EntryKind.FINDING, e -> ((Finding) e).parents());
    checkCycles(EntryKind.REGION, e -> ((BodyRegion) e).parents());
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    Map<String, BodyRegion> regions = entries(EntryKind.REGION, BodyRegion.class);
    Map<String, Finding> findings = entries(EntryKind.FINDING, Finding.class);
    Map<String, Cause> causes = entries(EntryKind.CAUSE, Cause.class);
    Map<String, PreventionMeasure> prevention = entries(EntryKind.PREVENTION, PreventionMeasure.class);
    Map<String, Treatment> treatments = entries(EntryKind.TREATMENT, Treatment.class);
    Map<String, Condition> conditions = entries(EntryKind.CONDITION, Condition.class);
    Map<String, RedFlag> redFlags = entries(EntryKind.RED_FLAG, RedFlag.class);
    return new KnowledgeBase(
        versions, hash.finish(), regions, findings, causes, prevention, treatments, conditions, redFlags);
  }

  /** Picks the entry that wins after explicit overrides, reporting duplicates and bad overrides. */
  private Located resolveOverrides(EntryKind kind, String id, List<Located> list, Set<String> moduleIds) {
    List<Located> bases = new ArrayList<>();
    List<Located> overrides = new ArrayList<>();
    for (Located l : list) {
      (l.entry().overrides().isPresent() ? overrides : bases).add(l);
    }
    for (int i = 1; i < bases.size(); i++) {
      Located first = bases.get(0);
      Located again = bases.get(i);
      String fix = first.module().equals(again.module())
          ? "rename one of them"
          : "rename one, or add \"overrides\": \"" + first.module() + "\" to replace the other";
      problems.add(again.problem("/id", "duplicate " + kind.noun + " id '" + id
          + "': it is also declared in " + first.place() + "; " + fix));
    }
    Located current = bases.isEmpty() ? null : bases.get(0);
    List<Located> pending = new ArrayList<>(overrides);
    boolean progress = current != null;
    while (progress) {
      progress = false;
      List<Located> matching = new ArrayList<>();
      for (Located o : pending) {
        if (o.entry().overrides().get().equals(current.module())) {
          matching.add(o);
        }
      }
      if (matching.size() > 1) {
        for (Located o : matching.subList(1, matching.size())) {
          problems.add(o.problem("/overrides", kind.noun + " '" + id + "' of module '"
              + current.module() + "' is overridden twice, also in " + matching.get(0).place()
              + "; keep one override"));
        }
      }
      if (!matching.isEmpty()) {
        pending.removeAll(matching);
        current = matching.get(0);
        progress = true;
      }
    }
    for (Located o : pending) {
      String target = o.entry().overrides().get();
      String why;
      if (target.equals(o.module())) {
        why = "an entry cannot override its own module; remove \"overrides\" or the other entry";
      } else if (!moduleIds.contains(target)) {
        why = "module '" + target + "' is not loaded" + Suggestions.didYouMean(target, moduleIds)
            + "; add that module or remove \"overrides\"";
      } else {
        why = "module '" + target + "' declares no " + kind.noun + " '" + id
            + "'; check the id or remove \"overrides\" to add a new entry";
      }
      problems.add(o.problem("/overrides", "overrides " + kind.noun + " '" + id + "' of module '"
          + target + "', but " + why));
    }
    return current;
  }

  /** Checks every reference and writes every entry to the hash, kind by kind in hash order. */
  private void checkReferences(ContentHash hash) {
    hash.count(resolved.get(EntryKind.REGION).size());
    for (Located l : resolved.get(EntryKind.REGION).values()) {
      BodyRegion r = (BodyRegion) l.entry();
      hash.region(r);
      refs(l, "/parents", r.parents(), EntryKind.REGION);
    }
    hash.count(resolved.get(EntryKind.FINDING).size());
    for (Located l : resolved.get(EntryKind.FINDING).values()) {
      Finding f = (Finding) l.entry();
      hash.finding(f);
      f.region().ifPresent(r -> ref(l, "/region", r, EntryKind.REGION));
      refs(l, "/parents", f.parents(), EntryKind.FINDING);
      for (int i = 0; i < f.derivedFrom().size(); i++) {
        refs(l, "/derivedFrom/" + i, f.derivedFrom().get(i), EntryKind.FINDING);
      }
    }
    hash.count(resolved.get(EntryKind.CAUSE).size());
    for (Located l : resolved.get(EntryKind.CAUSE).values()) {
      Cause c = (Cause) l.entry();
      hash.cause(c);
      refs(l, "/indicators", c.indicators(), EntryKind.FINDING);
      c.condition().ifPresent(id -> ref(l, "/condition", id, EntryKind.CONDITION));
      refs(l, "/prevention", c.prevention(), EntryKind.PREVENTION);
    }
    hash.count(resolved.get(EntryKind.PREVENTION).size());
    for (Located l : resolved.get(EntryKind.PREVENTION).values()) {
      hash.prevention((PreventionMeasure) l.entry());
    }
    hash.count(resolved.get(EntryKind.TREATMENT).size());
    for (Located l : resolved.get(EntryKind.TREATMENT).values()) {
      Treatment t = (Treatment) l.entry();
      hash.treatment(t);
      refs(l, "/indications", t.indications(), EntryKind.FINDING);
      refs(l, "/contraindications", t.contraindications(), EntryKind.FINDING);
      refs(l, "/contraindicatedRedFlags", t.contraindicatedRedFlags(), EntryKind.RED_FLAG);
    }
    Map<String, Located> findings = resolved.get(EntryKind.FINDING);
    hash.count(resolved.get(EntryKind.CONDITION).size());
    for (Located l : resolved.get(EntryKind.CONDITION).values()) {
      Condition c = (Condition) l.entry();
      hash.condition(c);
      List<Manifestation> ms = c.manifestations();
      for (int i = 0; i < ms.size(); i++) {
        String finding = ms.get(i).finding();
        if (!findings.containsKey(finding)) {
          ref(l, "/manifestations/" + i + "/finding", finding, EntryKind.FINDING);
        }
      }
      List<RiskFactor> rfs = c.riskFactors();
      for (int i = 0; i < rfs.size(); i++) {
        if (rfs.get(i).finding().isPresent()) {
          ref(l, "/riskFactors/" + i + "/finding", rfs.get(i).finding().get(), EntryKind.FINDING);
        }
      }
      refs(l, "/causes", c.causes(), EntryKind.CAUSE);
      refs(l, "/prevention", c.prevention(), EntryKind.PREVENTION);
      refs(l, "/treatments", c.treatments(), EntryKind.TREATMENT);
      if (c.manifestations().isEmpty()) {
        problems.add(l.problem("/manifestations", "condition '" + c.id() + "' lists no"
            + " manifestations; add the findings through which it shows"));
      }
      if (c.sources().isEmpty()) {
        problems.add(l.problem("/sources", "condition '" + c.id() + "' cites no source; add at"
            + " least one (publisher, title, url, accessed)"));
      }
    }
    hash.count(resolved.get(EntryKind.RED_FLAG).size());
    for (Located l : resolved.get(EntryKind.RED_FLAG).values()) {
      RedFlag r = (RedFlag) l.entry();
      hash.redFlag(r);
      refs(l, "/allOf", r.allOf(), EntryKind.FINDING);
      refs(l, "/anyOf", r.anyOf(), EntryKind.FINDING);
      refs(l, "/noneOf", r.noneOf(), EntryKind.FINDING);
      r.condition().ifPresent(id -> ref(l, "/condition", id, EntryKind.CONDITION));
      if (r.sources().isEmpty()) {
        problems.add(l.problem("/sources", "red flag '" + r.id() + "' cites no source; add at"
            + " least one (publisher, title, url, accessed)"));
      }
    }
  }

  /** Reports every unknown id of a list; a pointer is only built for a problem. */
  private void refs(Located from, String pointer, List<String> ids, EntryKind target) {
    Map<String, Located> known = resolved.get(target);
    for (int i = 0; i < ids.size(); i++) {
      if (!known.containsKey(ids.get(i))) {
        ref(from, pointer + "/" + i, ids.get(i), target);
      }
    }
  }

  /** Reports an unknown reference, unless it names an entry that failed to bind. */
  private void ref(Located from, String pointer, String id, EntryKind target) {
    Map<String, Located> known = resolved.get(target);
    if (known.containsKey(id) || broken.getOrDefault(target, Set.of()).contains(id)) {
      return;
    }
    problems.add(from.problem(pointer, "unknown " + target.noun + " '" + id + "'"
        + Suggestions.didYouMean(id, known.keySet())
        + "; declare it in \"" + target.key + "\" or fix the id"));
  }

  private void checkCycles(EntryKind kind, Function<ContentEntry, List<String>> parents) {
    Map<String, Located> entries = resolved.get(kind);
    Map<String, Integer> state = new HashMap<>();
    for (String start : entries.keySet()) {
      visit(start, entries, parents, state, new ArrayList<>(), kind);
    }
  }

  private void visit(String id, Map<String, Located> entries, Function<ContentEntry, List<String>> parents,
      Map<String, Integer> state, List<String> path, EntryKind kind) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      Located at = entries.get(id);
      problems.add(at.problem("/parents", "the " + kind.noun + " hierarchy has a cycle: "
          + String.join(" → ", cycle) + "; remove one of these parents"));
      return;
    }
    Located located = entries.get(id);
    if (located == null) {
      return;
    }
    state.put(id, 1);
    path.add(id);
    for (String parent : parents.apply(located.entry())) {
      visit(parent, entries, parents, state, path, kind);
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
  }

  private <T> Map<String, T> entries(EntryKind kind, Class<T> type) {
    Map<String, T> map = new LinkedHashMap<>(resolved.get(kind).size() * 4 / 3 + 1);
    resolved.get(kind).forEach((id, l) -> map.put(id, type.cast(l.entry())));
    return Collections.unmodifiableMap(map);
  }
}
