package dev.tlsguard.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tlsguard.cli.VersionProvider;
import dev.tlsguard.document.DocumentAnalyzer;
import dev.tlsguard.document.TreeBudget;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TraceValue;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The tlsguard language server: lifecycle, capability negotiation and tracing.
 *
 * <p>LSP4J calls every method on its single reader thread, so handlers here and in the two services
 * only record state or enqueue work on document workers and executors. The exit code is published
 * through {@link #exitCode()}: 0 when {@code exit} follows {@code shutdown}, 1 when {@code exit}
 * comes without it, the input ends first, or the client process dies.
 */
public final class TlsGuardLanguageServer implements LanguageServer, LanguageClientAware {
  private static final Logger LOG = Logger.getLogger(TlsGuardLanguageServer.class.getName());

  /** The code action kind of fix-all. */
  static final String FIX_ALL_KIND = CodeActionKind.SourceFixAll + ".tlsguard";

  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final ExecutorService analysisExecutor;
  private final ExecutorService backgroundExecutor;
  private final SettingsStore settings;
  private final TreeBudget treeBudget;
  private final TlsGuardTextDocumentService documents;
  private final TlsGuardWorkspaceService workspace;
  private volatile LanguageClient client;
  private volatile ClientFeatures features = ClientFeatures.from(null);
  private volatile State state = State.CREATED;
  private volatile TraceValueHolder trace = new TraceValueHolder(TraceValue.Off);

  /** Lifecycle states in order; requests are accepted only while {@link #RUNNING}. */
  enum State {
    CREATED,
    RUNNING,
    SHUT_DOWN
  }

  /**
   * Creates a server that analyses with {@code analyzer} and links diagnostics to rule pages under
   * {@code defaultRulesBaseUrl} unless the {@code rulesBaseUrl} setting overrides it.
   */
  public TlsGuardLanguageServer(
      DocumentAnalyzerFactory analyzer, Optional<String> defaultRulesBaseUrl) {
    this.analysisExecutor = Executors.newFixedThreadPool(2, threads("tlsguard-analysis"));
    this.backgroundExecutor = Executors.newSingleThreadExecutor(threads("tlsguard-background"));
    this.settings = new SettingsStore(defaultRulesBaseUrl, this::showProblem);
    this.treeBudget = new TreeBudget(settings::treeBudgetBytes, this::needsTree);
    this.documents = new TlsGuardTextDocumentService(this, analyzer);
    this.workspace = new TlsGuardWorkspaceService(this, analyzer);
  }

  /** Creates the analyzers for documents; given the settings of each document at each run. */
  @FunctionalInterface
  public interface DocumentAnalyzerFactory {
    /** Returns an analyzer that applies {@code settings}. */
    DocumentAnalyzer create(Settings settings);
  }

  /** Returns the future that completes with the process exit code. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (state != State.CREATED) {
      return failed(ResponseErrorCode.InvalidRequest, "The server is already initialized");
    }
    features = ClientFeatures.from(params.getCapabilities());
    trace = new TraceValueHolder(params.getTrace() == null ? TraceValue.Off : params.getTrace());
    settings.setInitializationOptions(initializationOptions(params.getInitializationOptions()));
    addFolders(params);
    ClientProcessMonitor.watch(params.getProcessId(), () -> exit(1, "the client process ended"));
    state = State.RUNNING;
    LOG.info(
        () ->
            "Initialized for "
                + clientName(params)
                + " with position encoding "
                + features.encoding().id()
                + ", "
                + (features.pullDiagnostics() ? "pull" : "push")
                + " diagnostics");
    return CompletableFuture.completedFuture(
        new InitializeResult(
            capabilities(), new ServerInfo("tlsguard", VersionProvider.version())));
  }

  @Override
  public void initialized(InitializedParams params) {
    workspace.start();
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    if (state == State.CREATED) {
      return failed(ResponseErrorCode.ServerNotInitialized, "The server is not initialized");
    }
    state = State.SHUT_DOWN;
    LOG.info("Shutdown requested");
    workspace.releaseHeldRequests();
    return documents.closeAll().thenApply(ignored -> null);
  }

  @Override
  public void exit() {
    exit(state == State.SHUT_DOWN ? 0 : 1, "the client sent exit");
  }

  /** Ends the server because its input ended: with 0 after {@code shutdown}, else 1. */
  void inputClosed() {
    exit(state == State.SHUT_DOWN ? 0 : 1, "the input stream ended");
  }

  /** Ends the server with {@code code}; later calls have no effect. */
  void exit(int code, String reason) {
    if (exitCode.isDone()) {
      return;
    }
    // Logged first, because completing the future lets the main thread end the process.
    LOG.info(() -> "Exiting with code " + code + " because " + reason);
    analysisExecutor.shutdownNow();
    backgroundExecutor.shutdownNow();
    exitCode.complete(code);
  }

  @Override
  public void setTrace(SetTraceParams params) {
    String value = params.getValue() == null ? TraceValue.Off : params.getValue();
    trace = new TraceValueHolder(value);
    LOG.fine(() -> "Trace level set to " + value);
  }

  @Override
  public TlsGuardTextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public TlsGuardWorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** Sends {@code $/logTrace} when tracing is on; {@code verbose} only at the verbose level. */
  void logTrace(String message, String verbose) {
    TraceValueHolder current = trace;
    LanguageClient target = client;
    if (current.value().equals(TraceValue.Off) || target == null) {
      return;
    }
    LogTraceParams params = new LogTraceParams(message);
    if (current.value().equals(TraceValue.Verbose)) {
      params.setVerbose(verbose);
    }
    target.logTrace(params);
  }

  /** Throws the protocol error for a request that arrives outside the running state. */
  void requireRunning() {
    if (state == State.CREATED) {
      throw new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.ServerNotInitialized, "The server is not initialized", null));
    }
    if (state == State.SHUT_DOWN) {
      throw new ResponseErrorException(
          new ResponseError(ResponseErrorCode.InvalidRequest, "The server is shutting down", null));
    }
  }

  /** Returns whether notifications should be handled, which they are only while running. */
  boolean isRunning() {
    return state == State.RUNNING;
  }

  LanguageClient client() {
    return client;
  }

  ClientFeatures features() {
    return features;
  }

  SettingsStore settings() {
    return settings;
  }

  TreeBudget treeBudget() {
    return treeBudget;
  }

  /**
   * Returns whether the document {@code uri} with {@code text} needs a resident tree: not when it
   * is excluded or its text cannot have findings under its settings, because then its analysis
   * reads the tree only to count syntax errors.
   */
  private boolean needsTree(String uri, String text) {
    Settings documentSettings = settings.forDocument(uri);
    return !settings.isExcluded(uri, documentSettings, false)
        && InsecureSslProtocolsRule.mayHaveFindings(text, documentSettings.rules());
  }

  ExecutorService analysisExecutor() {
    return analysisExecutor;
  }

  ExecutorService backgroundExecutor() {
    return backgroundExecutor;
  }

  /** Runs {@code task} on the background thread unless the server is exiting. */
  void runInBackground(Runnable task) {
    try {
      backgroundExecutor.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.fine(() -> "Dropped background work because the server is exiting");
    }
  }

  /** Shows an invalid-setting message in the client's log. */
  void showProblem(String message) {
    LanguageClient target = client;
    if (target != null) {
      target.logMessage(new MessageParams(MessageType.Warning, message));
    }
  }

  private ServerCapabilities capabilities() {
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setPositionEncoding(features.encoding().id());
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setHoverProvider(true);
    CodeActionOptions codeActions =
        new CodeActionOptions(
            List.of(CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite));
    codeActions.setResolveProvider(false);
    capabilities.setCodeActionProvider(codeActions);
    if (features.pullDiagnostics()) {
      DiagnosticRegistrationOptions diagnostics = new DiagnosticRegistrationOptions("tlsguard");
      diagnostics.setInterFileDependencies(false);
      diagnostics.setWorkspaceDiagnostics(true);
      capabilities.setDiagnosticProvider(diagnostics);
    }
    WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
    folders.setSupported(true);
    folders.setChangeNotifications(true);
    capabilities.setWorkspace(new WorkspaceServerCapabilities(folders));
    return capabilities;
  }

  private void addFolders(InitializeParams params) {
    if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
      for (WorkspaceFolder folder : params.getWorkspaceFolders()) {
        settings.addFolder(folder.getUri());
      }
    } else if (params.getRootUri() != null) {
      settings.addFolder(params.getRootUri());
    }
  }

  /**
   * Reads {@code initializationOptions}: either the settings object itself or an object with a
   * {@code tlsguard} member, as clients that share options between servers send it.
   */
  private PartialSettings initializationOptions(Object options) {
    if (!(options instanceof JsonElement json) || !json.isJsonObject()) {
      return PartialSettings.EMPTY;
    }
    JsonObject object = json.getAsJsonObject();
    JsonElement section = object.has("tlsguard") ? object.get("tlsguard") : object;
    List<String> problems = new ArrayList<>();
    PartialSettings parsed = SettingsParser.fromJson(section, problems);
    problems.forEach(
        problem -> {
          LOG.warning(problem);
          showProblem(problem);
        });
    return parsed;
  }

  private static String clientName(InitializeParams params) {
    return params.getClientInfo() == null
        ? "an unnamed client"
        : params.getClientInfo().getName() + " " + params.getClientInfo().getVersion();
  }

  private static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
    return CompletableFuture.failedFuture(
        new ResponseErrorException(new ResponseError(code, message, null)));
  }

  private static java.util.concurrent.ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      // Deep syntax trees make the rule recurse deeply, so analysis threads get a large stack.
      Thread thread = new Thread(null, runnable, name + "-" + count.incrementAndGet(), 16L << 20);
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(
          (t, e) -> LOG.log(Level.SEVERE, "Uncaught exception on " + t.getName(), e));
      return thread;
    };
  }

  /** The trace level, wrapped so that one volatile write publishes it. */
  private record TraceValueHolder(String value) {}
}
