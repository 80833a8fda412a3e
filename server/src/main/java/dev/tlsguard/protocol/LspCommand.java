package dev.tlsguard.protocol;

import dev.tlsguard.cli.LoggingSetup;
import dev.tlsguard.cli.Main;
import dev.tlsguard.document.AnalysisResult;
import dev.tlsguard.document.Snapshot;
import dev.tlsguard.parse.PythonLanguage;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import io.github.treesitter.jtreesitter.Tree;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsguard lsp}: runs the language server over stdin and stdout.
 *
 * <p>stdout carries only protocol messages: the real stdout is captured once at start and {@link
 * System#out} is redirected to stderr, so a stray print cannot corrupt the stream. Logs go to
 * stderr, which editors show in their output channel, and to {@code --log-file} when given.
 */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = "Run the language server on stdin and stdout.")
public final class LspCommand implements Callable<Integer> {
  private static final Logger LOG = Logger.getLogger(LspCommand.class.getName());

  @Option(
      names = "--stdio",
      description =
          "Talk over stdin and stdout (the default and only transport; accepted "
              + "because editors add it).")
  boolean stdio;

  @Option(names = "--log-file", paramLabel = "PATH", description = "Also append logs to this file.")
  Path logFile;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description =
          "Log level: off, error, warn, info, debug or trace (default: info, or "
              + "TLSGUARD_LOG when set).")
  String logLevel;

  /**
   * A small file with findings, analysed once at start so that the first real document does not
   * pay for loading the rule's classes and linking the parser's native functions.
   */
  private static final String WARM_UP_SOURCE =
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nctx.minimum_version = ssl.TLSVersion.TLSv1\n";

  /**
   * Starts the language server directly, as {@code java -cp tlsguard.jar
   * dev.tlsguard.protocol.LspCommand [OPTIONS]} does: the same as {@code tlsguard lsp [OPTIONS]},
   * but options that only picocli handles (help, version) still go through {@link Main}. bin/tlsguard
   * and the VS Code extension start the server this way, because it skips picocli's start-up cost
   * (see {@link #runWithoutParser}).
   */
  public static void main(String[] args) {
    LoggingSetup.configureDefaults();
    try {
      OptionalInt code = runWithoutParser(args);
      if (code.isPresent()) {
        System.exit(code.getAsInt());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
    String[] command = new String[args.length + 1];
    command[0] = "lsp";
    System.arraycopy(args, 0, command, 1, args.length);
    System.exit(Main.run(command));
  }

  /**
   * Runs {@code tlsguard lsp ARGUMENTS} without the picocli command-line parser, when {@code
   * arguments} hold only {@code --stdio}, {@code --log-level} and {@code --log-file}.
   *
   * <p>picocli's classes target Java 5, a class-file version that the JVM's AOT cache cannot
   * store, so parsing the command line with it loads, verifies and interprets about 170 classes
   * at every start: a few hundred milliseconds of a language server's cold start. An editor
   * starts the server with these plain options, so they are parsed here.
   *
   * @return the exit code, or empty when {@code arguments} need picocli (help, version, an unknown
   *     or incomplete option), which then reports them as usual
   */
  public static OptionalInt runWithoutParser(String... arguments) throws InterruptedException {
    Optional<LspCommand> parsed = parsePlainOptions(arguments);
    if (parsed.isEmpty()) {
      return OptionalInt.empty();
    }
    LspCommand command = parsed.get();
    try {
      return OptionalInt.of(command.call());
    } catch (IOException | IllegalArgumentException e) {
      // The same report and exit code as picocli's path for a failing command.
      System.err.println("error: " + e.getMessage());
      return OptionalInt.of(2);
    }
  }

  /**
   * Returns the command for {@code arguments} when they hold only {@code --stdio}, {@code
   * --log-level LEVEL} and {@code --log-file PATH} (also as {@code --name=value}), else empty.
   */
  static Optional<LspCommand> parsePlainOptions(String... arguments) {
    LspCommand command = new LspCommand();
    for (int i = 0; i < arguments.length; i++) {
      String argument = arguments[i];
      int equals = argument.indexOf('=');
      String name = equals < 0 ? argument : argument.substring(0, equals);
      if (argument.equals("--stdio")) {
        command.stdio = true;
        continue;
      }
      if (!name.equals("--log-level") && !name.equals("--log-file")) {
        return Optional.empty();
      }
      String value;
      if (equals >= 0) {
        value = argument.substring(equals + 1);
      } else if (i + 1 < arguments.length) {
        value = arguments[++i];
      } else {
        return Optional.empty();
      }
      if (name.equals("--log-level")) {
        command.logLevel = value;
      } else {
        try {
          command.logFile = Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(command);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    configureLogging();
    CompletableFuture<Void> parserLoaded = new CompletableFuture<>();
    Thread warmUp = new Thread(() -> warmUp(parserLoaded), "tlsguard-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    return run(System.in, protocolOut, parserLoaded);
  }

  /**
   * Loads the parser and completes {@code parserLoaded}, then analyses {@link #WARM_UP_SOURCE}
   * while the main thread sets up the protocol and the client sends {@code initialize}. Until this
   * ends, the first document's analysis would load the same classes and native function handles
   * itself, so a failure here is only logged.
   */
  private static void warmUp(CompletableFuture<Void> parserLoaded) {
    try {
      PythonLanguage.get();
      parserLoaded.complete(null);
    } catch (RuntimeException e) {
      parserLoaded.completeExceptionally(e);
      return;
    }
    long started = System.nanoTime();
    try (PythonParser parser = new PythonParser();
        Tree tree = parser.parse(WARM_UP_SOURCE)) {
      Settings settings = Settings.defaults(Optional.empty());
      Snapshot snapshot =
          new Snapshot(
              "file:///tlsguard-warm-up.py", 1, new SourceText(WARM_UP_SOURCE));
      Analysis analysis = ruleAnalyzer(settings).analyze(snapshot, tree);
      DiagnosticMapper.diagnostics(
          AnalysisResult.of(snapshot, analysis, 0),
          settings,
          ClientFeatures.from(null));
      LOG.fine(
          () ->
              "Warmed up the parser and the rule in "
                  + (System.nanoTime() - started) / 1_000_000
                  + " ms: "
                  + analysis.findings().size()
                  + " findings");
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.WARNING, "Warming up the parser and the rule failed", e);
    }
  }

  /** Serves one client on {@code in} and {@code out} until it exits, and returns the exit code. */
  static int run(InputStream in, OutputStream out) throws InterruptedException {
    return run(in, out, CompletableFuture.completedFuture(null));
  }

  /**
   * Serves one client once {@code parserLoaded} completes, and returns the exit code: 2 without
   * reading any message when loading the parser failed, so that a platform without native
   * libraries fails at start with one clear line instead of failing every document later.
   */
  static int run(InputStream in, OutputStream out, Future<Void> parserLoaded)
      throws InterruptedException {
    TlsGuardLanguageServer server =
        new TlsGuardLanguageServer(LspCommand::ruleAnalyzer, defaultRulesBaseUrl());
    Launcher<LanguageClient> launcher =
        new LSPLauncher.Builder<LanguageClient>()
            .setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExecutorService(Executors.newCachedThreadPool(daemonThreads()))
            .wrapMessages(consumer -> rejectUnknownDollarRequests(consumer))
            .create();
    server.connect(launcher.getRemoteProxy());
    try {
      parserLoaded.get();
    } catch (ExecutionException e) {
      LOG.severe(() -> "Cannot start the language server: " + e.getCause().getMessage());
      return 2;
    }
    Future<Void> listening = launcher.startListening();
    Thread watcher =
        new Thread(
            () -> {
              try {
                listening.get();
              } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Reading protocol messages failed", e.getCause());
              } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                LOG.fine("Stopped waiting for the input stream");
              }
              server.inputClosed();
            },
            "tlsguard-input-watcher");
    watcher.setDaemon(true);
    watcher.start();
    LOG.info("tlsguard language server started");
    try {
      return server.exitCode().get();
    } catch (ExecutionException e) {
      throw new AssertionError("The exit code future never fails", e);
    }
  }

  /**
   * Makes LSP4J answer a {@code $/} request it has no handler for with MethodNotFound. The
   * protocol lets a server ignore {@code $/} notifications but requires an error for such
   * requests, and LSP4J answers them with a null result. Renaming the method sends the request
   * down LSP4J's normal unknown-method path.
   */
  static org.eclipse.lsp4j.jsonrpc.MessageConsumer rejectUnknownDollarRequests(
      org.eclipse.lsp4j.jsonrpc.MessageConsumer next) {
    return message -> {
      if (message instanceof org.eclipse.lsp4j.jsonrpc.messages.RequestMessage request
          && request.getMethod() != null
          && request.getMethod().startsWith("$/")) {
        String method = request.getMethod();
        LOG.fine(() -> "Rejecting unsupported request " + method);
        request.setMethod("unsupported:" + method);
      }
      next.consume(message);
    };
  }

  /**
   * Returns an analyzer that runs the rule with the document's settings. A document longer than
   * the size limit or nested deeper than the depth limit is not analysed: the rule's cost grows
   * with the square of the nesting depth, so such a document fails alone, with the limit named.
   */
  static dev.tlsguard.document.DocumentAnalyzer ruleAnalyzer(Settings settings) {
    InsecureSslProtocolsRule rule = new InsecureSslProtocolsRule(settings.rules());
    return (snapshot, tree) -> {
      dev.tlsguard.parse.ParseLimits.DEFAULTS.checkSize(snapshot.source().length());
      dev.tlsguard.parse.ParseLimits.DEFAULTS.checkDepth(tree);
      return rule.analyze(snapshot.source(), tree);
    };
  }


  /**
   * Returns the rule pages of the checkout the jar was built in ({@code docs/rules/} two levels
   * above {@code server/target/tlsguard.jar}), when they exist.
   */
  static Optional<String> defaultRulesBaseUrl() {
    try {
      Path location =
          Path.of(LspCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = location.getParent() == null ? null : location.getParent().getParent();
      Path rules =
          root == null || root.getParent() == null
              ? null
              : root.getParent().resolve("docs").resolve("rules");
      if (rules != null && Files.isDirectory(rules)) {
        return Optional.of(rules.toUri().toString());
      }
    } catch (URISyntaxException | RuntimeException e) {
      LOG.log(Level.FINE, "Failed to locate the rule pages next to the jar", e);
    }
    return Optional.empty();
  }

  private void configureLogging() throws IOException {
    String fromEnvironment = System.getenv("TLSGUARD_LOG");
    Level level = Level.INFO;
    if (logLevel != null) {
      // An invalid --log-level is a usage error and ends the command.
      level = LoggingSetup.parseLevel(logLevel);
    } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      try {
        level = LoggingSetup.parseLevel(fromEnvironment);
      } catch (IllegalArgumentException e) {
        // LoggingSetup.configureDefaults has already printed a warning for it.
        LOG.fine(() -> "Ignoring TLSGUARD_LOG: " + e.getMessage());
      }
    }
    LoggingSetup.configure(level);
    if (logFile != null) {
      FileHandler handler = new FileHandler(logFile.toString(), true);
      handler.setFormatter(new SimpleFormatter());
      handler.setLevel(Level.ALL);
      Logger.getLogger("").addHandler(handler);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "tlsguard-jsonrpc");
      thread.setDaemon(true);
      return thread;
    };
  }
}
