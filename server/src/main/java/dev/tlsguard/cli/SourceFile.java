package dev.tlsguard.cli;

import java.nio.file.Path;

/**
 * A Python file to check.
 *
 * @param path where to read it
 * @param displayPath how output names it: the path relative to the current folder when the argument
 *     was relative, with {@code /} separators
 * @param knownRegular whether the folder walk saw a regular file (not a link) at {@code path}, so
 *     that reading need not check the file type again
 */
public record SourceFile(Path path, String displayPath, boolean knownRegular) {
  /** Creates a file whose type is checked when it is read: a named argument or a link. */
  public SourceFile(Path path, String displayPath) {
    this(path, displayPath, false);
  }
}
