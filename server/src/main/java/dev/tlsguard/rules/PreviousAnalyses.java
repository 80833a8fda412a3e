package dev.tlsguard.rules;

import dev.tlsguard.parse.SourceText;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The findings and {@link Dependencies} of recent analyses of versioned texts ({@link
 * SourceText#versioned}), so that the analysis of the next version can reuse them.
 *
 * <p>Entries are keyed weakly by the analysed {@link SourceText} object. An entry lives as long as
 * something still references that version, such as the document's recent results.
 * Thread-safe.
 */
final class PreviousAnalyses {
  /** How many revisions back a reuse looks for an analysed version. */
  private static final int MAX_REVISIONS = 8;

  private static final Map<SourceText, Entry> ENTRIES =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The result of one analysis with what it depended on.
   *
   * @param settings the settings it ran with
   * @param prefilterPassed whether the text passed {@link InsecureSslProtocolsRule#mayHaveFindings}
   * @param findings its findings
   * @param syntaxErrors its syntax-error count
   * @param dependencies what it read, or empty when it cannot be reused
   */
  record Entry(
      RuleSettings settings,
      boolean prefilterPassed,
      List<Finding> findings,
      int syntaxErrors,
      Optional<Dependencies> dependencies) {}

  /**
   * An analysed earlier version of a text, and the region where the two differ.
   *
   * @param source the earlier version
   * @param entry its analysis
   * @param unchangedPrefix chars at the start that both versions and their trees share
   * @param unchangedSuffix chars at the end that both versions and their trees share
   */
  record Base(SourceText source, Entry entry, int unchangedPrefix, int unchangedSuffix) {}

  private PreviousAnalyses() {}

  /** Keeps {@code entry} as the analysis of {@code source}. */
  static void remember(SourceText source, Entry entry) {
    ENTRIES.put(source, entry);
  }

  /**
   * Returns the newest earlier version of {@code source} that was analysed with {@code settings},
   * following its revisions back at most {@value #MAX_REVISIONS} steps.
   */
  static Optional<Base> find(SourceText source, RuleSettings settings) {
    int prefix = Integer.MAX_VALUE;
    int suffix = Integer.MAX_VALUE;
    SourceText current = source;
    for (int step = 0; step < MAX_REVISIONS; step++) {
      Optional<SourceText.Revision> revision = current.revision();
      if (revision.isEmpty()) {
        return Optional.empty();
      }
      Optional<SourceText> previous = revision.get().previous();
      if (previous.isEmpty()) {
        return Optional.empty();
      }
      // Each revision keeps its own prefix and suffix, so the versions share the smallest of them.
      prefix = Math.min(prefix, revision.get().unchangedPrefix());
      suffix = Math.min(suffix, revision.get().unchangedSuffix());
      current = previous.get();
      Entry entry = ENTRIES.get(current);
      if (entry != null && entry.settings().equals(settings)) {
        int shorter = Math.min(current.length(), source.length());
        int keptPrefix = Math.min(prefix, shorter);
        return Optional.of(
            new Base(current, entry, keptPrefix, Math.min(suffix, shorter - keptPrefix)));
      }
    }
    return Optional.empty();
  }
}
