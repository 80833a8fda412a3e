package dev.tlsguard.rules;

/**
 * A replacement of the chars in {@code [start, end)} of a source text by {@code replacement}.
 * Offsets are {@code char} indexes (UTF-16 code units); an insertion has {@code start == end}.
 */
public record TextEdit(int start, int end, String replacement) {
  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Invalid edit range [" + start + ", " + end + ")");
    }
  }
}
