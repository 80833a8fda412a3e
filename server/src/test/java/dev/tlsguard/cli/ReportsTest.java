package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.FindingKind;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.Protocol;
import dev.tlsguard.rules.Severity;
import dev.tlsguard.rules.TextEdit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Renders hand-made findings in every format; the rule engine is not involved. */
class ReportsTest {
  /** A line with a character outside the BMP and a non-ASCII letter before the constant. */
  private static final String TEXT =
      "import ssl\nné = '🔒'; c = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";

  private static final Path WORKING_FOLDER = Path.of("/work/project");

  private static FileResult result(String path) {
    int start = TEXT.indexOf("ssl.PROTOCOL_TLSv1");
    int end = start + "ssl.PROTOCOL_TLSv1".length();
    int nameStart = start + "ssl.".length();
    Fix safe =
        new Fix(
            "Replace with ssl.PROTOCOL_TLSv1_2",
            true,
            List.of(new TextEdit(nameStart, end, "PROTOCOL_TLSv1_2")));
    Fix unsafe =
        new Fix(
            "Replace with ssl.PROTOCOL_TLS_CLIENT",
            false,
            List.of(new TextEdit(nameStart, end, "PROTOCOL_TLS_CLIENT")));
    Finding finding =
        new Finding(
            FindingKind.SSL_PROTO_CONST,
            Protocol.TLS_V1,
            Severity.WARNING,
            start,
            end,
            "ssl.PROTOCOL_TLSv1",
            "ssl.PROTOCOL_TLSv1 selects TLS 1.0; use ssl.PROTOCOL_TLSv1_2",
            List.of(safe, unsafe),
            Optional.empty());
    SourceFile file = new SourceFile(WORKING_FOLDER.resolve(path), path);
    LocatedFinding located = LocatedFinding.of(path, finding, new SourceText(TEXT));
    return new FileResult(
        file, List.of(located), Optional.empty(), true, List.of(), 0, Optional.empty());
  }

  private static String render(CheckReport report, List<FileResult> results, List<PathError> errors)
      throws IOException {
    StringBuilder out = new StringBuilder();
    report.write(results, errors, out);
    return out.toString();
  }

  @Test
  void text_codePointColumns() throws IOException {
    String text = render(new TextReport(), List.of(result("src/app.py")), List.of());

    // "né = '🔒'; c = ssl.SSLContext(" is 29 code points but 30 UTF-16 units.
    assertThat(text)
        .isEqualTo(
            "src/app.py:2:30: ssl-proto-const ssl.PROTOCOL_TLSv1 selects TLS 1.0; use"
                + " ssl.PROTOCOL_TLSv1_2\n");
  }

  @Test
  void json_hasPositionsRuleKindSeverityAndFixes() throws IOException {
    String json = render(new JsonReport(), List.of(result("src/app.py")), List.of());

    JsonArray findings = JsonParser.parseString(json).getAsJsonArray();
    assertThat(findings).hasSize(1);
    JsonObject finding = findings.get(0).getAsJsonObject();
    assertThat(finding.get("path").getAsString()).isEqualTo("src/app.py");
    assertThat(finding.get("line").getAsInt()).isEqualTo(2);
    assertThat(finding.get("column").getAsInt()).isEqualTo(30);
    assertThat(finding.get("endLine").getAsInt()).isEqualTo(2);
    assertThat(finding.get("endColumn").getAsInt()).isEqualTo(48);
    assertThat(finding.get("rule").getAsString()).isEqualTo(Finding.RULE_ID);
    assertThat(finding.get("kind").getAsString()).isEqualTo("ssl-proto-const");
    assertThat(finding.get("severity").getAsString()).isEqualTo("warning");
    assertThat(finding.get("message").getAsString()).startsWith("ssl.PROTOCOL_TLSv1 selects");
    JsonArray fixes = finding.getAsJsonArray("fixes");
    assertThat(fixes).hasSize(2);
    JsonObject fix = fixes.get(0).getAsJsonObject();
    assertThat(fix.get("title").getAsString()).isEqualTo("Replace with ssl.PROTOCOL_TLSv1_2");
    assertThat(fix.get("safe").getAsBoolean()).isTrue();
    JsonObject edit = fix.getAsJsonArray("edits").get(0).getAsJsonObject();
    assertThat(edit.get("line").getAsInt()).isEqualTo(2);
    assertThat(edit.get("column").getAsInt()).isEqualTo(34);
    assertThat(edit.get("endColumn").getAsInt()).isEqualTo(48);
    assertThat(edit.get("replacement").getAsString()).isEqualTo("PROTOCOL_TLSv1_2");
    assertThat(fixes.get(1).getAsJsonObject().get("safe").getAsBoolean()).isFalse();
  }

  @Test
  void json_noFindings_emptyArray() throws IOException {
    assertThat(render(new JsonReport(), List.of(), List.of()).strip()).isEqualTo("[]");
  }

