package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tlsguard.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiagnosticsTest {
  private static final String URI = "file:///project/client.py";
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";

  @Test
  void insecureContext_publishesOneDiagnostic() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.push(), null, null);
      harness.open(URI, 1, INSECURE);
      List<Diagnostic> diagnostics = harness.client.awaitDiagnostics(URI, 1).getDiagnostics();
      assertThat(diagnostics).hasSize(1);
      Diagnostic diagnostic = diagnostics.getFirst();
      assertThat(diagnostic.getCode().getLeft()).isEqualTo(Finding.RULE_ID);
      assertThat(diagnostic.getSource()).isEqualTo("tlsguard");
      assertThat(diagnostic.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
      assertThat(diagnostic.getMessage().getLeft()).contains("PROTOCOL_TLSv1");
      assertThat(diagnostic.getMessage().getLeft()).endsWith("[ssl-proto-const]");
      assertThat(diagnostic.getCodeDescription().getHref())
          .isEqualTo(ServerHarness.RULES_BASE + "insecure-ssl-protocols.md");
      assertThat(diagnostic.getRange())
          .isEqualTo(new Range(new Position(1, 21), new Position(1, 39)));
      JsonObject data = (JsonObject) diagnostic.getData();
      assertThat(data.get("kind").getAsString()).isEqualTo("ssl-proto-const");
      assertThat(data.getAsJsonArray("fixes")).isNotEmpty();
    }
  }

  @Test
  void relatedInformation_onlyWhenClientSupportsIt() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.push(), null, null);
      harness.open(URI, 1, INSECURE);
      Diagnostic diagnostic = harness.client.awaitDiagnostics(URI, 1).getDiagnostics().getFirst();
      assertThat(diagnostic.getRelatedInformation()).hasSize(1);
      assertThat(diagnostic.getRelatedInformation().getFirst().getLocation().getUri())
          .isEqualTo(URI);
    }
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      harness.open(URI, 1, INSECURE);
      Diagnostic diagnostic = harness.client.awaitDiagnostics(URI, 1).getDiagnostics().getFirst();
      assertThat(diagnostic.getRelatedInformation()).isNull();
    }
  }

  @Test
  void incrementalFix_clearsDiagnostic() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.push(), null, null);
      harness.open(URI, 1, INSECURE);
      assertThat(harness.client.awaitDiagnostics(URI, 1).getDiagnostics()).hasSize(1);
      // "ssl.PROTOCOL_TLSv1" -> "ssl.PROTOCOL_TLSv1_2": insert "_2" before the ")".
      change(harness, 2, new Range(new Position(1, 39), new Position(1, 39)), "_2");
      assertThat(harness.client.awaitDiagnostics(URI, 2).getDiagnostics()).isEmpty();
      change(harness, 3, new Range(new Position(1, 39), new Position(1, 41)), "");
      assertThat(harness.client.awaitDiagnostics(URI, 3).getDiagnostics()).hasSize(1);
    }
  }

  @Test
  void close_clearsDiagnostics() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.push(), null, null);
      harness.open(URI, 1, INSECURE);
      harness.client.awaitDiagnostics(URI, 1);
      harness
          .remote
          .getTextDocumentService()
          .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
      harness.client.awaitDiagnostics(
          p -> p.getUri().equals(URI) && p.getVersion() == null && p.getDiagnostics().isEmpty());
    }
  }

  @Test
  void pull_returnsFullThenUnchanged() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.pull(), null, null);
      harness.open(URI, 1, INSECURE);
      var service = harness.remote.getTextDocumentService();
      var first =
          service
              .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
              .get(20, TimeUnit.SECONDS);
      assertThat(first.isRelatedFullDocumentDiagnosticReport()).isTrue();
      var full = first.getRelatedFullDocumentDiagnosticReport();
      assertThat(full.getItems()).hasSize(1);
      assertThat(full.getResultId()).isNotBlank();
      DocumentDiagnosticParams again =
          new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
      again.setPreviousResultId(full.getResultId());
      var second = service.diagnostic(again).get(20, TimeUnit.SECONDS);
      assertThat(second.isRelatedUnchangedDocumentDiagnosticReport()).isTrue();
      assertThat(second.getRelatedUnchangedDocumentDiagnosticReport().getResultId())
          .isEqualTo(full.getResultId());
      assertThat(harness.client.diagnostics).as("pull clients get no pushes").isEmpty();
    }
  }

  @Test
  void pull_afterChange_returnsNewReport() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.pull(), null, null);
      harness.open(URI, 1, INSECURE);
      var service = harness.remote.getTextDocumentService();
      var first =
          service
              .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
              .get(20, TimeUnit.SECONDS)
              .getRelatedFullDocumentDiagnosticReport();
      change(harness, 2, new Range(new Position(1, 39), new Position(1, 39)), "_2");
      DocumentDiagnosticParams again =
          new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
      again.setPreviousResultId(first.getResultId());
      var second = service.diagnostic(again).get(20, TimeUnit.SECONDS);
      assertThat(second.isRelatedFullDocumentDiagnosticReport()).isTrue();
      assertThat(second.getRelatedFullDocumentDiagnosticReport().getItems()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"utf-8", "utf-16", "utf-32"})
  void rangeAfterEmojiAndCjk_countsInNegotiatedEncoding(String encoding) throws Exception {
    String prefix = "s = '😀中e\u0301'; ctx = ssl.SSLContext(";
    String text = "import ssl\r\n" + prefix + "ssl.PROTOCOL_TLSv1)";
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.push(encoding), null, null);
      harness.open(URI, 1, text);
      Diagnostic diagnostic = harness.client.awaitDiagnostics(URI, 1).getDiagnostics().getFirst();
      int start =
          switch (encoding) {
            case "utf-8" -> prefix.getBytes(StandardCharsets.UTF_8).length;
            case "utf-16" -> prefix.length();
            default -> prefix.codePointCount(0, prefix.length());
          };
      assertThat(diagnostic.getRange().getStart()).isEqualTo(new Position(1, start));
      assertThat(diagnostic.getRange().getEnd())
          .isEqualTo(new Position(1, start + "ssl.PROTOCOL_TLSv1".length()));
    }
  }

  @Test
  void failingAnalysis_isReportedOnThatDocumentOnly() throws Exception {
    TlsGuardLanguageServer.DocumentAnalyzerFactory failing =
        settings ->
            (snapshot, tree) -> {
              if (snapshot.uri().contains("broken")) {
                throw new IllegalStateException("simulated rule failure");
              }
              return LspCommand.ruleAnalyzer(settings).analyze(snapshot, tree);
            };
    try (ServerHarness harness = new ServerHarness(failing)) {
      harness.initialize(Capabilities.push(), null, null);
      harness.open("file:///project/broken.py", 1, INSECURE);
      harness.open(URI, 1, INSECURE);
      var broken = harness.client.awaitDiagnostics("file:///project/broken.py", 1);
      assertThat(broken.getDiagnostics()).hasSize(1);
      assertThat(broken.getDiagnostics().getFirst().getCode().getLeft())
          .isEqualTo(DiagnosticMapper.ANALYSIS_FAILED_CODE);
      assertThat(broken.getDiagnostics().getFirst().getMessage().getLeft())
          .contains("simulated rule failure");
      var healthy = harness.client.awaitDiagnostics(URI, 1);
      assertThat(healthy.getDiagnostics()).hasSize(1);
      assertThat(healthy.getDiagnostics().getFirst().getCode().getLeft())
          .isEqualTo(Finding.RULE_ID);
    }
  }

  @Test
  void severityFromInitializationOptions_isApplied() throws Exception {
    JsonObject severity = new JsonObject();
    severity.add("ssl-proto-const", new JsonPrimitive("error"));
    JsonObject options = new JsonObject();
    options.add("severity", severity);
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), options, null);
      harness.open(URI, 1, INSECURE);
      Diagnostic diagnostic = harness.client.awaitDiagnostics(URI, 1).getDiagnostics().getFirst();
      assertThat(diagnostic.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    }
  }

  @Test
  void protocolsSetting_dropsTls10() throws Exception {
    JsonArray protocols = new JsonArray();
    protocols.add("SSLv2");
    protocols.add("SSLv3");
    JsonObject options = new JsonObject();
    options.add("protocols", protocols);
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), options, null);
      harness.open(URI, 1, INSECURE);
      assertThat(harness.client.awaitDiagnostics(URI, 1).getDiagnostics()).isEmpty();
    }
  }

  static void change(ServerHarness harness, int version, Range range, String text) {
    harness
        .remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
  }
}
