package dev.tlsguard.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns I/O exceptions into the short reasons printed after {@code path: error:}. */
final class IoMessages {
  private IoMessages() {}

  /** Returns a lower-case reason for {@code e} without repeating the path. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (e instanceof FileSystemException fileSystemException
        && fileSystemException.getReason() != null) {
      return decapitalize(fileSystemException.getReason());
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : decapitalize(message);
  }

  private static String decapitalize(String text) {
    if (text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
