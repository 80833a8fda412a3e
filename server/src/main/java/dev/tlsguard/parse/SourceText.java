package dev.tlsguard.parse;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Optional;

/**
 * Python source text with a table of line starts.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, the rule the Language Server
 * Protocol uses; tree-sitter itself counts only {@code \n}, so line numbers always come from this
 * class. Offsets are {@code char} indexes (UTF-16 code units) into the text.
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;
  private final boolean versioned;
  private final Revision revision;

  /** Creates the line table for {@code text}. */
  public SourceText(String text) {
    this(text, computeLineStarts(text), false, null);
  }

  private SourceText(String text, int[] lineStarts, boolean versioned, Revision revision) {
    this.text = text;
    this.lineStarts = lineStarts;
    this.versioned = versioned;
    this.revision = revision;
  }

  /**
   * Creates the first version of an edited document's text. Analyses of versioned texts keep what
   * they depended on, so that an analysis of a later version can reuse their findings.
   */
  public static SourceText versioned(String text) {
    return new SourceText(text, computeLineStarts(text), true, null);
  }

  /** Returns whether this text is a version of an edited document ({@link #versioned}). */
  public boolean isVersioned() {
    return versioned;
  }

  /**
   * Returns how this text differs from the version it was edited from, if it was made by {@link
   * #withRevision}.
   */
  public Optional<Revision> revision() {
    return Optional.ofNullable(revision);
  }

  /**
   * Returns the text with chars {@code [start, end)} replaced by {@code inserted}. The new line
   * table copies the line starts before the change, scans only the inserted text and shifts the
   * line starts after it, so a change costs one copy of the text and of the table.
   */
  public SourceText edit(int start, int end, String inserted) {
    if (start < 0 || end < start || end > text.length()) {
      throw new IndexOutOfBoundsException(
          "Invalid change [" + start + ", " + end + ") of a " + text.length() + "-char text");
    }
    String newText =
        new StringBuilder(text.length() - (end - start) + inserted.length())
            .append(text, 0, start)
            .append(inserted)
            .append(text, end, text.length())
            .toString();
    return new SourceText(
        newText, editLineStarts(newText, start, end, inserted.length()), versioned, null);
  }

  /**
   * Returns this text with a {@link Revision} that records that it equals {@code previous} except
   * inside one region: the first {@code unchangedPrefix} and the last {@code unchangedSuffix}
   * chars of both texts are the same, and so is the syntax tree outside that region.
   */
  public SourceText withRevision(SourceText previous, int unchangedPrefix, int unchangedSuffix) {
    int shorter = Math.min(previous.length(), length());
    if (unchangedPrefix < 0 || unchangedSuffix < 0 || unchangedPrefix + unchangedSuffix > shorter) {
      throw new IllegalArgumentException(
          "Invalid revision: prefix " + unchangedPrefix + " and suffix " + unchangedSuffix
              + " of texts with " + previous.length() + " and " + length() + " chars");
    }
    return new SourceText(
        text,
        lineStarts,
        versioned,
        new Revision(new WeakReference<>(previous), unchangedPrefix, unchangedSuffix));
  }

  /**
   * The difference between a versioned text and the version it was edited from: both texts share their first {@code
   * unchangedPrefix} and last {@code unchangedSuffix} chars, and their syntax trees have the same
   * structure there. The previous version is held weakly, so a chain of revisions never keeps old
   * texts alive.
   */
  public static final class Revision {
    private final WeakReference<SourceText> previous;
    private final int unchangedPrefix;
    private final int unchangedSuffix;

    private Revision(WeakReference<SourceText> previous, int unchangedPrefix, int unchangedSuffix) {
      this.previous = previous;
      this.unchangedPrefix = unchangedPrefix;
      this.unchangedSuffix = unchangedSuffix;
    }

    /** Returns the previous version, unless it was garbage-collected. */
    public Optional<SourceText> previous() {
      return Optional.ofNullable(previous.get());
    }

    /** Returns the number of chars at the start that both versions share. */
    public int unchangedPrefix() {
      return unchangedPrefix;
    }

    /** Returns the number of chars at the end that both versions share. */
    public int unchangedSuffix() {
      return unchangedSuffix;
    }
  }

  /** Returns the full text. */
  public String text() {
    return text;
  }

  /** Returns the text length in chars. */
  public int length() {
    return text.length();
  }

  /** Returns the number of lines; an empty text and a text ending in a newline count a last, empty line. */
  public int lineCount() {
    return lineStarts.length;
  }

  /** Returns the char index where the 0-based {@code line} starts. */
  public int lineStart(int line) {
    return lineStarts[line];
  }

  /** Returns the char index just past the last character of {@code line}, before its line end. */
  public int lineContentEnd(int line) {
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** Returns the 0-based line that contains the char at {@code index}. */
  public int lineOf(int index) {
    int found = Arrays.binarySearch(lineStarts, index);
    return found >= 0 ? found : -found - 2;
  }

  /** Returns the 0-based column of {@code index} in UTF-16 code units. */
  public int utf16Column(int index) {
    return index - lineStarts[lineOf(index)];
  }

  /** Returns the 0-based column of {@code index} in Unicode code points. */
  public int codePointColumn(int index) {
    int start = lineStarts[lineOf(index)];
    return text.codePointCount(start, index);
  }

  /** Returns the 0-based column of {@code index} in UTF-8 bytes. */
  public int utf8Column(int index) {
    int start = lineStarts[lineOf(index)];
    int bytes = 0;
    for (int i = start; i < index; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < index && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** Returns the text of the 0-based {@code line} without its line end. */
  public String lineText(int line) {
    return text.substring(lineStarts[line], lineContentEnd(line));
  }

  /** Converts a tree-sitter byte offset of a tree parsed as UTF-16 to a char index. */
  public static int charIndex(int byteOffset) {
    return byteOffset >>> 1;
  }

  /**
   * Returns the line starts of {@code newText}, which is the old text with chars {@code [start,
   * end)} replaced by {@code insertedLength} chars at {@code start}. A line start depends only on
   * the one or two chars before it and at it, so starts before {@code start} and after the old
   * {@code end} carry over and only the positions in between are checked again.
   */
  private int[] editLineStarts(String newText, int start, int end, int insertedLength) {
    int delta = insertedLength - (end - start);
    int keptBefore = firstLineStartAtOrAfter(start);
    int keptAfter = firstLineStartAtOrAfter(end + 1);
    int tail = lineStarts.length - keptAfter;
    int[] starts = new int[keptBefore + insertedLength + 1 + tail];
    System.arraycopy(lineStarts, 0, starts, 0, keptBefore);
    int count = keptBefore;
    for (int position = start; position <= start + insertedLength; position++) {
      if (isLineStart(newText, position)) {
        starts[count++] = position;
      }
    }
    for (int i = keptAfter; i < lineStarts.length; i++) {
      starts[count++] = lineStarts[i] + delta;
    }
    return count == starts.length ? starts : Arrays.copyOf(starts, count);
  }

  private int firstLineStartAtOrAfter(int index) {
    int found = Arrays.binarySearch(lineStarts, index);
    return found >= 0 ? found : -found - 1;
  }

  private static boolean isLineStart(String text, int position) {
    if (position == 0) {
      return true;
    }
    if (position > text.length()) {
      return false;
    }
    char before = text.charAt(position - 1);
    return before == '\n'
        || (before == '\r' && (position == text.length() || text.charAt(position) != '\n'));
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }
}
