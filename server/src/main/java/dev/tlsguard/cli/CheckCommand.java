package dev.tlsguard.cli;

import dev.tlsguard.rules.RuleSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsguard check}: finds insecure SSL/TLS protocol selection in Python files and folders,
 * and optionally fixes it.
 *
 * <p>Findings go to stdout (or {@code --output}); per-file errors, fix reports and the summary go
 * to stderr.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Check Python files for insecure SSL/TLS protocol selection (SSLv2, SSLv3, TLS 1.0, TLS 1.1)"
          + " under the rule "
          + RuleDescription.ID
          + ".",
      "",
      "Folders are searched recursively for .py and .pyi files, skipping hidden folders,"
          + " __pycache__, node_modules and virtual environments (folders that contain"
          + " pyvenv.cfg). Files are read as UTF-8 unless a PEP 263 coding declaration names"
          + " another encoding. Nothing is written to any file except by --fix.",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no findings (after --fix: none left)",
      "1:findings were reported (after --fix: some are left; with --diff: any were found)",
      "2:invalid usage, or a path could not be read, decoded or written; this wins over 1"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  tlsguard check src/",
      "  tlsguard check --format sarif --output tlsguard.sarif .",
      "  tlsguard check --diff --exclude 'tests/fixtures/' src/",
      "  tlsguard check --fix --protocols SSLv2,SSLv3,TLSv1 app.py"
    })
