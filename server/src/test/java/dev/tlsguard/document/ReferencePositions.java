package dev.tlsguard.document;

import java.nio.charset.StandardCharsets;

/**
 * An independent, slow oracle for protocol positions: splits lines at \r\n, \r and \n and measures
 * the line prefix by encoding it.
 */
final class ReferencePositions {
  private ReferencePositions() {}

  /** Returns {line, column} of char index {@code offset} in {@code encoding}. */
  static int[] position(String text, int offset, PositionEncoding encoding) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    String prefix = text.substring(lineStart, offset);
    int column =
        switch (encoding) {
          case UTF_8 -> prefix.getBytes(StandardCharsets.UTF_8).length;
          case UTF_16 -> prefix.length();
          case UTF_32 -> prefix.codePointCount(0, prefix.length());
        };
    return new int[] {line, column};
  }
}
