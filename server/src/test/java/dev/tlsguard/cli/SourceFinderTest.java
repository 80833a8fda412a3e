package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFinderTest {
  @TempDir Path root;

  @BeforeEach
  void createTree() throws IOException {
    for (String file :
        List.of(
            "app.py",
            "stubs.pyi",
            "notes.txt",
            "pkg/mod.py",
            "pkg/sub/deep.py",
            ".hidden/secret.py",
            "pkg/__pycache__/mod.cpython-311.py",
            "node_modules/tool/x.py",
            "env/lib/python3.11/site-packages/requests/api.py",
            "lib/python3.11/site-packages/vendored/api.py",
            "gen/api_pb2.py")) {
      write(file);
    }
    write("env/pyvenv.cfg");
  }

  private void write(String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x = 1\n");
  }

  private List<String> find(List<String> excludes, Path... arguments) {
    List<ExcludePattern> patterns = excludes.stream().map(ExcludePattern::compile).toList();
    SourceFinder.Result result = new SourceFinder(patterns).find(List.of(arguments));
    assertThat(result.errors()).isEmpty();
    return result.files().stream()
        .map(file -> root.relativize(file.path().toAbsolutePath()).toString())
        .toList();
  }

  @Test
  void folder_findsPythonFilesAndSkipsToolFolders() {
    assertThat(find(List.of(), root))
        .containsExactly(
            "app.py",
            "gen/api_pb2.py",
            "lib/python3.11/site-packages/vendored/api.py",
            "pkg/mod.py",
            "pkg/sub/deep.py",
            "stubs.pyi");
  }

  @Test
  void displayPaths_joinArgumentAndRelativePath() {
    SourceFinder.Result result = new SourceFinder(List.of()).find(List.of(root.resolve("pkg")));

    assertThat(result.files())
        .extracting(SourceFile::displayPath)
        .containsExactly(root.resolve("pkg") + "/mod.py", root.resolve("pkg") + "/sub/deep.py");
  }

  @Test
  void excludeGlobs_skipFilesAndFolders() {
    assertThat(find(List.of("gen/", "*.pyi", "pkg/sub"), root))
        .containsExactly("app.py", "lib/python3.11/site-packages/vendored/api.py", "pkg/mod.py");
  }

  @Test
  void excludeGlob_relativeToEachArgument() {
    assertThat(find(List.of("/mod.py"), root.resolve("pkg"))).containsExactly("pkg/sub/deep.py");
  }

  @Test
  void namedFile_checkedEvenIfSkipRulesMatch() {
    Path hidden = root.resolve(".hidden/secret.py");
    Path text = root.resolve("notes.txt");

    assertThat(find(List.of("*.py"), hidden, text))
        .containsExactly(".hidden/secret.py", "notes.txt");
  }

  @Test
  void namedVirtualEnvironment_searched() {
    assertThat(find(List.of(), root.resolve("env")))
        .containsExactly("env/lib/python3.11/site-packages/requests/api.py");
  }

  @Test
  void sameFileTwice_listedOnce() {
    assertThat(find(List.of(), root.resolve("pkg"), root.resolve("pkg/mod.py")))
        .containsExactly("pkg/mod.py", "pkg/sub/deep.py");
  }

  @Test
  void symlinkLoop_notFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("pkg/sub/loop"), root.resolve("pkg"));
    Files.createSymbolicLink(root.resolve("pkg/loop.py"), root.resolve("pkg"));

    assertThat(find(List.of(), root.resolve("pkg")))
        .containsExactly("pkg/mod.py", "pkg/sub/deep.py");
  }

  @Test
  void symlinkToFile_checked() throws IOException {
    Files.createSymbolicLink(root.resolve("pkg/alias.py"), root.resolve("app.py"));

    assertThat(find(List.of(), root.resolve("pkg")))
        .containsExactly("pkg/alias.py", "pkg/mod.py", "pkg/sub/deep.py");
  }

  @Test
  void brokenSymlink_keptSoReadingReportsIt() throws IOException {
    Files.createSymbolicLink(root.resolve("pkg/broken.py"), root.resolve("missing.py"));

    assertThat(find(List.of(), root.resolve("pkg")))
        .containsExactly("pkg/broken.py", "pkg/mod.py", "pkg/sub/deep.py");
  }

  @Test
  void symlinkedArgumentFolder_searched() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("link"), root.resolve("pkg/sub"));

    SourceFinder.Result result = new SourceFinder(List.of()).find(List.of(link));

    assertThat(result.files())
        .extracting(SourceFile::displayPath)
        .containsExactly(link + "/deep.py");
  }
}
