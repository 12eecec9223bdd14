package org.musculo.examples.triage;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.musculo.Assessment;
import org.musculo.Musculo;
import org.musculo.Presentation;
import org.musculo.PresentationException;
import org.musculo.content.ContentException;
import org.musculo.content.ContentProblem;
import org.musculo.content.KnowledgeBase;
import org.musculo.model.Sex;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code musculo-triage} command line: a demo, an interactive interview, one case or a batch
 * of cases, and the catalogue of the loaded knowledge, as readable text or as JSON.
 *
 * <p>Exit codes: {@value #OK} ok; {@value #BAD_INPUT} bad case input or bad usage; {@value
 * #BAD_CONTENT} bad content; {@value #FAILURE} anything else. Errors are one line on standard
 * error that names the field or the line and never repeats what a patient typed; a stack trace
 * is shown only with {@code --debug}.
 *
 * <p>Tests and host applications call {@link #run(String[], InputStream, PrintStream,
 * PrintStream)}, which never exits the JVM; {@link #main(String[])} is the jar's entry point.
 */
@Command(
    name = TriageCli.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = TriageCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = false,
    headerHeading = "%n",
    header = "Musculo triage: decision support for muscle spasms, cramps, back and neck pain.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    description = {
      "With no mode on a terminal, runs an interview: describe the problem in your own words,"
          + " then answer yes, no or don't know.",
      "",
      "A case is a JSON object, all keys optional: {\"age\": 45, \"sex\": \"female\","
          + " \"pregnant\": false, \"present\": [...], \"absent\": [...]}. Each entry of present and"
          + " absent is a finding id (calf-cramp), a code (SNOMED-CT:55300003) or the patient's"
          + " own words (\"cramp in my calf at night\"). A batch has one case per line; blank"
          + " lines are skipped."
    },
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:an unexpected failure (--debug shows the stack trace)",
      "2:bad case input (bad JSON, impossible age, unknown id, unknown key) or bad usage;"
          + " in a batch, some lines were bad and the others were still assessed",
      "3:bad content (every problem is listed with its file and JSON pointer)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar musculo-triage.jar --demo",
      "  java -jar musculo-triage.jar --case case.json --json",
      "  cat cases.jsonl | java -jar musculo-triage.jar --batch - --json",
      "  java -jar musculo-triage.jar --content my-clinic/ --catalog --json",
      "",
      "Musculo offers decision support, not a diagnosis. In an emergency, call your local"
          + " emergency number."
    })
public final class TriageCli implements Callable<Integer> {
  /** The command's name, which starts every error line. */
  static final String NAME = "musculo-triage";

  /** Exit code: everything went well. */
  public static final int OK = 0;
  /** Exit code: an unexpected failure. */
  public static final int FAILURE = 1;
  /** Exit code: bad case input or bad usage. */
  public static final int BAD_INPUT = 2;
  /** Exit code: the content could not be loaded. */
  public static final int BAD_CONTENT = 3;

  /** The largest case file read, in bytes. */
  static final int MAX_CASE_BYTES = 1 << 20;

  /** The demo patient's own words. */
  static final String DEMO_WORDS = "My lower back went into spasm yesterday after I lifted a heavy"
      + " box and it is still tight and painful. I also get cramps in my calves at night.";

  /** The demo patient: a 38-year-old man with a lower-back spasm after lifting and night cramps. */
  static final Presentation DEMO = Presentation.builder().age(38).sex(Sex.MALE)
      .addPresent(DEMO_WORDS).build();

  private static volatile Musculo bundled;

  /** The modes; at most one is given. */
  static final class Mode {
    @Option(names = "--demo", description = "Assess an example patient with muscle spasms.")
    boolean demo;

    @Option(names = "--case", paramLabel = "FILE",
        description = "Assess one case from a JSON file ('-' for standard input).")
    String caseFile;

    @Option(names = "--batch", paramLabel = "FILE",
        description = "Assess one case per line of a JSON-lines file ('-' for standard input),"
            + " writing one result per line in input order.")
    String batchFile;

    @Option(names = "--catalog",
        description = "Describe the loaded knowledge: modules, content hash, conditions with codes"
            + " and sources, red flags, findings and treatments.")
    boolean catalog;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Mode mode;

