package dev.tlsguard.parse;

/** Signals that tree-sitter stopped a parse early, because of a time limit or a cancellation. */
public final class ParseCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ParseCancelledException(String message) {
    super(message);
  }
}
