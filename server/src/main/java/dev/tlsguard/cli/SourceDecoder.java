package dev.tlsguard.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes Python source bytes the way CPython 3 does.
 *
 * <p>The default is strict UTF-8. A UTF-8 byte order mark is stripped. A PEP 263 coding declaration
 * ({@code # -*- coding: latin-1 -*-}) on the first line, or on the second line when the first holds
 * only a comment or whitespace, selects another encoding.
 */
public final class SourceDecoder {
  /** PEP 263's regular expression for a coding declaration. */
  private static final Pattern CODING =
      Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t\\f]*(#.*)?$");

  /** Python codec names that Java's charset registry does not know under the same name. */
  private static final Map<String, String> PYTHON_ALIASES =
      Map.ofEntries(
          Map.entry("utf8", "UTF-8"),
          Map.entry("u8", "UTF-8"),
          Map.entry("utf", "UTF-8"),
          Map.entry("cp65001", "UTF-8"),
          Map.entry("latin-1", "ISO-8859-1"),
          Map.entry("latin1", "ISO-8859-1"),
          Map.entry("iso-latin-1", "ISO-8859-1"),
          Map.entry("l1", "ISO-8859-1"),
          Map.entry("8859", "ISO-8859-1"),
          Map.entry("cp819", "ISO-8859-1"),
          Map.entry("646", "US-ASCII"),
          Map.entry("mac-roman", "x-MacRoman"),
          Map.entry("macroman", "x-MacRoman"),
          Map.entry("euc-jp", "EUC-JP"),
          Map.entry("shift-jis", "Shift_JIS"),
          Map.entry("sjis", "Shift_JIS"));

  private SourceDecoder() {}

  /**
   * Decodes {@code bytes}.
   *
   * @throws SourceDecodingException if the declared encoding is unknown or the bytes are not valid
   *     in it
   */
  public static DecodedSource decode(byte[] bytes) throws SourceDecodingException {
    return decode(bytes, bytes.length);
  }

  /**
   * Decodes the first {@code length} bytes of {@code bytes}, so that a caller can reuse one read
   * buffer for many files.
   *
   * @throws SourceDecodingException if the declared encoding is unknown or the bytes are not valid
   *     in it
   */
  public static DecodedSource decode(byte[] bytes, int length) throws SourceDecodingException {
    boolean bom = hasUtf8Bom(bytes, length);
    int offset = bom ? 3 : 0;
    String declared = declaredEncoding(bytes, offset, length);
    Charset charset = StandardCharsets.UTF_8;
    if (declared != null) {
      charset = charsetFor(declared);
      if (bom && !charset.equals(StandardCharsets.UTF_8)) {
        // CPython rejects this combination too ("encoding problem: ... with BOM").
        throw new SourceDecodingException(
            "file starts with a UTF-8 byte order mark but declares the encoding '"
                + declared
                + "'");
      }
    }
    String text =
        charset.equals(StandardCharsets.UTF_8)
            ? decodeUtf8(bytes, offset, length)
            : decodeStrictly(bytes, offset, length, charset);
    return new DecodedSource(text, charset, bom, DecodedSource.firstLineSeparator(text));
  }

  /**
   * Returns whether {@link #decode} turns {@code bytes[0..length)} into the same characters without
   * error: true for pure ASCII without a coding declaration or with one that names UTF-8. A caller
   * can then test the text on the bytes without decoding them.
   */
  static boolean decodesToSameAscii(byte[] bytes, int length) {
    if (!isAscii(bytes, length)) {
      return false;
    }
    String declared = declaredEncoding(bytes, 0, length);
    if (declared == null) {
      return true;
    }
    try {
      return charsetFor(declared).equals(StandardCharsets.UTF_8);
    } catch (SourceDecodingException e) {
      return false;
    }
  }

  /** Returns whether every byte of {@code bytes[0..length)} is below 0x80. */
  static boolean isAscii(byte[] bytes, int length) {
    // No early exit: most files are ASCII and are read to the end anyway, and a loop without a
    // branch per byte runs faster.
    int union = 0;
    for (int i = 0; i < length; i++) {
      union |= bytes[i];
    }
    return union >= 0;
  }

  private static boolean hasUtf8Bom(byte[] bytes, int length) {
    return length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  /** Returns the encoding named on the first two lines, or null. */
  static String declaredEncoding(byte[] bytes, int offset) {
    return declaredEncoding(bytes, offset, bytes.length);
  }

  /** Returns the encoding named on the first two lines of {@code bytes[offset..length)}, or null. */
  static String declaredEncoding(byte[] bytes, int offset, int length) {
    // ISO-8859-1 maps every byte to a char, so decoding the lines this way cannot fail, and the
    // ASCII declaration reads the same as in any ASCII-compatible encoding.
    int firstEnd = lineEnd(bytes, offset, length);
    String first = new String(bytes, offset, firstEnd - offset, StandardCharsets.ISO_8859_1);
    Matcher matcher = CODING.matcher(first);
    if (matcher.find()) {
      return matcher.group(1);
    }
    if (!BLANK_OR_COMMENT.matcher(first).matches() || firstEnd >= length) {
      return null;
    }
    int secondStart = skipLineBreak(bytes, firstEnd, length);
    int secondEnd = lineEnd(bytes, secondStart, length);
    String second =
        new String(bytes, secondStart, secondEnd - secondStart, StandardCharsets.ISO_8859_1);
    matcher = CODING.matcher(second);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static int lineEnd(byte[] bytes, int start, int length) {
    int i = start;
    while (i < length && bytes[i] != '\n' && bytes[i] != '\r') {
      i++;
    }
    return i;
  }

  private static int skipLineBreak(byte[] bytes, int index, int length) {
    if (bytes[index] == '\r' && index + 1 < length && bytes[index + 1] == '\n') {
      return index + 2;
    }
    return index + 1;
  }

  /**
   * Maps a Python codec name to a Java charset, following Python's normalisation: case is ignored
   * and {@code _} equals {@code -}.
   */
  static Charset charsetFor(String pythonName) throws SourceDecodingException {
    String normalized = pythonName.toLowerCase(Locale.ROOT).replace('_', '-');
    // CPython's tokenizer treats "utf-8-*" and "latin-1-*" spellings as the base codec.
    if (normalized.startsWith("utf-8-") || normalized.equals("utf-8")) {
      return StandardCharsets.UTF_8;
    }
    for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
      if (normalized.equals(latin) || normalized.startsWith(latin + "-")) {
        return StandardCharsets.ISO_8859_1;
      }
    }
    String javaName = PYTHON_ALIASES.getOrDefault(normalized, normalized);
    try {
      return Charset.forName(javaName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new SourceDecodingException(
          "unknown encoding '" + pythonName + "' in the coding declaration", e);
    }
  }

  /**
   * Decodes UTF-8 through the {@link String} constructor, which converts ASCII and Latin-1 text
   * with vectorised JDK intrinsics and skips the {@code char[]} a {@link CharsetDecoder} fills.
   * That constructor replaces each malformed sequence with U+FFFD instead of failing, so a result
   * without U+FFFD is exactly what the strict decoder returns, and one with U+FFFD (an error, or a
   * literal U+FFFD in the file) is decoded again strictly.
   */
  private static String decodeUtf8(byte[] bytes, int offset, int length)
      throws SourceDecodingException {
    String text = new String(bytes, offset, length - offset, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT_CHARACTER) < 0) {
      return text;
    }
    return decodeStrictly(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /** Decodes with a {@link CharsetDecoder} that reports the first malformed or unmappable byte. */
  static String decodeStrictly(byte[] bytes, int offset, int length, Charset charset)
      throws SourceDecodingException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length - offset);
    int capacity = (int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1;
    CharBuffer out = CharBuffer.allocate(capacity);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isOverflow()) {
      throw new AssertionError("Decoder output buffer of " + capacity + " chars was too small");
    }
    if (result.isError()) {
      throw new SourceDecodingException(
          "invalid " + charset.name() + " byte sequence at byte offset " + in.position());
    }
    out.flip();
    return out.toString();
  }

  /** Signals bytes that cannot be decoded as Python source. */
  public static final class SourceDecodingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a lower-case reason, printed after {@code path: error:}. */
    public SourceDecodingException(String message) {
      super(message);
    }

    /** Creates an exception with a reason and its cause. */
    public SourceDecodingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
