package dev.tlsguard.cli;

import java.io.IOException;
import java.util.List;

/** One {@code path:line:column: kind message} line per finding, as compilers print them. */
final class TextReport implements CheckReport {
  @Override
  public void write(List<FileResult> results, List<PathError> searchErrors, Appendable out)
      throws IOException {
    for (FileResult result : results) {
      for (LocatedFinding finding : result.findings()) {
        out.append(finding.path())
            .append(':')
            .append(String.valueOf(finding.range().line()))
            .append(':')
            .append(String.valueOf(finding.range().column()))
            .append(": ")
            .append(finding.finding().kind().id())
            .append(' ')
            .append(finding.finding().message())
            .append('\n');
      }
    }
  }
}
