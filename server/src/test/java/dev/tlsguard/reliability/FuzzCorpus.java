package dev.tlsguard.reliability;

import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Real Python source for the fuzz and fix-safety tests: the {@code testdata} fixtures, the team's
 * shared rule cases when the checkout has them, and the Python standard library of the machine's
 * {@code python3} when there is one.
 */
final class FuzzCorpus {
  private static final Logger LOG = Logger.getLogger(FuzzCorpus.class.getName());

  /** Standard-library modules that use the {@code ssl} module, relative to the library folder. */
  private static final List<String> SSL_STDLIB_FILES =
      List.of("ssl.py", "http/client.py", "smtplib.py", "ftplib.py", "imaplib.py", "poplib.py",
          "asyncio/sslproto.py", "urllib/request.py");

  private FuzzCorpus() {}

  /** Returns the {@code .py} files under {@code testdata} and the shared cases, sorted. */
  static List<Path> projectFiles() {
    List<Path> files = new ArrayList<>(pythonFilesUnder(RepoPaths.testdata()));
    RepoPaths.sharedCases().ifPresent(cases -> files.addAll(pythonFilesUnder(cases)));
    return files;
  }

  /** Returns a few standard-library files that use {@code ssl}, or none without {@code python3}. */
  static List<Path> stdlibSslFiles() {
    Optional<Path> stdlib = stdlibFolder();
    if (stdlib.isEmpty()) {
      return List.of();
    }
    return SSL_STDLIB_FILES.stream().map(stdlib.get()::resolve).filter(Files::isRegularFile).toList();
  }

  /** Returns the texts of {@link #projectFiles()} and {@link #stdlibSslFiles()}. */
  static List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (Path file : projectFiles()) {
      texts.add(read(file));
    }
    for (Path file : stdlibSslFiles()) {
      texts.add(read(file));
    }
    return texts;
  }

  /** Returns the {@code .py} files under {@code folder} and its subfolders, sorted. */
  static List<Path> pythonFilesUnder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(path -> path.toString().endsWith(".py") && Files.isRegularFile(path)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Listing Python files under " + folder + " failed", e);
    }
  }

  /** Reads {@code file} as UTF-8, replacing malformed bytes as an editor would. */
  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + file + " failed", e);
    }
  }

  /** Returns the path of {@code python3} when it is on the PATH and runs. */
  static Optional<String> python3() {
    return pythonOutput("import sys; print(sys.executable)").map(String::strip);
  }

  /** Returns the standard-library folder that {@code python3} reports, if it runs. */
  static Optional<Path> stdlibFolder() {
    return pythonOutput("import sysconfig; print(sysconfig.get_paths()['stdlib'])")
        .map(String::strip)
        .map(Path::of)
        .filter(Files::isDirectory);
  }

  private static Optional<String> pythonOutput(String program) {
    try {
      Process process = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
    } catch (IOException e) {
      LOG.info(() -> "python3 is not available: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
