package dev.tlsguard.cli;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one file.
 *
 * @param file the file
 * @param findings the findings left in the file, sorted by position; after {@code --fix}, those the
 *     fixes did not remove
 * @param error why the file could not be checked or written, if it could not
 * @param parsed whether the file was parsed; false when the prefilter ruled it out
 * @param fixNotes one line per fix applied, deferred or rejected, without the path prefix
 * @param fixedCount how many fixes were applied (or would be, with {@code --diff})
 * @param diff the unified diff of the fixes, with {@code --diff} and when there is a change
 */
public record FileResult(
    SourceFile file,
    List<LocatedFinding> findings,
    Optional<String> error,
    boolean parsed,
    List<String> fixNotes,
    int fixedCount,
    Optional<String> diff) {

  public FileResult {
    findings = List.copyOf(findings);
    fixNotes = List.copyOf(fixNotes);
  }

  /** Returns the result for a file that could not be checked. */
  public static FileResult failed(SourceFile file, String reason) {
    return new FileResult(
        file, List.of(), Optional.of(reason), false, List.of(), 0, Optional.empty());
  }
}
