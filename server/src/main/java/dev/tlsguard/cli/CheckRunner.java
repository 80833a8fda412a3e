package dev.tlsguard.cli;

import dev.tlsguard.nativelib.NativeLibraryException;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.RuleSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Checks files on several threads. Each thread owns one {@link Analyzer}, because an analyzer
 * contains a native parser that is not thread-safe, creates it when its first file needs parsing
 * and closes it when the files run out. Results
 * come back in the order of the input list whatever the timing.
 */
public final class CheckRunner {
  private static final Logger LOG = Logger.getLogger(CheckRunner.class.getName());

  /** Stack size for worker threads; the tree walk recurses once per level of nesting. */
  private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

  private final RuleSettings settings;
  private final FileChecker checker;
  private final int jobs;

  /**
   * Creates a runner.
   *
   * @param jobs the maximum number of threads; fewer are started when there are fewer files
   * @throws IllegalArgumentException if {@code jobs} is less than 1
   */
  public CheckRunner(RuleSettings settings, FileChecker checker, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("Invalid job count " + jobs + "; it must be at least 1");
    }
    this.settings = settings;
    this.checker = checker;
    this.jobs = jobs;
  }

  /**
   * Checks {@code files} and returns one result per file, in the same order.
   *
   * @throws NativeLibraryException if the parser's native libraries cannot be loaded
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public List<FileResult> run(List<SourceFile> files) throws InterruptedException {
    FileResult[] results = new FileResult[files.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int threadCount = Math.max(1, Math.min(jobs, files.size()));
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < threadCount; i++) {
      Runnable work = () -> checkUntilDone(files, results, next, failure);
      Thread thread = new Thread(null, work, "tlsguard-check-" + i, WORKER_STACK_BYTES);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    rethrow(failure.get());
    LOG.fine(() -> "Checked " + files.size() + " files on " + threadCount + " threads");
    return Arrays.asList(results);
  }

  private void checkUntilDone(
      List<SourceFile> files,
      FileResult[] results,
      AtomicInteger next,
      AtomicReference<Throwable> failure) {
    try (WorkerResources resources = new WorkerResources(settings)) {
      int index;
      while (failure.get() == null && (index = next.getAndIncrement()) < files.size()) {
        results[index] = checker.check(files.get(index), resources);
      }
    } catch (RuntimeException | Error e) {
      // Only setting up the analyzer, on the first file that needs parsing, can get here;
      // FileChecker turns per-file failures into results. Stop the other threads, because they
      // would fail the same way.
      failure.compareAndSet(null, e);
    }
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }
}
