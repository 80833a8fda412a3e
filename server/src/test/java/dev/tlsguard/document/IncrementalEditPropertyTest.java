package dev.tlsguard.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random edit sequences applied through a {@link DocumentWorker}: after every notification the text
 * equals the edited reference string, the tree equals a fresh parse, and the findings equal a full
 * analysis of the text.
 */
class IncrementalEditPropertyTest {
  private static final ExecutorService ANALYSIS = Executors.newSingleThreadExecutor();
  private static final String URI = "file:///project/edited.py";

  /** Source fragments: insecure selections, suppressions, and awkward characters and line ends. */
  private static final List<String> FRAGMENTS =
      List.of(
          "import ssl\n",
          "from ssl import PROTOCOL_TLSv1 as P\n",
          "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n",
          "ssl.wrap_socket(s, ssl_version=ssl.PROTOCOL_SSLv3)\r\n",
          "ctx.minimum_version = ssl.TLSVersion.TLSv1_1\r",
          "def f(p=ssl.PROTOCOL_SSLv2):\n    return p\n",
          "x = P  # tlsguard: ignore\n",
          "s = '😀中e\u0301'\n",
          "(",
          ")",
          "\"\"\"",
          "#",
          " ",
          "\r\n",
          "\r",
          "\n",
          "ssl.",
          "PROTOCOL_TLSv1",
          "中文",
          "😀",
          "");

  @AfterContainer
  static void stopExecutor() throws InterruptedException {
    ANALYSIS.shutdown();
    ANALYSIS.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Property(tries = 200)
  void randomEdits_matchFreshParseAndFullAnalysis(
      @ForAll("initialTexts") String initial,
      @ForAll("notifications") List<List<EditSpec>> notifications,
      @ForAll PositionEncoding encoding)
      throws Exception {
    DocumentWorker worker =
        new DocumentWorker(URI, ANALYSIS, IncrementalEditPropertyTest::analyze, () -> 0, r -> {});
    try {
      worker.open(1, initial).get(10, TimeUnit.SECONDS);
      String reference = initial;
      int version = 1;
      for (List<EditSpec> notification : notifications) {
        List<ContentChange> changes = new ArrayList<>();
        for (EditSpec spec : notification) {
          int start = boundary(reference, spec.from());
          int end = boundary(reference, Math.max(spec.from(), spec.to()));
          int[] from = ReferencePositions.position(reference, start, encoding);
          int[] to = ReferencePositions.position(reference, end, encoding);
          changes.add(
              ContentChange.replace(new LineRange(from[0], from[1], to[0], to[1]), spec.text()));
          reference = reference.substring(0, start) + spec.text() + reference.substring(end);
        }
        worker.change(++version, changes, encoding).get(10, TimeUnit.SECONDS);
        assertState(worker, reference, version);
      }
    } finally {
      worker.close().get(10, TimeUnit.SECONDS);
    }
  }

  private static void assertState(DocumentWorker worker, String reference, int version)
      throws Exception {
    String[] textAndShape =
        worker
            .withDocument(doc -> new String[] {doc.text(), TreeShape.of(doc.tree())})
            .get(10, TimeUnit.SECONDS);
    assertThat(textAndShape[0]).isEqualTo(reference);
    try (PythonParser parser = new PythonParser();
        Tree fresh = parser.parse(reference)) {
      assertThat(textAndShape[1]).as("tree of %s", reference).isEqualTo(TreeShape.of(fresh));
    }
    AnalysisResult result = worker.latestAnalysis().get(10, TimeUnit.SECONDS);
    assertThat(result.snapshot().version()).isEqualTo(version);
    assertThat(result.failure()).isEmpty();
    try (Analyzer analyzer = new Analyzer(RuleSettings.DEFAULTS)) {
      Analysis full = analyzer.analyze(reference);
      assertThat(result.analysis().findings()).isEqualTo(full.findings());
      assertThat(result.analysis().syntaxErrors()).isEqualTo(full.syntaxErrors());
    }
  }

  private static Analysis analyze(Snapshot snapshot, Tree tree) {
    return new InsecureSslProtocolsRule(RuleSettings.DEFAULTS).analyze(snapshot.source(), tree);
  }

  /** Maps a fraction to a char index that does not split a surrogate pair or a CRLF. */
  private static int boundary(String text, double fraction) {
    int index = (int) Math.floor(fraction * (text.length() + 1));
    index = Math.min(index, text.length());
    while (index > 0
        && index < text.length()
        && (Character.isLowSurrogate(text.charAt(index))
            || (text.charAt(index) == '\n' && text.charAt(index - 1) == '\r'))) {
      index--;
    }
    return index;
  }

  @Provide
  Arbitrary<String> initialTexts() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<List<EditSpec>>> notifications() {
    Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
    Arbitrary<String> inserted =
        Arbitraries.of(FRAGMENTS).list().ofMaxSize(3).map(parts -> String.join("", parts));
    Arbitrary<EditSpec> edit = Combinators.combine(fraction, fraction, inserted).as(EditSpec::new);
    return edit.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(8);
  }

  /** An edit as fractions of the current text length, resolved when it is applied. */
  record EditSpec(double from, double to, String text) {}
}
