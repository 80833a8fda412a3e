package dev.tlsguard.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Replaces file contents so that readers see either the old or the new bytes, never a mix. */
final class AtomicFiles {
  private static final Logger LOG = Logger.getLogger(AtomicFiles.class.getName());

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to a temporary file next to {@code target}, copies the target's
   * permissions to it, and renames it over the target.
   *
   * @throws IOException if writing or renaming fails; the target is then unchanged
   */
  static void replace(Path target, byte[] bytes) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tlsguard-tmp");
    try {
      Files.write(temp, bytes);
      copyPermissions(target, temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        LOG.log(Level.FINE, "Atomic rename unsupported for " + target + "; replacing it", e);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (source == null) {
      return;
    }
    Set<PosixFilePermission> permissions = source.readAttributes().permissions();
    Files.setPosixFilePermissions(to, permissions);
    LOG.finest(
        () -> "Copied permissions " + PosixFilePermissions.toString(permissions) + " to " + to);
  }
}
