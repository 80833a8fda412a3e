package dev.tlsguard.cli;

import java.io.IOException;
import java.util.List;

/**
 * Renders the results of a run in one output format.
 *
 * <p>Implementations write findings only; per-file errors and the summary go to stderr, except in
 * SARIF, which records errors as tool execution notifications too.
 */
interface CheckReport {
  /**
   * Writes the findings of {@code results} to {@code out}.
   *
   * @param results one result per file, sorted by path
   * @param searchErrors paths that could not be searched
   * @throws IOException if writing fails
   */
  void write(List<FileResult> results, List<PathError> searchErrors, Appendable out)
      throws IOException;
}
