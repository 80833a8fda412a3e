package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.fixes.FixApplier;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.FindingKind;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.rules.TextEdit;
import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs FileChecker with the real parser and rule on files in a temporary folder. */
class FileCheckerTest {
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final String FIXED = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\n";

  @TempDir Path folder;
  private final Analyzer analyzer = new Analyzer(RuleSettings.DEFAULTS);

  @AfterEach
  void closeAnalyzer() {
    analyzer.close();
  }

  private SourceFile write(String name, byte[] bytes) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, bytes);
    return new SourceFile(file, name);
  }

  private SourceFile write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FileChecker checker(FixMode mode) {
    return new FileChecker(Optional.of(new Prefilter(false)), mode, false);
  }

  @Test
  void report_findsProtocolConstant() throws IOException {
    SourceFile file = write("client.py", INSECURE);

    FileResult result = checker(FixMode.REPORT).check(file, analyzer);

    assertThat(result.error()).isEmpty();
    assertThat(result.parsed()).isTrue();
    assertThat(result.findings()).hasSize(1);
    LocatedFinding finding = result.findings().get(0);
    assertThat(finding.finding().kind()).isEqualTo(FindingKind.SSL_PROTO_CONST);
    assertThat(finding.range()).isEqualTo(new LocatedFinding.Range(2, 22, 2, 40));
    assertThat(finding.path()).isEqualTo("client.py");
  }

  @Test
  void report_writesNothing() throws IOException {
    SourceFile file = write("client.py", INSECURE);

    checker(FixMode.REPORT).check(file, analyzer);

    assertThat(Files.readString(file.path())).isEqualTo(INSECURE);
  }

  @Test
  void fileWithoutSsl_notParsed() throws IOException {
    SourceFile file = write("plain.py", "import os\nprint(os.getcwd())\n");

    FileResult result = checker(FixMode.REPORT).check(file, analyzer);

    assertThat(result.parsed()).isFalse();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void apply_rewritesFileAndLeavesNoFinding() throws IOException {
    SourceFile file = write("client.py", INSECURE);

    FileResult result = checker(FixMode.APPLY).check(file, analyzer);

    assertThat(result.error()).isEmpty();
    assertThat(Files.readString(file.path())).isEqualTo(FIXED);
    assertThat(result.findings()).isEmpty();
    assertThat(result.fixedCount()).isEqualTo(1);
    assertThat(result.fixNotes()).singleElement().asString().startsWith("2:").contains(": fixed: ");
  }

  @Test
  void apply_keepsCrlfAndByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = INSECURE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    SourceFile file = write("crlf.py", concat(bom, body));

    checker(FixMode.APPLY).check(file, analyzer);

    byte[] expected = concat(bom, FIXED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(file.path())).isEqualTo(expected);
  }

  @Test
  void apply_keepsDeclaredEncoding() throws IOException {
    String header = "# -*- coding: latin-1 -*-\nname = 'café'\n";
    SourceFile file = write("latin.py", (header + INSECURE).getBytes(StandardCharsets.ISO_8859_1));

    FileResult result = checker(FixMode.APPLY).check(file, analyzer);

    assertThat(result.error()).isEmpty();
    assertThat(Files.readAllBytes(file.path()))
        .isEqualTo((header + FIXED).getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void apply_matchesEveryFixedFixture() throws IOException {
    List<Path> inputs;
    try (Stream<Path> files = Files.list(RepoPaths.testdata().resolve("fixes"))) {
      inputs =
          files
              .filter(path -> path.toString().endsWith(".py"))
              .filter(path -> !path.toString().endsWith(".fixed.py"))
              .sorted()
              .toList();
    }
    assertThat(inputs).isNotEmpty();
    for (Path input : inputs) {
      SourceFile copy = write(input.getFileName().toString(), Files.readAllBytes(input));
      Path expected =
          input.resolveSibling(input.getFileName().toString().replace(".py", ".fixed.py"));

      FileResult result = checker(FixMode.APPLY).check(copy, analyzer);

      assertThat(result.error()).as("error for %s", input).isEmpty();
      assertThat(Files.readString(copy.path()))
          .as("fixed %s", input)
          .isEqualTo(Files.readString(expected));
    }
  }

  @Test
  void apply_unsafeFixes_appliedToo() throws IOException {
    Path input = RepoPaths.testdata().resolve("fixes/options_reenable_not_safe.py");
    SourceFile copy = write("options.py", Files.readAllBytes(input));

    FileResult result =
        new FileChecker(Optional.empty(), FixMode.APPLY, true).check(copy, analyzer);

    String fixed = Files.readString(copy.path());
    assertThat(fixed).contains("ssl.TLSVersion.TLSv1_2");
    assertThat(fixed).doesNotContain("OP_NO_");
    assertThat(result.findings()).isEmpty();
    assertThat(result.fixedCount()).isEqualTo(3);
    assertThat(analyzer.analyze(fixed).syntaxErrors()).isZero();
  }

  @Test
  void applyRound_fixThatBreaksParse_rejected() {
    String text = "a = (1)\nb = 2\n";
    Fix breaking = new Fix("drop the parenthesis", false, List.of(new TextEdit(6, 7, "")));
    Fix fine = new Fix("change b", true, List.of(new TextEdit(12, 13, "3")));

    FileChecker.Round round =
        FileChecker.applyRound(new FixApplier("\n"), text, List.of(breaking, fine), 0, analyzer);

    assertThat(round.text()).isEqualTo("a = (1)\nb = 3\n");
    assertThat(round.applied()).containsExactly(fine);
    assertThat(round.rejected()).containsExactly(breaking);
    assertThat(round.analysis().syntaxErrors()).isZero();
  }

  @Test
  void apply_safeOnly_leavesUnsafeFixesAlone() throws IOException {
    Path input = RepoPaths.testdata().resolve("fixes/options_reenable_not_safe.py");
    SourceFile copy = write("options.py", Files.readAllBytes(input));

    FileResult result = checker(FixMode.APPLY).check(copy, analyzer);

    assertThat(result.findings())
        .extracting(f -> f.finding().kind())
        .containsExactly(FindingKind.OPTIONS_REENABLE, FindingKind.OPTIONS_REENABLE);
    assertThat(result.fixedCount()).isEqualTo(1);
  }

  @Test
  void diff_showsChangeAndWritesNothing() throws IOException {
    SourceFile file = write("client.py", INSECURE);

    FileResult result = checker(FixMode.DIFF).check(file, analyzer);

    assertThat(Files.readString(file.path())).isEqualTo(INSECURE);
    assertThat(result.diff()).isPresent();
    assertThat(result.diff().get())
        .contains("--- a/client.py\n+++ b/client.py\n")
        .contains("-ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n")
        .contains("+ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\n");
    assertThat(result.fixedCount()).isEqualTo(1);
    assertThat(result.findings()).hasSize(1);
    assertThat(result.fixNotes()).singleElement().asString().contains(": would fix: ");
  }

  @Test
  void undecodableFile_reportedAsError() throws IOException {
    SourceFile file = write("bad.py", new byte[] {'x', '=', (byte) 0xC3, '\n'});

    FileResult result = checker(FixMode.REPORT).check(file, analyzer);

    assertThat(result.error()).hasValue("invalid UTF-8 byte sequence at byte offset 2");
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void missingFile_reportedAsError() {
    SourceFile file = new SourceFile(folder.resolve("gone.py"), "gone.py");

    FileResult result = checker(FixMode.REPORT).check(file, analyzer);

    assertThat(result.error()).hasValue("no such file or directory");
  }

  @Test
  void folderNamedAsFile_reportedAsError() throws IOException {
    Path dir = Files.createDirectory(folder.resolve("pkg.py"));

    FileResult result = checker(FixMode.REPORT).check(new SourceFile(dir, "pkg.py"), analyzer);

    assertThat(result.error()).hasValue("not a regular file");
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
