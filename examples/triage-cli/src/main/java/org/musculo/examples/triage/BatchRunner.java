package org.musculo.examples.triage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.PresentationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Assesses a batch of cases, one JSON object per line, and writes one result per non-blank line
 * in input order: the assessment, or in its place an error naming the line.
 *
 * <p>It streams in constant memory: lines are read one at a time, and each result is written and
 * flushed as soon as it and every result before it are ready. Lines are assessed on up to {@code
 * threads} threads, with at most {@code 4 × threads} lines in flight, so that memory stays flat
 * however long the batch is.
 */
final class BatchRunner {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** What one line gave: the text to write, and how it went. */
  private record Result(long line, String output, Outcome outcome, String error, Throwable failure) {}

  private enum Outcome {
    OK,
    BAD_INPUT,
    FAILED
  }

  private final Musculo musculo;
  private final boolean json;
  private final int threads;
  private final boolean debug;
  private final PrintStream out;
  private final PrintStream err;

  BatchRunner(Musculo musculo, boolean json, int threads, boolean debug, PrintStream out, PrintStream err) {
    this.musculo = musculo;
    this.json = json;
    this.threads = Math.max(1, threads);
    this.debug = debug;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the batch.
   *
   * @param in the batch, decoded
   * @return {@link TriageCli#OK} if every line was assessed, {@link TriageCli#BAD_INPUT} if a
   *     line was bad, {@link TriageCli#FAILURE} if a line failed unexpectedly or the output was
   *     closed
   * @throws IOException if the batch cannot be read; the results of the lines read before are
   *     written first
   */
  int run(Reader in) throws IOException {
    LineReader lines = new LineReader(in);
    AtomicInteger bad = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "musculo-batch");
      t.setDaemon(true);
      return t;
    }) : null;
    ArrayDeque<Future<Result>> window = new ArrayDeque<>();
    int inFlight = threads * 4;
    IOException failure = null;
    try {
      while (true) {
        LineReader.Line line;
        try {
          line = lines.next();
        } catch (IOException e) {
          // the input broke: still write what the lines read so far gave, then fail
          failure = e;
          break;
        }
        if (line == null) {
          break;
        }
        if (line.blank()) {
          continue;
        }
        LineReader.Line current = line;
        if (pool == null) {
          if (!write(assess(current), bad, failed)) {
            return TriageCli.FAILURE;
          }
          continue;
        }
        window.add(pool.submit(() -> assess(current)));
        if (window.size() >= inFlight && !write(get(window.poll()), bad, failed)) {
          return TriageCli.FAILURE;
        }
      }
      while (!window.isEmpty()) {
        if (!write(get(window.poll()), bad, failed)) {
          return TriageCli.FAILURE;
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    if (failure != null) {
      throw failure;
    }
    return failed.get() > 0 ? TriageCli.FAILURE : bad.get() > 0 ? TriageCli.BAD_INPUT : TriageCli.OK;
  }

  private static Result get(Future<Result> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a result", e);
    } catch (ExecutionException e) {
      // assess catches every exception; only an Error gets here
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Result assess(LineReader.Line line) {
    if (line.tooLong()) {
      return bad(line.number(), "the line is longer than " + LineReader.MAX_CHARS
          + " characters; give one case of reasonable size per line");
    }
    if (line.text().indexOf('\uFFFD') >= 0) {
      return bad(line.number(), "the line is not valid UTF-8 text; save the batch as UTF-8");
    }
    try {
      Assessment a = musculo.assess(CaseReader.read(line.text(), true));
      String output = json ? a.toJson() : "=== line " + line.number() + " ===\n"
          + TextReport.render(a, musculo.knowledgeBase());
      return new Result(line.number(), output, Outcome.OK, null, null);
    } catch (BadInputException e) {
      return bad(line.number(), e.getMessage());
    } catch (PresentationException e) {
      // names the field, never a value
      return bad(line.number(), e.getMessage());
    } catch (RuntimeException e) {
      String message = "the line could not be assessed because of an internal error ("
          + e.getClass().getSimpleName() + "); run with --debug for details";
      return new Result(line.number(), errorOutput(line.number(), message), Outcome.FAILED, message, e);
    }
  }

  private Result bad(long line, String message) {
    return new Result(line, errorOutput(line, message), Outcome.BAD_INPUT, message, null);
  }

  private String errorOutput(long line, String message) {
    if (json) {
      return MAPPER.writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("line", line).put("error", message));
    }
    return "=== line " + line + " ===\nerror: " + message + "\n";
  }

  /** Writes a result and flushes; returns false when the output has been closed. */
  private boolean write(Result r, AtomicInteger bad, AtomicInteger failed) {
    if (r.outcome() != Outcome.OK) {
      (r.outcome() == Outcome.BAD_INPUT ? bad : failed).incrementAndGet();
      err.println(TriageCli.NAME + ": line " + r.line() + ": " + r.error());
      if (debug && r.failure() != null) {
        StringWriter trace = new StringWriter();
        r.failure().printStackTrace(new PrintWriter(trace));
        err.print(trace);
      }
      err.flush();
    }
    if (json) {
      out.println(r.output());
    } else {
      out.print(r.output());
      out.println();
    }
    out.flush();
    if (out.checkError()) {
      err.println(TriageCli.NAME + ": the output was closed; stopped after line " + r.line());
      err.flush();
      return false;
    }
    return true;
  }
}
