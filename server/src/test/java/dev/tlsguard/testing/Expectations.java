package dev.tlsguard.testing;

import dev.tlsguard.parse.SourceText;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code # expect: <kind>} markers from an annotated fixture.
 *
 * <p>A marker ends its line; {@code # expect: a, b} expects both kinds. {@code
 * # expect[string-forms]: <kind>} expects the kind only when string forms are reported.
 */
public final class Expectations {
  private static final Pattern MARKER =
      Pattern.compile("#\\s*expect(\\[string-forms\\])?:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*$");

  private Expectations() {}

  /** Returns the expected kinds per 1-based line. */
  public static Map<Integer, Set<String>> read(String text, boolean stringForms) {
    SourceText source = new SourceText(text);
    Map<Integer, Set<String>> expected = new TreeMap<>();
    for (int line = 0; line < source.lineCount(); line++) {
      Matcher matcher = MARKER.matcher(source.lineText(line));
      if (!matcher.find()) {
        continue;
      }
      boolean onlyWithStringForms = matcher.group(1) != null;
      if (onlyWithStringForms && !stringForms) {
        continue;
      }
      Set<String> kinds = expected.computeIfAbsent(line + 1, key -> new TreeSet<>());
      for (String kind : matcher.group(2).split(",")) {
        kinds.add(kind.trim());
      }
    }
    return expected;
  }

  /** Returns whether the text has markers that apply only with string forms on. */
  public static boolean usesStringForms(String text) {
    return text.contains("# expect[string-forms]:");
  }
}
