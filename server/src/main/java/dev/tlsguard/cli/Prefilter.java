package dev.tlsguard.cli;

import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.rules.Utf8Prefilter;

/**
 * Decides without parsing that a file cannot contain a finding.
 *
 * <p>It delegates to the rule ({@link InsecureSslProtocolsRule#mayHaveFindings}), whose text test
 * is sound for its own analysis: every finding starts from a name or string that the file's text contains
 * verbatim, next to a mention of {@code ssl}. The rule reads names as written, without Python's
 * NFKC normalisation of identifiers, so no normalisation is needed here either.
 */
public final class Prefilter {
  private final RuleSettings settings;

  /** Creates a prefilter for the given string-form setting. */
  public Prefilter(boolean stringForms) {
    this.settings = RuleSettings.DEFAULTS.withReportStringForms(stringForms);
  }

  /** Returns whether {@code text} may contain a finding and so has to be parsed. */
  public boolean mayContainFinding(String text) {
    return InsecureSslProtocolsRule.mayHaveFindings(text, settings);
  }

  /**
   * Returns whether the text that {@code utf8[0..length)} decodes to may contain a finding, with
   * the same result as {@link #mayContainFinding(String)} on that text. The bytes must be valid
   * UTF-8.
   */
  public boolean mayContainFinding(byte[] utf8, int length) {
    return Utf8Prefilter.mayHaveFindings(utf8, length, settings);
  }
}
