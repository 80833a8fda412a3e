package dev.tlsguard.rules;

import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.Tree;
import java.util.List;

/** Reports insecure SSL/TLS protocol selection: the rule {@value Finding#RULE_ID}. */
public final class InsecureSslProtocolsRule {
  private final RuleSettings settings;

  public InsecureSslProtocolsRule(RuleSettings settings) {
    this.settings = settings;
  }

  /** Analyses {@code tree}, parsed from {@code source} as UTF-16, and returns its findings. */
  public Analysis analyze(SourceText source, Tree tree) {
    return new Analysis(List.of(), 0);
  }
}
