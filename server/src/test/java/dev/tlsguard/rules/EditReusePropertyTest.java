package dev.tlsguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.document.ContentChange;
import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.document.PositionEncoding;
import dev.tlsguard.document.TextDocument;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random edit sequences on every {@code testdata/rules} fixture and on all of them joined into one
 * large module: after every edit, the rule's result on the edited document, which may reuse the
 * previous findings, equals a full analysis of the new text from scratch (findings with ranges,
 * messages, fixes and sinks, and the syntax-error count).
 */
class EditReusePropertyTest {
  private static final List<String> FIXTURES = readFixtures();
  private static final String JOINED = String.join("\n", FIXTURES);
  private static final long REUSED_BEFORE = EditReuse.reusedCount();
  private static final long ATTEMPTED_BEFORE = EditReuse.attemptedCount();
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(EditReusePropertyTest.class.getName());

  /** Text that edits insert: names, bindings, quotes, line ends, indentation and suppressions. */
  private static final List<String> INSERTIONS =
      List.of(
          "x", "a", "_", "1", "ssl", "ctx", "P", "OLD", "SUPPORTED", "options", "in", "not ",
          "import ssl as x\n", "import ssl\n", "from ssl import PROTOCOL_TLSv1 as OLD\n",
          "global ssl\n", "ssl = None\n", "def f(ssl):\n    ", "class C(FTP_TLS):\n    ",
          "'", "\"", "\"\"\"", "#", "# noqa", "  # nosec", "# tlsguard: ignore", "\n", "\r\n",
          "\n    ", "    ", "\t", "(", ")", ":", "=", ",", " ", ".", "~", "|", "&=",
          "ssl.PROTOCOL_TLSv1", "PROTOCOL_TLSv1", "TLSv1", "server_side=True", "load_cert_chain(",
          "ssl.SSLContext(", "server_hostname", "getattr(ssl, 'PROTOCOL_SSLv3')", "");

  @AfterContainer
  static void fastPathWasTaken() {
    // The property is only meaningful if some edits took the reuse path.
    long reused = EditReuse.reusedCount() - REUSED_BEFORE;
    long attempted = EditReuse.attemptedCount() - ATTEMPTED_BEFORE;
    LOG.info(() -> "Findings reused after " + reused + " of " + attempted + " edits");
    assertThat(EditReuse.reusedCount() - REUSED_BEFORE).as("edits that reused findings").isPositive();
  }

  @Property(tries = 60)
  void editsOnFixtures_matchFullAnalysis(
      @ForAll("fixtures") String initial,
      @ForAll("edits") List<EditSpec> edits,
      @ForAll boolean stringForms) {
    checkEdits(initial, edits, stringForms);
  }

  @Property(tries = 15)
  void editsOnLargeModule_matchFullAnalysis(
      @ForAll("edits") List<EditSpec> edits, @ForAll boolean stringForms) {
    checkEdits(JOINED, edits, stringForms);
  }

  @Example
  void openingTripleQuote_turnsTheNextLinesIntoAString() {
    // The edit is on line 2 only, but the string it opens ends in the comment on line 4, so the
    // finding on line 3 disappears although its own lines did not change.
    String initial =
        "import ssl\na = 1\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nb = 2  # \"\"\"\n";
    checkEdits(initial, List.of(new EditSpec(initial.indexOf('1'), false, 1, "\"\"\"")), false);
  }

  @Example
  void backslashContinuation_joinsTheNextLineToTheEditedStatement() {
    String initial = "import ssl\nx = 1\nssl.PROTOCOL_TLSv1\nctx = ssl.SSLContext(x)\n";
    checkEdits(
        initial, List.of(new EditSpec(initial.indexOf('1') + 1, false, 0, " + \\")), false);
  }

  private static void checkEdits(String initial, List<EditSpec> edits, boolean stringForms) {
    RuleSettings settings = RuleSettings.DEFAULTS.withReportStringForms(stringForms);
    InsecureSslProtocolsRule rule = new InsecureSslProtocolsRule(settings);
    String reference = initial;
    try (TextDocument document = TextDocument.open("file:///project/edited.py", 1, initial);
        Analyzer analyzer = new Analyzer(settings)) {
      rule.analyze(document.source(), document.tree());
      int version = 1;
      for (EditSpec spec : edits) {
        SourceText before = new SourceText(reference);
        int start = boundary(reference, spec.at() % (reference.length() + 1));
        if (spec.atNameEnd()) {
          start = nameEnd(reference, start);
        }
        int end = boundary(reference, Math.min(reference.length(), start + spec.deleted()));
        int startLine = before.lineOf(start);
        int endLine = before.lineOf(end);
        LineRange range =
            new LineRange(
                startLine, start - before.lineStart(startLine), endLine, end - before.lineStart(endLine));
        document.apply(
            ++version, List.of(ContentChange.replace(range, spec.text())), PositionEncoding.UTF_16);
        reference = reference.substring(0, start) + spec.text() + reference.substring(end);
        assertThat(document.text()).isEqualTo(reference);

        Analysis incremental = rule.analyze(document.source(), document.tree());
        Analysis full = analyzer.analyze(reference);
        assertThat(incremental.findings()).as("findings after %s", spec).isEqualTo(full.findings());
        assertThat(incremental.syntaxErrors()).as("syntax errors after %s", spec)
            .isEqualTo(full.syntaxErrors());
      }
    }
  }

  /** Returns the first index at or after {@code index} that ends a name, or the text length. */
  private static int nameEnd(String text, int index) {
    int at = index;
    while (at < text.length()
        && !(at > 0
            && Character.isLetterOrDigit(text.charAt(at - 1))
            && !Character.isLetterOrDigit(text.charAt(at)))) {
      at++;
    }
    return at;
  }

  /** Moves a char index off the low half of a surrogate pair and off the \n of a \r\n. */
  private static int boundary(String text, int index) {
    int moved = Math.min(index, text.length());
    while (moved > 0
        && moved < text.length()
        && (Character.isLowSurrogate(text.charAt(moved))
            || (text.charAt(moved) == '\n' && text.charAt(moved - 1) == '\r'))) {
      moved--;
    }
    return moved;
  }

  @Provide
  Arbitrary<String> fixtures() {
    return Arbitraries.of(FIXTURES);
  }

  @Provide
  Arbitrary<List<EditSpec>> edits() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, JOINED.length());
    Arbitrary<Integer> deleted =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 3)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(4, 200)));
    // Mostly typing that keeps the code valid, so that many edits can take the reuse path.
    Arbitrary<String> inserted =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.of("x", "a", "_", "1", "")),
            net.jqwik.api.Tuple.of(4, Arbitraries.of(INSERTIONS)));
    // Half of the edits type at the end of a name, the commonest edit, which keeps code valid.
    return Combinators.combine(position, Arbitraries.of(true, false), deleted, inserted)
        .as(EditSpec::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(16);
  }

  /**
   * One edit: delete {@code deleted} chars at {@code at} (taken modulo the text length plus one,
   * then moved to the end of the next name when {@code atNameEnd}) and insert {@code text}.
   */
  record EditSpec(int at, boolean atNameEnd, int deleted, String text) {}

  private static List<String> readFixtures() {
    try (Stream<Path> files = Files.list(RepoPaths.testdata().resolve("rules"))) {
      return files
          .filter(file -> file.toString().endsWith(".py"))
          .sorted()
          .map(EditReusePropertyTest::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
