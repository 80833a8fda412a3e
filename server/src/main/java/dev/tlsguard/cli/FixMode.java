package dev.tlsguard.cli;

/** The treatment of fixes in a {@code tlsguard check} run. */
public enum FixMode {
  /** Reports findings and writes nothing. */
  REPORT,
  /** Applies fixes to the files in place. */
  APPLY,
  /** Prints the fixes as a unified diff and writes nothing. */
  DIFF
}
