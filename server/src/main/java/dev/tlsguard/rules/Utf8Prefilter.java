package dev.tlsguard.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * {@link InsecureSslProtocolsRule#mayHaveFindings(String, RuleSettings)} on UTF-8 bytes, so that a
 * batch run can rule a file out before decoding it.
 *
 * <p>The text test only looks for ASCII strings: the anchors, the string-form keywords and {@code
 * ssl} in any letter case. In UTF-8 every ASCII character is encoded as the same single byte. The
 * bytes of a multi-byte sequence are all 0x80 or more, so an ASCII string occurs in valid UTF-8
 * bytes exactly where it occurs in the decoded text. A UTF-8 byte order mark consists of such
 * bytes too, so it may precede the text.
 */
public final class Utf8Prefilter {
  private static final NeedleTable ANCHORS = new NeedleTable(InsecureSslProtocolsRule.ANCHORS);
  private static final NeedleTable STRING_FORM_KEYWORDS =
      new NeedleTable(InsecureSslProtocolsRule.STRING_FORM_KEYWORDS);

  private Utf8Prefilter() {}

  /**
   * Returns what {@link InsecureSslProtocolsRule#mayHaveFindings(String, RuleSettings)} returns for
   * the text that {@code utf8[0..length)} decodes to. The bytes must be valid UTF-8.
   */
  public static boolean mayHaveFindings(byte[] utf8, int length, RuleSettings settings) {
    if (settings.reportStringForms() && containsAny(utf8, length, STRING_FORM_KEYWORDS)) {
      return true;
    }
    // One pass for ssl rules out most files, so the anchors are searched only in the rest.
    return mentionsSsl(utf8, length) && containsAny(utf8, length, ANCHORS);
  }

  /** Returns whether {@code bytes[0..length)} contains {@code ssl} in any letter case. */
  static boolean mentionsSsl(byte[] bytes, int length) {
    // Looks at the last byte of each three-byte window (Horspool's skip): a byte that is neither
    // s nor l cannot be part of a match ending in the next two bytes, so most bytes are skipped.
    // Setting bit 0x20 maps 'S' to 's' and 'L' to 'l', and no other byte to either.
    int end = 2;
    while (end < length) {
      int last = bytes[end] | 0x20;
      if (last == 'l') {
        if ((bytes[end - 1] | 0x20) == 's' && (bytes[end - 2] | 0x20) == 's') {
          return true;
        }
        end += 3;
      } else if (last == 's') {
        // This s can be the second byte of a match.
        end += 1;
      } else {
        end += 3;
      }
    }
    return false;
  }

  /**
   * Returns whether {@code bytes[0..length)} contains one of {@code needles}, in one pass that
   * compares only at bytes where some needle starts.
   */
  static boolean containsAny(byte[] bytes, int length, NeedleTable needles) {
    for (int i = 0; i < length; i++) {
      int first = bytes[i];
      if (first < 0 || !needles.startsWith[first]) {
        continue;
      }
      for (byte[] needle : needles.byFirstByte[first]) {
        if (matchesAt(bytes, length, i, needle)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] bytes, int length, int start, byte[] needle) {
    if (start + needle.length > length) {
      return false;
    }
    for (int j = 1; j < needle.length; j++) {
      if (bytes[start + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  /** ASCII strings to search for, grouped by their first byte. */
  static final class NeedleTable {
    private final boolean[] startsWith = new boolean[128];
    private final byte[][][] byFirstByte = new byte[128][0][];

    NeedleTable(Collection<String> needles) {
      for (String needle : needles) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        int first = bytes[0];
        startsWith[first] = true;
        byte[][] group = Arrays.copyOf(byFirstByte[first], byFirstByte[first].length + 1);
        group[group.length - 1] = bytes;
        byFirstByte[first] = group;
      }
    }
  }
}
