package org.musculo.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.BodyRegion;
import org.musculo.model.Finding;

/**
 * Places what a patient types on findings: lay synonyms and names matched word by word in any
 * order within a short window, word forms folded by a light stemmer, typos forgiven (one edit
 * for words of five letters or more, two for words of nine or more, and a middle letter left out
 * of a five-letter word), negation scoped to its
 * clause, and body-region words refining a general finding to the region the patient named.
 * Words it cannot place come back as unrecognised spans: never guessed, never dropped.
 *
 * <p>Beyond word-for-word matching: a body region named in another clause of the same sentence
 * completes a phrase ("my calf hurts but it isn't swollen" denies a swollen calf); under a
 * denial, part of a finding's phrase stands for it ("no rash" denies a rash that doesn't fade),
 * a loose match kept only if it is denied; a head word shared by a coordination serves both
 * sides ("bladder or bowel problems"); a word widened to the region that contains it carries no
 * more information than the word typed.
 *
 * <p>Built once from a knowledge base; searching is thread-safe and allocates little.
 */
public final class SymptomIndex {
  /** Words that may be left out of a phrase of two or more words ("muscle cramp" ~ "cramp"). */
  private static final Set<String> WEAK = Set.of("muscl", "area", "sid", "part");
  private static final String NOT = "not";
  /** Words that, after "and", start a clause about something else: no phrase spans them. */
  private static final Set<String> NEW_SUBJECT = Set.of("my", "the", "this", "there", "theres", "his", "her",
      "their", "our");
  private static final int WINDOW_SLACK = 2;
  /** Share of a phrase's information (idf) that a match must cover when a word is missing. */
  private static final double MIN_COVERAGE = 0.65;

  private final Map<String, Integer> vocabulary = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  /** Every written form seen for each vocabulary word, stem included: typos are near a form. */
  private final List<Set<String>> forms = new ArrayList<>();
  private final Map<String, int[]> deletes = new HashMap<>();
  /** Per phrase: required token ids, optional (weak) token ids, its finding or region. */
  private final List<int[]> phraseRequired = new ArrayList<>();
  private final List<int[]> phraseOptional = new ArrayList<>();
  private final List<Integer> phraseFinding = new ArrayList<>();
  /** Per phrase: how many words it is written with, stop words included. */
  private final List<Integer> phraseWritten = new ArrayList<>();
  /** Per phrase: index in required of its negation word, or -1. */
  private final List<Integer> phraseNot = new ArrayList<>();
  private final List<String> phraseRegion = new ArrayList<>();
  private int[][] postings;
  private double[] idf;
  private final String[] findingIds;
  private final String[] findingNames;
  /** Per finding: whether one of its phrases starts with a denial ("no relief from stretching"). */
  private final boolean[] deniesItself;
  /** Per vocabulary word: whether it is the one-word name of a body region; whether a region's name has it. */
  private boolean[] regionWord;
  private boolean[] regionVocabulary;
  /** Per vocabulary word: whether it only says where, how much or when (or is the negation). */
  private boolean[] plain;
  /** Per vocabulary word: whether it is an everyday word ({@link Analyzer#isAmbiguous}). */
  private boolean[] everyday;
  /** Per phrase: the indices of its required words that may carry a loose match (see {@link #named}). */
  private int[][] pNamed;
  /** Per finding: the words of its name, which say what it is. */
  private final List<Set<Integer>> nameWords = new ArrayList<>();
  private final Map<String, Integer> findingIndex = new HashMap<>();
  /** Per finding: descendants that have a region, for refining "pain" + "ankle". */
  private final Map<Integer, List<Integer>> regional = new HashMap<>();
  private final Map<Integer, String> findingRegion = new HashMap<>();
  private final Map<String, List<String>> regionLineage = new HashMap<>();
  /** One-word region names: word id to the word ids of the one-word names of its ancestors. */
  private final Map<Integer, int[]> regionWordAncestors = new HashMap<>();
  /** The per-phrase lists above as arrays, for the hot path. */
  private int[][] pRequired;
  private int[][] pOptional;
  private int[] pFinding;
  private int[] pWritten;
  private int[] pNot;
  private double[] pTotal;
  private String[] pKey;
  /** Per search, per thread: reused buffers, so that placing a phrase allocates nothing. */
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(
      () -> new Scratch(words.size(), pRequired.length, Arrays.stream(pRequired).mapToInt(r -> r.length).max().orElse(1)));
  /** Per phrase: how many required words a match needs, how many are region words, whether it may match loosely. */
  private int[] pNeeded;
  private int[] pRegionWords;
  private boolean[] pLoose;

