package dev.tlsguard.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tlsguard.parse.PythonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Settings, watched files, workspace folders and workspace-wide diagnostics.
 *
 * <p>Workspace mode analyses Python files that are not open: pull clients get them from {@code
 * workspace/diagnostic}, push-only clients get them published by a background scan.
 */
public final class TlsGuardWorkspaceService implements WorkspaceService {
  private static final Logger LOG = Logger.getLogger(TlsGuardWorkspaceService.class.getName());
  private static final String SECTION = "tlsguard";
  private static final long PROGRESS_CREATE_TIMEOUT_SECONDS = 10;

  private final TlsGuardLanguageServer server;
  private final WorkspaceScanner scanner;
  private final Set<String> pushedUris = ConcurrentHashMap.newKeySet();
  // Completed and replaced whenever a file or setting changes, waking held workspace requests.
  private volatile CompletableFuture<Void> changeSignal = new CompletableFuture<>();

  TlsGuardWorkspaceService(
      TlsGuardLanguageServer server, TlsGuardLanguageServer.DocumentAnalyzerFactory analyzers) {
    this.server = server;
    this.scanner = new WorkspaceScanner(server, analyzers);
  }

  /** Fetches the client's settings and registers watchers, after {@code initialized}. */
  void start() {
    registerCapabilities();
    CompletableFuture<Void> configured =
        server.features().configuration()
            ? fetchConfiguration()
            : CompletableFuture.completedFuture(null);
    configured
        .thenRun(this::settingsChanged)
        .exceptionally(
            error -> {
              LOG.log(Level.WARNING, "Failed to fetch the client's tlsguard settings", error);
              return null;
            });
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    if (!server.isRunning()) {
      return;
    }
    if (server.features().configuration()) {
      // The notification's payload is unreliable across clients; ask for the section instead.
      fetchConfiguration()
          .thenRun(this::settingsChanged)
          .exceptionally(
              error -> {
                LOG.log(Level.WARNING, "Failed to fetch changed tlsguard settings", error);
                return null;
              });
      return;
    }
    List<String> problems = new ArrayList<>();
    PartialSettings settings = SettingsParser.fromJson(section(params.getSettings()), problems);
    reportProblems(problems);
    server.settings().setClientSettings(settings, Map.of());
    settingsChanged();
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    if (!server.isRunning()) {
      return;
    }
    boolean projectChanged = false;
    for (FileEvent event : params.getChanges()) {
      Optional<Path> path = SettingsStore.toPath(event.getUri());
      if (path.isPresent() && path.get().getFileName().toString().equals(ProjectConfig.FILE_NAME)) {
        server.settings().projectFileChanged(path.get());
        projectChanged = true;
      } else {
        fileChanged(event.getUri());
      }
    }
    if (projectChanged) {
      LOG.info("A pyproject.toml changed; applying its settings");
      settingsChanged();
    }
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    if (!server.isRunning()) {
      return;
    }
    for (WorkspaceFolder folder : params.getEvent().getRemoved()) {
      server.settings().removeFolder(folder.getUri());
    }
    for (WorkspaceFolder folder : params.getEvent().getAdded()) {
      server.settings().addFolder(folder.getUri());
    }
    start();
  }

  @Override
  public CompletableFuture<WorkspaceDiagnosticReport> diagnostic(WorkspaceDiagnosticParams params) {
    server.requireRunning();
    CompletableFuture<WorkspaceDiagnosticReport> result = new CompletableFuture<>();
    attemptReport(params, result, true);
    return result;
  }

  /** Notes that a file changed on disk or was saved. */
  void fileChanged(String uri) {
    signalChange();
    if (!server.features().pullDiagnostics() && !server.getTextDocumentService().isOpen(uri)) {
      server.runInBackground(() -> pushFile(uri));
    }
  }

  /** Republishes a closed document's on-disk diagnostics when workspace mode is on. */
  void documentClosed(String uri) {
    fileChanged(uri);
  }

  /** Completes held {@code workspace/diagnostic} requests with empty reports, for shutdown. */
  void releaseHeldRequests() {
    signalChange();
  }

  private void settingsChanged() {
    server.getTextDocumentService().reanalyzeAll();
    signalChange();
    if (server.features().pullDiagnostics()) {
      if (server.features().diagnosticRefresh()) {
        server.client().refreshDiagnostics();
      }
    } else {
      server.runInBackground(this::pushWorkspace);
    }
  }

  private void signalChange() {
    CompletableFuture<Void> previous = changeSignal;
    changeSignal = new CompletableFuture<>();
    previous.complete(null);
  }

