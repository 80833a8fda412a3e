package dev.tlsguard.nativelib;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Locates the tree-sitter runtime and the Python grammar that the build packed into the jar.
 *
 * <p>The jar contains {@code native/<platform>/index.properties} and the two shared libraries it
 * names. On first use the libraries are copied to a per-user cache folder named after their
 * SHA-256, so every later start, and every other version of tlsguard with the same libraries,
 * loads them from there without copying. After a library's hash is checked, a stamp file next to
 * it records the hash with the file's size, modification time and file key (inode). A later start
 * hashes the library again only when any of these differ. So a changed or partly written file is
 * still caught, and an unchanged one is not read on every start. The folder is {@code $TLSGUARD_CACHE_DIR}, else {@code
 * $XDG_CACHE_HOME/tlsguard}, else {@code ~/.cache/tlsguard}, with {@code native/<hash>} below it.
 * Setting {@code TLSGUARD_NATIVE_DIR} (or the system property {@code tlsguard.native.dir}) to a
 * folder that holds both libraries skips the jar, for platforms the build did not cover.
 */
public final class NativeLibraries {
  private static final Logger LOG = Logger.getLogger(NativeLibraries.class.getName());
  private static final String RESOURCE_ROOT = "/native/";

  private static volatile NativeLibraries instance;

  private final Path runtime;
  private final Path grammar;
  private final String grammarSymbol;
  private final String platform;

  private NativeLibraries(Path runtime, Path grammar, String grammarSymbol, String platform) {
    this.runtime = runtime;
    this.grammar = grammar;
    this.grammarSymbol = grammarSymbol;
    this.platform = platform;
  }

  /**
   * Returns the libraries for this process, extracting them on the first call.
   *
   * @throws NativeLibraryException if this platform has no packed libraries or extraction fails
   */
  public static NativeLibraries get() {
    NativeLibraries result = instance;
    if (result == null) {
      synchronized (NativeLibraries.class) {
        result = instance;
        if (result == null) {
          result = locate();
          instance = result;
        }
      }
    }
    return result;
  }

  /** Path of the tree-sitter runtime library ({@code libtree-sitter}). */
  public Path runtime() {
    return runtime;
  }

  /** Path of the Python grammar library ({@code libtree-sitter-python}). */
  public Path grammar() {
    return grammar;
  }

  /** Exported C symbol of the grammar's language function. */
  public String grammarSymbol() {
    return grammarSymbol;
  }

  /** Platform folder name, such as {@code linux-x86_64}. */
  public String platform() {
    return platform;
  }

