package org.musculo.examples.triage;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines one at a time, never holding more than one line (of at most {@link #MAX_CHARS}
 * characters) and a fixed buffer: a longer line is skipped and reported as too long instead of
 * filling the memory. Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
final class LineReader {
  /** The longest line kept: one mebi-character. */
  static final int MAX_CHARS = 1 << 20;

  /**
   * One line of input.
   *
   * @param number the line's number, from 1, counting every line including blank ones
   * @param text the line without its line break, or {@code null} when it was too long
   */
  record Line(long number, String text) {
    boolean tooLong() {
      return text == null;
    }

    boolean blank() {
      return text != null && text.isBlank();
    }
  }

  private final Reader in;
  private final char[] buffer = new char[16 * 1024];
  private int pos;
  private int len;
  private long number;

  LineReader(Reader in) {
    this.in = in;
  }

  /**
   * Returns the next line.
   *
   * @return the line, or {@code null} at the end of the input
   * @throws IOException if the input cannot be read
   */
  Line next() throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean read = false;
    boolean tooLong = false;
    while (true) {
      if (pos == len) {
        len = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (!read) {
            return null;
          }
          break;
        }
      }
      read = true;
      int start = pos;
      while (pos < len && buffer[pos] != '\n') {
        pos++;
      }
      if (!tooLong) {
        if (sb.length() + (pos - start) > MAX_CHARS + 1) {
          tooLong = true;
          sb = new StringBuilder();
        } else {
          sb.append(buffer, start, pos - start);
        }
      }
      if (pos < len) {
        pos++; // the line break
        break;
      }
    }
    number++;
    if (tooLong) {
      return new Line(number, null);
    }
    int end = sb.length();
    if (end > 0 && sb.charAt(end - 1) == '\r') {
      end--;
    }
    if (end > MAX_CHARS) {
      return new Line(number, null);
    }
    return new Line(number, sb.substring(0, end));
  }
}
