package dev.tlsguard.rules;

import dev.tlsguard.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Reuses the findings of an earlier version of an edited text when the edit provably cannot change
 * them, shifting their offsets by the edit's length change.
 *
 * <p>The edited region is the part of the text between the prefix and suffix that both versions
 * share ({@link SourceText.Revision}), which also covers every range where the syntax tree
 * changed, widened to whole lines. The earlier findings carry over when all of these hold:
 *
 * <ul>
 *   <li>neither version has syntax errors, so error recovery cannot have reshaped distant code;
 *   <li>the prefilter ({@link InsecureSslProtocolsRule#mayHaveFindings}) gives the same answer;
 *   <li>the region's old and new text contain none of the words the rule scans for, none of the
 *       names the earlier analysis searched for, and no suppression marker;
 *   <li>the region overlaps none of the nodes, lines and text windows the earlier analysis read
 *       ({@link Dependencies}), which include every finding, fix edit and suppression line.
 * </ul>
 *
 * <p>Outside the region text and tree are the same, so every inspection reads the same nodes and
 * text as before, only shifted. Anything else falls back to a full analysis.
 */
final class EditReuse {
  private static final Logger LOG = Logger.getLogger(EditReuse.class.getName());
  /** Words that start a suppression comment ({@link Suppressions}), in lower case. */
  private static final List<String> SUPPRESSION_MARKERS =
      List.of("noqa", "nosec", "tlsguard", "no-dd-sa");

  private static final AtomicLong REUSED = new AtomicLong();
  private static final AtomicLong ATTEMPTED = new AtomicLong();

  private EditReuse() {}

  /** Returns how many analyses so far reused earlier findings, for tests and benchmarks. */
  static long reusedCount() {
    return REUSED.get();
  }

  /** Returns how many analyses so far found an earlier analysis to try to reuse. */
  static long attemptedCount() {
    return ATTEMPTED.get();
  }

  /**
   * Returns the findings of {@code source} taken from an analysis of an earlier version, or empty
   * when it must be analysed in full. A reused result is remembered for the next version.
   */
  static Optional<Analysis> reuse(
      SourceText source, int syntaxErrors, RuleSettings settings, IdentifierScanner words) {
    Optional<PreviousAnalyses.Base> base = PreviousAnalyses.find(source, settings);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    long attempts = ATTEMPTED.incrementAndGet();
    Outcome outcome = attempt(base.get(), source, syntaxErrors, settings, words);
    if (outcome.analysis == null) {
      LOG.fine(
          () ->
              "Analysing in full: "
                  + outcome.reason
                  + " (findings reused after "
                  + REUSED.get()
                  + " of "
                  + attempts
                  + " edits)");
      return Optional.empty();
    }
    long reused = REUSED.incrementAndGet();
    LOG.fine(
        () ->
            "Reused "
                + outcome.analysis.findings().size()
                + " findings of the previous version: "
                + outcome.reason
                + " (findings reused after "
                + reused
                + " of "
                + attempts
                + " edits)");
    return Optional.of(outcome.analysis);
  }

  /** The result of one attempt: an analysis, or null with the reason. */
  private record Outcome(Analysis analysis, String reason) {
    static Outcome fallBack(String reason) {
      return new Outcome(null, reason);
    }
  }

  private static Outcome attempt(
      PreviousAnalyses.Base base,
      SourceText source,
      int syntaxErrors,
      RuleSettings settings,
      IdentifierScanner words) {
    PreviousAnalyses.Entry entry = base.entry();
    if (entry.dependencies().isEmpty()) {
      return Outcome.fallBack("the previous analysis is incomplete");
    }
    if (syntaxErrors > 0 || entry.syntaxErrors() > 0) {
      return Outcome.fallBack("the text has syntax errors");
    }
    SourceText old = base.source();
    String oldText = old.text();
    String newText = source.text();
    int oldEnd = oldText.length() - base.unchangedSuffix();
    int newEnd = newText.length() - base.unchangedSuffix();
    // Whole lines: from the start of the line before the first changed char (a change can join
    // or split a \r\n) to the first line start after the last changed char, in each version.
    int from = base.unchangedPrefix() == 0 ? 0 : old.lineStart(old.lineOf(base.unchangedPrefix() - 1));
    int oldTo = nextLineStart(old, oldEnd);
    int newTo = nextLineStart(source, newEnd);
    if (oldTo - oldEnd != newTo - newEnd || oldTo <= from || newTo < from) {
      return Outcome.fallBack("the changed lines could not be matched");
    }
    boolean prefilterPassed =
        prefilterMayChange(oldText, from, oldTo, settings)
                || prefilterMayChange(newText, from, newTo, settings)
            ? InsecureSslProtocolsRule.mayHaveFindings(newText, settings)
            : entry.prefilterPassed();
    if (prefilterPassed != entry.prefilterPassed()) {
      return Outcome.fallBack("the edit changes whether the text can have findings");
    }
    Dependencies dependencies = entry.dependencies().get();
    String region = touchedName(words, dependencies, oldText, from, oldTo);
    if (region == null) {
      region = touchedName(words, dependencies, newText, from, newTo);
    }
    if (region != null) {
      return Outcome.fallBack(region);
    }
    if (dependencies.intersects(from, oldTo)) {
      return Outcome.fallBack("the edit touches code that the findings depend on");
    }
    int delta = newTo - oldTo;
    List<Finding> shifted = new ArrayList<>(entry.findings().size());
    for (Finding finding : entry.findings()) {
      Optional<Finding> moved = shift(finding, from, oldTo, delta);
      if (moved.isEmpty()) {
        return Outcome.fallBack("a finding overlaps the edit");
      }
      shifted.add(moved.get());
    }
    PreviousAnalyses.remember(
        source,
        new PreviousAnalyses.Entry(
            settings,
            prefilterPassed,
            shifted,
            syntaxErrors,
            Optional.of(dependencies.shifted(from, oldTo, delta))));
    return new Outcome(
        new Analysis(shifted, syntaxErrors),
        "edit in chars [" + from + ", " + newTo + ") of " + newText.length());
  }

  /** Returns why {@code text[from, to)} blocks reuse, or null when it does not. */
  private static String touchedName(
      IdentifierScanner words, Dependencies dependencies, String text, int from, int to) {
    if (!words.scan(text, from, to).isEmpty()) {
      return "the edit touches a name the rule looks for";
    }
    if (dependencies.mentionsName(text, from, to)) {
      return "the edit touches a name the previous analysis searched for";
    }
    String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
    for (String marker : SUPPRESSION_MARKERS) {
      if (lower.contains(marker)) {
        return "the edit touches a suppression marker";
      }
    }
    return null;
  }

  /**
   * Returns whether {@code text[from, to)} contains any text the prefilter looks for: {@code ssl}
   * in any letter case, an anchor or a string-form keyword. All of them are made of identifier
   * characters, so an edit can add or remove one only inside the changed lines. Without one there
   * the prefilter's result for the whole text stays the same, and the whole text need not be
   * scanned again.
   */
  private static boolean prefilterMayChange(
      String text, int from, int to, RuleSettings settings) {
    String region = text.substring(from, to);
    // With "ssl" in front, mayHaveFindings tests only for an anchor or a keyword in the region.
    // The space keeps the prefix from joining a word of the region.
    return InsecureSslProtocolsRule.mentionsSsl(region)
        || InsecureSslProtocolsRule.mayHaveFindings("ssl " + region, settings);
  }

  /** Returns the first line start after {@code index}, or the text length. */
  private static int nextLineStart(SourceText source, int index) {
    int line = source.lineOf(Math.min(index, source.length()));
    return line + 1 < source.lineCount() ? source.lineStart(line + 1) : source.length();
  }

  private static Optional<Finding> shift(Finding finding, int from, int oldTo, int delta) {
    int start = moved(finding.start(), from, oldTo, delta);
    int end = moved(finding.end(), from, oldTo, delta);
    if (start < 0 || end < 0) {
      return Optional.empty();
    }
    Optional<Finding.Sink> sink = Optional.empty();
    if (finding.sink().isPresent()) {
      Finding.Sink old = finding.sink().get();
      int sinkStart = moved(old.start(), from, oldTo, delta);
      int sinkEnd = moved(old.end(), from, oldTo, delta);
      if (sinkStart < 0 || sinkEnd < 0) {
        return Optional.empty();
      }
      sink = Optional.of(new Finding.Sink(sinkStart, sinkEnd, old.description()));
    }
    List<Fix> fixes = new ArrayList<>(finding.fixes().size());
    for (Fix fix : finding.fixes()) {
      List<TextEdit> edits = new ArrayList<>(fix.edits().size());
      for (TextEdit edit : fix.edits()) {
        int editStart = moved(edit.start(), from, oldTo, delta);
        int editEnd = moved(edit.end(), from, oldTo, delta);
        if (editStart < 0 || editEnd < 0) {
          return Optional.empty();
        }
        edits.add(new TextEdit(editStart, editEnd, edit.replacement()));
      }
      fixes.add(new Fix(fix.title(), fix.safe(), edits));
    }
    return Optional.of(
        new Finding(
            finding.kind(),
            finding.protocol(),
            finding.severity(),
            start,
            end,
            finding.constant(),
            finding.message(),
            fixes,
            sink));
  }

  /** Maps an offset of the old text to the new one, or returns -1 if it lies inside the edit. */
  private static int moved(int offset, int from, int oldTo, int delta) {
    if (offset <= from) {
      return offset;
    }
    if (offset >= oldTo) {
      return offset + delta;
    }
    return -1;
  }
}
