package dev.tlsguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the repository's folders from tests, through the system property Maven sets. */
public final class RepoPaths {
  private RepoPaths() {}

  /** Returns the repository root. */
  public static Path root() {
    String configured = System.getProperty("tlsguard.repo.root");
    Path root = configured != null ? Path.of(configured) : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  /** Returns the {@code testdata} folder. */
  public static Path testdata() {
    return root().resolve("testdata");
  }

  /**
   * Returns the team's shared rule cases ({@code ../shared/spec/cases} beside the clone), when the
   * checkout has them.
   */
  public static Optional<Path> sharedCases() {
    Path cases = root().resolve("../shared/spec/cases").normalize();
    return Files.isDirectory(cases) ? Optional.of(cases) : Optional.empty();
  }
}
