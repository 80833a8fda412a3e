package dev.tlsguard.document;

import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner of one open document: every read and write of its {@link TextDocument} runs on the
 * worker's single thread, in the order the protocol messages arrived.
 *
 * <p>After each change the worker hands a clone of the tree to the analysis executor, so the next
 * change can be applied while the previous version is analysed. A newer version or a settings
 * change cancels the pending analysis; the clone is closed either way.
 */
public final class DocumentWorker {
  private static final Logger LOG = Logger.getLogger(DocumentWorker.class.getName());
  private static final long IDLE_SECONDS = 30;
  // Enough to recognise an undo of the last few edits; each entry keeps one copy of the text.
  private static final int RECENT_RESULTS = 4;
  /** Chars of text that the recent results keep together at most, unless only one is kept. */
  private static final long RECENT_RESULTS_CHARS = 4L * 1024 * 1024;

  private final String uri;
  private final ThreadPoolExecutor owner;
  private final Executor analysisExecutor;
  private final DocumentAnalyzer analyzer;
  private final LongSupplier settingsGeneration;
  private final Consumer<AnalysisResult> onAnalysis;
  private final TreeBudget treeBudget;

  private volatile int latestVersion;
  // When the newest change arrived, for the server's own latency log; null before the first.
  private volatile ReceivedChange latestChange;

  /** The version a change made and the {@link System#nanoTime} at which it was read. */
  private record ReceivedChange(int version, long receivedNanos) {}

  // Owned by the worker thread.
  private TextDocument document;
  // Recent results, newest first; written by analysis threads, read by the worker thread.
  private final Deque<AnalysisResult> recentResults = new ArrayDeque<>();
  private volatile CompletableFuture<AnalysisResult> pending;
  private volatile boolean closed;

  /**
   * Creates the worker for {@code uri}; call {@link #open} next.
   *
   * @param analysisExecutor runs analyses; its threads need a large stack for deep trees
   * @param settingsGeneration returns the current settings generation
   * @param onAnalysis receives each analysis that completes without being cancelled, on an analysis
   *     thread
   */
  public DocumentWorker(
      String uri,
      Executor analysisExecutor,
      DocumentAnalyzer analyzer,
      LongSupplier settingsGeneration,
      Consumer<AnalysisResult> onAnalysis) {
    this(uri, analysisExecutor, analyzer, settingsGeneration, onAnalysis, TreeBudget.unlimited());
  }

  /**
   * Creates the worker for {@code uri} whose tree counts against {@code treeBudget}; call {@link
   * #open} next.
   */
  public DocumentWorker(
      String uri,
      Executor analysisExecutor,
      DocumentAnalyzer analyzer,
      LongSupplier settingsGeneration,
      Consumer<AnalysisResult> onAnalysis,
      TreeBudget treeBudget) {
    this.uri = uri;
    this.treeBudget = treeBudget;
    this.analysisExecutor = analysisExecutor;
    this.analyzer = analyzer;
    this.settingsGeneration = settingsGeneration;
    this.onAnalysis = onAnalysis;
    // At most one thread, which ends when the document is idle and starts again on demand. It is a
    // virtual thread: hundreds of open documents then share the JVM's few carrier threads instead
    // of holding a platform thread and its stack each. The rule's deep recursion runs on the
    // analysis executor's platform threads, not here.
    this.owner =
        new ThreadPoolExecutor(
            0,
            1,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Thread.ofVirtual().name("tlsguard-document " + uri).factory());
  }

  /** Returns the document URI. */
  public String uri() {
    return uri;
  }

  /** Returns whether {@link #close} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Returns the version of the newest change handed to this worker. */
  public int latestVersion() {
    return latestVersion;
  }

  /**
   * Returns the {@link System#nanoTime} at which the change that made {@code version} was read,
   * if that is the newest change.
   */
  public java.util.OptionalLong changeReceivedNanos(int version) {
    ReceivedChange change = latestChange;
    return change != null && change.version() == version
        ? java.util.OptionalLong.of(change.receivedNanos())
        : java.util.OptionalLong.empty();
  }

  /** Parses {@code text} as version {@code version} and starts its analysis. */
  public CompletableFuture<Void> open(int version, String text) {
    latestVersion = version;
    return run(
        () -> {
          document = TextDocument.open(uri, version, text);
          scheduleAnalysis();
          treeBudget.used(this, document);
        });
  }

  /** Applies {@code changes} as version {@code version} and starts its analysis. */
  public CompletableFuture<Void> change(
      int version, List<ContentChange> changes, PositionEncoding encoding) {
    return change(version, changes, encoding, System.nanoTime());
  }

  /**
   * Applies {@code changes} as version {@code version} and starts its analysis; {@code
   * receivedNanos} is the {@link System#nanoTime} at which the change notification was read.
   */
  public CompletableFuture<Void> change(
      int version, List<ContentChange> changes, PositionEncoding encoding, long receivedNanos) {
    latestChange = new ReceivedChange(version, receivedNanos);
    latestVersion = version;
    cancelPending();
    return run(
        () -> {
          requireOpen();
          // An analysis scheduled after the reader thread's cancel call is cancelled here.
          cancelPending();
          document.apply(version, changes, encoding);
          scheduleAnalysis();
          treeBudget.used(this, document);
        });
  }

  /** Analyses the current version again, because settings changed. */
  public CompletableFuture<Void> reanalyze() {
    cancelPending();
    return run(
        () -> {
          requireOpen();
          cancelPending();
          scheduleAnalysis();
          treeBudget.used(this, document);
        });
  }

