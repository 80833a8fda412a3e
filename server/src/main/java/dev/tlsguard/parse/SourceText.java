package dev.tlsguard.parse;

import java.util.Arrays;

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

  /** Creates the line table for {@code text}. */
  public SourceText(String text) {
    this.text = text;
    this.lineStarts = computeLineStarts(text);
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
