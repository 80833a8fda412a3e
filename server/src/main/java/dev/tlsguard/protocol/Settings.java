package dev.tlsguard.protocol;

import dev.tlsguard.rules.RuleSettings;
import java.util.List;
import java.util.Optional;

/**
 * The settings that apply to one document or workspace folder after all sources are merged.
 *
 * @param rules what the rule reports and how
 * @param exclude glob patterns of paths, relative to the workspace folder, that get no diagnostics
 * @param workspaceMode whether files that are not open are analysed too
 * @param rulesBaseUrl the URL that rule pages are resolved against, such as {@code
 *     https://example.org/docs/rules/}; empty when no rule page is known, which leaves {@code
 *     codeDescription} out of diagnostics
 */
public record Settings(
    RuleSettings rules,
    List<String> exclude,
    boolean workspaceMode,
    Optional<String> rulesBaseUrl) {

  /** The paths that are excluded when nothing is configured. */
  public static final List<String> DEFAULT_EXCLUDE =
      List.of(".git", ".hg", ".venv", "venv", ".tox", ".nox", "__pycache__", "node_modules");

  public Settings {
    exclude = List.copyOf(exclude);
  }

  /** Returns the settings used when nothing is configured. */
  public static Settings defaults(Optional<String> rulesBaseUrl) {
    return new Settings(RuleSettings.DEFAULTS, DEFAULT_EXCLUDE, false, rulesBaseUrl);
  }
}
