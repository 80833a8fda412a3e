package dev.tlsguard.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A native-memory budget for the syntax trees of open documents, shared by their {@link
 * DocumentWorker}s.
 *
 * <p>Each worker reports a document it used (opened, edited, analysed or read for a code action).
 * The budget keeps the trees of the most recently used documents while their estimated size fits.
 * It asks the workers of the least recently used ones to release theirs. The most recently used
 * document keeps its tree even when it alone exceeds the budget, so that editing one large file
 * stays incremental. A document whose text cannot have findings keeps no tree at all. A released
 * document keeps its text and published diagnostics and parses again when it next needs a tree.
 *
 * <p>Thread-safe: workers call it from their own threads.
 */
public final class TreeBudget {
  private static final Logger LOG = Logger.getLogger(TreeBudget.class.getName());

  /** Default budget in bytes: about twenty 1,000-line trees. */
  public static final long DEFAULT_BYTES = 32L << 20;

  /**
   * Estimated native bytes of a tree-sitter Python tree per char of text. The benchmark's
   * generated 1,006-line file has 38,839 chars, and its tree takes about 1.4 MiB of native memory
   * (docs/benchmarks.md). That is 38 bytes per char.
   */
  static final long BYTES_PER_CHAR = 38;

  private final LongSupplier maxBytes;
  private final BiPredicate<String, String> needsTree;
  // Resident documents in least recently used order, with the estimate each was counted with.
  private final LinkedHashMap<DocumentWorker, Long> resident = new LinkedHashMap<>(16, 0.75f, true);
  private long residentBytes;
  private long releases;

  /**
   * Creates a budget whose size in bytes {@code maxBytes} returns; it is read on every use, so a
   * settings change applies from the next use of any document.
   *
   * @param needsTree returns, from a document's URI and text, whether the document needs a resident
   *     tree; false for a text that cannot have findings
   */
  public TreeBudget(LongSupplier maxBytes, BiPredicate<String, String> needsTree) {
    this.maxBytes = maxBytes;
    this.needsTree = needsTree;
  }

  /** Returns a budget that never releases a tree, for callers that manage no memory. */
  public static TreeBudget unlimited() {
    return new TreeBudget(() -> Long.MAX_VALUE, (uri, text) -> true);
  }

  /** Returns the estimated native size in bytes of the tree of a text of {@code chars} chars. */
  public static long estimate(int chars) {
    return BYTES_PER_CHAR * Math.max(chars, 1);
  }

  /** Returns the estimated bytes of the trees counted as resident. */
  public synchronized long residentBytes() {
    return residentBytes;
  }

  /** Returns how many documents are counted as holding a tree. */
  public synchronized int residentCount() {
    return resident.size();
  }

  /** Returns how many times a document was asked to release its tree, for tests and logs. */
  public synchronized long releases() {
    return releases;
  }

  /**
   * Records that {@code worker} just used {@code document}; called on the worker's thread. Releases
   * the document's own tree when its text cannot have findings. While the total exceeds the budget,
   * it asks the least recently used other documents to release theirs.
   */
  void used(DocumentWorker worker, TextDocument document) {
    if (!document.hasTree()) {
      forget(worker);
      return;
    }
    if (!needsTree.test(worker.uri(), document.text())) {
      forget(worker);
      document.releaseTree();
      LOG.fine(() -> "Released the tree of " + worker.uri() + ", whose text has no findings");
      return;
    }
    long bytes = estimate(document.text().length());
    long limit = maxBytes.getAsLong();
    List<DocumentWorker> evicted;
    synchronized (this) {
      Long previous = resident.put(worker, bytes);
      residentBytes += bytes - (previous == null ? 0 : previous);
      evicted = evict(worker, limit);
    }
    release(evicted);
  }

  /** Stops counting the tree of {@code worker}, which released it or closed. */
  void forget(DocumentWorker worker) {
    synchronized (this) {
      Long previous = resident.remove(worker);
      if (previous != null) {
        residentBytes -= previous;
      }
    }
  }

  /**
   * Returns whether {@code worker} is counted as resident; a release queued on the worker's thread
   * checks this first, because the document may have been used again since it was evicted.
   */
  synchronized boolean isResident(DocumentWorker worker) {
    return resident.containsKey(worker);
  }

  // The caller holds the lock. Never evicts keep, the document in use.
  private List<DocumentWorker> evict(DocumentWorker keep, long limit) {
    List<DocumentWorker> evicted = new ArrayList<>();
    var entries = resident.entrySet().iterator();
    while (residentBytes > limit && entries.hasNext()) {
      Map.Entry<DocumentWorker, Long> eldest = entries.next();
      if (eldest.getKey() == keep) {
        continue;
      }
      residentBytes -= eldest.getValue();
      entries.remove();
      evicted.add(eldest.getKey());
      releases++;
    }
    return evicted;
  }

  private void release(List<DocumentWorker> evicted) {
    for (DocumentWorker worker : evicted) {
      LOG.fine(() -> "Releasing the tree of " + worker.uri() + " to stay within the tree budget");
      worker.releaseTree(this);
    }
  }
}
