package dev.tlsguard.protocol;

import dev.tlsguard.cli.LoggingSetup;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
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

  @Override
  public Integer call() throws IOException, InterruptedException {
    OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    configureLogging();
    try {
      // Load the parser before serving, so that a platform without native libraries fails at
      // start with one clear line instead of failing every document later.
      dev.tlsguard.parse.PythonLanguage.get();
    } catch (dev.tlsguard.nativelib.NativeLibraryException e) {
      LOG.severe(() -> "Cannot start the language server: " + e.getMessage());
      return 2;
    }
    return run(System.in, protocolOut);
  }

  /** Serves one client on {@code in} and {@code out} until it exits, and returns the exit code. */
  static int run(InputStream in, OutputStream out) throws InterruptedException {
    TlsGuardLanguageServer server =
        new TlsGuardLanguageServer(LspCommand::ruleAnalyzer, defaultRulesBaseUrl());
    Launcher<LanguageClient> launcher =
        new LSPLauncher.Builder<LanguageClient>()
            .setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExecutorService(Executors.newCachedThreadPool(daemonThreads()))
            .create();
    server.connect(launcher.getRemoteProxy());
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

  /** Returns an analyzer that runs the rule with the document's settings. */
  static dev.tlsguard.document.DocumentAnalyzer ruleAnalyzer(Settings settings) {
    InsecureSslProtocolsRule rule = new InsecureSslProtocolsRule(settings.rules());
    return (snapshot, tree) -> rule.analyze(snapshot.source(), tree);
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
    String name =
        logLevel != null
            ? logLevel
            : fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "info";
    LoggingSetup.configure(LoggingSetup.parseLevel(name));
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
