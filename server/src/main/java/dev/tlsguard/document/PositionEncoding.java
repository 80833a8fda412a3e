package dev.tlsguard.document;

import dev.tlsguard.parse.SourceText;
import java.util.List;
import java.util.Optional;

/**
 * The unit in which a Language Server Protocol position counts characters within a line.
 *
 * <p>Lines always follow the protocol's end-of-line rule ({@code \n}, {@code \r\n} or a lone {@code
 * \r}), which {@link SourceText} implements; only the column unit differs.
 */
public enum PositionEncoding {
  /** Columns count UTF-8 bytes. */
  UTF_8("utf-8"),
  /** Columns count UTF-16 code units, the protocol's default. */
  UTF_16("utf-16"),
  /** Columns count Unicode code points. */
  UTF_32("utf-32");

  private final String id;

  PositionEncoding(String id) {
    this.id = id;
  }

  /** Returns the encoding's protocol name, such as {@code utf-16}. */
  public String id() {
    return id;
  }

  /** Returns the encoding with the protocol name {@code id}, if it is one of the three. */
  public static Optional<PositionEncoding> fromId(String id) {
    for (PositionEncoding encoding : values()) {
      if (encoding.id.equals(id)) {
        return Optional.of(encoding);
      }
    }
    return Optional.empty();
  }

  /**
   * Picks the first encoding in the client's order of preference that the server supports, or
   * {@link #UTF_16} when the client lists none (a client that omits the list supports only UTF-16).
   */
  public static PositionEncoding negotiate(List<String> clientPreferences) {
    if (clientPreferences == null) {
      return UTF_16;
    }
    for (String id : clientPreferences) {
      Optional<PositionEncoding> encoding = fromId(id);
      if (encoding.isPresent()) {
        return encoding.get();
      }
    }
    return UTF_16;
  }

  /** Returns the column of char index {@code offset} on its line, in this encoding's unit. */
  public int column(SourceText source, int offset) {
    return switch (this) {
      case UTF_8 -> source.utf8Column(offset);
      case UTF_16 -> source.utf16Column(offset);
      case UTF_32 -> source.codePointColumn(offset);
    };
  }

  /**
   * Converts a protocol position to a char index in {@code source}, clamping what lies outside the
   * text: a line past the end maps to the end of the text, a column past the line's content maps to
   * the end of that content, and a column inside a UTF-16 surrogate pair or a multi-byte UTF-8
   * sequence maps to the start of that character.
   */
  public Resolved offset(SourceText source, int line, int character) {
    if (line < 0) {
      return new Resolved(0, true);
    }
    if (line >= source.lineCount()) {
      return new Resolved(source.length(), true);
    }
    if (character < 0) {
      return new Resolved(source.lineStart(line), true);
    }
    int start = source.lineStart(line);
    int end = source.lineContentEnd(line);
    String text = source.text();
    int index = start;
    int units = 0;
    while (index < end) {
      int codePoint = text.codePointAt(index);
      int width = unitsOf(codePoint);
      if (units + width > character) {
        return new Resolved(index, units != character);
      }
      units += width;
      index += Character.charCount(codePoint);
    }
    return new Resolved(index, units != character);
  }

  private int unitsOf(int codePoint) {
    return switch (this) {
      case UTF_8 -> codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      case UTF_16 -> Character.charCount(codePoint);
      case UTF_32 -> 1;
    };
  }

  /**
   * A char index resolved from a protocol position.
   *
   * @param offset the char index into the text
   * @param clamped true when the position lay outside the text or inside a character and was moved
   */
  public record Resolved(int offset, boolean clamped) {}
}
