package org.musculo.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits text into tokens, stems them and marks stop words, negation cues and clause breaks.
 *
 * <p>The stemmer is deliberately light and applied identically to content phrases and patient
 * text, so that both sides meet on the same stems: {@code cramping}, {@code cramps} and {@code
 * cramped} give {@code cramp}; {@code calves} gives {@code calf}; {@code numbness} gives {@code
 * numb}; {@code hurts}, {@code sore} and {@code aching} give {@code pain}.
 */
final class Analyzer {
  private static final Set<String> STOP = Set.of(
      "a", "an", "the", "my", "me", "i", "im", "ive", "id", "is", "am", "are", "was", "were", "be",
      "been", "being", "have", "has", "had", "having", "got", "get", "gets", "getting", "it",
      "its", "in", "on", "at", "of", "to", "for", "with", "and", "or", "so", "very", "really",
      "bit", "little", "lot", "lots", "some", "quite", "kind", "sort", "just", "also", "too",
      "this", "that", "these", "those", "there", "theres", "which", "who", "what", "when",
      "whenever", "while", "from", "by", "as", "like", "keep",
      "keeps", "kept", "thing", "things", "do", "does", "did", "doing", "will", "would", "could",
      "can", "should", "may", "might", "up", "out", "over", "all", "any", "ones",
      "much", "more", "most", "we", "us", "our", "you", "your", "he", "she", "him", "her", "his",
      "they", "them", "their", "then", "than", "if", "into", "onto", "about", "around", "again",
      "still", "now", "today", "pretty", "super", "totally", "mostly", "basically", "literally",
      "think", "need", "needs", "want", "wants", "try", "tried", "trying", "during", "gone", "go", "goes", "going", "happen", "happens", "happened", "happening", "seem", "seems", "bad", "badly", "hi", "hello", "doctor", "dr", "please");

  private static final Set<String> NEGATION = Set.of(
      "no", "not", "without", "never", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt",
      "isnt", "arent", "wasnt", "werent", "nor", "neither", "denies", "deny", "none", "nope",
      "wont");

  private static final Set<String> BREAK = Set.of(
      "but", "however", "although", "though", "except", "yet", "apart", "whereas", "besides");

