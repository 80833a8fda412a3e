package dev.tlsguard.cli;

import java.util.regex.Pattern;

/**
 * One {@code --exclude} glob, matched like a line of a {@code .gitignore} file against a path
 * relative to the folder being checked, with {@code /} as the separator.
 *
 * <ul>
 *   <li>A pattern without a {@code /}, or with one only at its end, matches a file or folder name
 *       at any depth: {@code build}, {@code *_pb2.py}.
 *   <li>A pattern with a {@code /} elsewhere is anchored at the checked folder: {@code
 *       tests/fixtures}, {@code /setup.py}.
 *   <li>A trailing {@code /} matches folders only.
 *   <li>{@code *} matches any characters except {@code /}, {@code ?} one such character, {@code
 *       [a-z]} and {@code [!a-z]} a character class, and {@code **} any number of whole path
 *       segments.
 * </ul>
 *
 * <p>A matching folder excludes everything below it. Negated patterns ({@code !pattern}) are
 * rejected, because an exclusion list has nothing to re-include from.
 */
public final class ExcludePattern {
  private final String glob;
  private final Pattern regex;
  private final boolean directoryOnly;

  private ExcludePattern(String glob, Pattern regex, boolean directoryOnly) {
    this.glob = glob;
    this.regex = regex;
    this.directoryOnly = directoryOnly;
  }

  /**
   * Compiles {@code glob}.
   *
   * @throws IllegalArgumentException if the glob is empty, negated or has an unclosed {@code [}
   */
  public static ExcludePattern compile(String glob) {
    String pattern = glob.trim();
    if (pattern.isEmpty() || pattern.equals("/")) {
      throw new IllegalArgumentException("Invalid --exclude pattern '" + glob + "': it is empty");
    }
    if (pattern.startsWith("!")) {
      throw new IllegalArgumentException(
          "Invalid --exclude pattern '" + glob + "': negated patterns are not supported");
    }
    boolean directoryOnly = pattern.endsWith("/");
    if (directoryOnly) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    boolean anchored = pattern.contains("/");
    if (pattern.startsWith("/")) {
      pattern = pattern.substring(1);
    }
    String body = translate(pattern, glob);
    String regex = anchored ? body : "(?:.*/)?" + body;
    return new ExcludePattern(glob, Pattern.compile(regex), directoryOnly);
  }

  /**
   * Returns whether the path {@code relativePath} (segments joined by {@code /}) matches.
   *
   * @param isDirectory whether the path names a folder
   */
  public boolean matches(String relativePath, boolean isDirectory) {
    if (directoryOnly && !isDirectory) {
      return false;
    }
    return regex.matcher(relativePath).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  private static String translate(String pattern, String original) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*' && pattern.startsWith("**", i) && atSegmentStart(pattern, i)) {
        i = translateDoubleStar(pattern, i, regex);
        continue;
      }
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> i = translateClass(pattern, i, regex, original);
        case '\\' -> {
          if (i + 1 < pattern.length()) {
            i++;
          }
          regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return regex.toString();
  }

  private static boolean atSegmentStart(String pattern, int i) {
    boolean startsSegment = i == 0 || pattern.charAt(i - 1) == '/';
    boolean endsSegment = i + 2 == pattern.length() || pattern.charAt(i + 2) == '/';
    return startsSegment && endsSegment;
  }

  /** Translates {@code **} at index {@code i} and returns the index after it and its slash. */
  private static int translateDoubleStar(String pattern, int i, StringBuilder regex) {
    boolean last = i + 2 == pattern.length();
    if (last) {
      // "dir/**" matches everything inside dir.
      regex.append(".*");
      return i + 2;
    }
    // "**/" matches zero or more whole segments.
    regex.append("(?:[^/]*/)*");
    return i + 3;
  }

  private static int translateClass(
      String pattern, int open, StringBuilder regex, String original) {
    int i = open + 1;
    StringBuilder members = new StringBuilder("[");
    if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
      members.append('^');
      i++;
    }
    int first = i;
    while (i < pattern.length() && (pattern.charAt(i) != ']' || i == first)) {
      char c = pattern.charAt(i);
      if (c == '/') {
        throw new IllegalArgumentException(
            "Invalid --exclude pattern '" + original + "': a character class cannot contain '/'");
      }
      if (c == '\\' || c == '[' || c == '&' || c == '^') {
        members.append('\\');
      }
      members.append(c);
      i++;
    }
    if (i >= pattern.length()) {
      throw new IllegalArgumentException(
          "Invalid --exclude pattern '" + original + "': '[' at index " + open + " is not closed");
    }
    regex.append(members).append(']');
    return i;
  }
}
