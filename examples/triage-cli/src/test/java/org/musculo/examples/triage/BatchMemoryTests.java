package org.musculo.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A batch of 100,000 lines read from standard input streams through in constant memory: the
 * lines are made as they are read and the output is only counted, so that anything the command
 * line kept would show as heap growth.
 */
class BatchMemoryTests {
  static final int LINES = 100_000;
  /** Heap growth allowed between the first checkpoint and the end of the batch. */
  static final long MAX_GROWTH = 32L << 20;

  private static final String[] CASES = {
    "{\"age\": 45, \"sex\": \"female\", \"present\": [\"calf-cramp\", \"night-pattern\", \"brief-episodes\"],"
        + " \"absent\": [\"one-sided-leg-swelling\"]}",
    "{\"age\": 38, \"present\": [\"back-spasm\", \"lower-back-pain\", \"bending-lifting-trigger\"],"
        + " \"absent\": [\"saddle-numbness\", \"fever\"]}",
    "{\"age\": 29, \"present\": [\"neck-pain\", \"limited-neck-turning\", \"on-waking\"], \"absent\": [\"fever\"]}",
    "{\"age\": 61, \"sex\": \"male\", \"present\": [\"chest-pain\", \"cold-sweat\"]}",
  };

  /** Makes the lines as they are read; calls back at the checkpoints. */
  static final class LazyLines extends InputStream {
    private final Runnable atCheckpoint;
    private final int checkpoint;
    private byte[] line = new byte[0];
    private int pos;
    private int made;
    int blank;
    int bad;

    LazyLines(int checkpoint, Runnable atCheckpoint) {
      this.checkpoint = checkpoint;
      this.atCheckpoint = atCheckpoint;
    }

    @Override
    public int read() {
      if (pos == line.length && !next()) {
        return -1;
      }
      return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos == line.length && !next()) {
        return -1;
      }
      int n = Math.min(len, line.length - pos);
      System.arraycopy(line, pos, b, off, n);
      pos += n;
      return n;
    }

    private boolean next() {
      if (made == LINES) {
        return false;
      }
      made++;
      if (made == checkpoint || made == LINES) {
        atCheckpoint.run();
      }
      String text;
      if (made % 10_000 == 0) {
        text = "";
        blank++;
      } else if (made % 10_000 == 1) {
        text = "{\"age\": 999}";
        bad++;
      } else {
        text = CASES[made % CASES.length];
      }
      line = (text + "\n").getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }
  }

  /** Counts output lines and checks that each is one JSON object, keeping only a line's first bytes. */
  static final class CountingOutput extends OutputStream {
    private static final byte[] ERROR_START = "{\"line\":".getBytes(StandardCharsets.UTF_8);
    private final byte[] start = new byte[ERROR_START.length];
    private int length;
    private int last = -1;
    long lines;
    long errors;
    long malformed;

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public void write(int b) {
      if (b != '\n') {
        if (length < start.length) {
          start[length] = (byte) b;
        }
        length++;
        last = b;
        return;
      }
      lines++;
      if (length == 0 || start[0] != '{' || last != '}') {
        malformed++;
      }
      if (length >= start.length && java.util.Arrays.equals(start, ERROR_START)) {
        errors++;
      }
      length = 0;
      last = -1;
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void aHundredThousandLineBatchFromStandardInputRunsInConstantMemoryAndAnswersEveryLine() {
    TriageCli.bundled();
    long[] used = new long[2];
    int[] checkpoints = {0};
    LazyLines in = new LazyLines(10_000, () -> used[checkpoints[0]++] = usedAfterGc());
    CountingOutput out = new CountingOutput();
    PrintStream err = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    int code = TriageCli.run(new String[] {"--batch", "-", "--json"}, in,
        new PrintStream(out, false, StandardCharsets.UTF_8), err, false);

    assertThat(code).isEqualTo(2);
    assertThat(out.lines).isEqualTo(LINES - in.blank);
    assertThat(out.errors).isEqualTo(in.bad);
    assertThat(out.malformed).isZero();
    assertThat(checkpoints[0]).isEqualTo(2);
    assertThat(used[1] - used[0]).as("heap growth in bytes from line 10,000 to line 100,000")
        .isLessThan(MAX_GROWTH);
  }
}