  private static final Set<String> STARTS_CLAUSE = Set.of(
      "i", "im", "ive", "my", "it", "its", "the", "there", "theres", "this", "she", "he", "we",
      // "no cramps in the day, only at night": what follows is said, not denied
      "only", "just", "mainly", "especially");

  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("calves", "calf"), Map.entry("halves", "half"), Map.entry("feet", "foot"),
      Map.entry("teeth", "tooth"), Map.entry("swollen", "swell"), Map.entry("swelling", "swell"),
      Map.entry("swelled", "swell"), Map.entry("swells", "swell"), Map.entry("ran", "run"),
      Map.entry("running", "run"), Map.entry("runs", "run"), Map.entry("woke", "wake"),
      Map.entry("waking", "wake"), Map.entry("wakes", "wake"), Map.entry("slept", "sleep"),
      Map.entry("lying", "lie"), Map.entry("lay", "lie"), Map.entry("worse", "worse"),
      Map.entry("children", "child"), Map.entry("women", "woman"), Map.entry("men", "man"),
      Map.entry("pee", "urin"), Map.entry("peeing", "urin"), Map.entry("wee", "urin"),
      Map.entry("poo", "bowel"), Map.entry("pooing", "bowel"), Map.entry("tummy", "abdomen"),
      Map.entry("belly", "abdomen"), Map.entry("stomach", "abdomen"), Map.entry("bum", "buttock"),
      Map.entry("butt", "buttock"), Map.entry("arse", "buttock"), Map.entry("bottom", "buttock"),
      Map.entry("thighs", "thigh"), Map.entry("nite", "night"), Map.entry("nights", "night"),
      Map.entry("overnight", "night"), Map.entry("nighttime", "night"), Map.entry("sweats", "sweat"),
      Map.entry("sweaty", "sweat"), Map.entry("sweating", "sweat"), Map.entry("vomiting", "vomit"),
      Map.entry("puking", "vomit"), Map.entry("throwing", "vomit"), Map.entry("dizzy", "dizzy"),
      Map.entry("dizziness", "dizzy"), Map.entry("lightheaded", "dizzy"),
      Map.entry("tingly", "tingl"), Map.entry("tingling", "tingl"), Map.entry("tingle", "tingl"),
      Map.entry("tingles", "tingl"), Map.entry("numbness", "numb"), Map.entry("cramps", "cramp"),
      Map.entry("crampy", "cramp"), Map.entry("cramping", "cramp"), Map.entry("cramped", "cramp"),
      Map.entry("blurry", "blur"), Map.entry("itchy", "itch"), Map.entry("shaky", "shak"),
      Map.entry("lumpy", "lump"), Map.entry("puffy", "puff"), Map.entry("weaker", "weak"), Map.entry("stronger", "strong"), Map.entry("colder", "cold"),
      Map.entry("tighter", "tight"), Map.entry("stiffer", "stiff"), Map.entry("harder", "hard"),
      Map.entry("breathless", "breathless"), Map.entry("shivers", "shiver"),
      Map.entry("shivering", "shiver"), Map.entry("shivery", "shiver"), Map.entry("chills", "shiver"),
      Map.entry("wees", "urin"), Map.entry("weeing", "urin"), Map.entry("urine", "urin"),
      Map.entry("urinating", "urin"), Map.entry("urination", "urin"), Map.entry("urinate", "urin"),
      Map.entry("suddenly", "sudden"), Map.entry("fingertip", "finger"),
      Map.entry("fingertips", "finger"), Map.entry("temp", "temperatur"), Map.entry("temps", "temperatur"),
      Map.entry("eyesight", "vis"), Map.entry("sight", "vis"), Map.entry("evening", "evening"),
      Map.entry("evenings", "evening"));

  /** Everyday words for pain, folded onto one stem. */
  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("hurt", "pain"), Map.entry("sore", "pain"), Map.entry("sor", "pain"), Map.entry("soreness", "pain"),
      Map.entry("ach", "pain"), Map.entry("achy", "pain"), Map.entry("painful", "pain"),
      Map.entry("agony", "pain"), Map.entry("kill", "pain"), Map.entry("agonis", "pain"),
      Map.entry("agoniz", "pain"), Map.entry("excruciat", "pain"), Map.entry("pained", "pain"),
      // problems with, trouble with, difficulty with, issues with
      Map.entry("problem", "troubl"), Map.entry("issu", "troubl"), Map.entry("difficul", "troubl"),
      Map.entry("difficulty", "troubl"),
      // words of severity
      Map.entry("terr", "sever"), Map.entry("terrib", "sever"), Map.entry("awful", "sever"),
      Map.entry("horr", "sever"), Map.entry("horrib", "sever"),
      Map.entry("horrendous", "sever"), Map.entry("unbear", "sever"), Map.entry("intens", "sever"),
      Map.entry("extrem", "sever"), Map.entry("dread", "sever"));

  private static final java.util.regex.Pattern ADVERBIAL_BACK =
      java.util.regex.Pattern.compile("\\s+(of|from|to|home|again|and forth)\\b");

  private Analyzer() {}

  /** Fixed expressions read as one word, so that their parts are not read on their own. */
  private static final List<String[]> EXPRESSIONS = List.of(
      new String[] {"comes and goes", "intermittent"}, new String[] {"come and go", "intermittent"},
      new String[] {"came and went", "intermittent"}, new String[] {"on and off", "intermittent"},
      new String[] {"off and on", "intermittent"}, new String[] {"now and then", "intermittent"},
      new String[] {"out of breath", "breathless"}, new String[] {"short of breath", "breathless"},
      new String[] {"out of the blue", "suddenly"}, new String[] {"all of a sudden", "suddenly"},
      new String[] {"pass water", "urinate"}, new String[] {"passing water", "urinate"},
      new String[] {"over and over", "repeatedly"}, new String[] {"again and again", "repeatedly"},
      new String[] {"time after time", "repeatedly"},
      new String[] {"pass out", "fainted"}, new String[] {"passed out", "fainted"},
      new String[] {"passing out", "fainted"}, new String[] {"passes out", "fainted"},
      // not denials: "I have no idea why my back hurts" says the back hurts
      new String[] {"no idea why", "unexplained"}, new String[] {"don't know why", "unexplained"},
      new String[] {"dont know why", "unexplained"}, new String[] {"don\u2019t know why", "unexplained"},
      new String[] {"do not know why", "unexplained"}, new String[] {"for no reason", "unexplained"},
      new String[] {"for no apparent reason", "unexplained"}, new String[] {"for no obvious reason", "unexplained"});

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    int n = lower.length();
    while (i < n) {
      char ch = lower.charAt(i);
      String[] expression = Character.isLetterOrDigit(ch) && (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)))
          ? expressionAt(lower, i) : null;
      if (expression != null) {
        int end = i + expression[0].length();
        out.add(new Token(stem(expression[1]), expression[1], i, end, kindOf(expression[1])));
        i = end;
        continue;
      }
      if (Character.isLetterOrDigit(ch)) {
        int start = i;
        StringBuilder word = new StringBuilder();
        while (i < n && (Character.isLetterOrDigit(lower.charAt(i)) || isApostrophe(lower.charAt(i)))) {
          if (!isApostrophe(lower.charAt(i))) {
            word.append(lower.charAt(i));
          }
          i++;
        }
        String raw = word.toString();
        Token.Kind kind = kindOf(raw);
        if (raw.equals("back") && ADVERBIAL_BACK.matcher(lower.substring(i)).lookingAt()) {
          kind = Token.Kind.STOP; // "back of my calf", "flew back from": a position, not the back
        }
        out.add(new Token(stem(raw), raw, start, i, kind));
      } else {
        if (ch == '.' || ch == ';' || ch == '!' || ch == '?' || ch == '\n' || ch == ':') {
          out.add(new Token("", String.valueOf(ch), i, i + 1, Token.Kind.END));
        } else if (ch == ',' || ch == '(' || ch == ')' || ch == '/' || ch == '-' && spaced(lower, i)) {
          out.add(new Token("", String.valueOf(ch), i, i + 1, Token.Kind.COMMA));
        }
        i++;
      }
    }
    return out;
  }

  /** The fixed expressions by their first letter. */
  private static final Map<Character, List<String[]>> EXPRESSIONS_BY_LETTER = EXPRESSIONS.stream()
      .collect(java.util.stream.Collectors.groupingBy(e -> e[0].charAt(0)));

  private static String[] expressionAt(String lower, int i) {
    for (String[] e : EXPRESSIONS_BY_LETTER.getOrDefault(lower.charAt(i), List.of())) {
      int end = i + e[0].length();
      if (lower.startsWith(e[0], i) && (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
        return e;
      }
    }
    return null;
  }

  private static boolean spaced(String s, int i) {
    return (i > 0 && s.charAt(i - 1) == ' ') || (i + 1 < s.length() && s.charAt(i + 1) == ' ');
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static Token.Kind kindOf(String raw) {
    if (NEGATION.contains(raw)) {
      return Token.Kind.NEGATION;
    }
    if (BREAK.contains(raw)) {
      return Token.Kind.BREAK;
    }
    if (STOP.contains(raw)) {
      return Token.Kind.STOP;
    }
    return Token.Kind.CONTENT;
  }

  /** Everyday words too ambiguous to stand alone for a finding when a phrase had more words. */
  private static final Set<String> AMBIGUOUS = Set.of(
      "pain", "fit", "run", "sit", "stand", "blue", "jump", "pass", "go", "come", "new", "down", "off", "turn",
      "lie", "walk", "move", "hold", "fall", "drop", "hot", "cold", "light", "heavy", "sharp",
      "hard", "burn", "curtain", "shut", "close", "open", "put", "give", "take", "way", "time", "day",
      "week", "moment", "sudden", "normal", "usual", "left", "right", "only", "just", "even",
      "fine", "ok", "okay", "good");

  /** The stems of {@link #AMBIGUOUS}, which is what phrases and patients' words are compared on. */
  private static final Set<String> AMBIGUOUS_STEMS = stems(AMBIGUOUS);

  static boolean isAmbiguous(String stem) {
    return AMBIGUOUS.contains(stem) || AMBIGUOUS_STEMS.contains(stem);
  }

  /** Returns the words and their stems. */
  static Set<String> stems(Set<String> words) {
    Set<String> out = new java.util.HashSet<>(words);
    for (String w : words) {
      out.add(stem(w));
    }
    return Set.copyOf(out);
  }

  /** Tells whether a word usually starts a new clause after "and" or a comma. */
  static boolean startsClause(String raw) {
    return STARTS_CLAUSE.contains(raw);
  }

  static boolean isStop(String raw) {
    return STOP.contains(raw);
  }

  /** Returns the canonical stem of a lower-case word. */
  static String stem(String word) {
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return canonical(irregular);
    }
    String w = word;
    if (w.length() > 4 && w.endsWith("ness")) {
      w = w.substring(0, w.length() - 4);
      if (w.endsWith("i")) {
        w = w.substring(0, w.length() - 1) + "y";
      }
    } else if (w.length() > 6 && (w.endsWith("ment") || w.endsWith("able") || w.endsWith("ible"))) {
      w = w.substring(0, w.length() - 4);
    } else if (w.length() > 5 && (w.endsWith("ion") || w.endsWith("ity"))) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 5 && w.endsWith("ful")) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 5 && w.endsWith("ing")) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.length() > 4 && w.endsWith("ed")) {
      w = undouble(w.substring(0, w.length() - 2));
    } else if (w.length() > 6 && w.endsWith("ily")) {
      w = w.substring(0, w.length() - 3) + "y"; // "heavily" is "heavy"
    } else if (w.length() > 4 && w.endsWith("ly")) {
      w = w.substring(0, w.length() - 2);

    } else if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")
        || w.endsWith("xes") || w.endsWith("zes"))) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
        && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return canonical(w);
  }

  private static String canonical(String stem) {
    return CANONICAL.getOrDefault(stem, stem);
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
