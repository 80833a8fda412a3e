package dev.tlsguard.protocol;

import com.google.common.hash.Hashing;
import com.google.gson.Gson;
import dev.tlsguard.document.AnalysisResult;
import dev.tlsguard.document.ContentChange;
import dev.tlsguard.document.DocumentClosedException;
import dev.tlsguard.document.DocumentWorker;
import dev.tlsguard.document.Snapshot;
import dev.tlsguard.rules.Analysis;
import io.github.treesitter.jtreesitter.Tree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Open documents: synchronisation, diagnostics, code actions and hover.
 *
 * <p>Each open document has a {@link DocumentWorker}; handlers look it up and enqueue work on it,
 * so the reader thread never parses or analyses.
 */
public final class TlsGuardTextDocumentService implements TextDocumentService {
  private static final Logger LOG = Logger.getLogger(TlsGuardTextDocumentService.class.getName());
  private static final Gson GSON = new Gson();
  private static final int MAX_ATTEMPTS = 3;

  private final TlsGuardLanguageServer server;
  private final TlsGuardLanguageServer.DocumentAnalyzerFactory analyzers;
  private final Map<String, DocumentWorker> workers = new ConcurrentHashMap<>();
  // Publishing and closing take this lock, so a clearing publish is never overtaken by a late one.
  private final Object publishLock = new Object();

