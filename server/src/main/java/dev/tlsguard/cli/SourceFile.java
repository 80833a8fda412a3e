package dev.tlsguard.cli;

import java.nio.file.Path;

/**
 * A Python file to check.
 *
 * @param path where to read it
 * @param displayPath how output names it: the path relative to the current folder when the argument
 *     was relative, with {@code /} separators
 */
public record SourceFile(Path path, String displayPath) {}
