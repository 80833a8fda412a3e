package dev.tlsguard.protocol;

import dev.tlsguard.document.PositionEncoding;
import dev.tlsguard.parse.SourceText;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Converts between char offsets and protocol positions in the negotiated encoding. */
final class Ranges {
  private Ranges() {}

  /** Returns the protocol position of char index {@code offset}. */
  static Position position(SourceText source, int offset, PositionEncoding encoding) {
    int clamped = Math.max(0, Math.min(offset, source.length()));
    return new Position(source.lineOf(clamped), encoding.column(source, clamped));
  }

  /** Returns the protocol range of chars {@code [start, end)}. */
  static Range range(SourceText source, int start, int end, PositionEncoding encoding) {
    return new Range(position(source, start, encoding), position(source, end, encoding));
  }

  /** Returns the char index of a protocol position, clamped to the text. */
  static int offset(SourceText source, Position position, PositionEncoding encoding) {
    return encoding.offset(source, position.getLine(), position.getCharacter()).offset();
  }
}
