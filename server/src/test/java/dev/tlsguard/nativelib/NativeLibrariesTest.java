package dev.tlsguard.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonLanguage;
import io.github.treesitter.jtreesitter.Language;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

  @Test
  void libraries_extractedAndReadable() {
    NativeLibraries libraries = NativeLibraries.get();

    assertThat(libraries.platform()).isEqualTo(NativeLibraries.currentPlatform());
    assertThat(Files.isReadable(libraries.runtime())).isTrue();
    assertThat(Files.isReadable(libraries.grammar())).isTrue();
    assertThat(libraries.runtime().getParent()).isEqualTo(libraries.grammar().getParent());
  }

  @Test
  void grammar_abiWithinRuntimeRange() {
    Language python = PythonLanguage.get();

    assertThat(python.getAbiVersion()).isBetween(Language.MIN_COMPATIBLE_LANGUAGE_VERSION, Language.LANGUAGE_VERSION);
    assertThat(python.getName()).isEqualTo("python");
  }

  @Test
  void currentPlatform_namesOsAndArchitecture() {
    assertThat(NativeLibraries.currentPlatform()).matches("[a-z]+-[a-z0-9_]+");
  }

  @TempDir Path cache;

  private static String sha256(Path file) throws IOException {
    return Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString();
  }

  private static Path extractGrammar(Path folder) {
    String platform = NativeLibraries.currentPlatform();
    Properties index = NativeLibraries.readIndex(platform);
    return NativeLibraries.extract(
        platform, index.getProperty("grammar"), index.getProperty("grammar.sha256"), folder);
  }

  @Test
  void extract_writesLibraryAndStamp() throws IOException {
    Path library = extractGrammar(cache);
    String expected =
        NativeLibraries.readIndex(NativeLibraries.currentPlatform()).getProperty("grammar.sha256");

    assertThat(sha256(library)).isEqualTo(expected);
    Path stamp = library.resolveSibling(library.getFileName() + ".verified");
    assertThat(Files.readString(stamp)).startsWith(expected + " " + Files.size(library) + " ");
    FileTime written = Files.getLastModifiedTime(library);

    assertThat(extractGrammar(cache)).isEqualTo(library);
    assertThat(Files.getLastModifiedTime(library)).as("the stamped copy is reused").isEqualTo(written);
  }

  @Test
  void extract_replacesChangedLibrary() throws IOException {
    Path library = extractGrammar(cache);
    String expected = sha256(library);
    byte[] bytes = Files.readAllBytes(library);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(library, bytes);
    // Writing changes the modification time, so the stamp no longer matches and the copy is hashed.
    assertThat(sha256(library)).isNotEqualTo(expected);

    extractGrammar(cache);
    assertThat(sha256(library)).isEqualTo(expected);
  }

  @Test
  void extract_replacesTruncatedLibrary() throws IOException {
    Path library = extractGrammar(cache);
    String expected = sha256(library);
    FileTime written = Files.getLastModifiedTime(library);
    try (var channel = Files.newByteChannel(library, StandardOpenOption.WRITE)) {
      channel.truncate(1000);
    }
    Files.setLastModifiedTime(library, written);

    extractGrammar(cache);
    assertThat(sha256(library)).isEqualTo(expected);
  }
}
