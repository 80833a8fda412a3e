package dev.tlsguard.rules;

import java.util.Locale;

/** The seriousness of a finding, in the Language Server Protocol's four levels. */
public enum Severity {
  ERROR,
  WARNING,
  INFORMATION,
  HINT;

  /** Returns the lower-case name used in settings and output, such as {@code warning}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a severity name, ignoring case; {@code info} is accepted for {@code information}.
   *
   * @throws IllegalArgumentException if {@code name} is not a severity
   */
  public static Severity parse(String name) {
    String normalized = name.trim().toUpperCase(Locale.ROOT);
    if (normalized.equals("INFO")) {
      return INFORMATION;
    }
    try {
      return valueOf(normalized);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid severity '" + name + "'; expected error, warning, information or hint", e);
    }
  }
}
