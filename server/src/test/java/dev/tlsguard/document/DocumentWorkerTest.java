package dev.tlsguard.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.rules.Analysis;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentWorkerTest {
  private static final String URI = "file:///project/worker.py";

  private final ExecutorService analysis = Executors.newSingleThreadExecutor();
  private final List<AnalysisResult> delivered = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopExecutor() throws InterruptedException {
    analysis.shutdownNow();
    analysis.awaitTermination(10, TimeUnit.SECONDS);
  }

  private static ContentChange append(String text) {
    return ContentChange.replace(new LineRange(9, 0, 9, 0), text);
  }

  @Test
  void newerVersion_cancelsOlderAnalysis() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch version2Started = new CountDownLatch(1);
    DocumentAnalyzer analyzer =
        (snapshot, tree) -> {
          if (snapshot.version() == 2) {
            version2Started.countDown();
            try {
              release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return new Analysis(List.of(), 0);
        };
    DocumentWorker worker = new DocumentWorker(URI, analysis, analyzer, () -> 0, delivered::add);
    worker.open(1, "a = 1\n").get(20, TimeUnit.SECONDS);
    assertThat(worker.latestAnalysis().get(20, TimeUnit.SECONDS).snapshot().version()).isEqualTo(1);

    worker.change(2, List.of(append("b = 2\n")), PositionEncoding.UTF_16).get(20, TimeUnit.SECONDS);
    assertThat(version2Started.await(20, TimeUnit.SECONDS)).isTrue();
    worker.change(3, List.of(append("c = 3\n")), PositionEncoding.UTF_16).get(20, TimeUnit.SECONDS);
    release.countDown();

    AnalysisResult latest = worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    assertThat(latest.snapshot().version()).isEqualTo(3);
    assertThat(latest.snapshot().source().text()).isEqualTo("a = 1\nb = 2\nc = 3\n");
    assertThat(delivered).extracting(r -> r.snapshot().version()).containsExactly(1, 3);
    worker.close().get(20, TimeUnit.SECONDS);
  }

  @Test
  void taskOutOfMemory_failsThatTask() throws Exception {
    DocumentAnalyzer analyzer = (snapshot, tree) -> new Analysis(List.of(), 0);
    DocumentWorker worker = new DocumentWorker(URI, analysis, analyzer, () -> 0, delivered::add);
    worker.open(1, "a = 1\n").get(20, TimeUnit.SECONDS);

    var failed =
        worker.withDocument(
            document -> {
              throw new OutOfMemoryError("Java heap space");
            });

    assertThatThrownBy(() -> failed.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OutOfMemoryError.class);
    assertThat(worker.withDocument(TextDocument::text).get(20, TimeUnit.SECONDS))
        .isEqualTo("a = 1\n");
    worker.close().get(20, TimeUnit.SECONDS);
  }

  @Test
  void unchangedText_reusesFindingsForNewVersion() throws Exception {
    List<Integer> analysedVersions = new CopyOnWriteArrayList<>();
    DocumentAnalyzer analyzer =
        (snapshot, tree) -> {
          analysedVersions.add(snapshot.version());
          return new Analysis(List.of(), 0);
        };
    DocumentWorker worker = new DocumentWorker(URI, analysis, analyzer, () -> 0, delivered::add);
    worker.open(1, "a = 1\n").get(20, TimeUnit.SECONDS);
    worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    // Insert and delete the same text: version 3 has the text of version 1.
    worker.change(2, List.of(append("x")), PositionEncoding.UTF_16).get(20, TimeUnit.SECONDS);
    worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    worker
        .change(
            3,
            List.of(ContentChange.replace(new LineRange(1, 0, 1, 1), "")),
            PositionEncoding.UTF_16)
        .get(20, TimeUnit.SECONDS);
    assertThat(worker.latestAnalysis().get(20, TimeUnit.SECONDS).snapshot().version()).isEqualTo(3);
    assertThat(analysedVersions).containsExactly(1, 2);
    worker.close().get(20, TimeUnit.SECONDS);
  }

  @Test
  void settingsChange_reanalysesSameVersion() throws Exception {
    long[] generation = {0};
    DocumentWorker worker =
        new DocumentWorker(
            URI,
            analysis,
            (s, t) -> new Analysis(List.of(), 0),
            () -> generation[0],
            delivered::add);
    worker.open(1, "a = 1\n").get(20, TimeUnit.SECONDS);
    worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    generation[0] = 1;
    worker.reanalyze().get(20, TimeUnit.SECONDS);
    AnalysisResult result = worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    assertThat(result.settingsGeneration()).isEqualTo(1);
    assertThat(result.snapshot().version()).isEqualTo(1);
    worker.close().get(20, TimeUnit.SECONDS);
  }

  @Test
  void close_freesDocumentAndRejectsRequests() throws Exception {
    DocumentWorker worker =
        new DocumentWorker(
            URI, analysis, (s, t) -> new Analysis(List.of(), 0), () -> 0, delivered::add);
    worker.open(1, "a = 1\n").get(20, TimeUnit.SECONDS);
    worker.close().get(20, TimeUnit.SECONDS);
    assertThat(worker.isClosed()).isTrue();
    assertThatThrownBy(() -> worker.latestAnalysis().get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(DocumentClosedException.class);
    assertThatThrownBy(() -> worker.withDocument(TextDocument::text).get(20, TimeUnit.SECONDS))
        .hasCauseInstanceOf(DocumentClosedException.class);
  }

  @Test
  void throwingAnalyzer_yieldsFailureResult() throws Exception {
    DocumentWorker worker =
        new DocumentWorker(
            URI,
            analysis,
            (s, t) -> {
              throw new IllegalStateException("rule broke");
            },
            () -> 0,
            delivered::add);
    worker.open(1, "a = 1\n").get(20, TimeUnit.SECONDS);
    AnalysisResult result = worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).contains("rule broke"));
    assertThat(result.analysis().findings()).isEmpty();
    worker.close().get(20, TimeUnit.SECONDS);
  }
}
