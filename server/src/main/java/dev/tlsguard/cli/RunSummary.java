package dev.tlsguard.cli;

import java.util.List;

/**
 * Counts for the summary line of a run.
 *
 * @param fileCount files checked or attempted
 * @param parsedCount files parsed; the others were ruled out by the prefilter or failed
 * @param findingCount findings reported (after {@code --fix}, those left)
 * @param filesWithFindings files with at least one reported finding
 * @param fixedCount fixes applied, or with {@code --diff} that would be applied
 * @param fixedFiles files changed, or with {@code --diff} that would change
 * @param errorCount paths that could not be searched, read, decoded or written
 * @param mode what the run did with fixes
 */
record RunSummary(
    int fileCount,
    int parsedCount,
    int findingCount,
    int filesWithFindings,
    int fixedCount,
    int fixedFiles,
    int errorCount,
    FixMode mode) {

  /** Counts {@code results}, plus {@code searchErrors} paths that could not be searched. */
  static RunSummary of(List<FileResult> results, int searchErrors, FixMode mode) {
    int parsed = 0;
    int findings = 0;
    int withFindings = 0;
    int fixed = 0;
    int fixedFiles = 0;
    int errors = searchErrors;
    for (FileResult result : results) {
      parsed += result.parsed() ? 1 : 0;
      findings += result.findings().size();
      withFindings += result.findings().isEmpty() ? 0 : 1;
      fixed += result.fixedCount();
      fixedFiles += result.fixedCount() > 0 ? 1 : 0;
      errors += result.error().isPresent() ? 1 : 0;
    }
    return new RunSummary(
        results.size(), parsed, findings, withFindings, fixed, fixedFiles, errors, mode);
  }

  /** Returns the one-line summary printed on stderr. */
  String describe() {
    StringBuilder line = new StringBuilder();
    if (mode == FixMode.APPLY) {
      line.append("Fixed ")
          .append(count(fixedCount, "finding"))
          .append(" in ")
          .append(count(fixedFiles, "file"))
          .append("; ");
    } else if (mode == FixMode.DIFF) {
      line.append("Would fix ")
          .append(count(fixedCount, "finding"))
          .append(" in ")
          .append(count(fixedFiles, "file"))
          .append("; ");
    }
    line.append(count(findingCount, mode == FixMode.APPLY ? "finding left" : "finding"))
        .append(" in ")
        .append(count(filesWithFindings, "file"))
        .append("; checked ")
        .append(count(fileCount, "file"))
        .append(" (")
        .append(parsedCount)
        .append(" parsed)");
    if (errorCount > 0) {
      line.append("; ").append(count(errorCount, "error"));
    }
    return line.toString();
  }

  private static String count(int n, String noun) {
    if (n == 1) {
      return "1 " + noun;
    }
    int space = noun.indexOf(' ');
    return space < 0
        ? n + " " + noun + "s"
        : n + " " + noun.substring(0, space) + "s" + noun.substring(space);
  }
}