public final class CheckCommand implements Callable<Integer> {
  private static final Logger LOG = Logger.getLogger(CheckCommand.class.getName());
  private static final int EXIT_CLEAN = 0;
  private static final int EXIT_FINDINGS = 1;
  private static final int EXIT_ERROR = 2;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Files and folders to check (default: the current folder). A file named here is"
              + " always checked, whatever its name or the skip rules.")
  private List<Path> paths = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description =
          "Skip paths matching GLOB, relative to each folder argument (repeatable; default:"
              + " none). Globs work as in .gitignore: a glob without '/' matches a name at any"
              + " depth, one with '/' is anchored at the folder, a trailing '/' matches folders"
              + " only, '**' matches any number of folders.")
  private List<String> excludes = new ArrayList<>();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "Analyse up to N files in parallel (default: the number of processors, ${DEFAULT-VALUE}"
              + " on this machine).")
  private int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--no-prefilter",
      description =
          "Parse every file. By default a file whose text does not contain 'ssl' in any letter"
              + " case (or 'tls' with --string-forms) is not parsed, because it cannot select"
              + " a protocol through the ssl or OpenSSL.SSL modules.")
  private boolean noPrefilter;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = OutputFormat.Converter.class,
      description =
          "Report format: text (path:line:column: kind message), json (an array of findings)"
              + " or sarif (SARIF 2.1.0, for GitHub code scanning) (default: text).")
  private OutputFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report or the diff to FILE instead of stdout.")
  private Path output;

  @Option(
      names = "--fix",
      description =
          "Apply the safe fixes to the files in place, re-checking until no more apply, and report"
              + " each change on stderr. The report then lists the findings that are left.")
  private boolean fix;

  @Option(
      names = "--unsafe-fixes",
      description =
          "With --fix or --diff, also apply fixes not marked safe, for findings that have no safe"
              + " fix. Unsafe fixes can change how the program behaves, for example its"
              + " certificate checks.")
  private boolean unsafeFixes;

  @Option(
      names = "--diff",
      description =
          "Print the changes --fix would make as a unified diff, and write nothing to the files.")
  private boolean diff;

  @Option(
      names = "--protocols",
      paramLabel = "LIST",
      split = ",",
      description =
          "Comma-separated protocol versions to report as insecure (default:"
              + " SSLv2,SSLv3,TLSv1,TLSv1.1). For example SSLv2,SSLv3,TLSv1 stops reporting"
              + " TLS 1.1.")
  private List<String> protocols;

  @Option(
      names = "--severity",
      paramLabel = "KIND=LEVEL",
      description =
          "Report findings of KIND at LEVEL: error, warning, information or hint (repeatable). By"
              + " default SSLv2 and SSLv3 findings are errors, TLS 1.0 and TLS 1.1 findings"
              + " warnings. Kinds: ssl-proto-const, ssl-min-version, ssl-max-version,"
              + " options-reenable, pyopenssl-method, pyopenssl-proto-version, bad-default,"
              + " getattr-const, string-form.")
  private Map<String, String> severities = new LinkedHashMap<>();

  @Option(
      names = "--prefer-fix",
      paramLabel = "STYLE",
      description =
          "Which fix to list and apply first: minimal (a one-token replacement such as"
              + " PROTOCOL_TLSv1_2 that keeps the program's behaviour) or modern (the current API,"
              + " such as PROTOCOL_TLS_CLIENT with a minimum_version floor) (default: minimal).")
  private String preferFix = "minimal";

  @Option(
      names = "--string-forms",
      description =
          "Also report protocol names written as strings where a library accepts them, such as"
              + " urllib3's ssl_version=\"TLSv1\" (default: off).")
  private boolean stringForms;

  @Option(
      names = "--no-suppressions",
      description =
          "Report findings even on lines with a suppression comment (# tlsguard: ignore, # noqa,"
              + " # nosec, # no-dd-sa).")
  private boolean noSuppressions;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print the summary line on stderr; errors are still printed.")
  private boolean quiet;

  private final OutputStream stdout;
  private final PrintStream stderr;
  private final Path workingFolder;

  /** Creates the command writing to the process's stdout and stderr. */
  public CheckCommand() {
    this(System.out, System.err, Path.of(""));
  }

  /** Creates the command with other streams and working folder, for tests. */
  CheckCommand(OutputStream stdout, OutputStream stderr, Path workingFolder) {
    this.stdout = stdout;
    this.stderr = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    this.workingFolder = workingFolder.toAbsolutePath();
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    RuleSettings settings = settings();
    FixMode mode = fixMode();
    List<ExcludePattern> patterns = excludePatterns();

    List<Path> arguments = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    long walkStart = System.nanoTime();
    SourceFinder.Result found = new SourceFinder(patterns, jobs).find(resolve(arguments));
    long walkEnd = System.nanoTime();
    LOG.fine(() -> "Found " + found.files().size() + " files in " + millis(walkStart, walkEnd));
    rejectOutputAmongSources(found.files());
    Optional<Prefilter> prefilter =
        noPrefilter ? Optional.empty() : Optional.of(new Prefilter(settings.reportStringForms()));
    FileChecker checker = new FileChecker(prefilter, mode, unsafeFixes);
    List<FileResult> results = new CheckRunner(settings, checker, jobs).run(found.files());
    LOG.fine(() -> "Checked the files in " + millis(walkEnd, System.nanoTime()));

    boolean reportWritten = writeReport(mode, results, found.errors());
    printDiagnostics(found.errors(), results);
    RunSummary summary = RunSummary.of(results, found.errors().size(), mode);
    if (!quiet) {
      stderr.println(summary.describe());
    }
    if (!reportWritten || summary.errorCount() > 0) {
      return EXIT_ERROR;
    }
    return summary.findingCount() > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  }

  private static String millis(long startNanos, long endNanos) {
    return (endNanos - startNanos) / 1_000_000 + " ms";
  }

  /** Resolves relative arguments against the working folder, keeping them relative for display. */
  private List<Path> resolve(List<Path> arguments) {
    if (workingFolder.equals(Path.of("").toAbsolutePath())) {
      return arguments;
    }
    List<Path> resolved = new ArrayList<>();
    for (Path argument : arguments) {
      resolved.add(argument.isAbsolute() ? argument : workingFolder.resolve(argument));
    }
    return resolved;
  }

  private RuleSettings settings() {
    try {
      RuleSettings settings =
          RuleSettings.DEFAULTS
              .withSeverityOverrides(SettingsParser.parseSeverities(severities))
              .withFixPreference(SettingsParser.parseFixPreference(preferFix))
              .withReportStringForms(stringForms)
              .withRespectSuppressions(!noSuppressions);
      if (protocols != null) {
        settings = settings.withInsecureProtocols(SettingsParser.parseProtocols(protocols));
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private FixMode fixMode() {
    if (jobs < 1) {
      throw usage("Invalid --jobs value " + jobs + "; it must be at least 1");
    }
    if (fix && diff) {
      throw usage("--fix and --diff cannot be combined: --diff shows what --fix would write");
    }
    if (unsafeFixes && !fix && !diff) {
      throw usage("--unsafe-fixes needs --fix or --diff");
    }
    if (diff && format != null && format != OutputFormat.TEXT) {
      throw usage(
          "--diff prints a unified diff; it cannot be combined with --format " + format.id());
    }
    if (fix) {
      return FixMode.APPLY;
    }
    return diff ? FixMode.DIFF : FixMode.REPORT;
  }

  private List<ExcludePattern> excludePatterns() {
    List<ExcludePattern> patterns = new ArrayList<>();
    for (String glob : excludes) {
      try {
        patterns.add(ExcludePattern.compile(glob));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    return patterns;
  }

  /** Refuses an --output file that is one of the files being checked, which it would overwrite. */
  private void rejectOutputAmongSources(List<SourceFile> files) {
    if (output == null) {
      return;
    }
    Path target = workingFolder.resolve(output).toAbsolutePath().normalize();
    for (SourceFile file : files) {
      if (file.path().toAbsolutePath().normalize().equals(target)) {
        throw usage("--output " + output + " is one of the files being checked; choose another file");
      }
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Writes the report or diff; returns false if the output file could not be written. */
  private boolean writeReport(FixMode mode, List<FileResult> results, List<PathError> searchErrors)
      throws IOException {
    try (Writer writer = openOutput()) {
      if (mode == FixMode.DIFF) {
        for (FileResult result : results) {
          if (result.diff().isPresent()) {
            writer.write(result.diff().get());
          }
        }
      } else {
        report().write(results, searchErrors, writer);
      }
      return true;
    } catch (IOException e) {
      if (output == null) {
        throw e;
      }
      stderr.println(output + ": error: writing the report failed: " + IoMessages.describe(e));
      return false;
    }
  }

  private Writer openOutput() throws IOException {
    OutputStream stream =
        output == null ? new NonClosingOutputStream(stdout) : Files.newOutputStream(output);
    return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  private CheckReport report() {
    return switch (format == null ? OutputFormat.TEXT : format) {
      case TEXT -> new TextReport();
      case JSON -> new JsonReport();
      case SARIF -> new SarifReport(workingFolder);
    };
  }

  private void printDiagnostics(List<PathError> searchErrors, List<FileResult> results) {
    for (PathError error : searchErrors) {
      stderr.println(error);
    }
    for (FileResult result : results) {
      String path = result.file().displayPath();
      for (String note : result.fixNotes()) {
        stderr.println(path + ":" + note);
      }
      result.error().ifPresent(reason -> stderr.println(path + ": error: " + reason));
    }
  }

  /** Lets the report writer be closed without closing the process's stdout. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
