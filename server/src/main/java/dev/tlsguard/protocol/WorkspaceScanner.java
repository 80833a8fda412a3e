package dev.tlsguard.protocol;

import dev.tlsguard.document.AnalysisResult;
import dev.tlsguard.document.Snapshot;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import io.github.treesitter.jtreesitter.Tree;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;

/**
 * Finds and analyses the Python files of workspace folders that are in workspace mode.
 *
 * <p>Runs on the server's background thread, which owns the parser it uses.
 */
final class WorkspaceScanner {
  private static final Logger LOG = Logger.getLogger(WorkspaceScanner.class.getName());

  private final TlsGuardLanguageServer server;
  private final TlsGuardLanguageServer.DocumentAnalyzerFactory analyzers;

  WorkspaceScanner(
      TlsGuardLanguageServer server, TlsGuardLanguageServer.DocumentAnalyzerFactory analyzers) {
    this.server = server;
    this.analyzers = analyzers;
  }

  /**
   * The diagnostics of one file on disk.
   *
   * @param uri the file URI
   * @param diagnostics its diagnostics
   * @param resultId an id that changes exactly when the diagnostics change
   */
  record FileReport(String uri, List<Diagnostic> diagnostics, String resultId) {}

  /** Returns whether any workspace folder is in workspace mode. */
  boolean isActive() {
    return server.settings().folders().stream()
        .anyMatch(folder -> server.settings().forFolder(folder).workspaceMode());
  }

  /** Lists the Python files to analyse, skipping excluded paths and those {@code skip} accepts. */
  List<Path> files(Predicate<String> skip, BooleanSupplier cancelled) {
    List<Path> files = new ArrayList<>();
    for (String folder : server.settings().folders()) {
      Optional<Path> root = SettingsStore.toPath(folder);
      if (root.isEmpty() || !Files.isDirectory(root.get())) {
        continue;
      }
      if (!server.settings().forFolder(folder).workspaceMode()) {
        continue;
      }
      try {
        Files.walkFileTree(
            root.get(),
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (cancelled.getAsBoolean()) {
                  return FileVisitResult.TERMINATE;
                }
                String uri = dir.toUri().toString();
                return !dir.equals(root.get()) && isExcluded(uri, true)
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                String uri = file.toUri().toString();
                if ((name.endsWith(".py") || name.endsWith(".pyi"))
                    && attributes.isRegularFile()
                    && !skip.test(uri)
                    && !isExcluded(uri, false)) {
                  files.add(file);
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.log(Level.WARNING, "Failed to read " + file + " during the workspace scan", e);
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Failed to scan workspace folder " + root.get(), e);
      }
    }
    return files;
  }

  /** Analyses one file from disk; empty when it cannot be read as UTF-8. */
  Optional<FileReport> analyze(Path file, PythonParser parser) {
    String uri = file.toUri().toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      LOG.warning(() -> "Skipping " + file + ", which is not valid UTF-8");
      return Optional.empty();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Failed to read " + file, e);
      return Optional.empty();
    }
    Settings settings = server.settings().forDocument(uri);
    Snapshot snapshot = new Snapshot(uri, 0, new SourceText(text));
    AnalysisResult result;
    try (Tree tree = parser.parse(text)) {
      Analysis analysis = analyzers.create(settings).analyze(snapshot, tree);
      result = AnalysisResult.of(snapshot, analysis, server.settings().generation());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.SEVERE, "Analysis of " + file + " failed", e);
      result = AnalysisResult.failed(snapshot, e, server.settings().generation());
    }
    List<Diagnostic> diagnostics =
        DiagnosticMapper.diagnostics(result, settings, server.features());
    return Optional.of(
        new FileReport(uri, diagnostics, TlsGuardTextDocumentService.resultId(diagnostics)));
  }

  private boolean isExcluded(String uri, boolean isDirectory) {
    return server.settings().isExcluded(uri, server.settings().forDocument(uri), isDirectory);
  }
}
