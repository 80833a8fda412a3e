package dev.tlsguard.document;

import io.github.treesitter.jtreesitter.Point;
import java.util.Arrays;

/**
 * Maps char indexes to tree-sitter points for a text parsed as UTF-16LE.
 *
 * <p>tree-sitter counts rows by {@code \n} alone, so a lone {@code \r} does not start a row and the
 * {@code \r} of {@code \r\n} is the last column of its row; columns are bytes, two per UTF-16 code
 * unit. These rows differ from the protocol's lines, which is why this table is separate from
 * {@link dev.tlsguard.parse.SourceText}.
 */
final class TreePoints {
  private final int[] newlines;

  private TreePoints(int[] newlines) {
    this.newlines = newlines;
  }

  /** Builds the table of {@code \n} positions in {@code text}. */
  static TreePoints of(String text) {
    int[] found = new int[16];
    int count = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = i;
    }
    return new TreePoints(Arrays.copyOf(found, count));
  }

  /**
   * Returns the table after chars {@code [start, end)} were replaced by {@code inserted}: newlines
   * before the change are kept, those of {@code inserted} added and those after it shifted.
   */
  TreePoints edit(int start, int end, String inserted) {
    int delta = inserted.length() - (end - start);
    int keptBefore = firstAtOrAfter(start);
    int keptAfter = firstAtOrAfter(end);
    int[] updated = new int[keptBefore + inserted.length() + newlines.length - keptAfter];
    System.arraycopy(newlines, 0, updated, 0, keptBefore);
    int count = keptBefore;
    for (int i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) {
      updated[count++] = start + i;
    }
    for (int i = keptAfter; i < newlines.length; i++) {
      updated[count++] = newlines[i] + delta;
    }
    return new TreePoints(count == updated.length ? updated : Arrays.copyOf(updated, count));
  }

  private int firstAtOrAfter(int index) {
    int found = Arrays.binarySearch(newlines, index);
    return found >= 0 ? found : -found - 1;
  }

  /** Returns the tree-sitter point of char index {@code offset}. */
  Point pointAt(int offset) {
    int search = Arrays.binarySearch(newlines, offset);
    // Newlines strictly before offset: a newline at offset itself still belongs to this row.
    int row = search >= 0 ? search : -search - 1;
    int rowStart = row == 0 ? 0 : newlines[row - 1] + 1;
    return new Point(row, 2 * (offset - rowStart));
  }

  /**
   * Returns the point reached after the text {@code inserted} starting at {@code start}, without
   * building a table for the whole new text.
   */
  static Point advance(Point start, String inserted) {
    int lastNewline = inserted.lastIndexOf('\n');
    if (lastNewline < 0) {
      return new Point(start.row(), start.column() + 2 * inserted.length());
    }
    int rows = 0;
    for (int i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) {
      rows++;
    }
    return new Point(start.row() + rows, 2 * (inserted.length() - lastNewline - 1));
  }
}
