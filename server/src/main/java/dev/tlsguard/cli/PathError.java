package dev.tlsguard.cli;

/**
 * A path that could not be searched, read, decoded or written.
 *
 * @param path the display path
 * @param reason a lower-case reason, printed as {@code path: error: reason}
 */
public record PathError(String path, String reason) {
  @Override
  public String toString() {
    return path + ": error: " + reason;
  }
}