  /**
   * Scans the workspace and completes {@code result} when some report is new or changed. When every
   * file is unchanged the request is held until a file or setting changes, because clients ask
   * again as soon as a workspace report arrives.
   */
  private void attemptReport(
      WorkspaceDiagnosticParams params,
      CompletableFuture<WorkspaceDiagnosticReport> result,
      boolean first) {
    CompletableFuture<Void> signal = changeSignal;
    try {
      server
          .backgroundExecutor()
          .execute(
              () -> {
                if (result.isDone()) {
                  return;
                }
                if (!server.isRunning()) {
                  result.complete(new WorkspaceDiagnosticReport(List.of()));
                  return;
                }
                List<WorkspaceDocumentDiagnosticReport> items =
                    scanReport(params, first, result::isCancelled);
                boolean changed =
                    items.stream().anyMatch(WorkspaceDocumentDiagnosticReport::isLeft);
                if (changed
                    || (first && params.getPreviousResultIds().isEmpty() && !items.isEmpty())) {
                  result.complete(new WorkspaceDiagnosticReport(items));
                } else {
                  signal.thenRun(() -> attemptReport(params, result, false));
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.complete(new WorkspaceDiagnosticReport(List.of()));
    }
  }

  private List<WorkspaceDocumentDiagnosticReport> scanReport(
      WorkspaceDiagnosticParams params, boolean first, BooleanSupplier cancelled) {
    Map<String, String> previous = new HashMap<>();
    for (PreviousResultId id : params.getPreviousResultIds()) {
      previous.put(id.getUri(), id.getValue());
    }
    // A token ends with its first end notification, so a held request reports progress once.
    Progress progress = new Progress(first ? params.getWorkDoneToken() : null, server.client());
    List<WorkspaceDocumentDiagnosticReport> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Path> files =
        scanner.isActive()
            ? scanner.files(server.getTextDocumentService()::isOpen, cancelled)
            : List.of();
    progress.begin(files.size());
    try (PythonParser parser = new PythonParser()) {
      for (int i = 0; i < files.size() && !cancelled.getAsBoolean(); i++) {
        progress.report(i, files.size());
        scanner
            .analyze(files.get(i), parser)
            .ifPresent(
                report -> {
                  seen.add(report.uri());
                  if (report.resultId().equals(previous.get(report.uri()))) {
                    items.add(
                        new WorkspaceDocumentDiagnosticReport(
                            new WorkspaceUnchangedDocumentDiagnosticReport(
                                report.resultId(), report.uri(), null)));
                  } else {
                    WorkspaceFullDocumentDiagnosticReport full =
                        new WorkspaceFullDocumentDiagnosticReport(
                            report.diagnostics(), report.uri(), null);
                    full.setResultId(report.resultId());
                    items.add(new WorkspaceDocumentDiagnosticReport(full));
                  }
                });
      }
    } finally {
      progress.end(files.size() + " Python files analysed");
    }
    // Files reported before that are gone, excluded or no longer in workspace mode get cleared.
    for (String uri : previous.keySet()) {
      if (!seen.contains(uri) && !server.getTextDocumentService().isOpen(uri)) {
        items.add(
            new WorkspaceDocumentDiagnosticReport(
                new WorkspaceFullDocumentDiagnosticReport(List.of(), uri, null)));
      }
    }
    return items;
  }

  /** Publishes the diagnostics of every unopened file, for push-only clients. */
  private void pushWorkspace() {
    if (!server.isRunning()) {
      return;
    }
    Set<String> published = new HashSet<>();
    List<Path> files =
        scanner.isActive()
            ? scanner.files(server.getTextDocumentService()::isOpen, () -> !server.isRunning())
            : List.of();
    Progress progress = files.isEmpty() ? new Progress(null, null) : Progress.create(server);
    progress.begin(files.size());
    try (PythonParser parser = new PythonParser()) {
      for (int i = 0; i < files.size() && server.isRunning(); i++) {
        progress.report(i, files.size());
        scanner
            .analyze(files.get(i), parser)
            .ifPresent(
                report -> {
                  published.add(report.uri());
                  server
                      .client()
                      .publishDiagnostics(
                          new PublishDiagnosticsParams(report.uri(), report.diagnostics()));
                });
      }
    } finally {
      progress.end(files.size() + " Python files analysed");
    }
    for (String uri : List.copyOf(pushedUris)) {
      if (!published.contains(uri) && !server.getTextDocumentService().isOpen(uri)) {
        server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        pushedUris.remove(uri);
      }
    }
    pushedUris.addAll(published);
  }

  private void pushFile(String uri) {
    Optional<Path> path = SettingsStore.toPath(uri);
    if (!server.isRunning() || path.isEmpty() || !scanner.isActive()) {
      return;
    }
    boolean inScope =
        java.nio.file.Files.isRegularFile(path.get())
            && scanner.files(candidate -> !candidate.equals(uri), () -> false).contains(path.get());
    if (!inScope) {
      if (pushedUris.remove(uri)) {
        server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
      }
      return;
    }
    try (PythonParser parser = new PythonParser()) {
      scanner
          .analyze(path.get(), parser)
          .ifPresent(
              report -> {
                pushedUris.add(uri);
                server
                    .client()
                    .publishDiagnostics(new PublishDiagnosticsParams(uri, report.diagnostics()));
              });
    }
  }

  private CompletableFuture<Void> fetchConfiguration() {
    List<String> folders = server.settings().folders();
    List<ConfigurationItem> items = new ArrayList<>();
    ConfigurationItem global = new ConfigurationItem();
    global.setSection(SECTION);
    items.add(global);
    for (String folder : folders) {
      ConfigurationItem item = new ConfigurationItem();
      item.setScopeUri(folder);
      item.setSection(SECTION);
      items.add(item);
    }
    return server
        .client()
        .configuration(new ConfigurationParams(items))
        .thenAccept(
            values -> {
              List<String> problems = new ArrayList<>();
              PartialSettings globalSettings =
                  SettingsParser.fromJson(values.isEmpty() ? null : json(values.get(0)), problems);
              Map<String, PartialSettings> perFolder = new HashMap<>();
              for (int i = 0; i < folders.size() && i + 1 < values.size(); i++) {
                perFolder.put(
                    folders.get(i), SettingsParser.fromJson(json(values.get(i + 1)), problems));
              }
              reportProblems(problems);
              server.settings().setClientSettings(globalSettings, perFolder);
              LOG.info(
                  () ->
                      "Applied the client's tlsguard settings for " + folders.size() + " folders");
            });
  }

  private void registerCapabilities() {
    List<Registration> registrations = new ArrayList<>();
    if (server.features().dynamicConfigurationChange()) {
      registrations.add(
          new Registration(
              UUID.randomUUID().toString(), "workspace/didChangeConfiguration", new JsonObject()));
    }
    if (server.features().dynamicWatchedFiles()) {
      registrations.add(
          new Registration(
              UUID.randomUUID().toString(),
              "workspace/didChangeWatchedFiles",
              new DidChangeWatchedFilesRegistrationOptions(
                  List.of(
                      new FileSystemWatcher(Either.forLeft("**/" + ProjectConfig.FILE_NAME)),
                      new FileSystemWatcher(Either.forLeft("**/*.py"))))));
    }
    if (!registrations.isEmpty()) {
      server
          .client()
          .registerCapability(new RegistrationParams(registrations))
          .exceptionally(
              error -> {
                LOG.log(Level.WARNING, "The client rejected the server's registrations", error);
                return null;
              });
    }
  }

  private void reportProblems(List<String> problems) {
    problems.forEach(
        problem -> {
          LOG.warning(problem);
          server.showProblem(problem);
        });
  }

  private static JsonElement section(Object settings) {
    JsonElement json = json(settings);
    if (json != null && json.isJsonObject() && json.getAsJsonObject().has(SECTION)) {
      return json.getAsJsonObject().get(SECTION);
    }
    return json;
  }

  private static JsonElement json(Object value) {
    return value instanceof JsonElement element ? element : null;
  }

  /** Work-done progress for a scan; does nothing without a token. */
  private static final class Progress {
    private final Either<String, Integer> token;
    private final LanguageClient client;
    private int lastPercentage = -1;

    Progress(Either<String, Integer> token, LanguageClient client) {
      this.token = token;
      this.client = client;
    }

    /** Creates a server-initiated token when the client supports it. */
    static Progress create(TlsGuardLanguageServer server) {
      if (!server.features().workDoneProgress()) {
        return new Progress(null, server.client());
      }
      Either<String, Integer> token = Either.forLeft("tlsguard-scan-" + UUID.randomUUID());
      try {
        server
            .client()
            .createProgress(new WorkDoneProgressCreateParams(token))
            .get(PROGRESS_CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Progress(token, server.client());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Progress(null, server.client());
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.INFO, "The client did not create a progress token; scanning without", e);
        return new Progress(null, server.client());
      }
    }

    void begin(int files) {
      WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
      begin.setTitle("tlsguard: analysing workspace");
      begin.setCancellable(false);
      begin.setMessage(files + " Python files");
      begin.setPercentage(0);
      send(begin);
    }

    void report(int done, int total) {
      int percentage = total == 0 ? 100 : done * 100 / total;
      if (percentage == lastPercentage) {
        return;
      }
      lastPercentage = percentage;
      WorkDoneProgressReport report = new WorkDoneProgressReport();
      report.setPercentage(percentage);
      report.setMessage(done + "/" + total);
      send(report);
    }

    void end(String message) {
      WorkDoneProgressEnd end = new WorkDoneProgressEnd();
      end.setMessage(message);
      send(end);
    }

    private void send(WorkDoneProgressNotification notification) {
      if (token != null && client != null) {
        client.notifyProgress(new ProgressParams(token, Either.forLeft(notification)));
      }
    }
  }
}
