package dev.tlsguard.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import io.github.treesitter.jtreesitter.Tree;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TreeBudgetTest {
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final long ONE_TREE = TreeBudget.estimate(INSECURE.length());

  private final ExecutorService analysis = Executors.newSingleThreadExecutor();
  // Versions whose analysed tree differed from a fresh parse of their text.
  private final List<String> mismatches = new CopyOnWriteArrayList<>();
  private final List<DocumentWorker> workers = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (DocumentWorker worker : workers) {
      worker.close().get(20, TimeUnit.SECONDS);
    }
    analysis.shutdownNow();
    analysis.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Compares the tree each analysis gets with a fresh parse of the same text. */
  private Analysis checkTree(Snapshot snapshot, Tree tree) {
    try (PythonParser parser = new PythonParser();
        Tree fresh = parser.parse(snapshot.source().text())) {
      if (!fresh.getRootNode().toSexp().equals(tree.getRootNode().toSexp())) {
        mismatches.add(snapshot.uri() + " version " + snapshot.version());
      }
    }
    return new Analysis(List.of(), 0);
  }

  private static TreeBudget budget(long bytes) {
    return new TreeBudget(
        () -> bytes,
        (uri, text) -> InsecureSslProtocolsRule.mayHaveFindings(text, RuleSettings.DEFAULTS));
  }

  private DocumentWorker open(TreeBudget budget, String name, String text) throws Exception {
    DocumentWorker worker =
        new DocumentWorker(
            "file:///project/" + name + ".py", analysis, this::checkTree, () -> 0, r -> {}, budget);
    workers.add(worker);
    worker.open(1, text).get(20, TimeUnit.SECONDS);
    worker.latestAnalysis().get(20, TimeUnit.SECONDS);
    return worker;
  }

  private static boolean hasTree(DocumentWorker worker) throws Exception {
    return worker.withDocument(TextDocument::hasTree).get(20, TimeUnit.SECONDS);
  }

  @Test
  void releasedTree_reparsesOnNextEdit() {
    try (TextDocument document = TextDocument.open("file:///project/a.py", 1, INSECURE)) {
      document.releaseTree();
      assertThat(document.hasTree()).isFalse();
      document.apply(
          2,
          List.of(ContentChange.replace(new LineRange(2, 0, 2, 0), "x = 1\n")),
          PositionEncoding.UTF_16);
      assertThat(document.hasTree()).isTrue();
      assertThat(document.text()).isEqualTo(INSECURE + "x = 1\n");
      assertThat(document.fullParses()).isEqualTo(2);
      TextDocumentTest.assertMatchesFreshParse(document);
    }
  }

  @Test
  void releasedTree_reparsesOnTreeRequest() {
    try (TextDocument document = TextDocument.open("file:///project/a.py", 1, INSECURE)) {
      document.releaseTree();
      document.releaseTree();
      assertThat(document.tree()).isNotNull();
      assertThat(document.fullParses()).isEqualTo(2);
      TextDocumentTest.assertMatchesFreshParse(document);
      try (Tree clone = document.cloneTree()) {
        assertThat(clone.getRootNode().getEndByte()).isEqualTo(2 * INSECURE.length());
      }
      assertThat(document.fullParses()).as("the tree stays until released").isEqualTo(2);
    }
  }

  @Test
  void leastRecentlyUsed_releasedBeyondBudget() throws Exception {
    // Room for two trees, and for one of them to grow by a line.
    TreeBudget budget = budget(2 * ONE_TREE + ONE_TREE / 2);
    DocumentWorker first = open(budget, "first", INSECURE);
    DocumentWorker second = open(budget, "second", INSECURE);
    assertThat(budget.releases()).isZero();

    DocumentWorker third = open(budget, "third", INSECURE);
    assertThat(budget.releases()).isEqualTo(1);
    assertThat(budget.isResident(first)).isFalse();
    assertThat(budget.isResident(second)).isTrue();
    assertThat(budget.isResident(third)).isTrue();
    assertThat(budget.residentBytes()).isEqualTo(2 * ONE_TREE);
    // The release runs on the first document's thread, before this later request.
    assertThat(hasTree(first)).isFalse();

    // Editing the released document parses it again and releases the next least recent one.
    first
        .change(
            2,
            List.of(ContentChange.replace(new LineRange(2, 0, 2, 0), "y = 2\n")),
            PositionEncoding.UTF_16)
        .get(20, TimeUnit.SECONDS);
    AnalysisResult edited = first.latestAnalysis().get(20, TimeUnit.SECONDS);
    assertThat(edited.snapshot().version()).isEqualTo(2);
    assertThat(edited.snapshot().source().text()).isEqualTo(INSECURE + "y = 2\n");
    assertThat(budget.isResident(first)).isTrue();
    assertThat(budget.isResident(second)).isFalse();
    assertThat(budget.releases()).isEqualTo(2);
    assertThat(hasTree(second)).isFalse();
    assertThat(mismatches).isEmpty();
  }

  @Test
  void documentInUse_keepsTreeOverBudget() throws Exception {
    TreeBudget budget = budget(0);
    DocumentWorker only = open(budget, "only", INSECURE);
    assertThat(budget.isResident(only)).isTrue();
    assertThat(budget.releases()).isZero();

    DocumentWorker next = open(budget, "next", INSECURE);
    assertThat(budget.isResident(next)).isTrue();
    assertThat(budget.isResident(only)).isFalse();
    assertThat(budget.residentCount()).isEqualTo(1);
  }

  @Test
  void textWithoutFindings_keepsNoTree() throws Exception {
    TreeBudget budget = budget(TreeBudget.DEFAULT_BYTES);
    DocumentWorker plain = open(budget, "plain", "import os\nprint(os.getcwd())\n");
    assertThat(budget.residentCount()).isZero();
    assertThat(hasTree(plain)).isFalse();

    // A reader that needs the tree gets one, and the tree is released again afterwards.
    String sexp = plain.withDocument(d -> d.tree().getRootNode().toSexp()).get(20, TimeUnit.SECONDS);
    assertThat(sexp).startsWith("(module");
    assertThat(hasTree(plain)).isFalse();
    assertThat(budget.residentCount()).isZero();
  }

  @Test
  void budgetChange_appliesOnNextUse() throws Exception {
    AtomicLong bytes = new AtomicLong(10 * ONE_TREE);
    TreeBudget budget =
        new TreeBudget(
            bytes::get,
            (uri, text) -> InsecureSslProtocolsRule.mayHaveFindings(text, RuleSettings.DEFAULTS));
    DocumentWorker first = open(budget, "first", INSECURE);
    DocumentWorker second = open(budget, "second", INSECURE);
    DocumentWorker third = open(budget, "third", INSECURE);
    assertThat(budget.residentCount()).isEqualTo(3);

    bytes.set(ONE_TREE);
    third.reanalyze().get(20, TimeUnit.SECONDS);
    assertThat(budget.residentCount()).isEqualTo(1);
    assertThat(budget.isResident(third)).isTrue();
    assertThat(hasTree(first)).isFalse();
    assertThat(hasTree(second)).isFalse();
  }

  @Test
  void closedDocument_leavesBudget() throws Exception {
    TreeBudget budget = budget(TreeBudget.DEFAULT_BYTES);
    DocumentWorker worker = open(budget, "closing", INSECURE);
    assertThat(budget.residentCount()).isEqualTo(1);
    workers.remove(worker);
    worker.close().get(20, TimeUnit.SECONDS);
    assertThat(budget.residentCount()).isZero();
    assertThat(budget.residentBytes()).isZero();
  }
}
