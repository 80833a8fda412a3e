package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcludePatternTest {
  private static boolean file(String glob, String path) {
    return ExcludePattern.compile(glob).matches(path, false);
  }

  private static boolean folder(String glob, String path) {
    return ExcludePattern.compile(glob).matches(path, true);
  }

  @Test
  void nameWithoutSlash_matchesAtAnyDepth() {
    assertThat(file("*_pb2.py", "api_pb2.py")).isTrue();
    assertThat(file("*_pb2.py", "gen/deep/api_pb2.py")).isTrue();
    assertThat(folder("build", "a/b/build")).isTrue();
    assertThat(file("*.py", "a/b.pyi")).isFalse();
  }

  @Test
  void patternWithSlash_anchoredAtRoot() {
    assertThat(folder("tests/fixtures", "tests/fixtures")).isTrue();
    assertThat(folder("tests/fixtures", "pkg/tests/fixtures")).isFalse();
    assertThat(file("/setup.py", "setup.py")).isTrue();
    assertThat(file("/setup.py", "pkg/setup.py")).isFalse();
  }

  @Test
  void trailingSlash_matchesFoldersOnly() {
    assertThat(folder("gen/", "src/gen")).isTrue();
    assertThat(file("gen/", "src/gen")).isFalse();
  }

  @Test
  void star_doesNotCrossSlash() {
    assertThat(file("src/*.py", "src/a.py")).isTrue();
    assertThat(file("src/*.py", "src/sub/a.py")).isFalse();
  }

  @Test
  void doubleStar_matchesAnyNumberOfFolders() {
    assertThat(file("src/**/test_*.py", "src/test_a.py")).isTrue();
    assertThat(file("src/**/test_*.py", "src/x/y/test_a.py")).isTrue();
    assertThat(file("**/legacy.py", "legacy.py")).isTrue();
    assertThat(file("**/legacy.py", "a/legacy.py")).isTrue();
    assertThat(file("vendor/**", "vendor/x/y.py")).isTrue();
    assertThat(file("vendor/**", "other/x.py")).isFalse();
  }

  @Test
  void questionMarkAndClass_matchOneCharacter() {
    assertThat(file("test_?.py", "test_a.py")).isTrue();
    assertThat(file("test_?.py", "test_ab.py")).isFalse();
    assertThat(file("v[0-9].py", "v3.py")).isTrue();
    assertThat(file("v[!0-9].py", "v3.py")).isFalse();
    assertThat(file("v[!0-9].py", "vx.py")).isTrue();
  }

  @Test
  void regexCharacters_matchLiterally() {
    assertThat(file("a+b(1).py", "a+b(1).py")).isTrue();
    assertThat(file("a.py", "axpy")).isFalse();
  }

  @Test
  void invalidPatterns_rejectedWithReason() {
    assertThatThrownBy(() -> ExcludePattern.compile("!keep.py")).hasMessageContaining("negated");
    assertThatThrownBy(() -> ExcludePattern.compile("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> ExcludePattern.compile("a[bc")).hasMessageContaining("not closed");
  }
}
