package dev.tlsguard.rules;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.Tree;

/**
 * Parses Python text and runs the rule on it, for callers that have no tree of their own.
 *
 * <p>Not thread-safe, because it owns a parser: use one analyzer per thread.
 */
public final class Analyzer implements AutoCloseable {
  private final PythonParser parser = new PythonParser();
  private final InsecureSslProtocolsRule rule;

  /** Creates an analyzer that applies {@code settings}. */
  public Analyzer(RuleSettings settings) {
    this.rule = new InsecureSslProtocolsRule(settings);
  }

  /**
   * Parses {@code text} and returns its findings.
   *
   * @throws dev.tlsguard.parse.ParseLimits.LimitExceededException if the text is longer, takes
   *     longer to parse or nests deeper than {@link dev.tlsguard.parse.ParseLimits#DEFAULTS} allow
   */
  public Analysis analyze(String text) {
    SourceText source = new SourceText(text);
    try (Tree tree = dev.tlsguard.parse.ParseLimits.DEFAULTS.parse(parser, text)) {
      return rule.analyze(source, tree);
    }
  }

  @Override
  public void close() {
    parser.close();
  }
}
