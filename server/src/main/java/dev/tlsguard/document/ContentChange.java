package dev.tlsguard.document;

import java.util.Optional;

/**
 * One content change of a {@code textDocument/didChange} notification, in protocol positions.
 *
 * @param range the replaced range, or empty when {@code text} replaces the whole document
 * @param text the new text of the range
 */
public record ContentChange(Optional<LineRange> range, String text) {
  /** Creates a change that replaces the whole document. */
  public static ContentChange full(String text) {
    return new ContentChange(Optional.empty(), text);
  }

  /** Creates a change that replaces a range. */
  public static ContentChange replace(LineRange range, String text) {
    return new ContentChange(Optional.of(range), text);
  }

  /**
   * A range in protocol coordinates: 0-based lines and columns in the negotiated encoding, end
   * exclusive.
   */
  public record LineRange(int startLine, int startCharacter, int endLine, int endCharacter) {}
}
