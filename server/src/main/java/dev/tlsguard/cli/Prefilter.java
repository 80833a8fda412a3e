package dev.tlsguard.cli;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides without parsing that a file cannot contain a finding.
 *
 * <p>Every finding needs a binding of the standard {@code ssl} module or of pyOpenSSL's {@code
 * OpenSSL.SSL}, and both names contain {@code ssl} in some letter case. Python applies NFKC
 * normalisation to identifiers, so {@code ſsl} (with U+017F LATIN SMALL LETTER LONG S) also imports
 * {@code ssl}. A file with non-ASCII characters is therefore checked after NFKC normalisation.
 * Protocol names written as strings, reported only when string forms are on, all contain {@code
 * ssl} or {@code tls}, so that setting widens the test to either word.
 */
public final class Prefilter {
  private final boolean stringForms;

  /** Creates a prefilter for the given string-form setting. */
  public Prefilter(boolean stringForms) {
    this.stringForms = stringForms;
  }

  /** Returns whether {@code text} may contain a finding and so has to be parsed. */
  public boolean mayContainFinding(String text) {
    if (containsWord(text)) {
      return true;
    }
    if (isAscii(text)) {
      return false;
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return normalized.contains("ssl") || (stringForms && normalized.contains("tls"));
  }

  private boolean containsWord(String text) {
    int last = text.length() - 2;
    for (int i = 0; i < last; i++) {
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 's' && isLetter(text, i + 1, 's') && isLetter(text, i + 2, 'l')) {
        return true;
      }
      if (stringForms && c == 't' && isLetter(text, i + 1, 'l') && isLetter(text, i + 2, 's')) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the char at {@code index} is {@code lower} or its upper-case ASCII form. */
  private static boolean isLetter(String text, int index, char lower) {
    return (text.charAt(index) | 0x20) == lower;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
