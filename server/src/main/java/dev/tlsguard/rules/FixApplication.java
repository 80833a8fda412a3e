package dev.tlsguard.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies fixes to a text: one chosen fix per finding, all in one pass.
 *
 * <p>Edits that are exactly equal (two findings adding the same name to one import line) are
 * applied once. A fix whose edits overlap an edit already chosen is skipped whole, so the result
 * never mixes half of one fix with another. Running the rule again and repeating fixes the rest.
 *
 * @param text the text after the fixes
 * @param applied the fixes that were applied
 * @param skipped the fixes that were skipped because they overlapped an earlier one
 */
public record FixApplication(String text, List<Fix> applied, List<Fix> skipped) {

  /** Applies the first safe fix of each finding. */
  public static FixApplication applySafe(String text, List<Finding> findings) {
    return apply(text, findings, finding -> finding.safeFix().orElse(null));
  }

  /** Applies the first fix of each finding, safe or not. */
  public static FixApplication applyAny(String text, List<Finding> findings) {
    return apply(text, findings, finding -> finding.fixes().isEmpty() ? null : finding.fixes().get(0));
  }

  /** Applies the fix that {@code choose} picks for each finding; a null pick skips the finding. */
  public static FixApplication apply(String text, List<Finding> findings, Function<Finding, Fix> choose) {
    Set<TextEdit> chosen = new LinkedHashSet<>();
    List<Fix> applied = new ArrayList<>();
    List<Fix> skipped = new ArrayList<>();
    for (Finding finding : findings) {
      Fix fix = choose.apply(finding);
      if (fix == null) {
        continue;
      }
      if (fix.edits().stream().anyMatch(edit -> !chosen.contains(edit) && overlapsAny(edit, chosen))) {
        skipped.add(fix);
        continue;
      }
      chosen.addAll(fix.edits());
      applied.add(fix);
    }
    return new FixApplication(applyEdits(text, new ArrayList<>(chosen)), applied, skipped);
  }

  /**
   * Applies non-overlapping edits to {@code text}. Insertions at the same offset keep their order.
   *
   * @throws IllegalArgumentException if two edits overlap or an edit lies outside the text
   */
  public static String applyEdits(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
    StringBuilder result = new StringBuilder(text.length() + 64);
    int position = 0;
    for (TextEdit edit : sorted) {
      if (edit.start() < position || edit.end() > text.length()) {
        throw new IllegalArgumentException("Edit " + edit + " overlaps another edit or lies past the end");
      }
      result.append(text, position, edit.start()).append(edit.replacement());
      position = edit.end();
    }
    result.append(text, position, text.length());
    return result.toString();
  }

  private static boolean overlapsAny(TextEdit edit, Set<TextEdit> chosen) {
    for (TextEdit other : chosen) {
      boolean bothInsertionsAtSamePoint = edit.start() == edit.end() && other.start() == other.end()
          && edit.start() == other.start();
      if (bothInsertionsAtSamePoint) {
        continue;
      }
      if (edit.start() < other.end() && other.start() < edit.end()) {
        return true;
      }
      // An insertion inside a replaced range would land in text that no longer exists.
      if (edit.start() == edit.end() && edit.start() > other.start() && edit.start() < other.end()) {
        return true;
      }
      if (other.start() == other.end() && other.start() > edit.start() && other.start() < edit.end()) {
        return true;
      }
    }
    return false;
  }
}
