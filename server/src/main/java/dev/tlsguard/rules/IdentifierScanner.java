package dev.tlsguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds whole-word occurrences of a set of names in source text, in one pass.
 *
 * <p>The scan ignores Python syntax, so it also reports names inside strings and comments,
 * and the caller sorts those out with the tree. Whole-word means the characters on both sides are
 * not identifier characters, so {@code PROTOCOL_TLSv1} is not found inside {@code
 * PROTOCOL_TLSv1_2}.
 */
final class IdentifierScanner {
  /** One occurrence: the name and its char range. */
  record Occurrence(String name, int start, int end) {}

  private final Set<String> names;
  private final int minLength;
  private final int maxLength;
  private final boolean[] firstAscii = new boolean[128];
  private final boolean anyNonAsciiFirst;

  IdentifierScanner(Set<String> names) {
    this.names = names;
    int min = Integer.MAX_VALUE;
    int max = 0;
    boolean nonAscii = false;
    for (String name : names) {
      min = Math.min(min, name.length());
      max = Math.max(max, name.length());
      char first = name.charAt(0);
      if (first < 128) {
        firstAscii[first] = true;
      } else {
        nonAscii = true;
      }
    }
    this.minLength = names.isEmpty() ? 1 : min;
    this.maxLength = max;
    this.anyNonAsciiFirst = nonAscii;
  }

  /** Returns every occurrence in {@code text[from, to)}, in text order. */
  List<Occurrence> scan(String text, int from, int to) {
    List<Occurrence> found = new ArrayList<>();
    if (names.isEmpty()) {
      return found;
    }
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (!isIdentifierChar(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && isIdentifierChar(text.charAt(i))) {
        i++;
      }
      int length = i - start;
      if (length < minLength || length > maxLength) {
        continue;
      }
      char first = text.charAt(start);
      boolean plausible = first < 128 ? firstAscii[first] : anyNonAsciiFirst;
      if (plausible && !startsInsideNumber(text, start)) {
        String word = text.substring(start, i);
        if (names.contains(word)) {
          found.add(new Occurrence(word, start, i));
        }
      }
    }
    return found;
  }

  /** Returns whether {@code c} can be part of a Python identifier (surrogates count as letters). */
  static boolean isIdentifierChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK || Character.getType(c) == Character.CONNECTOR_PUNCTUATION;
  }

  /** Returns whether a run that starts with a digit is a number, which is never a name. */
  private static boolean startsInsideNumber(String text, int start) {
    return Character.isDigit(text.charAt(start));
  }
}
