package dev.tlsguard.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonLanguage;
import io.github.treesitter.jtreesitter.Language;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

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
}