  /**
   * Returns the analysis of the newest version. When a newer change cancels the analysis this
   * method first waited for, it waits for the newer one instead.
   *
   * @return a future that fails with {@link DocumentClosedException} once the document is closed
   */
  public CompletableFuture<AnalysisResult> latestAnalysis() {
    return call(() -> {
          requireOpen();
          return pending;
        })
        .thenCompose(
            future ->
                future
                    .handle(
                        (result, error) ->
                            error == null
                                ? CompletableFuture.completedFuture(result)
                                : isCancellation(error) && !closed
                                    ? latestAnalysis()
                                    : CompletableFuture.<AnalysisResult>failedFuture(error))
                    .thenCompose(Function.identity()));
  }

  /**
   * Runs {@code action} on the worker thread with the document, for readers that need the text or
   * the tree of the current version.
   */
  public <T> CompletableFuture<T> withDocument(Function<TextDocument, T> action) {
    return call(
        () -> {
          requireOpen();
          try {
            return action.apply(document);
          } finally {
            treeBudget.used(this, document);
          }
        });
  }

  /**
   * Frees the document's tree on the worker thread, unless {@code budget} counts it as resident
   * again by then; the document parses its text again when it next needs a tree.
   */
  void releaseTree(TreeBudget budget) {
    run(
        () -> {
          if (document != null && !budget.isResident(this)) {
            document.releaseTree();
          }
        });
  }

  /** Cancels pending work, frees the tree and stops the worker thread once the queue drains. */
  public CompletableFuture<Void> close() {
    closed = true;
    cancelPending();
    CompletableFuture<Void> done =
        run(
            () -> {
              treeBudget.forget(this);
              if (document != null) {
                document.close();
                document = null;
              }
            });
    owner.shutdown();
    return done;
  }

  private void scheduleAnalysis() {
    Snapshot snapshot = new Snapshot(uri, document.version(), document.source());
    long generation = settingsGeneration.getAsLong();
    CompletableFuture<AnalysisResult> future = new CompletableFuture<>();
    pending = future;
    Optional<AnalysisResult> previous = recentResult(snapshot.source().text(), generation);
    if (previous.isPresent()) {
      // Same text and settings give the same findings, for example after an undo.
      complete(
          future,
          new AnalysisResult(
              snapshot, previous.get().analysis(), generation, previous.get().failure()));
      return;
    }
    Tree clone = document.cloneTree();
    try {
      analysisExecutor.execute(() -> analyze(future, snapshot, clone, generation));
    } catch (RuntimeException e) {
      clone.close();
      future.completeExceptionally(e);
    }
  }

  private void analyze(
      CompletableFuture<AnalysisResult> future, Snapshot snapshot, Tree clone, long generation) {
    try (clone) {
      if (future.isDone()) {
        return;
      }
      long started = System.nanoTime();
      AnalysisResult result =
          AnalysisResult.of(snapshot, analyzer.analyze(snapshot, clone), generation);
      LOG.fine(
          () ->
              "Analysed "
                  + uri
                  + " version "
                  + snapshot.version()
                  + " in "
                  + (System.nanoTime() - started) / 1000
                  + " us: "
                  + result.analysis().findings().size()
                  + " findings");
      complete(future, result);
    } catch (RuntimeException | StackOverflowError e) {
      // The failure is reported as a result, so it shows on this document and no other.
      LOG.log(Level.SEVERE, "Analysis of " + uri + " version " + snapshot.version() + " failed", e);
      complete(future, AnalysisResult.failed(snapshot, e, generation));
    }
  }

  private void complete(CompletableFuture<AnalysisResult> future, AnalysisResult result) {
    // Any result is safe to reuse, even a cancelled one, because reuse compares text and settings.
    remember(result);
    if (future.complete(result)) {
      onAnalysis.accept(result);
    }
  }

  private Optional<AnalysisResult> recentResult(String text, long generation) {
    synchronized (recentResults) {
      for (AnalysisResult result : recentResults) {
        if (result.settingsGeneration() == generation
            && result.snapshot().source().text().equals(text)) {
          return Optional.of(result);
        }
      }
      return Optional.empty();
    }
  }

  private void remember(AnalysisResult result) {
    synchronized (recentResults) {
      recentResults.addFirst(result);
      long chars = 0;
      for (AnalysisResult kept : recentResults) {
        chars += kept.snapshot().source().length();
      }
      // Each result keeps its text, so large documents keep fewer of them.
      while (recentResults.size() > RECENT_RESULTS
          || (recentResults.size() > 1 && chars > RECENT_RESULTS_CHARS)) {
        chars -= recentResults.removeLast().snapshot().source().length();
      }
    }
  }

  private void cancelPending() {
    CompletableFuture<AnalysisResult> current = pending;
    if (current != null) {
      current.cancel(false);
    }
  }

  private void requireOpen() {
    if (closed || document == null || pending == null) {
      throw new DocumentClosedException(uri);
    }
  }

  private CompletableFuture<Void> run(Runnable action) {
    return call(
        () -> {
          action.run();
          return null;
        });
  }

  private <T> CompletableFuture<T> call(java.util.concurrent.Callable<T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      owner.execute(
          () -> {
            try {
              result.complete(action.call());
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
              // The caller gets the failure, so a request waiting for it completes, and the
              // document's thread lives on for its next task.
              result.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new DocumentClosedException(uri));
    }
    return result;
  }

  private static boolean isCancellation(Throwable error) {
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    return cause instanceof CancellationException;
  }
}
