package dev.tlsguard.document;

/** Signals that a request reached a document after it was closed. */
public final class DocumentClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code uri}. */
  public DocumentClosedException(String uri) {
    super("Document " + uri + " is closed");
  }
}
