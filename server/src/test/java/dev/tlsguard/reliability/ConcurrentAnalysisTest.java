package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * One thread edits a document and reparses it incrementally, closing each old tree at once, while
 * worker threads, each with its own parser, analyse clones of the trees. A tree used after close
 * or from two threads at once would crash the JVM or corrupt a result; every worker result must
 * equal a fresh parse and analysis of the same text on the worker's own parser.
 */
class ConcurrentAnalysisTest {
  private static final Logger LOG = Logger.getLogger(ConcurrentAnalysisTest.class.getName());
  private static final int WORKERS = 4;
  private static final int EDITS = 500;

  private record Snapshot(String text, Tree tree) {}

  @Test
  void clonedTreesUnderEdits_matchFreshAnalysis() throws Exception {
    InsecureSslProtocolsRule rule = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);
    BlockingQueue<Snapshot> queue = new ArrayBlockingQueue<>(64);
    Snapshot end = new Snapshot("", null);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) {
        workers.add(pool.submit(() -> analyseUntilEnd(rule, queue, end)));
      }

      try (PythonParser parser = new PythonParser();
          EditingSession session = new EditingSession(parser, EditingSession.thousandLineModule(), 11)) {
        for (int i = 0; i < EDITS; i++) {
          session.change();
          // The clone shares the tree's nodes; the session closes its own tree on the next change.
          offer(queue, new Snapshot(session.text(), session.tree().clone()));
        }
      }
      for (int i = 0; i < WORKERS; i++) {
        offer(queue, end);
      }

      int analysed = 0;
      for (Future<Integer> worker : workers) {
        analysed += worker.get(10, TimeUnit.MINUTES);
      }
      int total = analysed;
      LOG.info(() -> "Analysed " + total + " cloned trees on " + WORKERS + " threads");
      assertThat(analysed).as("snapshots analysed").isEqualTo(EDITS);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Hands {@code snapshot} to the workers, failing instead of blocking when all have died. */
  private static void offer(BlockingQueue<Snapshot> queue, Snapshot snapshot) throws InterruptedException {
    assertThat(queue.offer(snapshot, 2, TimeUnit.MINUTES)).as("a worker took the snapshot within 2 minutes").isTrue();
  }

  private static int analyseUntilEnd(InsecureSslProtocolsRule rule, BlockingQueue<Snapshot> queue, Snapshot end)
      throws InterruptedException {
    int analysed = 0;
    try (PythonParser parser = new PythonParser()) {
      while (true) {
        Snapshot snapshot = queue.take();
        if (snapshot == end) {
          return analysed;
        }
        SourceText source = new SourceText(snapshot.text());
        Analysis fromClone;
        try (Tree tree = snapshot.tree()) {
          fromClone = rule.analyze(source, tree);
        }
        Analysis fresh;
        try (Tree tree = parser.parse(snapshot.text())) {
          fresh = rule.analyze(source, tree);
        }
        assertThat(fromClone).as("analysis of a cloned, incrementally parsed tree").isEqualTo(fresh);
        analysed++;
      }
    }
  }
}
