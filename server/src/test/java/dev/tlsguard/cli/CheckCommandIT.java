package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs {@code java -jar tlsguard.jar check} as a separate process on files in a temporary folder.
 */
class CheckCommandIT {
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final String TLS11 = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)\n";
  private static final String CLEAN = "import ssl\nctx = ssl.create_default_context()\n";
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path folder;

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run check(String... arguments) throws IOException, InterruptedException {
    return check(Map.of(), arguments);
  }

  private Run check(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    String jar = System.getProperty("tlsguard.jar");
    assertThat(jar).as("system property tlsguard.jar").isNotNull();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar, "check"));
    command.addAll(List.of(arguments));
    Path stdout = Files.createTempFile("tlsguard-stdout", ".txt");
    Path stderr = Files.createTempFile("tlsguard-stderr", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      Process process =
          builder
              .directory(folder.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("tlsguard check did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private Path write(String relative, String text) throws IOException {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String relative, byte[] bytes) throws IOException {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  @Test
  void invalidEnvLogLevel_warnsAndChecks() throws Exception {
    write("insecure.py", INSECURE);

    Run run = check(Map.of("TLSGUARD_LOG", "FINE"), "insecure.py");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("warning: ignoring TLSGUARD_LOG: Invalid log level 'FINE'")
        .doesNotContain("Exception")
        .contains("1 finding in 1 file");
    assertThat(run.stdout()).contains("insecure.py:2:");
  }

  @Test
  void cleanFile_exitsZero() throws Exception {
    write("clean.py", CLEAN);

    Run run = check("clean.py");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("0 findings in 0 files; checked 1 file");
  }

  @Test
  void insecureFile_exitsOneWithTextLine() throws Exception {
    write("client.py", INSECURE);

    Run run = check("client.py");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).startsWith("client.py:2:22: ssl-proto-const ");
    assertThat(run.stdout().lines()).hasSize(1);
    assertThat(run.stderr()).contains("1 finding in 1 file");
  }

  @Test
  void defaultPath_isCurrentFolder() throws Exception {
    write("pkg/client.py", INSECURE);
    write("pkg/clean.py", CLEAN);

    Run run = check();

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).startsWith("pkg/client.py:2:22: ssl-proto-const ");
  }

  @Test
  void jsonFormat_arrayOfFindings() throws Exception {
    write("client.py", INSECURE);

    Run run = check("--format", "json", "client.py");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonArray findings = JsonParser.parseString(run.stdout()).getAsJsonArray();
    assertThat(findings).hasSize(1);
    JsonObject finding = findings.get(0).getAsJsonObject();
    assertThat(finding.get("path").getAsString()).isEqualTo("client.py");
    assertThat(finding.get("line").getAsInt()).isEqualTo(2);
    assertThat(finding.get("column").getAsInt()).isEqualTo(22);
    assertThat(finding.get("endLine").getAsInt()).isEqualTo(2);
    assertThat(finding.get("endColumn").getAsInt()).isEqualTo(40);
    assertThat(finding.get("rule").getAsString())
        .isEqualTo("python-security/insecure-ssl-protocols");
    assertThat(finding.get("kind").getAsString()).isEqualTo("ssl-proto-const");
    assertThat(finding.get("severity").getAsString()).isEqualTo("warning");
    assertThat(finding.get("message").getAsString()).isNotBlank();
    assertThat(finding.getAsJsonArray("fixes")).isNotEmpty();
  }

  @Test
  void jsonFormat_noFindings_emptyArray() throws Exception {
    write("clean.py", CLEAN);

    Run run = check("--format", "json", "clean.py");

    assertThat(run.exitCode()).isZero();
    assertThat(JsonParser.parseString(run.stdout()).getAsJsonArray()).isEmpty();
  }

  @Test
  void sarifFormat_validAgainstSchema() throws Exception {
    write("src/client.py", INSECURE);
    write("src/old.py", TLS11);

    Run run = check("--format", "sarif", "src");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(SarifValidator.violations(run.stdout())).isEmpty();
    JsonObject sarifRun =
        JsonParser.parseString(run.stdout())
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    JsonArray results = sarifRun.getAsJsonArray("results");
    assertThat(results).hasSize(2);
    JsonObject artifact =
        results
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation")
            .getAsJsonObject("artifactLocation");
    assertThat(artifact.get("uri").getAsString()).isEqualTo("src/client.py");
    assertThat(artifact.get("uriBaseId").getAsString()).isEqualTo("%SRCROOT%");
  }

  @Test
  void sarifWithError_validAndExitsTwo() throws Exception {
    write("src/client.py", INSECURE);
    write("src/bad.py", new byte[] {(byte) 0xFF, '\n'});

    Run run = check("--format", "sarif", "src");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(SarifValidator.violations(run.stdout())).isEmpty();
    assertThat(run.stdout()).contains("\"executionSuccessful\": false");
  }

  @Test
  void outputOption_writesReportToFile() throws Exception {
    write("client.py", INSECURE);

    Run run = check("--format", "sarif", "--output", "report.sarif", "client.py");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    String sarif = Files.readString(folder.resolve("report.sarif"));
    assertThat(SarifValidator.violations(sarif)).isEmpty();
    assertThat(sarif).contains("\"ruleId\": \"python-security/insecure-ssl-protocols\"");
  }

  @Test
  void outputOntoCheckedFile_rejectedAndFileKept() throws Exception {
    write("client.py", INSECURE);

    Run run = check("--output", "client.py", "client.py");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("is one of the files being checked");
    assertThat(Files.readString(folder.resolve("client.py"))).isEqualTo(INSECURE);
  }

  @Test
  void missingPath_exitsTwo() throws Exception {
    Run run = check("nope.py");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("nope.py: error: no such file or directory");
  }

  @Test
  void undecodableFile_reportedAndRunGoesOn() throws Exception {
    write("a_bad.py", new byte[] {'x', ' ', '=', ' ', (byte) 0xE9, '\n'});
    write("b_client.py", INSECURE);

    Run run = check(".");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("a_bad.py: error: invalid UTF-8 byte sequence at byte offset 4");
    assertThat(run.stdout()).startsWith("b_client.py:2:22: ssl-proto-const ");
  }

  @Test
  void unreadableFile_reportedAndRunGoesOn() throws Exception {
    write("pkg/client.py", INSECURE);
    Files.createSymbolicLink(folder.resolve("pkg/broken.py"), folder.resolve("pkg/missing.py"));

    Run run = check("pkg");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("pkg/broken.py: error: no such file or directory");
    assertThat(run.stdout()).startsWith("pkg/client.py:2:22: ");
  }

  @Test
  void codingDeclaration_honoured() throws Exception {
    String text = "# -*- coding: latin-1 -*-\nname = 'café'\n" + INSECURE;
    write("latin.py", text.getBytes(StandardCharsets.ISO_8859_1));

    Run run = check("latin.py");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).startsWith("latin.py:4:22: ssl-proto-const ");
  }

  @Test
  void invalidUsage_exitsTwo() throws Exception {
    write("client.py", INSECURE);

    assertThat(check("--format", "xml", "client.py").exitCode()).isEqualTo(2);
    assertThat(check("--fix", "--diff", "client.py").exitCode()).isEqualTo(2);
    assertThat(check("--unsafe-fixes", "client.py").exitCode()).isEqualTo(2);
    assertThat(check("--severity", "bogus=error", "client.py").exitCode()).isEqualTo(2);
    assertThat(check("--protocols", "TLSv1.3", "client.py").exitCode()).isEqualTo(2);
    assertThat(check("--jobs", "0", "client.py").exitCode()).isEqualTo(2);
    assertThat(check("--exclude", "!keep.py", "client.py").exitCode()).isEqualTo(2);
    assertThat(Files.readString(folder.resolve("client.py"))).isEqualTo(INSECURE);
  }

  @Test
  void invalidUsage_explainsProblem() throws Exception {
    Run run = check("--severity", "ssl-proto-const=fatal", ".");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Invalid severity 'fatal'");
  }

  @Test
  void fix_rewritesFileAndExitsZero() throws Exception {
    Path file = write("client.py", INSECURE);

    Run run = check("--fix", "client.py");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Files.readString(file)).isEqualTo(INSECURE.replace("TLSv1)", "TLSv1_2)"));
    assertThat(run.stderr()).contains("client.py:2:").contains(": fixed: ");
    assertThat(run.stderr()).contains("Fixed 1 finding in 1 file; 0 findings left");
    assertThat(check("client.py").exitCode()).isZero();
  }

  @Test
  void unsafeFixes_appliedOnlyWhenRequested() throws Exception {
    Path fixture = RepoPaths.testdata().resolve("fixes/options_reenable_not_safe.py");
    Path file = write("options.py", Files.readAllBytes(fixture));

    Run safeOnly = check("--fix", "options.py");
    Run unsafe = check("--fix", "--unsafe-fixes", "options.py");

    assertThat(safeOnly.exitCode()).as(safeOnly.stderr()).isEqualTo(1);
    assertThat(safeOnly.stdout().lines())
        .hasSize(2)
        .allMatch(line -> line.contains("options-reenable"));
    assertThat(unsafe.exitCode()).as(unsafe.stderr()).isZero();
    assertThat(Files.readString(file)).doesNotContain("OP_NO_");
  }

  @Test
  void diff_printsPatchAndWritesNothing() throws Exception {
    Path file = write("client.py", INSECURE);

    Run run = check("--diff", "client.py");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo(INSECURE);
    assertThat(run.stdout())
        .startsWith("--- a/client.py\n+++ b/client.py\n")
        .contains("\n-ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n")
        .contains("\n+ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\n");
    assertThat(run.stderr()).contains("Would fix 1 finding in 1 file");
  }

  @Test
  void exclude_skipsMatchingFiles() throws Exception {
    write("src/client.py", INSECURE);
    write("src/generated/old.py", TLS11);
    write("src/vendor_pb2.py", INSECURE);

    Run run = check("--exclude", "generated/", "--exclude", "*_pb2.py", "src");

    assertThat(run.stdout().lines()).hasSize(1).first().asString().startsWith("src/client.py:");
  }

  @Test
  void protocolsOption_narrowsInsecureSet() throws Exception {
    write("old.py", TLS11);

    assertThat(check("old.py").exitCode()).isEqualTo(1);
    assertThat(check("--protocols", "SSLv2,SSLv3,TLSv1", "old.py").exitCode()).isZero();
  }

  @Test
  void severityOption_overridesLevel() throws Exception {
    write("client.py", INSECURE);

    Run run = check("--format", "json", "--severity", "ssl-proto-const=error", "client.py");

    JsonObject finding =
        JsonParser.parseString(run.stdout()).getAsJsonArray().get(0).getAsJsonObject();
    assertThat(finding.get("severity").getAsString()).isEqualTo("error");
  }

  @Test
  void suppressionComment_honouredUnlessDisabled() throws Exception {
    write("client.py", INSECURE.replace("TLSv1)\n", "TLSv1)  # tlsguard: ignore\n"));

    assertThat(check("client.py").exitCode()).isZero();
    assertThat(check("--no-suppressions", "client.py").exitCode()).isEqualTo(1);
  }

  @Test
  void output_sameOrderWhateverTheJobCount() throws Exception {
    for (int i = 0; i < 30; i++) {
      write("pkg" + (i % 3) + "/m" + i + ".py", i % 2 == 0 ? INSECURE : TLS11 + INSECURE);
    }

    Run one = check("--jobs", "1", ".");
    Run several = check("--jobs", "4", ".");

    assertThat(several.stdout()).isEqualTo(one.stdout());
    List<String> lines = one.stdout().lines().toList();
    assertThat(lines).hasSize(45).isSorted();
  }

  @Test
  void noPrefilter_sameOutput() throws Exception {
    write("a.py", INSECURE);
    write("b.py", "print('no tls here')\n");

    Run filtered = check(".");
    Run unfiltered = check("--no-prefilter", ".");

    assertThat(unfiltered.stdout()).isEqualTo(filtered.stdout());
    assertThat(filtered.stderr()).contains("checked 2 files (1 parsed)");
    assertThat(unfiltered.stderr()).contains("checked 2 files (2 parsed)");
  }

  @Test
  void help_explainsEveryOption() throws Exception {
    Run run = check("--help");

    assertThat(run.exitCode()).isZero();
    for (OptionSpec option : new CommandLine(new CheckCommand()).getCommandSpec().options()) {
      assertThat(run.stdout())
          .as("help for %s", option.longestName())
          .contains(option.longestName());
      assertThat(String.join(" ", option.description()))
          .as("description of %s", option.longestName())
          .isNotBlank();
    }
    assertThat(run.stdout()).contains("Exit status:").contains("0   no findings");
  }

  @Test
  void version_printsVersion() throws Exception {
    Run run = check("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .startsWith("tlsguard ")
        .contains("python-security/insecure-ssl-protocols");
  }

  /**
   * Writes a tree whose files take every path through reading, decoding and the byte-level and
   * text-level prefilters.
   */
  private void writeMixedEncodingTree() throws IOException {
    write("bad/undecodable.py", new byte[] {'x', ' ', '=', ' ', '\'', (byte) 0xFF, '\'', '\n'});
    String latin = "# -*- coding: latin-1 -*-\nimport ssl\n# café\n" + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
    write("latin1.py", latin.getBytes(StandardCharsets.ISO_8859_1));
    write("non_ascii_string.py", "import ssl\nmessage = 'ü SSLv3 ü'\n");
    byte[] crlf = "import ssl\r\nctx = ssl.SSLContext(ssl.PROTOCOL_SSLv3)\r\n".getBytes(StandardCharsets.UTF_8);
    write("bom_crlf.py", withByteOrderMark(crlf));
    write("unknown_coding.py", "# coding: uft-8\nx = 1\n");
    write("bom_latin1.py", withByteOrderMark("# coding: latin-1\nx = 1\n".getBytes(StandardCharsets.UTF_8)));
    write("plain.py", "x = 1\n");
    write(
        "wide_column.py",
        "import ssl  # é\n"
            + "ctx = ssl.SSLContext(ssl.PROTOCOL_SSLv2)  # \uD83D\uDE00\n"
            + "name = '€'; ctx2 = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)\n");
  }

  private static byte[] withByteOrderMark(byte[] body) {
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    return bytes;
  }

  @Test
  void mixedEncodings_exactTextOutput() throws Exception {
    writeMixedEncodingTree();

    Run run = check(".");

    String advice = ", an insecure protocol version; use PROTOCOL_TLSv1_2 or"
        + " PROTOCOL_TLS_CLIENT/PROTOCOL_TLS_SERVER\n";
    assertThat(run.stdout())
        .isEqualTo(
            "bom_crlf.py:2:22: ssl-proto-const ssl.PROTOCOL_SSLv3 selects SSLv3" + advice
                + "latin1.py:4:22: ssl-proto-const ssl.PROTOCOL_TLSv1 selects TLS 1.0" + advice
                + "wide_column.py:2:22: ssl-proto-const ssl.PROTOCOL_SSLv2 selects SSLv2" + advice
                + "wide_column.py:3:35: ssl-proto-const ssl.PROTOCOL_TLSv1_1 selects TLS 1.1"
                + advice);
    assertThat(run.stderr())
        .isEqualTo(
            "bad/undecodable.py: error: invalid UTF-8 byte sequence at byte offset 5\n"
                + "bom_latin1.py: error: file starts with a UTF-8 byte order mark but declares"
                + " the encoding 'latin-1'\n"
                + "unknown_coding.py: error: unknown encoding 'uft-8' in the coding declaration\n"
                + "4 findings in 3 files; checked 8 files (4 parsed); 3 errors\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void mixedEncodings_prefilterChangesNoFormat() throws Exception {
    writeMixedEncodingTree();

    for (String format : List.of("text", "json", "sarif")) {
      Run filtered = check("--format", format, "--jobs", "2", ".");
      Run unfiltered = check("--format", format, "--jobs", "1", "--no-prefilter", ".");

      assertThat(filtered.stdout()).as("%s report", format).isEqualTo(unfiltered.stdout());
      assertThat(filtered.exitCode()).as("%s exit status", format).isEqualTo(2);
      assertThat(unfiltered.exitCode()).as("%s exit status", format).isEqualTo(2);
      assertThat(filtered.stderr())
          .as("%s diagnostics", format)
          .isEqualTo(unfiltered.stderr().replace("(5 parsed)", "(4 parsed)"));
    }
  }
}
