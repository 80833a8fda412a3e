package dev.tlsguard.rules;

import java.util.List;

/**
 * One way to fix a finding: a title for menus and the edits that make it.
 *
 * @param title what the fix does, shown in editors and in {@code --fix} reports
 * @param safe true when the fix keeps the program working; only safe fixes are preferred in
 *     editors and applied by fix-all and {@code tlsguard check --fix}
 * @param edits non-overlapping edits, sorted by start offset
 */
public record Fix(String title, boolean safe, List<TextEdit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }
}
