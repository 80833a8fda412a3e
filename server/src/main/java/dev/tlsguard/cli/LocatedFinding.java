package dev.tlsguard.cli;

import com.google.common.collect.ImmutableList;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.TextEdit;
import java.util.List;

/**
 * A finding with its positions converted for output: 1-based lines and 1-based columns counted in
 * Unicode code points, the convention of compilers and of SARIF's {@code unicodeCodePoints}.
 *
 * @param path the display path of the file
 * @param finding the finding as the rule reported it
 * @param range where the insecure value is; the end column is exclusive
 * @param fixes the finding's fixes with converted edit ranges
 * @param lineText the text of the line where the finding starts, for fingerprints
 */
public record LocatedFinding(
    String path, Finding finding, Range range, List<LocatedFix> fixes, String lineText) {

  /**
   * A text range: {@code line:column} up to, but not including, {@code endLine:endColumn}.
   *
   * @param line 1-based start line
   * @param column 1-based start column in code points
   * @param endLine 1-based end line
   * @param endColumn 1-based column just past the end, in code points
   */
  public record Range(int line, int column, int endLine, int endColumn) {}

  /**
   * A fix whose edits carry output positions.
   *
   * @param title what the fix does
   * @param safe whether the fix keeps the program working
   * @param edits the replacements, in source order
   */
  public record LocatedFix(String title, boolean safe, List<LocatedEdit> edits) {}

  /**
   * One replacement: the text in {@code range} becomes {@code replacement}.
   *
   * @param range the replaced text; empty for an insertion
   * @param replacement the new text
   */
  public record LocatedEdit(Range range, String replacement) {}

  /** Converts {@code finding} reported on {@code source}. */
  public static LocatedFinding of(String path, Finding finding, SourceText source) {
    ImmutableList.Builder<LocatedFix> fixes = ImmutableList.builder();
    for (Fix fix : finding.fixes()) {
      ImmutableList.Builder<LocatedEdit> edits = ImmutableList.builder();
      for (TextEdit edit : fix.edits()) {
        edits.add(new LocatedEdit(rangeOf(source, edit.start(), edit.end()), edit.replacement()));
      }
      fixes.add(new LocatedFix(fix.title(), fix.safe(), edits.build()));
    }
    Range range = rangeOf(source, finding.start(), finding.end());
    String lineText = source.lineText(range.line() - 1);
    return new LocatedFinding(path, finding, range, fixes.build(), lineText);
  }

  /** Converts the char range {@code [start, end)} of {@code source}. */
  public static Range rangeOf(SourceText source, int start, int end) {
    return new Range(
        source.lineOf(start) + 1,
        source.codePointColumn(start) + 1,
        source.lineOf(end) + 1,
        source.codePointColumn(end) + 1);
  }
}