  @Test
  void sarif_validAgainstSchema() throws IOException {
    List<PathError> errors = List.of(new PathError("broken dir", "permission denied"));
    FileResult failed =
        FileResult.failed(new SourceFile(Path.of("bad.py"), "bad.py"), "invalid UTF-8");

    String sarif =
        render(new SarifReport(WORKING_FOLDER), List.of(result("src/app.py"), failed), errors);

    assertThat(SarifValidator.violations(sarif)).isEmpty();
  }

  @Test
  void sarifValidator_rejectsInvalidLog() {
    String wrongVersion = "{\"version\": \"2.0.0\", \"runs\": []}";
    String missingDriver = "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}";

    assertThat(SarifValidator.violations(wrongVersion)).isNotEmpty();
    assertThat(SarifValidator.violations(missingDriver)).isNotEmpty();
  }

  @Test
  void sarif_ruleMetadataForCodeScanning() throws IOException {
    String sarif =
        render(new SarifReport(WORKING_FOLDER), List.of(result("src/app.py")), List.of());

    JsonObject run =
        JsonParser.parseString(sarif)
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
    assertThat(driver.get("name").getAsString()).isEqualTo("tlsguard");
    assertThat(driver.has("version")).isTrue();
    assertThat(driver.get("informationUri").getAsString()).startsWith("https://");
    JsonObject rule = driver.getAsJsonArray("rules").get(0).getAsJsonObject();
    assertThat(rule.get("id").getAsString()).isEqualTo(Finding.RULE_ID);
    assertThat(rule.get("helpUri").getAsString()).endsWith("docs/rules/insecure-ssl-protocols.md");
    assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString()).isNotBlank();
    assertThat(rule.getAsJsonObject("fullDescription").get("text").getAsString()).isNotBlank();
    assertThat(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString())
        .isEqualTo("warning");
    JsonObject properties = rule.getAsJsonObject("properties");
    assertThat(properties.getAsJsonArray("tags").toString())
        .contains("\"security\"", "\"CWE-757\"");
    assertThat(Double.parseDouble(properties.get("security-severity").getAsString()))
        .isBetween(7.0, 8.9);
    assertThat(run.get("columnKind").getAsString()).isEqualTo("unicodeCodePoints");
  }

  @Test
  void sarif_resultLocationFixAndFingerprint() throws IOException {
    String sarif =
        render(new SarifReport(WORKING_FOLDER), List.of(result("src/my app.py")), List.of());

    JsonObject run =
        JsonParser.parseString(sarif)
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject();
    assertThat(
            run.getAsJsonObject("originalUriBaseIds")
                .getAsJsonObject("%SRCROOT%")
                .get("uri")
                .getAsString())
        .isEqualTo("file:///work/project/");
    JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
    assertThat(result.get("ruleId").getAsString()).isEqualTo(Finding.RULE_ID);
    assertThat(result.get("level").getAsString()).isEqualTo("warning");
    JsonObject physical =
        result
            .getAsJsonArray("locations")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("physicalLocation");
    assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString())
        .isEqualTo("src/my%20app.py");
    assertThat(physical.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString())
        .isEqualTo("%SRCROOT%");
    JsonObject region = physical.getAsJsonObject("region");
    assertThat(region.get("startLine").getAsInt()).isEqualTo(2);
    assertThat(region.get("startColumn").getAsInt()).isEqualTo(30);
    assertThat(region.get("endLine").getAsInt()).isEqualTo(2);
    assertThat(region.get("endColumn").getAsInt()).isEqualTo(48);
    assertThat(
            result
                .getAsJsonObject("partialFingerprints")
                .get(SarifReport.FINGERPRINT_KEY)
                .getAsString())
        .matches("[0-9a-f]{32}:1");
    JsonObject replacement =
        result
            .getAsJsonArray("fixes")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("artifactChanges")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("replacements")
            .get(0)
            .getAsJsonObject();
    assertThat(replacement.getAsJsonObject("deletedRegion").get("startColumn").getAsInt())
        .isEqualTo(34);
    assertThat(replacement.getAsJsonObject("insertedContent").get("text").getAsString())
        .isEqualTo("PROTOCOL_TLSv1_2");
  }

  @Test
  void sarif_pathOutsideWorkingFolder_absoluteUri() throws IOException {
    String sarif =
        render(new SarifReport(WORKING_FOLDER), List.of(result("/elsewhere/app.py")), List.of());

    assertThat(sarif).contains("\"uri\": \"file:///elsewhere/app.py\"");
    assertThat(SarifValidator.violations(sarif)).isEmpty();
  }

  @Test
  void sarif_errorsBecomeFailedInvocation() throws IOException {
    FileResult failed =
        FileResult.failed(new SourceFile(Path.of("bad.py"), "bad.py"), "invalid UTF-8");

    String sarif = render(new SarifReport(WORKING_FOLDER), List.of(failed), List.of());

    JsonObject invocation =
        JsonParser.parseString(sarif)
            .getAsJsonObject()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("invocations")
            .get(0)
            .getAsJsonObject();
    assertThat(invocation.get("executionSuccessful").getAsBoolean()).isFalse();
    assertThat(
            invocation
                .getAsJsonArray("toolExecutionNotifications")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("message")
                .get("text")
                .getAsString())
        .isEqualTo("bad.py: invalid UTF-8");
  }
}
