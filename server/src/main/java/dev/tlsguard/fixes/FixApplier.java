package dev.tlsguard.fixes;

import com.google.common.collect.ImmutableList;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a set of fixes to one text in a single pass.
 *
 * <p>Fixes are taken in order of their first edit. A fix whose edits overlap an edit of a fix
 * already taken is skipped as a whole, so a file never receives half a fix. An edit identical to
 * one already taken is shared rather than counted as an overlap, because two findings often need
 * the same change, such as adding one name to an import line.
 */
public final class FixApplier {
  private final String lineSeparator;

  /**
   * Creates an applier that writes line breaks inside replacement text as {@code lineSeparator}, so
   * a fix that inserts a line keeps a CRLF file CRLF.
   */
  public FixApplier(String lineSeparator) {
    this.lineSeparator = lineSeparator;
  }

  /**
   * Applies as many of {@code fixes} to {@code text} as do not overlap.
   *
   * @throws IllegalArgumentException if an edit lies outside {@code text}
   */
  public FixResult apply(String text, List<Fix> fixes) {
    List<Fix> ordered = new ArrayList<>(fixes);
    ordered.sort(Comparator.comparingInt(FixApplier::firstStart));
    List<TextEdit> taken = new ArrayList<>();
    ImmutableList.Builder<Fix> applied = ImmutableList.builder();
    ImmutableList.Builder<Fix> skipped = ImmutableList.builder();
    for (Fix fix : ordered) {
      checkBounds(fix, text.length());
      if (conflictsWithAny(fix, taken)) {
        skipped.add(fix);
        continue;
      }
      for (TextEdit edit : fix.edits()) {
        if (!taken.contains(edit)) {
          taken.add(edit);
        }
      }
      applied.add(fix);
    }
    return new FixResult(applyEdits(text, taken), applied.build(), skipped.build());
  }

  private static int firstStart(Fix fix) {
    return fix.edits().stream().mapToInt(TextEdit::start).min().orElse(Integer.MAX_VALUE);
  }

  private static void checkBounds(Fix fix, int length) {
    for (TextEdit edit : fix.edits()) {
      if (edit.end() > length) {
        throw new IllegalArgumentException(
            "Fix '"
                + fix.title()
                + "' edits ["
                + edit.start()
                + ", "
                + edit.end()
                + ") beyond the end of a "
                + length
                + "-character text");
      }
    }
  }

  private static boolean conflictsWithAny(Fix fix, List<TextEdit> taken) {
    for (TextEdit edit : fix.edits()) {
      for (TextEdit other : taken) {
        if (!edit.equals(other) && overlaps(edit, other)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether two edits touch the same text. Two insertions at one point, or an insertion at
   * the start of a replaced range, also conflict, because their order would be a guess.
   */
  static boolean overlaps(TextEdit a, TextEdit b) {
    if (a.start() < b.end() && b.start() < a.end()) {
      return true;
    }
    boolean aEmpty = a.start() == a.end();
    boolean bEmpty = b.start() == b.end();
    if (aEmpty && a.start() > b.start() && a.start() < b.end()) {
      return true;
    }
    if (bEmpty && b.start() > a.start() && b.start() < a.end()) {
      return true;
    }
    return (aEmpty || bEmpty) && a.start() == b.start();
  }

  private String applyEdits(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
    StringBuilder result = new StringBuilder(text.length() + 64);
    int copied = 0;
    for (TextEdit edit : sorted) {
      result.append(text, copied, edit.start()).append(withLineSeparator(edit.replacement()));
      copied = edit.end();
    }
    return result.append(text, copied, text.length()).toString();
  }

  private String withLineSeparator(String replacement) {
    if (lineSeparator.equals("\n") || replacement.indexOf('\n') < 0) {
      return replacement;
    }
    return replacement.replace("\r\n", "\n").replace("\n", lineSeparator);
  }

  /**
   * The outcome of one pass.
   *
   * @param text the text after the applied fixes
   * @param applied the fixes whose edits are in {@code text}
   * @param skipped the fixes left out because they overlap an applied one
   */
  public record FixResult(String text, List<Fix> applied, List<Fix> skipped) {}
}
