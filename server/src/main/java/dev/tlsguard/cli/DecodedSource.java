package dev.tlsguard.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * The text of a Python file and how to write it back byte-compatibly.
 *
 * @param text the decoded text, without a byte order mark; fix offsets index into it
 * @param charset the encoding the file was read with
 * @param byteOrderMark whether the file started with a UTF-8 byte order mark
 * @param lineSeparator the first line break in the file, or {@code \n} if it has none
 */
public record DecodedSource(
    String text, Charset charset, boolean byteOrderMark, String lineSeparator) {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * Encodes {@code newText} the way this source was stored: same charset, and the byte order mark
   * again if the original had one.
   *
   * @throws CharacterCodingException if {@code newText} has a character the charset cannot encode
   */
  public byte[] encode(String newText) throws CharacterCodingException {
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer body = encoder.encode(CharBuffer.wrap(newText));
    int prefix = byteOrderMark ? UTF8_BOM.length : 0;
    byte[] bytes = new byte[prefix + body.remaining()];
    if (byteOrderMark) {
      System.arraycopy(UTF8_BOM, 0, bytes, 0, prefix);
    }
    body.get(bytes, prefix, body.remaining());
    return bytes;
  }

  /** Returns the first line break of {@code text}: {@code \r\n}, {@code \r} or {@code \n}. */
  static String firstLineSeparator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return "\n";
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
    }
    return "\n";
  }
}
