package dev.tlsguard.nativelib;

/** Signals that the tree-sitter native libraries could not be found, extracted or loaded. */
public final class NativeLibraryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NativeLibraryException(String message) {
    super(message);
  }

  public NativeLibraryException(String message, Throwable cause) {
    super(message, cause);
  }
}
