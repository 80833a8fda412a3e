package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsguard.parse.ParseLimits;
import dev.tlsguard.parse.ParseLimits.Limit;
import dev.tlsguard.parse.ParseLimits.LimitExceededException;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.RuleSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the engine input that no editor should send but some will: huge files, deep nesting,
 * binary data and broken encodings. Each input must give a defined result, either findings whose
 * ranges lie inside the text or a {@link LimitExceededException} that names the limit.
 */
class HostileInputTest {
  private static final Logger LOG = Logger.getLogger(HostileInputTest.class.getName());
  private static final String INSECURE_CONTEXT = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final String CONSTANT = "ssl.PROTOCOL_TLSv1";

  private static Analyzer analyzer;
  private static PythonParser parser;

  @BeforeAll
  static void open() {
    analyzer = new Analyzer(RuleSettings.DEFAULTS);
    parser = new PythonParser();
  }

  @AfterAll
  static void close() {
    analyzer.close();
    parser.close();
  }

  @Test
  void emptyFile_noFindingsNoErrors() {
    Analysis analysis = analyzer.analyze("");

    assertThat(analysis.findings()).isEmpty();
    assertThat(analysis.syntaxErrors()).isZero();
  }

  @Test
  void hundredMegabyteFile_rejectedBySizeLimit(@TempDir Path folder) throws IOException {
    String text = readBack(writeLargeFile(folder.resolve("huge.py"), 100L << 20));

    assertThatThrownBy(() -> EngineChecks.analyzeWithinLimits(parser, ParseLimits.DEFAULTS, text))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(Limit.SIZE))
        .hasMessageContaining(String.valueOf(text.length()));
  }

  @Test
  void hundredMegabyteFile_parseStoppedByTimeLimit(@TempDir Path folder) throws IOException {
    String text = readBack(writeLargeFile(folder.resolve("huge.py"), 100L << 20));
    ParseLimits sizeUnbounded = new ParseLimits(Integer.MAX_VALUE, Duration.ofSeconds(2), 1000);

    long started = System.nanoTime();
    assertThatThrownBy(() -> EngineChecks.analyzeWithinLimits(parser, sizeUnbounded, text))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(Limit.PARSE_TIME));
    LOG.info(() -> "A 100 MiB file was stopped by a 2 s parse limit after "
        + (System.nanoTime() - started) / 1_000_000 + " ms");

    Analysis afterCancel = EngineChecks.analyzeWithinLimits(parser, sizeUnbounded, INSECURE_CONTEXT);
    assertThat(afterCancel.findings()).as("findings of a small file parsed after the cancelled one").hasSize(1);
  }

  @Test
  void oneMegabyteSingleLine_findingAtItsEnd() {
    String line = "x = 1; ".repeat((1 << 20) / 7) + "ctx = ssl.SSLContext(" + CONSTANT + ")\n";
    String text = "import ssl\n" + line;

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings()).extracting(Finding::start).containsExactly(text.indexOf(CONSTANT));
  }

  @Test
  void oneMegabyteStringLiteral_findingsAroundIt() {
    String text = INSECURE_CONTEXT + "x = '" + "a".repeat(1 << 20) + "'\n" + INSECURE_CONTEXT;

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings())
        .extracting(Finding::start)
        .containsExactly(text.indexOf(CONSTANT), text.lastIndexOf(CONSTANT));
  }

  @Test
  void tenThousandNestedParentheses_rejectedByDepthLimit() {
    String text = INSECURE_CONTEXT + "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n" + INSECURE_CONTEXT;

    // The analyzer applies the parse limits, so the file is refused with the depth named.
    assertThatThrownBy(() -> analyzer.analyze(text))
        .isInstanceOf(dev.tlsguard.parse.ParseLimits.LimitExceededException.class)
        .hasMessageContaining("deeper than 1000 levels");
  }


  @Test
  void tenThousandNestedBrackets_rejectedByDepthLimit() {
    String text = INSECURE_CONTEXT + "x = " + "[".repeat(10_000) + "1" + "]".repeat(10_000) + "\n" + INSECURE_CONTEXT;

    // The analyzer applies the parse limits, so the file is refused with the depth named.
    assertThatThrownBy(() -> analyzer.analyze(text))
        .isInstanceOf(dev.tlsguard.parse.ParseLimits.LimitExceededException.class)
        .hasMessageContaining("deeper than 1000 levels");
  }


  @Test
  void tenThousandUnclosedParentheses_findingsAroundThem() {
    String text = INSECURE_CONTEXT + "x = " + "(".repeat(10_000) + "\n" + INSECURE_CONTEXT;

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.syntaxErrors()).isPositive();
    assertThat(analysis.findings()).extracting(Finding::start).contains(text.indexOf(CONSTANT));
  }

  @Test
  void deepNestingAroundConstant_rejectedByDepthLimit() {
    // Without the limit this input keeps the rule busy for about 45 s on a 2-core machine,
    // because every climb from the constant to the root costs time quadratic in the depth.
    String text = "import ssl\nx = " + "([{".repeat(3_400) + CONSTANT + "}])".repeat(3_400) + "\n";

    assertThatThrownBy(() -> EngineChecks.analyzeWithinLimits(parser, ParseLimits.DEFAULTS, text))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(Limit.DEPTH))
        .hasMessageContaining("deeper than 1000");
  }

  @Test
  void nestingAtCpythonLimit_acceptedByDepthLimit() {
    // CPython rejects more than 200 nested brackets, so this is the deepest real code gets.
    String text = "import ssl\nctx = ssl.SSLContext(" + "(".repeat(200) + CONSTANT + ")".repeat(200) + ")\n";

    Analysis analysis = EngineChecks.analyzeWithinLimits(parser, ParseLimits.DEFAULTS, text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings()).extracting(Finding::start).containsExactly(text.indexOf(CONSTANT));
  }

  @Test
  void nulBytesOnly_syntaxErrorsNoFindings() {
    Analysis analysis = analyzer.analyze("\0".repeat(10_000));

    assertThat(analysis.findings()).isEmpty();
    assertThat(analysis.syntaxErrors()).isPositive();
  }

  @Test
  void nulBytesAroundCode_findingAtConstant() {
    String text = "\0\0" + INSECURE_CONTEXT + "\0".repeat(100) + "\n";

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings()).extracting(Finding::start).containsExactly(text.indexOf(CONSTANT));
  }

  @Test
  void invalidUtf8_replacementCharsKeepOffsets() {
    byte[] invalid = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1, (byte) 0xe2, (byte) 0x82};
    String garbage = new String(invalid, StandardCharsets.UTF_8);
    String text = "# " + garbage + "\n" + INSECURE_CONTEXT + "x = '" + garbage + "'\n";
    assertThat(garbage).contains("\uFFFD");

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings()).extracting(Finding::start).containsExactly(text.indexOf(CONSTANT));
  }

  @Test
  void utf8ByteOrderMark_findingAfterIt() {
    String text = "\uFEFF" + INSECURE_CONTEXT;

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings()).extracting(Finding::start).containsExactly(text.indexOf(CONSTANT));
  }

  @Test
  void utf16WithBomReadAsUtf8_noFindings() {
    // Every ASCII char is followed by a NUL, so no identifier survives and nothing is reported.
    String text = new String(INSECURE_CONTEXT.getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_8);

    Analysis analysis = analyzer.analyze(text);

    assertThat(analysis.findings()).isEmpty();
    assertThat(analysis.syntaxErrors()).isPositive();
  }

  @Test
  void randomBinaryReadAsUtf8_definedResult() {
    String text = randomBinary(64 << 10, StandardCharsets.UTF_8) + "\n" + INSECURE_CONTEXT;

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.syntaxErrors()).isPositive();
  }

  @Test
  void randomBinaryReadAsLatin1_definedResult() {
    String text = randomBinary(64 << 10, StandardCharsets.ISO_8859_1);

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.syntaxErrors()).isPositive();
  }

  @Test
  void megabyteOfBinary_stoppedByTimeLimit() {
    // tree-sitter's error recovery needs tens of seconds for a megabyte of random bytes.
    String text = randomBinary(1 << 20, StandardCharsets.UTF_8);
    ParseLimits quick = new ParseLimits(ParseLimits.DEFAULTS.maxChars(), Duration.ofSeconds(1), 1000);

    assertThatThrownBy(() -> EngineChecks.analyzeWithinLimits(parser, quick, text))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(Limit.PARSE_TIME));
  }

  @Test
  void loneSurrogates_offsetsStayExact() {
    String text = "\uDC00" + INSECURE_CONTEXT + "x = '\uD800'\n# \uDFFF\uD800\n" + INSECURE_CONTEXT + "\uD800";

    Analysis analysis = analyzer.analyze(text);

    EngineChecks.assertInsideText(text, analysis);
    assertThat(analysis.findings())
        .extracting(Finding::start)
        .containsExactly(text.indexOf(CONSTANT), text.lastIndexOf(CONSTANT));
  }

  @Test
  void surrogatePairsBeforeFinding_offsetsStayExact() {
    String text = "# \uD83D\uDE00\uD83D\uDE00\n" + INSECURE_CONTEXT;

    Analysis analysis = analyzer.analyze(text);

    assertThat(analysis.findings()).extracting(Finding::start).containsExactly(text.indexOf(CONSTANT));
  }

  private static Path writeLargeFile(Path file, long bytes) throws IOException {
    String unit = INSECURE_CONTEXT + "\ndef scale(values):\n    return [v * 2 for v in values if v % 3]\n\n";
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long written = 0; written < bytes; written += unit.length()) {
        writer.write(unit);
      }
    }
    return file;
  }

  private static String readBack(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String randomBinary(int bytes, java.nio.charset.Charset charset) {
    byte[] data = new byte[bytes];
    new Random(20_261_204L).nextBytes(data);
    return new String(data, charset);
  }
}
