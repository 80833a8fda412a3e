package dev.tlsguard.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlsguard.document.AnalysisResult;
import dev.tlsguard.document.PositionEncoding;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.Severity;
import dev.tlsguard.rules.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Turns findings into protocol diagnostics. */
final class DiagnosticMapper {
  /** The {@code source} field of every diagnostic. */
  static final String SOURCE = "tlsguard";

  /** The code of the diagnostic that reports a failed analysis. */
  static final String ANALYSIS_FAILED_CODE = "tlsguard/analysis-failed";

  private DiagnosticMapper() {}

  /** Returns the diagnostics of {@code result} in source order. */
  static List<Diagnostic> diagnostics(
      AnalysisResult result, Settings settings, ClientFeatures features) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (result.failure().isPresent()) {
      diagnostics.add(failureDiagnostic(result.failure().get()));
    }
    for (Finding finding : result.analysis().findings()) {
      diagnostics.add(
          diagnostic(
              result.snapshot().uri(), result.snapshot().source(), finding, settings, features));
    }
    return diagnostics;
  }

  /** Returns the diagnostic of one finding. */
  static Diagnostic diagnostic(
      String uri, SourceText source, Finding finding, Settings settings, ClientFeatures features) {
    PositionEncoding encoding = features.encoding();
    Diagnostic diagnostic =
        new Diagnostic(
            Ranges.range(source, finding.start(), finding.end(), encoding),
            message(finding),
            severity(finding.severity()),
            SOURCE,
            Finding.RULE_ID);
    ruleUrl(settings)
        .ifPresent(url -> diagnostic.setCodeDescription(new DiagnosticCodeDescription(url)));
    diagnostic.setData(data(source, finding, encoding));
    if (features.relatedInformation() && finding.sink().isPresent()) {
      Finding.Sink sink = finding.sink().get();
      diagnostic.setRelatedInformation(
          List.of(
              new DiagnosticRelatedInformation(
                  new Location(uri, Ranges.range(source, sink.start(), sink.end(), encoding)),
                  "The value is " + sink.description())));
    }
    return diagnostic;
  }

  /**
   * Returns the finding's message with its kind in brackets, so that editors which show only the
   * message and code (and drop {@code data}) still name the kind.
   */
  static String message(Finding finding) {
    return finding.message() + " [" + finding.kind().id() + "]";
  }

  /** Returns the URL of the rule page, when a base URL is known. */
  static Optional<String> ruleUrl(Settings settings) {
    String page = Finding.RULE_ID.substring(Finding.RULE_ID.indexOf('/') + 1) + ".md";
    return settings.rulesBaseUrl().map(base -> base + page);
  }

  static DiagnosticSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFORMATION -> DiagnosticSeverity.Information;
      case HINT -> DiagnosticSeverity.Hint;
    };
  }

  /**
   * Builds the {@code data} field: the finding kind, protocol and constant, and every fix with its
   * edits as protocol ranges, so a client can apply a fix from the diagnostic alone.
   */
  private static JsonObject data(SourceText source, Finding finding, PositionEncoding encoding) {
    JsonObject data = new JsonObject();
    data.addProperty("kind", finding.kind().id());
    data.addProperty("protocol", finding.protocol().displayName());
    data.addProperty("constant", finding.constant());
    JsonArray fixes = new JsonArray();
    for (Fix fix : finding.fixes()) {
      JsonObject fixJson = new JsonObject();
      fixJson.addProperty("title", fix.title());
      fixJson.addProperty("safe", fix.safe());
      JsonArray edits = new JsonArray();
      for (TextEdit edit : fix.edits()) {
        JsonObject editJson = new JsonObject();
        editJson.add("range", rangeJson(Ranges.range(source, edit.start(), edit.end(), encoding)));
        editJson.addProperty("newText", edit.replacement());
        edits.add(editJson);
      }
      fixJson.add("edits", edits);
      fixes.add(fixJson);
    }
    data.add("fixes", fixes);
    return data;
  }

  private static JsonObject rangeJson(Range range) {
    JsonObject json = new JsonObject();
    json.add("start", positionJson(range.getStart()));
    json.add("end", positionJson(range.getEnd()));
    return json;
  }

  private static JsonObject positionJson(Position position) {
    JsonObject json = new JsonObject();
    json.addProperty("line", position.getLine());
    json.addProperty("character", position.getCharacter());
    return json;
  }

  private static Diagnostic failureDiagnostic(String failure) {
    Diagnostic diagnostic =
        new Diagnostic(
            new Range(new Position(0, 0), new Position(0, 0)),
            "tlsguard failed to analyse this file ("
                + failure
                + "); its findings are unknown, see the server log",
            DiagnosticSeverity.Warning,
            SOURCE,
            ANALYSIS_FAILED_CODE);
    return diagnostic;
  }
}