  /** Returns this machine's platform folder name in the jar's {@code native/} layout. */
  public static String currentPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osPart;
    if (os.contains("linux")) {
      osPart = "linux";
    } else if (os.contains("mac") || os.contains("darwin")) {
      osPart = "darwin";
    } else if (os.contains("windows")) {
      osPart = "windows";
    } else {
      osPart = os.replaceAll("[^a-z0-9]", "");
    }
    String archPart =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> arch.replaceAll("[^a-z0-9_]", "");
        };
    return osPart + "-" + archPart;
  }

  private static NativeLibraries locate() {
    String override = System.getProperty("tlsguard.native.dir", System.getenv("TLSGUARD_NATIVE_DIR"));
    String platform = currentPlatform();
    if (override != null && !override.isBlank()) {
      return fromFolder(Path.of(override), platform);
    }
    Properties index = readIndex(platform);
    Path folder = cacheRoot().resolve("native").resolve(folderName(index));
    Path runtime = extract(platform, index.getProperty("runtime"), index.getProperty("runtime.sha256"), folder);
    Path grammar = extract(platform, index.getProperty("grammar"), index.getProperty("grammar.sha256"), folder);
    return new NativeLibraries(runtime, grammar, index.getProperty("grammar.symbol", "tree_sitter_python"), platform);
  }

  private static NativeLibraries fromFolder(Path folder, String platform) {
    String extension = platform.startsWith("darwin") ? ".dylib" : platform.startsWith("windows") ? ".dll" : ".so";
    String prefix = platform.startsWith("windows") ? "" : "lib";
    Path runtime = folder.resolve(prefix + "tree-sitter" + extension);
    Path grammar = folder.resolve(prefix + "tree-sitter-python" + extension);
    for (Path library : new Path[] {runtime, grammar}) {
      if (!Files.isReadable(library)) {
        throw new NativeLibraryException(
            "Native library " + library + " not found; TLSGUARD_NATIVE_DIR must name a folder with "
                + runtime.getFileName() + " and " + grammar.getFileName());
      }
    }
    LOG.fine(() -> "Using native libraries from TLSGUARD_NATIVE_DIR " + folder);
    return new NativeLibraries(runtime, grammar, "tree_sitter_python", platform);
  }

  static Properties readIndex(String platform) {
    String resource = RESOURCE_ROOT + platform + "/index.properties";
    try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new NativeLibraryException(
            "No tree-sitter native libraries for platform " + platform + " in this build of tlsguard;"
                + " build tlsguard on this platform (scripts/build.sh) or set TLSGUARD_NATIVE_DIR to a"
                + " folder with libtree-sitter and libtree-sitter-python");
      }
      Properties index = new Properties();
      index.load(in);
      for (String key : new String[] {"runtime", "runtime.sha256", "grammar", "grammar.sha256"}) {
        if (index.getProperty(key) == null) {
          throw new NativeLibraryException("Native library index " + resource + " has no '" + key + "' entry");
        }
      }
      return index;
    } catch (IOException e) {
      throw new NativeLibraryException("Failed to read native library index " + resource, e);
    }
  }

  /** Names the cache folder after both library hashes, so a changed library never reuses it. */
  private static String folderName(Properties index) {
    String combined = index.getProperty("runtime.sha256") + index.getProperty("grammar.sha256");
    return Hashing.sha256().hashUnencodedChars(combined).toString().substring(0, 24);
  }

  private static Path cacheRoot() {
    String explicit = System.getenv("TLSGUARD_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "tlsguard");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "tlsguard");
  }

  /**
   * Copies one library out of the jar unless the cache already contains it with the right hash. A
   * partial copy left by a killed process never has the right hash, so it is replaced.
   */
  static Path extract(String platform, String name, String sha256, Path folder) {
    Path target = folder.resolve(name);
    Path stamp = folder.resolve(name + ".verified");
    try {
      if (Files.isRegularFile(target) && isStamped(target, stamp, sha256)) {
        LOG.fine(() -> "Loading cached native library " + target + " (stamp unchanged)");
        return target;
      }
      if (Files.isRegularFile(target) && sha256Of(target).equals(sha256)) {
        writeStamp(target, stamp, sha256);
        LOG.fine(() -> "Loading cached native library " + target);
        return target;
      }
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, name, ".part");
      String resource = RESOURCE_ROOT + platform + "/" + name;
      try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new NativeLibraryException("Native library " + resource + " is missing from the jar");
        }
        HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), in);
        Files.copy(hashing, temporary, StandardCopyOption.REPLACE_EXISTING);
        String actual = hashing.hash().toString();
        if (!actual.equals(sha256)) {
          Files.deleteIfExists(temporary);
          throw new NativeLibraryException(
              "Native library " + resource + " has SHA-256 " + actual + " but the index lists " + sha256
                  + "; the jar is damaged, rebuild it");
        }
      }
      moveIntoPlace(temporary, target);
      writeStamp(target, stamp, sha256);
      LOG.fine(() -> "Extracted native library " + resource + " to " + target);
      return target;
    } catch (IOException e) {
      throw new NativeLibraryException(
          "Failed to extract native library " + name + " to " + folder
              + "; set TLSGUARD_CACHE_DIR to a writable folder", e);
    }
  }

  /** Returns the stamp line of {@code file}: hash, size, modification time and file key. */
  private static String stampOf(Path file, String sha256) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return sha256
        + " "
        + attributes.size()
        + " "
        + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
        + " "
        + attributes.fileKey();
  }

  private static boolean isStamped(Path file, Path stamp, String sha256) throws IOException {
    if (!Files.isRegularFile(stamp)) {
      return false;
    }
    return Files.readString(stamp, StandardCharsets.US_ASCII).strip().equals(stampOf(file, sha256));
  }

  /** Records that {@code file} has hash {@code sha256}; a failure only costs a hash next time. */
  private static void writeStamp(Path file, Path stamp, String sha256) {
    try {
      Path temporary = Files.createTempFile(stamp.getParent(), stamp.getFileName().toString(), ".part");
      Files.writeString(temporary, stampOf(file, sha256) + "\n", StandardCharsets.US_ASCII);
      moveIntoPlace(temporary, stamp);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Failed to write " + stamp + "; the library is hashed again next start", e);
    }
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String sha256Of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), in);
      hashing.transferTo(java.io.OutputStream.nullOutputStream());
      return hashing.hash().toString();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
