package dev.tlsguard.cli;

/** What {@code tlsguard check} does with the fixes of its findings. */
public enum FixMode {
  /** Reports findings and writes nothing. */
  REPORT,
  /** Applies fixes to the files in place. */
  APPLY,
  /** Prints the fixes as a unified diff and writes nothing. */
  DIFF
}