  TlsGuardTextDocumentService(
      TlsGuardLanguageServer server, TlsGuardLanguageServer.DocumentAnalyzerFactory analyzers) {
    this.server = server;
    this.analyzers = analyzers;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    if (!server.isRunning()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    DocumentWorker previous = workers.remove(uri);
    if (previous != null) {
      LOG.warning(() -> "Document " + uri + " was opened again without being closed");
      previous.close();
    }
    DocumentWorker worker = newWorker(uri);
    workers.put(uri, worker);
    worker
        .open(params.getTextDocument().getVersion(), params.getTextDocument().getText())
        .exceptionally(error -> logFailure("open", uri, error));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    long received = System.nanoTime();
    if (!server.isRunning()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    DocumentWorker worker = workers.get(uri);
    if (worker == null) {
      LOG.warning(() -> "Ignoring a change to " + uri + ", which is not open");
      return;
    }
    List<ContentChange> changes = new ArrayList<>();
    for (TextDocumentContentChangeEvent event : params.getContentChanges()) {
      changes.add(
          event.getRange() == null
              ? ContentChange.full(event.getText())
              : ContentChange.replace(
                  new ContentChange.LineRange(
                      event.getRange().getStart().getLine(),
                      event.getRange().getStart().getCharacter(),
                      event.getRange().getEnd().getLine(),
                      event.getRange().getEnd().getCharacter()),
                  event.getText()));
    }
    worker
        .change(
            params.getTextDocument().getVersion(),
            changes,
            server.features().encoding(),
            received)
        .exceptionally(error -> logFailure("change", uri, error));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    if (!server.isRunning()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    DocumentWorker worker = workers.remove(uri);
    if (worker == null) {
      LOG.warning(() -> "Ignoring close of " + uri + ", which is not open");
      return;
    }
    synchronized (publishLock) {
      worker.close();
      if (!server.features().pullDiagnostics()) {
        server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
      }
    }
    server.getWorkspaceService().documentClosed(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    server.getWorkspaceService().fileChanged(params.getTextDocument().getUri());
  }

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    server.requireRunning();
    String uri = params.getTextDocument().getUri();
    DocumentWorker worker = workers.get(uri);
    if (worker == null) {
      return CompletableFuture.completedFuture(fullReport(List.of()));
    }
    return worker
        .latestAnalysis()
        .thenApply(
            result -> {
              List<Diagnostic> diagnostics = diagnosticsOf(result);
              String resultId = resultId(diagnostics);
              if (resultId.equals(params.getPreviousResultId())) {
                return new DocumentDiagnosticReport(
                    new RelatedUnchangedDocumentDiagnosticReport(resultId));
              }
              RelatedFullDocumentDiagnosticReport report =
                  new RelatedFullDocumentDiagnosticReport(diagnostics);
              report.setResultId(resultId);
              return new DocumentDiagnosticReport(report);
            })
        .exceptionally(
            error -> {
              if (unwrap(error) instanceof DocumentClosedException) {
                return fullReport(List.of());
              }
              throw asCompletion(error);
            });
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    server.requireRunning();
    DocumentWorker worker = workers.get(params.getTextDocument().getUri());
    if (worker == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    return codeActions(worker, params, 1);
  }

  private CompletableFuture<List<Either<Command, CodeAction>>> codeActions(
      DocumentWorker worker, CodeActionParams params, int attempt) {
    return worker
        .latestAnalysis()
        .thenCompose(
            result ->
                worker.withDocument(
                    document ->
                        document.version() == result.snapshot().version()
                            ? new CodeActionProvider(
                                    result,
                                    document.tree(),
                                    settingsFor(result.snapshot().uri()),
                                    server.features())
                                .actions(params)
                            : null))
        .thenCompose(
            actions -> {
              if (actions != null) {
                return CompletableFuture.completedFuture(actions);
              }
              if (attempt >= MAX_ATTEMPTS) {
                throw new ResponseErrorException(
                    new ResponseError(
                        ResponseErrorCode.ContentModified,
                        "The document changed while code actions were computed",
                        null));
              }
              return codeActions(worker, params, attempt + 1);
            })
        .exceptionally(
            error -> {
              if (unwrap(error) instanceof DocumentClosedException) {
                return List.of();
              }
              throw asCompletion(error);
            });
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    server.requireRunning();
    DocumentWorker worker = workers.get(params.getTextDocument().getUri());
    if (worker == null) {
      return CompletableFuture.completedFuture(null);
    }
    return worker
        .latestAnalysis()
        .thenApply(
            result ->
                HoverProvider.hover(
                        result,
                        params.getPosition(),
                        settingsFor(result.snapshot().uri()),
                        server.features())
                    .orElse(null))
        .exceptionally(
            error -> {
              if (unwrap(error) instanceof DocumentClosedException) {
                return null;
              }
              throw asCompletion(error);
            });
  }

  /** Analyses every open document again, after a settings change. */
  void reanalyzeAll() {
    for (DocumentWorker worker : workers.values()) {
      worker.reanalyze().exceptionally(error -> logFailure("re-analyse", worker.uri(), error));
    }
  }

  /** Returns whether {@code uri} is open. */
  boolean isOpen(String uri) {
    return workers.containsKey(uri);
  }

  /** Closes every document, for {@code shutdown}. */
  CompletableFuture<Void> closeAll() {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (String uri : List.copyOf(workers.keySet())) {
      DocumentWorker worker = workers.remove(uri);
      if (worker != null) {
        synchronized (publishLock) {
          closing.add(worker.close().exceptionally(error -> null));
        }
      }
    }
    return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
  }

  /** Returns the diagnostics of a result under the document's current settings. */
  List<Diagnostic> diagnosticsOf(AnalysisResult result) {
    return DiagnosticMapper.diagnostics(
        result, settingsFor(result.snapshot().uri()), server.features());
  }

  /** Returns a result id that changes exactly when the diagnostics change. */
  static String resultId(List<Diagnostic> diagnostics) {
    return Hashing.sha256()
        .hashString(GSON.toJson(diagnostics), StandardCharsets.UTF_8)
        .toString()
        .substring(0, 24);
  }

  private Settings settingsFor(String uri) {
    return server.settings().forDocument(uri);
  }

  private DocumentWorker newWorker(String uri) {
    return new DocumentWorker(
        uri,
        server.analysisExecutor(),
        this::analyze,
        server.settings()::generation,
        this::analysed,
        server.treeBudget());
  }

  private Analysis analyze(Snapshot snapshot, Tree tree) {
    Settings settings = settingsFor(snapshot.uri());
    if (server.settings().isExcluded(snapshot.uri(), settings, false)) {
      LOG.fine(() -> "Not analysing excluded document " + snapshot.uri());
      return new Analysis(List.of(), 0);
    }
    return analyzers.create(settings).analyze(snapshot, tree);
  }

  private void analysed(AnalysisResult result) {
    String uri = result.snapshot().uri();
    int version = result.snapshot().version();
    if (server.features().pullDiagnostics()) {
      server.logTrace(
          "Analysed " + uri + " version " + version,
          result.analysis().findings().size() + " findings");
      return;
    }
    synchronized (publishLock) {
      DocumentWorker worker = workers.get(uri);
      if (worker == null || worker.isClosed() || worker.latestVersion() != version) {
        return;
      }
      // Read before publishing: the client's next change can replace it as soon as this is sent.
      java.util.OptionalLong received = worker.changeReceivedNanos(version);
      List<Diagnostic> diagnostics = diagnosticsOf(result);
      server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
      logChangeLatency(received, uri, version, diagnostics.size());
      server.logTrace(
          "Published " + diagnostics.size() + " diagnostics for " + uri + " version " + version,
          "settings generation " + result.settingsGeneration());
    }
  }

  /**
   * Logs the time from reading the change that made {@code version}, at {@code receivedNanos}, to
   * publishing for it.
   */
  private static void logChangeLatency(
      java.util.OptionalLong receivedNanos, String uri, int version, int diagnostics) {
    if (!LOG.isLoggable(Level.FINE)) {
      return;
    }
    receivedNanos.ifPresent(
            received ->
                LOG.fine(
                    "Published "
                        + diagnostics
                        + " diagnostics for "
                        + uri
                        + " version "
                        + version
                        + " "
                        + (System.nanoTime() - received) / 1000
                        + " us after reading its change"));
  }

  private static DocumentDiagnosticReport fullReport(List<Diagnostic> diagnostics) {
    RelatedFullDocumentDiagnosticReport report =
        new RelatedFullDocumentDiagnosticReport(diagnostics);
    report.setResultId(resultId(diagnostics));
    return new DocumentDiagnosticReport(report);
  }

  private static <T> T logFailure(String action, String uri, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof DocumentClosedException) {
      LOG.fine(() -> "Skipped " + action + " of " + uri + " because it was closed");
    } else {
      LOG.log(Level.SEVERE, "Failed to " + action + " " + uri, cause);
    }
    return null;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static CompletionException asCompletion(Throwable error) {
    return error instanceof CompletionException completion
        ? completion
        : new CompletionException(error);
  }
}
