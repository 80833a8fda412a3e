package dev.tlsguard.protocol;

import dev.tlsguard.document.AnalysisResult;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/** Explains the finding under the cursor. */
final class HoverProvider {
  private HoverProvider() {}

  /** Returns the hover for {@code position}, or empty when no finding covers it. */
  static Optional<Hover> hover(
      AnalysisResult result, Position position, Settings settings, ClientFeatures features) {
    SourceText source = result.snapshot().source();
    int offset = Ranges.offset(source, position, features.encoding());
    List<Finding> covering =
        result.analysis().findings().stream()
            .filter(finding -> finding.start() <= offset && offset <= finding.end())
            .toList();
    if (covering.isEmpty()) {
      return Optional.empty();
    }
    boolean markdown = features.markdownHover();
    StringBuilder text = new StringBuilder();
    for (Finding finding : covering) {
      if (!text.isEmpty()) {
        text.append(markdown ? "\n\n---\n\n" : "\n\n");
      }
      text.append(explain(finding, settings, markdown));
    }
    Finding first = covering.getFirst();
    Hover hover =
        new Hover(
            new MarkupContent(
                markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text.toString()),
            Ranges.range(source, first.start(), first.end(), features.encoding()));
    return Optional.of(hover);
  }

  private static String explain(Finding finding, Settings settings, boolean markdown) {
    StringBuilder text = new StringBuilder();
    String protocol = finding.protocol().displayName();
    text.append(
            markdown
                ? "**Insecure SSL/TLS protocol: " + protocol + "**"
                : "Insecure SSL/TLS protocol: " + protocol)
        .append(" (")
        .append(markdown ? "`" + finding.kind().id() + "`" : finding.kind().id())
        .append(")\n\n")
        .append(finding.message())
        .append("\n\n")
        .append(
            finding.protocol().isSsl()
                ? protocol + " is broken: attackers can decrypt or tamper with its traffic."
                : protocol + " is deprecated (RFC 8996) and lacks modern cipher suites.");
    List<Fix> fixes = finding.fixes();
    if (!fixes.isEmpty()) {
      text.append("\n\nFix:");
      for (Fix fix : fixes) {
        text.append(markdown ? "\n- " : "\n  ")
            .append(fix.title())
            .append(fix.safe() ? " (safe, applied by fix-all)" : " (review before applying)");
      }
    }
    Optional<String> url = DiagnosticMapper.ruleUrl(settings);
    if (url.isPresent()) {
      text.append("\n\n")
          .append(
              markdown
                  ? "[" + Finding.RULE_ID + "](" + url.get() + ")"
                  : Finding.RULE_ID + ": " + url.get());
    } else {
      text.append("\n\nRule: ").append(Finding.RULE_ID);
    }
    return text.toString();
  }
}
