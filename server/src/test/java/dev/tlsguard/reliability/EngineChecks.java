package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.ParseLimits;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.rules.TextEdit;
import io.github.treesitter.jtreesitter.Tree;

/** Invariants that every analysis result must satisfy, whatever the input. */
final class EngineChecks {
  private static final InsecureSslProtocolsRule RULE = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);

  private EngineChecks() {}

  /**
   * Parses {@code text} within {@code limits} and analyses it: the path a caller takes when it
   * must bound the work per file.
   *
   * @throws ParseLimits.LimitExceededException if the text exceeds a limit
   */
  static Analysis analyzeWithinLimits(PythonParser parser, ParseLimits limits, String text) {
    try (Tree tree = limits.parse(parser, text)) {
      return RULE.analyze(new SourceText(text), tree);
    }
  }

  /** Asserts that every finding, its sink and every edit of its fixes lie inside {@code text}. */
  static void assertInsideText(String text, Analysis analysis) {
    for (Finding finding : analysis.findings()) {
      assertRangeInside(text, finding.start(), finding.end(), "finding " + finding.constant());
      finding.sink().ifPresent(sink -> assertRangeInside(text, sink.start(), sink.end(), "sink " + sink));
      for (Fix fix : finding.fixes()) {
        for (TextEdit edit : fix.edits()) {
          assertRangeInside(text, edit.start(), edit.end(), "edit of fix '" + fix.title() + "'");
        }
      }
    }
  }

  private static void assertRangeInside(String text, int start, int end, String what) {
    assertThat(start).as("%s: start", what).isBetween(0, text.length());
    assertThat(end).as("%s: end", what).isBetween(start, text.length());
  }
}
