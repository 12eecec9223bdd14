package org.musculo.internal.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * English words of four letters or more, British and American spellings (from SCOWL, size 50, as
 * Debian's wbritish and wamerican ship it; see {@code english-words-COPYRIGHT.txt}), to tell a
 * real word from a typo: "barbed" is a word, not a misspelt "barfed"; "swolen" is not a word.
 *
 * <p>Loaded once, on first use, into one string and an array of offsets (under 1 MB).
 */
final class EnglishWords {
  private static final String RESOURCE = "english-words.txt";

  private final String all;
  private final int[] starts;

  private EnglishWords(String all, int[] starts) {
    this.all = all;
    this.starts = starts;
  }

  private static final class Holder {
    static final EnglishWords WORDS = load();
  }

  /**
   * Tells whether a lower-case word is an English word in the list.
   *
   * @param word the word, in lower case
   * @return whether it is in the list
   */
  static boolean contains(String word) {
    return word.length() >= 4 && Holder.WORDS.find(word);
  }

  private boolean find(String word) {
    int lo = 0;
    int hi = starts.length - 2;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(starts[mid], starts[mid + 1], word);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Compares the word at [from, to) in the blob with {@code word}, as String.compareTo does. */
  private int compare(int from, int to, String word) {
    int n = Math.min(to - from, word.length());
    for (int i = 0; i < n; i++) {
      int d = all.charAt(from + i) - word.charAt(i);
      if (d != 0) {
        return d;
      }
    }
    return (to - from) - word.length();
  }

  private static EnglishWords load() {
    try (InputStream in = EnglishWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("musculo-core is missing its resource " + RESOURCE
            + "; rebuild or reinstall the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      StringBuilder all = new StringBuilder(1 << 20);
      int[] starts = new int[1 << 16];
      int n = 0;
      String previous = "";
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        if (line.compareTo(previous) <= 0) {
          throw new IllegalStateException(RESOURCE + " must be sorted and without repeats");
        }
        previous = line;
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = all.length();
        all.append(line);
      }
      starts = Arrays.copyOf(starts, n + 1);
      starts[n] = all.length();
      return new EnglishWords(all.toString(), starts);
    } catch (IOException e) {
      throw new UncheckedIOException("musculo-core could not read its resource " + RESOURCE, e);
    }
  }
}
