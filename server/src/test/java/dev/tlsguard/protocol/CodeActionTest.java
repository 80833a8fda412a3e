package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.RuleSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class CodeActionTest {
  private static final String URI = "file:///project/server.py";
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final Range FINDING_LINE = new Range(new Position(1, 25), new Position(1, 25));

  private static List<CodeAction> actions(ServerHarness harness, Range range, List<String> only)
      throws Exception {
    CodeActionContext context = new CodeActionContext(List.of());
    context.setOnly(only);
    List<Either<Command, CodeAction>> result =
        harness
            .remote
            .getTextDocumentService()
            .codeAction(new CodeActionParams(new TextDocumentIdentifier(URI), range, context))
            .get(20, TimeUnit.SECONDS);
    assertThat(result).allMatch(Either::isRight);
    return result.stream().map(Either::getRight).toList();
  }

  private static ServerHarness openWith(ClientCapabilities capabilities, String text)
      throws Exception {
    ServerHarness harness = new ServerHarness();
    harness.initialize(capabilities, null, null);
    harness.open(URI, 7, text);
    harness.client.awaitDiagnostics(URI, 7);
    return harness;
  }

  private static List<Finding> findings(String text) {
    try (Analyzer analyzer = new Analyzer(RuleSettings.DEFAULTS)) {
      return analyzer.analyze(text).findings();
    }
  }

  @Test
  void quickFix_carriesVersionedEditInline() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.push(), INSECURE)) {
      List<CodeAction> fixes =
          actions(harness, FINDING_LINE, List.of("quickfix")).stream()
              .filter(a -> !a.getTitle().startsWith("Suppress"))
              .toList();
      assertThat(fixes).isNotEmpty();
      assertThat(fixes).allMatch(a -> a.getKind().equals("quickfix"));
      assertThat(fixes).allMatch(a -> a.getEdit() != null && a.getDiagnostics().size() == 1);
      var documentEdit = fixes.getFirst().getEdit().getDocumentChanges().getFirst().getLeft();
      assertThat(documentEdit.getTextDocument().getVersion()).isEqualTo(7);
      assertThat(documentEdit.getTextDocument().getUri()).isEqualTo(URI);
    }
  }

  @Test
  void preferredQuickFix_isSafeAndRemovesFinding() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.push(), INSECURE)) {
      List<CodeAction> preferred =
          actions(harness, FINDING_LINE, List.of("quickfix")).stream()
              .filter(a -> Boolean.TRUE.equals(a.getIsPreferred()))
              .toList();
      assertThat(preferred).hasSize(1);
      String fixed = Edits.apply(INSECURE, Edits.of(preferred.getFirst(), URI));
      assertThat(findings(fixed)).isEmpty();
    }
  }

  @Test
  void clientWithoutDocumentChanges_getsPlainChanges() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.minimal(), INSECURE)) {
      CodeAction fix = actions(harness, FINDING_LINE, List.of("quickfix")).getFirst();
      assertThat(fix.getEdit().getDocumentChanges()).isNull();
      assertThat(fix.getEdit().getChanges()).containsKey(URI);
    }
  }

  @Test
  void fixAll_appliesSafeFixesInOneEdit() throws Exception {
    String text =
        "import ssl\n"
            + "a = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
            + "b = ssl.SSLContext(ssl.PROTOCOL_SSLv3)\n"
            + "ctx.minimum_version = ssl.TLSVersion.TLSv1_1\n";
    long unfixable = findings(text).stream().filter(f -> f.safeFix().isEmpty()).count();
    assertThat(findings(text).size() - unfixable).as("findings with a safe fix").isGreaterThan(1);
    try (ServerHarness harness = openWith(Capabilities.push(), text)) {
      List<CodeAction> fixAll =
          actions(
              harness, new Range(new Position(0, 0), new Position(0, 0)), List.of("source.fixAll"));
      assertThat(fixAll).hasSize(1);
      assertThat(fixAll.getFirst().getKind()).isEqualTo("source.fixAll.tlsguard");
      String fixed = Edits.apply(text, Edits.of(fixAll.getFirst(), URI));
      assertThat(findings(fixed)).hasSize((int) unfixable);
    }
  }

  @Test
  void fixAll_absentWithoutSafeFixes() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.push(), "import ssl\n")) {
      assertThat(
              actions(
                  harness,
                  new Range(new Position(0, 0), new Position(0, 0)),
                  List.of("source.fixAll.tlsguard")))
          .isEmpty();
    }
  }

  @Test
  void suppress_addsMarkerThatHidesFinding() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.push(), INSECURE)) {
      CodeAction suppress =
          actions(harness, FINDING_LINE, List.of("quickfix")).stream()
              .filter(a -> a.getTitle().startsWith("Suppress"))
              .findFirst()
              .orElseThrow();
      assertThat(suppress.getIsPreferred()).isNotEqualTo(Boolean.TRUE);
      String suppressed = Edits.apply(INSECURE, Edits.of(suppress, URI));
      assertThat(suppressed)
          .isEqualTo(
              "import ssl\n"
                  + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard:"
                  + " ignore[ssl-proto-const]\n");
      assertThat(findings(suppressed)).isEmpty();
    }
  }

  @Test
  void suppress_extendsExistingKindList() throws Exception {
    String text =
        "import ssl\n"
            + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard: ignore[ssl-min-version]\n";
    try (ServerHarness harness = openWith(Capabilities.push(), text)) {
      CodeAction suppress =
          actions(harness, FINDING_LINE, List.of("quickfix")).stream()
              .filter(a -> a.getTitle().startsWith("Suppress"))
              .findFirst()
              .orElseThrow();
      assertThat(Edits.apply(text, Edits.of(suppress, URI)))
          .isEqualTo(
              "import ssl\n"
                  + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)"
                  + "  # tlsguard: ignore[ssl-min-version,ssl-proto-const]\n");
    }
  }

  @Test
  void suppress_appendsAfterOtherComment() throws Exception {
    String text = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # noqa: E501\n";
    try (ServerHarness harness = openWith(Capabilities.push(), text)) {
      CodeAction suppress =
          actions(harness, FINDING_LINE, List.of("quickfix")).stream()
              .filter(a -> a.getTitle().startsWith("Suppress"))
              .findFirst()
              .orElseThrow();
      assertThat(Edits.apply(text, Edits.of(suppress, URI)))
          .endsWith("# noqa: E501  # tlsguard: ignore[ssl-proto-const]\n");
    }
  }

  @Test
  void removeSuppression_deletesMarkerOnly() throws Exception {
    String text = "import ssl\nx = 1  # tlsguard: ignore\ny = 2  # noqa  # tlsguard: ignore[a]\n";
    try (ServerHarness harness = openWith(Capabilities.push(), text)) {
      List<CodeAction> first =
          actions(
              harness,
              new Range(new Position(1, 0), new Position(1, 0)),
              List.of("refactor.rewrite"));
      assertThat(first).hasSize(1);
      assertThat(Edits.apply(text, Edits.of(first.getFirst(), URI)))
          .isEqualTo("import ssl\nx = 1\ny = 2  # noqa  # tlsguard: ignore[a]\n");
      List<CodeAction> second =
          actions(
              harness,
              new Range(new Position(2, 3), new Position(2, 3)),
              List.of("refactor.rewrite"));
      assertThat(Edits.apply(text, Edits.of(second.getFirst(), URI)))
          .isEqualTo("import ssl\nx = 1  # tlsguard: ignore\ny = 2  # noqa\n");
    }
  }

  @Test
  void markerInsideString_isNotAComment() throws Exception {
    String text = "s = '# tlsguard: ignore'\n";
    try (ServerHarness harness = openWith(Capabilities.push(), text)) {
      assertThat(
              actions(
                  harness,
                  new Range(new Position(0, 0), new Position(0, 0)),
                  List.of("refactor.rewrite")))
          .isEmpty();
    }
  }

  @Test
  void hover_explainsFindingWithRuleLink() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.push(), INSECURE)) {
      var hover =
          harness
              .remote
              .getTextDocumentService()
              .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(1, 30)))
              .get(20, TimeUnit.SECONDS);
      assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.MARKDOWN);
      String value = hover.getContents().getRight().getValue();
      assertThat(value).contains("TLS 1.0");
      assertThat(value).contains("(" + ServerHarness.RULES_BASE + "insecure-ssl-protocols.md)");
      assertThat(value).contains("Fix:");
    }
  }

  @Test
  void hover_outsideFinding_isEmpty() throws Exception {
    try (ServerHarness harness = openWith(Capabilities.push(), INSECURE)) {
      var hover =
          harness
              .remote
              .getTextDocumentService()
              .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(0, 2)))
              .get(20, TimeUnit.SECONDS);
      assertThat(hover).isNull();
    }
  }
}