  /**
   * Builds the index.
   *
   * @param kb the knowledge base whose findings and regions are searched
   */
  public SymptomIndex(KnowledgeBase kb) {
    findingIds = kb.findings().keySet().toArray(String[]::new);
    findingNames = new String[findingIds.length];
    deniesItself = new boolean[findingIds.length];
    for (int i = 0; i < findingIds.length; i++) {
      findingIndex.put(findingIds[i], i);
    }
    List<IntList> postingLists = new ArrayList<>();
    // names and synonyms are read several times while building: each text is tokenized once
    Map<String, List<Token>> tokenized = new HashMap<>();
    Function<String, List<Token>> tokenize = text -> tokenized.computeIfAbsent(text, Analyzer::tokenize);
    int f = 0;
    for (Finding finding : kb.findings().values()) {
      findingNames[f] = finding.name();
      finding.region().ifPresent(r -> findingRegion.put(findingIndex.get(finding.id()), r));
      Set<String> phrases = new LinkedHashSet<>();
      phrases.addAll(variants(finding.name(), tokenize));
      for (String synonym : finding.synonyms()) {
        phrases.addAll(variants(synonym, tokenize));
      }
      for (String phrase : phrases) {
        addPhrase(phrase, f, null, postingLists, tokenize);
      }
      f++;
    }
    for (String name : findingNames) {
      Set<Integer> ids = new java.util.HashSet<>();
      for (Token t : tokenize.apply(name)) {
        Integer id = vocabulary.get(t.stem());
        if (t.kind() == Token.Kind.CONTENT && id != null) {
          ids.add(id);
        }
      }
      nameWords.add(ids);
    }
    for (BodyRegion region : kb.regions().values()) {
      Set<String> phrases = new LinkedHashSet<>();
      phrases.add(region.name());
      phrases.addAll(region.synonyms());
      for (String phrase : phrases) {
        addPhrase(phrase, -1, region.id(), postingLists, tokenize);
      }
      regionLineage.put(region.id(), lineage(kb, region.id()));
    }
    postings = new int[postingLists.size()][];
    idf = new double[postingLists.size()];
    for (int t = 0; t < postings.length; t++) {
      postings[t] = postingLists.get(t).toArray();
      idf[t] = Math.log(1 + (double) phraseRequired.size() / Math.max(1, postings[t].length));
    }
    int phrases = phraseRequired.size();
    pRequired = phraseRequired.toArray(int[][]::new);
    pOptional = phraseOptional.toArray(int[][]::new);
    pFinding = phraseFinding.stream().mapToInt(Integer::intValue).toArray();
    pWritten = phraseWritten.stream().mapToInt(Integer::intValue).toArray();
    pNot = phraseNot.stream().mapToInt(Integer::intValue).toArray();
    pTotal = new double[phrases];
    pKey = new String[phrases];
    for (int p = 0; p < phrases; p++) {
      for (int t : pRequired[p]) {
        pTotal[p] += idf[t];
      }
      pKey[p] = pFinding[p] >= 0 ? findingIds[pFinding[p]] : "~" + phraseRegion.get(p);
    }
    for (Finding finding : kb.findings().values()) {
      int child = findingIndex.get(finding.id());
      if (finding.region().isEmpty()) {
        continue;
      }
      for (String ancestor : ancestors(kb, finding.id())) {
        regional.computeIfAbsent(findingIndex.get(ancestor), k -> new ArrayList<>()).add(child);
      }
    }
    Map<String, List<Integer>> regionWords = new HashMap<>();
    for (BodyRegion region : kb.regions().values()) {
      List<String> names = new ArrayList<>(List.of(region.name()));
      names.addAll(region.synonyms());
      for (String name : names) {
        List<Token> ts = tokenize.apply(name).stream().filter(t -> t.kind() == Token.Kind.CONTENT).toList();
        if (ts.size() == 1 && vocabulary.containsKey(ts.get(0).stem())) {
          regionWords.computeIfAbsent(region.id(), k -> new ArrayList<>()).add(vocabulary.get(ts.get(0).stem()));
        }
      }
    }
    for (BodyRegion region : kb.regions().values()) {
      List<Integer> own = regionWords.getOrDefault(region.id(), List.of());
      List<Integer> above = new ArrayList<>();
      for (String ancestor : regionLineage.get(region.id())) {
        if (!ancestor.equals(region.id())) {
          above.addAll(regionWords.getOrDefault(ancestor, List.of()));
        }
      }
      for (int word : own) {
        // the region's other one-word names ("glutes" is "buttock") and those of its ancestors
        int[] merged = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                java.util.Arrays.stream(regionWordAncestors.getOrDefault(word, new int[0])),
                own.stream().mapToInt(Integer::intValue)),
                above.stream().mapToInt(Integer::intValue))
            .filter(a -> a != word).distinct().toArray();
        regionWordAncestors.put(word, merged);
      }
    }
    Map<String, IntList> deleteLists = new HashMap<>();
    for (int t = 0; t < words.size(); t++) {
      for (String form : forms.get(t)) {
        for (String d : deletions(form, indexedDeletions(form))) {
          deleteLists.computeIfAbsent(d, k -> new IntList()).add(t);
        }
      }
    }
    deleteLists.forEach((k, v) -> deletes.put(k, v.toArray()));
    regionWord = new boolean[words.size()];
    regionWordAncestors.keySet().forEach(w -> regionWord[w] = true);
    plain = new boolean[words.size()];
    everyday = new boolean[words.size()];
    for (int w = 0; w < words.size(); w++) {
      plain[w] = regionWord[w] || general(words.get(w)) || words.get(w).equals(NOT);
      everyday[w] = Analyzer.isAmbiguous(words.get(w));
    }
    regionVocabulary = regionWord.clone();
    for (int p = 0; p < phrases; p++) {
      if (pFinding[p] < 0) {
        for (int t : pRequired[p]) {
          regionVocabulary[t] = true;
        }
      }
    }
    pNeeded = new int[phrases];
    pRegionWords = new int[phrases];
    pLoose = new boolean[phrases];
    for (int p = 0; p < phrases; p++) {
      int length = pRequired[p].length;
      int allowedMissing = pNot[p] >= 0 ? 0 : length >= 5 ? 2 : length >= 3 ? 1 : 0;
      pNeeded[p] = length - allowedMissing;
      for (int t : pRequired[p]) {
        pRegionWords[p] += regionWord[t] ? 1 : 0;
      }
    }
    pNamed = new int[phrases][];
    for (int p = 0; p < phrases; p++) {
      List<Integer> named = new ArrayList<>();
      for (int k = 0; p < phrases && pFinding[p] >= 0 && k < pRequired[p].length; k++) {
        if (namesFinding(pRequired[p][k], pFinding[p])) {
          named.add(k);
        }
      }
      pNamed[p] = named.stream().mapToInt(Integer::intValue).toArray();
      pLoose[p] = pFinding[p] >= 0 && !deniesItself[pFinding[p]] && pRequired[p].length >= 2 && pNamed[p].length > 0;
    }
  }

  private static final java.util.regex.Pattern ALTERNATIVE =
      java.util.regex.Pattern.compile("\\b(\\w+) or (\\w+)\\b");

  /**
   * A phrase and the shorter phrases it stands for: "Irregular heartbeat (atrial fibrillation)"
   * also gives both parts; "Chest pain, pressure or tightness" also gives "Chest pain", "Chest
   * pressure" and "Chest tightness"; "pain in an arm or leg" also gives "pain in an arm" and
   * "pain in an leg". Generated phrases of fewer than two words are left out.
   */
  static List<String> variants(String phrase, Function<String, List<Token>> tokenize) {
    Set<String> out = new LinkedHashSet<>();
    out.add(phrase);
    int open = phrase.indexOf('(');
    int close = phrase.indexOf(')', open + 1);
    String base = phrase;
    if (open >= 0 && close > open) {
      base = (phrase.substring(0, open) + phrase.substring(close + 1)).strip();
      addIfPhrase(tokenize, out, base);
      addIfPhrase(tokenize, out, phrase.substring(open + 1, close).strip());
    }
    String[] parts = base.split(",");
    String first = parts[0].strip();
    addIfPhrase(tokenize, out, first);
    if (parts.length > 1) {
      String prefix = first.contains(" ") ? first.substring(0, first.lastIndexOf(' ')) : "";
      String rest = String.join(",", java.util.Arrays.copyOfRange(parts, 1, parts.length));
      for (String item : rest.split(",| or ")) {
        String word = item.strip();
        if (!word.isEmpty() && !word.contains(" ") && !prefix.isEmpty()) {
          addIfPhrase(tokenize, out, prefix + " " + word);
        }
      }
    }
    // most phrases have no alternative: a plain search spares them the regular expression
    java.util.regex.Matcher m = first.contains(" or ") ? ALTERNATIVE.matcher(first) : null;
    if (m != null && m.find()) {
      addIfPhrase(tokenize, out, first.substring(0, m.start()) + m.group(1) + first.substring(m.end()));
      addIfPhrase(tokenize, out, first.substring(0, m.start()) + m.group(2) + first.substring(m.end()));
    }
    return List.copyOf(out);
  }

  private static void addIfPhrase(Function<String, List<Token>> tokenize, Set<String> out, String phrase) {
    long words = tokenize.apply(phrase).stream()
        .filter(t -> t.kind() == Token.Kind.CONTENT || t.kind() == Token.Kind.NEGATION).count();
    if (words >= 2) {
      out.add(phrase);
    }
  }

  private static List<String> lineage(KnowledgeBase kb, String region) {
    List<String> out = new ArrayList<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(region));
    while (!queue.isEmpty()) {
      String r = queue.poll();
      if (!out.contains(r)) {
        out.add(r);
        queue.addAll(kb.regions().get(r).parents());
      }
    }
    return out;
  }

  private static Set<String> ancestors(KnowledgeBase kb, String finding) {
    Set<String> out = new LinkedHashSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(kb.findings().get(finding).parents());
    while (!queue.isEmpty()) {
      String p = queue.poll();
      if (out.add(p)) {
        queue.addAll(kb.findings().get(p).parents());
      }
    }
    return out;
  }

  private void addPhrase(String phrase, int finding, String region, List<IntList> postingLists,
      Function<String, List<Token>> tokenize) {
    List<Integer> required = new ArrayList<>();
    List<Integer> optional = new ArrayList<>();
    List<Token> tokens = tokenize.apply(phrase);
    for (Token token : tokens) {
      String stem;
      if (token.kind() == Token.Kind.CONTENT) {
        stem = token.stem();
      } else if (token.kind() == Token.Kind.NEGATION) {
        stem = NOT;
      } else {
        continue;
      }
      int id = vocabulary.computeIfAbsent(stem, s -> {
        words.add(s);
        forms.add(new LinkedHashSet<>(List.of(s)));
        postingLists.add(new IntList());
        return words.size() - 1;
      });
      if (token.kind() == Token.Kind.CONTENT) {
        forms.get(id).add(token.raw());
      }
      List<Integer> target = WEAK.contains(stem) ? optional : required;
      if (!required.contains(id) && !optional.contains(id)) {
        target.add(id);
      }
    }
    if (required.isEmpty()) {
      required.addAll(optional);
      optional.clear();
    }
    if (required.isEmpty()) {
      return;
    }
    long written = tokens.stream().filter(t -> t.kind() != Token.Kind.END
        && t.kind() != Token.Kind.COMMA).count();
    if (finding >= 0 && vocabulary.containsKey(NOT) && required.indexOf(vocabulary.get(NOT)) == 0) {
      deniesItself[finding] = true; // its absence is not implied by the absence of its other words
    }
    if (required.size() == 1 && written > 1 && Analyzer.isAmbiguous(words.get(required.get(0)))) {
      return; // "out of the blue" must not fire on "blue", nor "the runs" on "running"
    }
    Integer notId = vocabulary.get(NOT);
    int not = notId == null ? -1 : required.indexOf(notId);
    if (not == 0 && required.size() < 3) {
      return; // "never had headaches like this" cannot be told from "no headache"
    }
    int index = phraseRequired.size();
    phraseRequired.add(required.stream().mapToInt(Integer::intValue).toArray());
    phraseOptional.add(optional.stream().mapToInt(Integer::intValue).toArray());
    phraseFinding.add(finding);
    phraseRegion.add(region);
    phraseWritten.add((int) written);
    phraseNot.add(not);
    for (int t : required) {
      postingLists.get(t).add(index);
    }
  }

  /** Returns every string within {@code max} deletions of {@code word}, the word included. */
  private static Set<String> deletions(String word, int max) {
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    Set<String> frontier = Set.of(word);
    for (int d = 0; d < max; d++) {
      Set<String> next = new LinkedHashSet<>();
      for (String w : frontier) {
        if (w.length() <= 2) {
          continue;
        }
        for (int i = 0; i < w.length(); i++) {
          next.add(w.substring(0, i) + w.substring(i + 1));
        }
      }
      out.addAll(next);
      frontier = next;
    }
    return out;
  }

  /**
   * How many deletions of a vocabulary form the index keeps: as many as a typo's probes can
   * meet. A word within {@code b} edits of a form shares with it a string reached by at most
   * {@code b} deletions from each; the word has at least {@code 4b} letters ({@link #budget}),
   * so that string has at least {@code 3b} (three or six letters), which a form of fewer than
   * four letters, or fewer than eight for two deletions, cannot reach by deleting.
   */
  private static int indexedDeletions(String form) {
    return form.length() >= 8 ? 2 : form.length() >= 4 ? 1 : 0;
  }

  /** One edit for words of five letters or more, two for nine or more (word and stem alike). */
  private static int budget(String raw, String stem) {
    int length = Math.min(raw.length(), stem.length() + 1);
    return length >= 9 ? 2 : length >= 5 ? 1 : 0;
  }

  /**
   * Adds, for a word that names a body region ("ankle"), the one-word names of the regions that
   * contain it ("leg"), so that "pain in my ankle" meets "leg pain".
   */
  private int[][] withRegionAncestors(int[][] found) {
    List<int[]> out = new ArrayList<>(java.util.Arrays.asList(found));
    for (int[] c : found) {
      for (int ancestor : regionWordAncestors.getOrDefault(c[0], new int[0])) {
        if (out.stream().noneMatch(o -> o[0] == ancestor)) {
          // the word as typed: a wider region's name carries no more information than it
          out.add(new int[] {ancestor, c[1] + 1, c.length > 2 ? c[2] : c[0]});
        }
      }
    }
    return out.size() == found.length ? found : out.toArray(int[][]::new);
  }

  /**
   * The optimal-string-alignment distance of {@link Suggestions#distance} when it is at most
   * {@code max}; otherwise some number above {@code max}.
   */
  static int boundedDistance(String a, String b, int max) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > max) {
      return max + 1;
    }
    int[] before = new int[lb + 1];
    int[] previous = new int[lb + 1];
    int[] current = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      current[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(j - 1);
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = before;
      before = previous;
      previous = current;
      current = t;
    }
    return previous[lb];
  }

  /**
   * A four-letter word is forgiven one letter left out of the middle of a five-letter word
   * ("fevr" is "fever"), and nothing else.
   */
  private int[][] missingLetter(String raw) {
    int[] ids = deletes.get(raw);
    if (ids == null) {
      return new int[0][];
    }
    List<int[]> out = new ArrayList<>();
    for (int id : ids) {
      for (String form : forms.get(id)) {
        if (form.length() == 5 && form.charAt(0) == raw.charAt(0) && form.charAt(4) == raw.charAt(3)
            && boundedDistance(raw, form, 1) == 1) {
          out.add(new int[] {id, 1});
          break;
        }
      }
    }
    return out.toArray(int[][]::new);
  }

  /** Returns the vocabulary token ids a text token may stand for, with their edit costs. */
  private int[][] candidates(Token token) {
    String stem = token.kind() == Token.Kind.NEGATION ? NOT : token.stem();
    Integer exact = vocabulary.get(stem);
    if (exact != null) {
      return new int[][] {{exact, 0}};
    }
    if (token.kind() != Token.Kind.CONTENT) {
      return new int[0][];
    }
    int[][] cached = typoCache.get(token.raw());
    if (cached == null) {
      cached = typos(token, stem);
      if (typoCache.size() < TYPO_CACHE_LIMIT) {
        typoCache.put(token.raw(), cached); // patients misspell the same words again and again
      }
    }
    return cached;
  }

  /** How many words' typo candidates are remembered; words past it are worked out every time. */
  private static final int TYPO_CACHE_LIMIT = 8192;
  /** Typo candidates by written word (never changed once computed, so shared between threads). */
  private final java.util.concurrent.ConcurrentHashMap<String, int[][]> typoCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Returns the vocabulary words a word not in the vocabulary may be a typo of, with their edit
   * costs; none for a word that is itself English.
   */
  private int[][] typos(Token token, String stem) {
    // a real word is what the patient meant ("barbed" wire is not "barfed"), unless it differs
    // from a vocabulary word only in its ending ("droopy" is "droops")
    boolean english = EnglishWords.contains(token.raw());
    int budget = budget(token.raw(), stem);
    if (budget == 0 && token.raw().length() == 4) {
      return english ? new int[0][] : missingLetter(token.raw());
    }
    if (budget == 0) {
      return new int[0][];
    }
    Map<Integer, Integer> found = new java.util.TreeMap<>();
    Set<String> probes = new LinkedHashSet<>(deletions(stem, budget));
    probes.addAll(deletions(token.raw(), budget));
    BitSet checked = new BitSet(words.size());
    for (String d : probes) {
      int[] ids = deletes.get(d);
      if (ids == null) {
        continue;
      }
      for (int id : ids) {
        if (checked.get(id)) {
          continue;
        }
        checked.set(id);
        if (words.get(id).charAt(0) != stem.charAt(0)) {
          continue; // typos rarely change the first letter; this keeps "fizzy" from "dizzy"
        }
        int distance = Integer.MAX_VALUE;
        for (String form : forms.get(id)) {
          distance = Math.min(distance, Math.min(boundedDistance(stem, form, budget),
              boundedDistance(token.raw(), form, budget)));
        }
        if (distance <= budget && (!english || sameButTheEnding(token.raw(), forms.get(id)))) {
          found.put(id, distance);
        }
      }
    }
    int[][] out = new int[found.size()][];
    int i = 0;
    for (Map.Entry<Integer, Integer> e : found.entrySet()) {
      out[i++] = new int[] {e.getKey(), e.getValue()};
    }
    return out;
  }

  /** Tells whether a word and one of the forms agree in all but the last letter of the form. */
  private static boolean sameButTheEnding(String word, Collection<String> forms) {
    for (String form : forms) {
      int common = 0;
      while (common < word.length() && common < form.length() && word.charAt(common) == form.charAt(common)) {
        common++;
      }
      if (common >= 4 && common >= form.length() - 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether a word only qualifies the symptom word after it: "painful cramps" are cramps
   * and "painful swelling" is swelling, while "painful knee" is knee pain.
   */
  private boolean modifiesNext(List<Token> tokens, int i) {
    if (!tokens.get(i).raw().equals("painful") || i + 1 >= tokens.size()) {
      return false;
    }
    Token next = tokens.get(i + 1);
    if (next.kind() != Token.Kind.CONTENT) {
      return false;
    }
    Integer id = vocabulary.get(next.stem());
    return id != null && !isRegionWord(id) && !Analyzer.isAmbiguous(next.stem());
  }

  /**
   * Searches a text.
   *
   * @param text what the patient typed
   * @return the matches and the unrecognised spans
   */
  public SearchHits search(String text) {
    List<Token> tokens = Analyzer.tokenize(text);
    int n = tokens.size();
    int[][][] cands = new int[n][][];
    int[] segment = new int[n];
    int seg = 0;
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      boolean newClause = t.raw().equals("and") && i + 1 < n && NEW_SUBJECT.contains(tokens.get(i + 1).raw());
      if (t.kind() == Token.Kind.END || t.kind() == Token.Kind.COMMA || t.kind() == Token.Kind.BREAK || newClause) {
        // "my lower back aches and my right leg is numb": no phrase spans "and my"
        seg++;
        segment[i] = -1;
        continue;
      }
      segment[i] = seg;
      if (modifiesNext(tokens, i)) {
        tokens.set(i, new Token(t.stem(), t.raw(), t.start(), t.end(), Token.Kind.STOP));
        continue;
      }
      if (t.kind() == Token.Kind.CONTENT || t.kind() == Token.Kind.NEGATION) {
        cands[i] = withRegionAncestors(candidates(t));
      }
    }
    // sentences, for a region named in another clause of the same sentence
    int[] sentenceFrom = new int[n];
    int[] sentenceTo = new int[n];
    for (int i = 0, from = 0; i < n; i++) {
      sentenceFrom[i] = from;
      if (tokens.get(i).kind() == Token.Kind.END || i == n - 1) {
        for (int j = from; j <= i; j++) {
          sentenceTo[j] = i;
        }
        from = i + 1;
      }
    }
    // where a free cue would deny, if no phrase takes the cue for itself
    boolean anyCue = false;
    for (Token t : tokens) {
      anyCue |= t.kind() == Token.Kind.NEGATION;
    }
    boolean[] negatable = anyCue ? negationScope(tokens, new BitSet(n)) : null;
    List<Candidate> found = new ArrayList<>();
    Scratch sc = scratch.get();
    sc.index(cands, idf);
    try {
      int placedSegment = -1;
      for (int i = 0; i < n; i++) {
        if (cands[i] == null || segment[i] == placedSegment) {
          continue;
        }
        int currentSegment = segment[i];
        placedSegment = currentSegment;
        int segFrom = i;
        int segTo = i;
        while (segTo + 1 < n && segment[segTo + 1] == currentSegment) {
          segTo++;
        }
        boolean hasRegion = false;
        for (int j = segFrom; j <= segTo && !hasRegion; j++) {
          for (int[] c : cands[j] == null ? NONE : cands[j]) {
            hasRegion |= regionVocabulary[c[0]];
          }
        }
        boolean deniable = false;
        for (int j = segFrom; j <= segTo && negatable != null && !deniable; j++) {
          deniable = negatable[j];
        }
        Span span = new Span(currentSegment, segFrom, segTo, sentenceFrom[i], sentenceTo[i], hasRegion,
            deniable ? negatable : null);
        boolean contextPossible = !hasRegion && (sentenceFrom[i] < segFrom || sentenceTo[i] > segTo);
        // count, per phrase, the words of this segment it has: an upper bound on what it can match;
        // the phrases are then tried in the order first met
        sc.clearHits();
        for (int j = segFrom; j <= segTo; j++) {
          for (int[] c : cands[j] == null ? NONE : cands[j]) {
            for (int phrase : postings[c[0]]) {
              sc.hit(phrase);
            }
          }
        }
        for (int t = 0; t < sc.touchedCount; t++) {
          int phrase = sc.touched[t];
          int needed = deniable && pLoose[phrase] ? 1 : pNeeded[phrase] - (contextPossible ? pRegionWords[phrase] : 0);
          if (sc.hits[phrase] < needed) {
            continue; // too few of its words here to match
          }
          Candidate m = place(phrase, span, cands, tokens, sc);
          if (m != null) {
            found.add(m);
          }
        }
      }
    } finally {
      sc.reset();
    }
    // findings first; region words only refine what is left, never outbid a finding. Two greedy
    // passes, one preferring the phrases that cover most, one the shortest; the shortest-first
    // selection wins only when it covers more
    List<Candidate> findingCandidates = new ArrayList<>();
    List<Candidate> regionCandidates = new ArrayList<>();
    for (Candidate c : found) {
      (c.finding >= 0 ? findingCandidates : regionCandidates).add(c);
    }
    BitSet shared = sharedHeads(tokens);
    shared.or(sidedRegions(tokens));
    if (!shared.isEmpty()) {
      for (Candidate c : findingCandidates) {
        BitSet own = (BitSet) c.positions.clone();
        own.andNot(shared);
        c.blocking = own.isEmpty() ? c.positions : own; // a shared head alone is not shared
      }
    }
    List<Candidate> chosen = new ArrayList<>(pack(findingCandidates, n));
    BitSet usedByFindings = new BitSet(n);
    chosen.forEach(c -> usedByFindings.or(c.positions));
    chosen.addAll(select(regionCandidates, java.util.Comparator.naturalOrder(), usedByFindings));
    // refine general findings with a region named in the same clause segment
    List<Candidate> regions = chosen.stream().filter(m -> m.finding < 0).toList();
    BitSet regionUsed = new BitSet();
    List<Hit> hits = new ArrayList<>();
    for (Candidate m : chosen) {
      if (m.finding < 0) {
        continue;
      }
      int finding = m.finding;
      double confidence = m.confidence();
      BitSet positions = (BitSet) m.positions.clone();
      if (!findingRegion.containsKey(finding) && regional.containsKey(finding)) {
        for (int r = 0; r < regions.size(); r++) {
          Candidate region = regions.get(r);
          if (region.segment != m.segment) {
            continue;
          }
          int refined = refine(finding, phraseRegion.get(region.phrase));
          if (refined >= 0) {
            finding = refined;
            confidence *= 0.9;
            positions.or(region.positions);
            regionUsed.set(r);
            break;
          }
        }
      }
      hits.add(new Hit(findingIds[finding], findingNames[finding], positions, confidence, m.loose));
    }
    if (hits.stream().anyMatch(Hit::loose)) {
      // a loose match stands only where it is denied
      BitSet consumed = new BitSet(n);
      hits.forEach(h -> consumed.or(h.positions));
      boolean[] negated = negationScope(tokens, consumed);
      hits.removeIf(h -> h.loose() && !negated[h.positions().nextSetBit(0)]);
    }
    return assemble(text, tokens, hits, chosen, regions, regionUsed);
  }

  /**
   * Chooses the set of non-overlapping finding matches that covers the most information (each
   * match's covered idf times its coverage), preferring fewer, wider phrases on a tie, by a
   * bounded best-first search; beyond the bound it keeps the best set found, which is at least as
   * good as the greedy one it starts from.
   */
  private static List<Candidate> pack(List<Candidate> candidates, int n) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(null);
    List<Candidate> greedy = select(sorted, java.util.Comparator.naturalOrder(), new BitSet(n));
    Packing best = new Packing(greedy);
    int[] budget = {PACKING_BUDGET};
    search(sorted, 0, new BitSet(n), new ArrayList<>(), new java.util.HashSet<>(), best, budget);
    return best.chosen;
  }

  private static final int PACKING_BUDGET = 4000;

  private static final class Packing {
    List<Candidate> chosen;
    double score;

    Packing(List<Candidate> chosen) {
      this.chosen = chosen;
      this.score = score(chosen);
    }

    static double score(List<Candidate> chosen) {
      double s = 0;
      for (Candidate c : chosen) {
        s += c.covered * c.coverage;
      }
      return s;
    }

    void offer(List<Candidate> candidate) {
      double s = score(candidate);
      if (s > score + 1e-9 || (Math.abs(s - score) <= 1e-9 && candidate.size() < chosen.size())) {
        chosen = new ArrayList<>(candidate);
        score = s;
      }
    }
  }

  private static void search(List<Candidate> sorted, int from, BitSet used, List<Candidate> current,
      Set<Integer> findings, Packing best, int[] budget) {
    if (--budget[0] < 0) {
      return;
    }
    best.offer(current);
    double remaining = 0;
    for (int i = from; i < sorted.size(); i++) {
      if (!sorted.get(i).blocking.intersects(used)) {
        remaining += sorted.get(i).covered * sorted.get(i).coverage;
      }
    }
    if (Packing.score(current) + remaining <= best.score + 1e-9) {
      return;
    }
    for (int i = from; i < sorted.size(); i++) {
      Candidate c = sorted.get(i);
      if (c.blocking.intersects(used) || findings.contains(c.finding)) {
        continue;
      }
      BitSet next = (BitSet) used.clone();
      next.or(c.blocking);
      current.add(c);
      findings.add(c.finding);
      search(sorted, i + 1, next, current, findings, best, budget);
      current.remove(current.size() - 1);
      findings.remove(c.finding);
    }
  }

  private static List<Candidate> select(List<Candidate> found, java.util.Comparator<Candidate> order, BitSet taken) {
    List<Candidate> sorted = new ArrayList<>(found);
    sorted.sort(order);
    BitSet used = (BitSet) taken.clone();
    List<Candidate> chosen = new ArrayList<>();
    Set<Integer> chosenFindings = new java.util.HashSet<>();
    for (Candidate m : sorted) {
      if (m.blocking.intersects(used)) {
        continue;
      }
      used.or(m.blocking);
      if (m.finding >= 0 && !chosenFindings.add(m.finding)) {
        continue;
      }
      chosen.add(m);
    }
    return chosen;
  }

  private int refine(int general, String region) {
    List<String> lineage = regionLineage.get(region);
    int best = -1;
    int bestRank = Integer.MAX_VALUE;
    for (int child : regional.get(general)) {
      int rank = lineage.indexOf(findingRegion.get(child));
      if (rank >= 0 && (rank < bestRank || rank == bestRank && findingIds[child].compareTo(findingIds[best]) < 0)) {
        best = child;
        bestRank = rank;
      }
    }
    return best;
  }

  /**
   * Head words shared by a coordination, which two matches may both take: "problems" in
   * "bladder or bowel problems", "weakness" in "arm and leg weakness".
   */
  /** Words that say which side: "left calf" names the calf and says it is one leg. */
  private static final Set<String> SIDES = Set.of("left", "right", "one");

  /**
   * Body-region words after a side ("pain in my left calf"), which two matches may both take:
   * one finding for what is wrong there, one for the side.
   */
  private BitSet sidedRegions(List<Token> tokens) {
    BitSet shared = new BitSet();
    for (int p = 1; p < tokens.size(); p++) {
      if (SIDES.contains(tokens.get(p - 1).raw()) && tokens.get(p).kind() == Token.Kind.CONTENT) {
        Integer word = vocabulary.get(tokens.get(p).stem());
        if (word != null && isRegionWord(word)) {
          shared.set(p);
        }
      }
    }
    return shared;
  }

  private static BitSet sharedHeads(List<Token> tokens) {
    BitSet shared = new BitSet();
    for (int p = 3; p < tokens.size(); p++) {
      String link = tokens.get(p - 2).raw();
      if ((link.equals("or") || link.equals("and")) && tokens.get(p).kind() == Token.Kind.CONTENT
          && tokens.get(p - 1).kind() == Token.Kind.CONTENT && tokens.get(p - 3).kind() == Token.Kind.CONTENT) {
        shared.set(p);
      }
    }
    return shared;
  }

  /** Negation: a cue not consumed by a phrase negates what follows it in its clause. */
  private static boolean[] negationScope(List<Token> tokens, BitSet consumed) {
    int n = tokens.size();
    boolean[] negated = new boolean[n];
    boolean neg = false;
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case END, BREAK -> neg = false;
        case COMMA -> {
          if (i + 1 < n && Analyzer.startsClause(tokens.get(i + 1).raw())) {
            neg = false;
          }
        }
        case NEGATION -> {
          if (!consumed.get(i) && !deniesResolution(tokens, i)) {
            neg = true;
          }
        }
        case STOP -> {
          if (t.raw().equals("and") && i + 1 < n && Analyzer.startsClause(tokens.get(i + 1).raw())) {
            neg = false;
          }
        }
        default -> { }
      }
      negated[i] = neg;
    }
    return negated;
  }

  /** Tells whether a match is denied: by a cue before it in its clause, or a free cue inside it. */
  private static boolean isDenied(BitSet positions, boolean[] negated, List<Token> tokens, BitSet consumed) {
    int first = positions.nextSetBit(0);
    int last = positions.length() - 1;
    boolean negative = negated[first];
    for (int i = first + 1; i < last && !negative; i++) {
      // "my neck isn't stiff": a free cue inside the match negates it
      negative = tokens.get(i).kind() == Token.Kind.NEGATION && !consumed.get(i)
          && !deniesResolution(tokens, i);
    }
    return negative;
  }

  /** Words that say a symptom went: a cue before one of them says that it did not. */
  private static final Set<String> RESOLVED = Set.of(
      "gone", "stopped", "stop", "stops", "stopping", "eased", "ease", "eases", "easing", "settled",
      "settle", "settles", "settling", "improved", "improve", "improves", "improving", "better",
      "cleared", "clear", "clears", "subsided", "subside", "subsides", "faded", "fade", "fades",
      "fading", "let", "lets", "wear", "worn", "wore", "calmed", "relax", "relaxed", "relaxes",
      "released", "release", "releases", "loosen", "loosened", "loosens", "budge", "budged",
      "shift", "shifted");
  /** Forms of "go" that say a symptom went when "away" or "off" follows. */
  private static final Set<String> GO = Set.of("go", "goes", "going", "went");
  /** Words that may stand between a cue and what it denies: "hasn't really eased". */
  private static final Set<String> BETWEEN = Set.of(
      "really", "yet", "fully", "completely", "totally", "quite", "properly", "even", "been",
      "ever", "seem", "seems", "seemed", "to", "getting", "get", "got", "any", "much", "at", "all");

  /**
   * Tells whether a negation cue denies that a symptom went, which says it stays: "the cramp
   * hasn't gone", "won't let go", "not getting any better", "doesn't fade" deny nothing.
   */
  private static boolean deniesResolution(List<Token> tokens, int cue) {
    for (int i = cue + 1; i < tokens.size() && i <= cue + 4; i++) {
      String w = tokens.get(i).raw();
      if (RESOLVED.contains(w)) {
        return true;
      }
      if (GO.contains(w)) {
        String next = i + 1 < tokens.size() ? tokens.get(i + 1).raw() : "";
        return next.equals("away") || next.equals("off");
      }
      if (!BETWEEN.contains(w)) {
        return false;
      }
    }
    return false;
  }

  private SearchHits assemble(String text, List<Token> tokens, List<Hit> hits, List<Candidate> chosen,
      List<Candidate> regions, BitSet regionUsed) {
    int n = tokens.size();
    BitSet consumed = new BitSet(n);
    for (Hit h : hits) {
      consumed.or(h.positions);
    }
    boolean[] negated = negationScope(tokens, consumed);
    List<SearchHits.Match> matches = new ArrayList<>();
    for (Hit h : hits) {
      int first = h.positions.nextSetBit(0);
      int last = h.positions.length() - 1;
      boolean negative = isDenied(h.positions, negated, tokens, consumed);
      int start = tokens.get(first).start();
      int end = tokens.get(last).end();
      matches.add(new SearchHits.Match(h.findingId, h.name, text.substring(start, end), start, end,
          !negative, Math.round(h.confidence * 100) / 100.0));
    }
    matches.sort(java.util.Comparator.comparingInt(SearchHits.Match::start)
        .thenComparing(SearchHits.Match::findingId));
    for (int r = 0; r < regions.size(); r++) {
      if (regionUsed.get(r)) {
        consumed.or(regions.get(r).positions);
      }
    }
    List<String> unrecognized = new ArrayList<>();
    int runStart = -1;
    int runEnd = -1;
    for (int i = 0; i <= n; i++) {
      Token t = i < n ? tokens.get(i) : null;
      boolean leftover = t != null && t.kind() == Token.Kind.CONTENT && !consumed.get(i);
      boolean joins = t != null && t.kind() == Token.Kind.STOP && runStart >= 0;
      if (leftover) {
        if (runStart < 0) {
          runStart = t.start();
        }
        runEnd = t.end();
      } else if (!joins && runStart >= 0) {
        unrecognized.add(text.substring(runStart, runEnd));
        runStart = -1;
      }
    }
    if (matches.isEmpty() && unrecognized.isEmpty() && !text.isBlank()) {
      unrecognized.add(text.strip()); // nothing placed and nothing left over: keep it all
    }
    return new SearchHits(matches, unrecognized);
  }

  /**
   * The clause a phrase is placed in, and around it: its segment, its sentence, whether the
   * segment names a body region, and which positions a free negation cue may reach.
   */
  private record Span(int seg, int segFrom, int segTo, int sentFrom, int sentTo, boolean hasRegion,
      boolean[] negatable) {}

  private Candidate place(int phrase, Span span, int[][][] cands, List<Token> tokens, Scratch sc) {
    int seg = span.seg();
    int segFrom = span.segFrom();
    int segTo = span.segTo();
    int[] required = pRequired[phrase];
    int[] optional = pOptional[phrase];
    int not = pNot[phrase];
    // a phrase that carries its own negation must match whole: "muscles ache for no reason" must
    // not read "my back doesn't hurt" as present
    int allowedMissing = not >= 0 ? 0 : required.length >= 5 ? 2 : required.length >= 3 ? 1 : 0;
    double total = pTotal[phrase];
    // under a denial, part of a finding may stand for it: no rash at all is no rash that fails to
    // fade; such a loose match is kept only if it ends up denied
    boolean mayLoosen = span.negatable() != null && pFinding[phrase] >= 0 && !deniesItself[pFinding[phrase]]
        && required.length >= 2 && pNamed[phrase].length > 0;
    boolean notMissing = false;
    // the occurrences in this segment of each required token: [lo, hi) in its slot
    int[] kSlot = sc.kSlot;
    int[] kLo = sc.kLo;
    int[] kHi = sc.kHi;
    int missing = 0;
    int anchor = -1;
    int context = 0;
    double contextIdf = 0;
    for (int k = 0; k < required.length; k++) {
      int slot = sc.slotOf[required[k]];
      int lo = 0;
      int hi = 0;
      boolean elsewhere = false;
      if (slot >= 0) {
        int[] pos = sc.occPos[slot];
        int count = sc.occCount[slot];
        int[] cost = sc.occCost[slot];
        while (lo < count && pos[lo] < segFrom) {
          elsewhere |= pos[lo] >= span.sentFrom() && cost[lo] == 0;
          lo++;
        }
        hi = lo;
        while (hi < count && pos[hi] <= segTo) {
          hi++;
        }
        for (int j = hi; j < count && pos[j] <= span.sentTo() && !elsewhere; j++) {
          elsewhere = cost[j] == 0;
        }
      }
      kSlot[k] = slot;
      kLo[k] = lo;
      kHi[k] = hi;
      if (lo == hi) {
        if (elsewhere && !span.hasRegion() && k != not && isRegionWord(required[k])) {
          // "my calf hurts but it isn't swollen": the region named earlier in the sentence
          context++;
          contextIdf += idf[required[k]];
          continue;
        }
        if (k == not) {
          notMissing = true; // a phrase's own negation is never optional: it would flip its meaning
        } else {
          missing++;
        }
        if (!mayLoosen && (notMissing || missing > allowedMissing)) {
          return null;
        }
      } else if (anchor < 0 && k != not) {
        anchor = k;
      }
    }
    if (mayLoosen && (notMissing || missing > allowedMissing)) {
      boolean named = false;
      for (int k : pNamed[phrase]) {
        named |= kLo[k] < kHi[k];
      }
      if (!named) {
        return null; // neither a whole match nor a loose one
      }
    }
    if (anchor < 0) {
      return null;
    }
    // anchor on each position of the first present token; take the nearest free position of the others
    Candidate best = null;
    BitSet chosen = sc.chosen;
    int[] anchorPos = sc.occPos[kSlot[anchor]];
    int[] anchorCost = sc.occCost[kSlot[anchor]];
    int window = required.length + WINDOW_SLACK + 2;
    for (int a = kLo[anchor]; a < kHi[anchor]; a++) {
      int at = anchorPos[a];
      chosen.clear();
      chosen.set(at);
      int fuzzy = anchorCost[a] > 0 ? 1 : 0;
      double covered = sc.occIdf[kSlot[anchor]][a] + contextIdf;
      int notAt = -1;
      double notIdf = 0;
      for (int k = 0; k < required.length; k++) {
        if (k == anchor || kLo[k] == kHi[k]) {
          continue;
        }
        int[] pos = sc.occPos[kSlot[k]];
        int[] cost = sc.occCost[kSlot[k]];
        int pick = -1;
        int pickCost = 0;
        double pickIdf = 0;
        for (int j = kLo[k]; j < kHi[k]; j++) {
          int p = pos[j];
          if (!chosen.get(p) && (pick < 0 || Math.abs(p - at) < Math.abs(pick - at))) {
            pick = p;
            pickCost = cost[j];
            pickIdf = sc.occIdf[kSlot[k]][j];
          }
        }
        if (pick >= 0 && Math.abs(pick - at) <= window) {
          chosen.set(pick);
          fuzzy += pickCost > 0 ? 1 : 0;
          covered += pickIdf;
          if (k == not) {
            notAt = pick;
            notIdf = pickIdf;
          }
        }
      }
      int placed = chosen.cardinality();
      int found = placed + context;
      if (context > 0 ? !meaningful(chosen, cands, true) : found < required.length && !meaningful(chosen, cands, false)) {
        // a match that leans on the sentence or leaves a word out must still say what it is:
        // "my back aches but no problems" is not back trouble, "the bottom of my back" not sciatica
        continue;
      }
      boolean loose = false;
      if (required.length - found > allowedMissing || covered < MIN_COVERAGE * total
          || !negationInPlace(not, required, chosen, cands)) {
        if (!mayLoosen) {
          continue;
        }
        if (notAt >= 0) {
          chosen.clear(notAt); // the cue is left free, to deny the loose match
          covered -= notIdf;
          placed--;
        }
        double own = total - (not >= 0 ? idf[required[not]] : 0);
        if (chosen.isEmpty() || covered < LOOSE_COVERAGE * own || !named(chosen, cands, pFinding[phrase])
            || qualifiesUnknownWord(chosen, tokens)
            || !denied(chosen, span.negatable())) {
          continue;
        }
        loose = true;
      }
      int extra = 0;
      for (int opt : optional) {
        int slot = sc.slotOf[opt];
        if (slot < 0) {
          continue;
        }
        int[] pos = sc.occPos[slot];
        for (int j = 0; j < sc.occCount[slot]; j++) {
          int i = pos[j];
          if (i >= segFrom && i <= segTo && !chosen.get(i)
              && Math.abs(i - chosen.nextSetBit(0)) <= required.length + WINDOW_SLACK) {
            chosen.set(i);
            extra++;
            break;
          }
        }
      }
      int size = chosen.cardinality();
      int contentSpan = contentSpan(chosen, tokens);
      if (contentSpan > size + WINDOW_SLACK) {
        continue;
      }
      boolean inOrder = placed == 1 || at == chosen.nextSetBit(0);
      boolean exactOrder = inOrder && contentSpan == size;
      double coverage = covered / total;
      int missingOptional = optional.length - extra;
      if (best == null || Candidate.compare(covered, coverage, loose, size, missingOptional, fuzzy, contentSpan,
          exactOrder, pWritten[phrase], chosen.nextSetBit(0), pKey[phrase], best) < 0) {
        best = new Candidate(phrase, pFinding[phrase], seg, (BitSet) chosen.clone(), size, missingOptional, fuzzy,
            contentSpan, exactOrder, covered, coverage, loose, pWritten[phrase], pKey[phrase]);
      }
    }
    return best;
  }

  /** Share of the information of a phrase, its own negation aside, that a loose match must cover. */
  private static final double LOOSE_COVERAGE = 0.34;
  /** Words too general to stand for a finding on their own under a denial. */
  private static final Set<String> GENERAL = Analyzer.stems(Set.of("troubl", "sever", "feel", "feeling", "worst", "sudden",
      "last", "second", "minut", "hour", "day", "week", "month", "year", "time", "moment", "few", "new", "recent",
      "lower", "upper", "low", "high", "middle", "mid", "top", "front", "behind", "inner", "outer", "side",
      "one", "two", "three", "ten", "half", "quarter", "more", "less", "than", "over"));

  /** Tells whether a word says nothing of what a finding is: a general word or a number. */
  private static boolean general(String word) {
    return GENERAL.contains(word) || Character.isDigit(word.charAt(0));
  }

  /**
   * Tells whether a loose match keeps a word of its finding's name that says what it is: "no
   * rash" may deny a rash that doesn't fade, "I never watch the news" may not deny symptoms
   * that come on while watching TV.
   */
  private boolean named(BitSet chosen, int[][][] cands, int finding) {
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      for (int[] c : cands[i]) {
        if (c[1] == 0 && namesFinding(c[0], finding)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isRegionWord(int word) {
    return regionWord[word];
  }

  private boolean namesFinding(int word, int finding) {
    return !plain[word] && !everyday[word] && nameWords.get(finding).contains(word);
  }

  /**
   * Tells whether a match has a word that says what the finding is, not only where: strictly, a
   * word that is not everyday ("pain", "left") either.
   */
  private boolean meaningful(BitSet chosen, int[][][] cands, boolean strictly) {
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      for (int[] c : cands[i]) {
        if (c[1] == 0 && !plain[c[0]] && !(strictly && everyday[c[0]])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Tells whether a loose match ends on a word that only qualifies the unplaced word after it:
   * "blood" in "not on blood thinners" is not a denial of coughing up blood.
   */
  private static boolean qualifiesUnknownWord(BitSet chosen, List<Token> tokens) {
    int last = chosen.length() - 1;
    return last + 1 < tokens.size() && tokens.get(last + 1).kind() == Token.Kind.CONTENT && !chosen.get(last + 1);
  }

  /**
   * Tells whether a free cue before a loose match may deny it ("no rash", "I haven't lost any
   * weight"); a cue inside it may belong to the phrase it was cut from ("I don't know why").
   */
  private static boolean denied(BitSet chosen, boolean[] negatable) {
    return negatable[chosen.nextSetBit(0)];
  }

  /** Buffers one thread reuses from search to search. */
  private static final class Scratch {
    /** Vocabulary token id to its slot in this search, or -1. */
    final int[] slotOf;
    int[] slotToken = new int[16];
    int slots;
    int[][] occPos = new int[16][];
    int[][] occCost = new int[16][];
    /** Per occurrence: the information (idf) of the word as typed, which a wider word may not exceed. */
    double[][] occIdf = new double[16][];
    int[] occCount = new int[16];
    int[] kSlot = new int[8];
    int[] kLo = new int[8];
    int[] kHi = new int[8];
    /** Per phrase: how many of the current segment's word candidates it has; with the phrases touched. */
    final int[] hits;
    int[] touched = new int[64];
    int touchedCount;
    final BitSet chosen = new BitSet();

    Scratch(int vocabulary, int phrases, int longest) {
      slotOf = new int[vocabulary];
      Arrays.fill(slotOf, -1);
      hits = new int[phrases];
      kSlot = new int[longest];
      kLo = new int[longest];
      kHi = new int[longest];
    }

    void hit(int phrase) {
      if (hits[phrase]++ == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = phrase;
      }
    }

    void clearHits() {
      for (int t = 0; t < touchedCount; t++) {
        hits[touched[t]] = 0;
      }
      touchedCount = 0;
    }

    /** Records, for every token id a position may stand for, its positions and costs in text order. */
    void index(int[][][] cands, double[] idf) {
      for (int i = 0; i < cands.length; i++) {
        if (cands[i] == null) {
          continue;
        }
        for (int[] c : cands[i]) {
          int slot = slotOf[c[0]];
          if (slot < 0) {
            slot = slots++;
            if (slot == slotToken.length) {
              int size = slot * 2;
              slotToken = Arrays.copyOf(slotToken, size);
              occPos = Arrays.copyOf(occPos, size);
              occCost = Arrays.copyOf(occCost, size);
              occIdf = Arrays.copyOf(occIdf, size);
              occCount = Arrays.copyOf(occCount, size);
            }
            slotToken[slot] = c[0];
            slotOf[c[0]] = slot;
            occCount[slot] = 0;
            if (occPos[slot] == null) {
              occPos[slot] = new int[4];
              occCost[slot] = new int[4];
              occIdf[slot] = new double[4];
            }
          }
          int count = occCount[slot];
          if (count == occPos[slot].length) {
            occPos[slot] = Arrays.copyOf(occPos[slot], count * 2);
            occCost[slot] = Arrays.copyOf(occCost[slot], count * 2);
            occIdf[slot] = Arrays.copyOf(occIdf[slot], count * 2);
          }
          occPos[slot][count] = i;
          occCost[slot][count] = c[1];
          occIdf[slot][count] = Math.min(idf[c[0]], idf[c.length > 2 ? c[2] : c[0]]);
          occCount[slot] = count + 1;
        }
      }
    }

    void reset() {
      clearHits();
      for (int s = 0; s < slots; s++) {
        slotOf[slotToken[s]] = -1;
      }
      slots = 0;
    }

  }

  /**
   * A phrase's own negation must stand where the phrase has it: first ("no relief from
   * stretching") before the other words, otherwise after the first ("stretching doesn't help",
   * "weight loss without trying"), so that "I haven't lost weight" is a negated report, not a
   * match of "lost weight without trying".
   */
  private boolean negationInPlace(int not, int[] required, BitSet chosen, int[][][] cands) {
    if (not < 0) {
      return true;
    }
    int notPosition = -1;
    int firstOther = Integer.MAX_VALUE;
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      if (hasToken(cands[i], required[not]) && notPosition < 0) {
        notPosition = i;
      } else {
        firstOther = Math.min(firstOther, i);
      }
    }
    if (notPosition < 0 || firstOther == Integer.MAX_VALUE) {
      return false;
    }
    return not == 0 ? notPosition < firstOther : notPosition > firstOther;
  }

  private static boolean hasToken(int[][] cands, int token) {
    for (int[] c : cands) {
      if (c[0] == token) {
        return true;
      }
    }
    return false;
  }

  /** Number of content words from the first to the last chosen position. */
  private static int contentSpan(BitSet chosen, List<Token> tokens) {
    int first = chosen.nextSetBit(0);
    int last = chosen.length() - 1;
    int span = 0;
    for (int i = first; i <= last; i++) {
      Token.Kind kind = tokens.get(i).kind();
      if (kind == Token.Kind.CONTENT || kind == Token.Kind.NEGATION) {
        span++;
      }
    }
    return span;
  }

  private record Hit(String findingId, String name, BitSet positions, double confidence, boolean loose) {}

  private static final int[][] NONE = new int[0][];

  private static final class Candidate implements Comparable<Candidate> {
    final int phrase;
    final int finding;
    final int segment;
    final BitSet positions;
    /** The positions no other chosen match may take: all but a head word shared by coordination. */
    BitSet blocking;
    final int size;
    final int missingOptional;
    final int fuzzy;
    final int span;
    final boolean exactOrder;
    final double covered;
    final double coverage;
    final boolean loose;
    final int written;
    final String key;

    Candidate(int phrase, int finding, int segment, BitSet positions, int size, int missingOptional, int fuzzy,
        int span, boolean exactOrder, double covered, double coverage, boolean loose, int written, String key) {
      this.phrase = phrase;
      this.finding = finding;
      this.segment = segment;
      this.positions = positions;
      this.blocking = positions;
      this.size = size;
      this.missingOptional = missingOptional;
      this.fuzzy = fuzzy;
      this.span = span;
      this.exactOrder = exactOrder;
      this.covered = covered;
      this.coverage = coverage;
      this.loose = loose;
      this.written = written;
      this.key = key;
    }

    double confidence() {
      double c = coverage - 0.15 * fuzzy - (exactOrder ? 0 : 0.1);
      return Math.max(0.3, c);
    }

    @Override
    public int compareTo(Candidate o) {
      return compare(covered, coverage, loose, size, missingOptional, fuzzy, span, exactOrder, written,
          positions.nextSetBit(0), key, o);
    }

    /** Compares a would-be candidate, given by its fields, with {@code o}. */
    static int compare(double covered, double coverage, boolean loose, int size, int missingOptional, int fuzzy,
        int span, boolean exactOrder, int written, int first, String key, Candidate o) {
      // information covered, discounted by the share of the phrase left unmatched
      double score = covered * coverage;
      double other = o.covered * o.coverage;
      if (Math.abs(score - other) > 1e-9) {
        return Double.compare(other, score);
      }
      if (loose != o.loose) {
        return loose ? 1 : -1;
      }
      if (Math.abs(coverage - o.coverage) > 1e-9) {
        return Double.compare(o.coverage, coverage);
      }
      if (size != o.size) {
        return Integer.compare(o.size, size);
      }
      if (missingOptional != o.missingOptional) {
        return Integer.compare(missingOptional, o.missingOptional); // "swollen calf" before "swollen calf muscle"
      }
      if (fuzzy != o.fuzzy) {
        return Integer.compare(fuzzy, o.fuzzy);
      }
      if (span != o.span) {
        return Integer.compare(span, o.span);
      }
      if (exactOrder != o.exactOrder) {
        return exactOrder ? -1 : 1;
      }
      if (written != o.written) {
        return Integer.compare(written, o.written); // "tingly" before "tingles now and then"
      }
      int p = Integer.compare(first, o.positions.nextSetBit(0));
      if (p != 0) {
        return p;
      }
      return key.compareTo(o.key);
    }
  }


  /** A growable list of ints that leaves out a value equal to the last one added. */
  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int value) {
      if (size > 0 && values[size - 1] == value) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