  @Option(names = "--json", description = "Write JSON (one object per line) instead of text.")
  boolean json;

  @Option(names = "--content", paramLabel = "DIR",
      description = "Add an integrator's content directory (with module.json) to the bundled"
          + " content; may be repeated.")
  List<Path> contentDirs = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N",
      description = "Assess a batch on N threads; results keep the input order (default: the"
          + " number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--debug", description = "Show stack traces on errors (they may include input).")
  boolean debug;

  @Spec
  CommandSpec spec;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final Charset terminalCharset;

  private TriageCli(InputStream in, PrintStream out, PrintStream err, boolean terminal, Charset terminalCharset) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.terminalCharset = terminalCharset;
  }

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    java.io.Console console = System.console();
    // JSON and pipes get UTF-8; a terminal gets its own encoding
    Charset outCharset = console != null ? console.charset() : StandardCharsets.UTF_8;
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, outCharset);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, outCharset);
    int code = run(args, System.in, out, err, console != null,
        console != null ? console.charset() : StandardCharsets.UTF_8);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line without exiting: the interview runs when {@link System#console()}
   * finds a terminal.
   *
   * @param args the arguments
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    java.io.Console console = System.console();
    return run(args, in, out, err, console != null,
        console != null ? console.charset() : StandardCharsets.UTF_8);
  }

  /** Runs the command line, told whether standard input and output are a terminal. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    return run(args, in, out, err, terminal, StandardCharsets.UTF_8);
  }

  private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
      Charset terminalCharset) {
    CommandLine cmd = new CommandLine(new TriageCli(in, out, err, terminal, terminalCharset));
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    cmd.setOut(outWriter);
    cmd.setErr(errWriter);
    cmd.setParameterExceptionHandler((ex, arguments) -> {
      String message = ex.getMessage();
      if (ex instanceof UnmatchedArgumentException u
          && !u.getUnmatched().stream().allMatch(a -> a.startsWith("-"))) {
        // an unmatched word may be a patient's words typed on the command line: do not repeat it
        message = "unexpected argument; " + NAME + " takes options only (put a patient's words in a"
            + " case file and use --case)";
      }
      if (message != null && message.startsWith("Error: ")) {
        message = message.substring("Error: ".length());
      }
      errWriter.println(NAME + ": " + message);
      errWriter.println("Run '" + NAME + " --help' for usage.");
      errWriter.flush();
      return BAD_INPUT;
    });
    int code = cmd.execute(args);
    outWriter.flush();
    errWriter.flush();
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    try {
      return execute();
    } catch (ContentException e) {
      List<ContentProblem> problems = e.problems();
      err.println(NAME + ": the content has " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems") + "; nothing was loaded:");
      for (ContentProblem p : problems) {
        err.println("  " + p);
      }
      err.println("Each line reads module/file#json-pointer: what to mend. Check again with --catalog.");
      trace(e);
      return BAD_CONTENT;
    } catch (IOException e) {
      err.println(NAME + ": input or output failed (" + e.getClass().getSimpleName()
          + "); run with --debug for details");
      trace(e);
      return FAILURE;
    } catch (RuntimeException e) {
      // the message of an unexpected exception may carry input: name the type only
      err.println(NAME + ": unexpected failure (" + e.getClass().getName()
          + "); run with --debug for details");
      trace(e);
      return FAILURE;
    }
  }

  private int execute() throws IOException {
    if (threads < 1) {
      err.println(NAME + ": --threads must be at least 1");
      return BAD_INPUT;
    }
    if (mode == null) {
      if (!terminal) {
        err.println(NAME + ": no terminal for an interview; give --demo, --case, --batch or --catalog");
        spec.commandLine().usage(err);
        return BAD_INPUT;
      }
      return new Interview(load(), new BufferedReader(new InputStreamReader(in, terminalCharset)), out, json)
          .run();
    }
    if (mode.demo) {
      return demo(load());
    }
    if (mode.caseFile != null) {
      return oneCase(mode.caseFile);
    }
    if (mode.batchFile != null) {
      return batch(mode.batchFile);
    }
    KnowledgeBase kb = load().knowledgeBase();
    out.print(json ? Catalog.json(kb) + "\n" : Catalog.text(kb));
    return OK;
  }

  private int demo(Musculo musculo) {
    Assessment a = musculo.assess(DEMO);
    if (json) {
      out.println(a.toJson());
      return OK;
    }
    StringBuilder intro = new StringBuilder();
    TextReport.wrap(intro, "Demo patient: a 38-year-old man, who says: \"" + DEMO_WORDS + "\"", "", "  ");
    out.print(intro);
    out.println();
    out.print(TextReport.render(a, musculo.knowledgeBase()));
    return OK;
  }

  private int oneCase(String file) throws IOException {
    String where = file.equals("-") ? "standard input" : file;
    Presentation p;
    try {
      p = CaseReader.read(readCase(file), false);
    } catch (BadInputException e) {
      return badInput(where, e.getMessage(), e);
    }
    Musculo musculo = load();
    Assessment a;
    try {
      a = musculo.assess(p);
    } catch (PresentationException e) {
      return badInput(where, e.getMessage(), e);
    }
    out.print(json ? a.toJson() + "\n" : TextReport.render(a, musculo.knowledgeBase()));
    return OK;
  }

  private String readCase(String file) throws BadInputException, IOException {
    byte[] bytes;
    if (file.equals("-")) {
      bytes = in.readNBytes(MAX_CASE_BYTES + 1);
    } else {
      Path path = Path.of(file);
      try {
        if (Files.isDirectory(path)) {
          throw new BadInputException("", "the case file is a directory; give a JSON file");
        }
        if (Files.size(path) > MAX_CASE_BYTES) {
          throw new BadInputException("", "the case file is larger than " + MAX_CASE_BYTES + " bytes");
        }
        bytes = Files.readAllBytes(path);
      } catch (NoSuchFileException e) {
        throw new BadInputException("", "the case file does not exist");
      }
    }
    if (bytes.length > MAX_CASE_BYTES) {
      throw new BadInputException("", "the case is larger than " + MAX_CASE_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException("", "the case is not valid UTF-8 text; save it as UTF-8");
    }
  }

  private int batch(String file) throws IOException {
    Musculo musculo = load();
    BatchRunner runner = new BatchRunner(musculo, json, threads, debug, out, err);
    if (file.equals("-")) {
      return runner.run(utf8(in));
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      err.println(NAME + ": " + file + ": the batch file does not exist or is not a file");
      return BAD_INPUT;
    }
    try (InputStream stream = Files.newInputStream(path)) {
      return runner.run(utf8(stream));
    }
  }

  /** Decodes UTF-8, replacing malformed bytes so that the batch can flag just that line. */
  private static Reader utf8(InputStream stream) {
    return new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private int badInput(String where, String message, Exception e) {
    err.println(NAME + ": " + where + ": " + message);
    trace(e);
    return BAD_INPUT;
  }

  private void trace(Exception e) {
    if (debug) {
      e.printStackTrace(err);
    }
  }

  /**
   * Loads Musculo over the bundled content, plus each {@code --content} directory.
   *
   * @throws ContentException if the content has problems
   */
  private Musculo load() {
    if (contentDirs.isEmpty()) {
      return bundled();
    }
    KnowledgeBase.Builder b = KnowledgeBase.builder().addDiscovered();
    for (Path dir : contentDirs) {
      b.addDirectory(dir);
    }
    return Musculo.create(b.build());
  }

  /** The bundled content never changes while the JVM runs, so it is compiled once. */
  static Musculo bundled() {
    Musculo m = bundled;
    if (m == null) {
      synchronized (TriageCli.class) {
        m = bundled;
        if (m == null) {
          m = Musculo.create();
          bundled = m;
        }
      }
    }
    return m;
  }

  /** The version: this command line's, the engine's and Java's. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        NAME + " " + cliVersion(),
        "musculo-core engine " + Musculo.engineVersion(),
        "Java " + Runtime.version()
      };
    }

    static String cliVersion() {
      try (InputStream v = TriageCli.class.getResourceAsStream("version.properties")) {
        Properties p = new Properties();
        if (v != null) {
          p.load(v);
        }
        return p.getProperty("version", "unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}
