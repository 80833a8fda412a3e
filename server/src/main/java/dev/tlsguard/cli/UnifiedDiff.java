package dev.tlsguard.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** Renders the difference between two versions of a file as a unified diff, as git prints it. */
final class UnifiedDiff {
  private static final int CONTEXT_LINES = 3;

  private UnifiedDiff() {}

  /**
   * Returns the diff from {@code before} to {@code after}, with {@code a/} and {@code b/} prefixes
   * on {@code path}. Lines end with {@code \n} whatever the file uses.
   */
  // NOTE: a changed last line without a line break gets no "\ No newline at end of file" marker,
  // so patch(1) would add a line break there. Fixes rarely touch the last line.
  static String of(String path, String before, String after) {
    List<String> original = splitLines(before);
    List<String> revised = splitLines(after);
    Patch<String> patch = DiffUtils.diff(original, revised);
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff(
            "a/" + path, "b/" + path, original, patch, CONTEXT_LINES);
    StringBuilder diff = new StringBuilder();
    for (String line : lines) {
      diff.append(line).append('\n');
    }
    return diff.toString();
  }

  /** Splits at {@code \n}, {@code \r\n} and {@code \r}, dropping the line breaks. */
  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
