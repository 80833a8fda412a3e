package dev.tlsguard.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds whole-word occurrences of a set of names in source text, in one pass.
 *
 * <p>The scan ignores Python syntax, so it also reports names inside strings and comments, and the
 * caller sorts those out with the tree. Whole-word means the characters on both sides are not
 * identifier characters, so {@code PROTOCOL_TLSv1} is not found inside {@code PROTOCOL_TLSv1_2}.
 *
 * <p>The scan computes each word's {@link String#hashCode} while it reads it and compares text
 * only on a hash match, so it allocates nothing for the words it skips.
 */
final class IdentifierScanner {
  /** One occurrence: the name and its char range. */
  record Occurrence(String name, int start, int end) {}

  private static final boolean[] ASCII_IDENTIFIER = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_IDENTIFIER[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII_IDENTIFIER[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII_IDENTIFIER[c] = true;
    }
    ASCII_IDENTIFIER['_'] = true;
  }

  private final Map<Integer, List<String>> namesByHash = new HashMap<>();
  private final int minLength;
  private final int maxLength;

  IdentifierScanner(Set<String> names) {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (String name : names) {
      min = Math.min(min, name.length());
      max = Math.max(max, name.length());
      namesByHash.computeIfAbsent(name.hashCode(), key -> new ArrayList<>(1)).add(name);
    }
    this.minLength = names.isEmpty() ? 1 : min;
    this.maxLength = max;
  }

  /** Returns every occurrence in {@code text[from, to)}, in text order. */
  List<Occurrence> scan(String text, int from, int to) {
    List<Occurrence> found = new ArrayList<>();
    if (namesByHash.isEmpty()) {
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
      int hash = 0;
      while (i < to) {
        c = text.charAt(i);
        if (!isIdentifierChar(c)) {
          break;
        }
        hash = 31 * hash + c;
        i++;
      }
      int length = i - start;
      if (length < minLength || length > maxLength || Character.isDigit(text.charAt(start))) {
        continue;
      }
      List<String> candidates = namesByHash.get(hash);
      if (candidates == null) {
        continue;
      }
      for (String name : candidates) {
        if (name.length() == length && text.regionMatches(start, name, 0, length)) {
          found.add(new Occurrence(name, start, i));
          break;
        }
      }
    }
    return found;
  }

  /** Returns whether {@code c} can be part of a Python identifier (surrogates count as letters). */
  static boolean isIdentifierChar(char c) {
    if (c < 128) {
      return ASCII_IDENTIFIER[c];
    }
    if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.CONNECTOR_PUNCTUATION;
  }
}
