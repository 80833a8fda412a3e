package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves that the prefilter never hides a finding: every fixture gives the same findings with and
 * without it. The fixtures are the repository's testdata/ and, when present, the shared rule cases
 * next to the repository.
 */
class PrefilterEquivalenceTest {
  private static List<SourceFile> fixtures() throws IOException {
    List<Path> folders = new ArrayList<>();
    folders.add(RepoPaths.testdata());
    RepoPaths.sharedCases().ifPresent(folders::add);
    List<SourceFile> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(path -> SourceFinder.isPythonFileName(path.getFileName().toString()))
            .sorted()
            .forEach(path -> files.add(new SourceFile(path, path.toString())));
      }
    }
    return files;
  }

  private static List<String> findings(FileResult result) {
    return result.findings().stream()
        .map(f -> f.range() + " " + f.finding().kind().id() + " " + f.finding().message())
        .toList();
  }

  private static void assertSameFindings(RuleSettings settings) throws IOException {
    List<SourceFile> files = fixtures();
    assertThat(files).as("fixtures under %s", RepoPaths.testdata()).isNotEmpty();
    FileChecker filtered =
        new FileChecker(
            Optional.of(new Prefilter(settings.reportStringForms())), FixMode.REPORT, false);
    FileChecker unfiltered = new FileChecker(Optional.empty(), FixMode.REPORT, false);
    int total = 0;
    try (Analyzer analyzer = new Analyzer(settings)) {
      for (SourceFile file : files) {
        List<String> expected = findings(unfiltered.check(file, analyzer));
        assertThat(findings(filtered.check(file, analyzer)))
            .as("findings in %s", file.path())
            .isEqualTo(expected);
        total += expected.size();
      }
    }
    assertThat(total).as("findings over all fixtures").isPositive();
  }

  @Test
  void defaultSettings_sameFindingsWithAndWithoutPrefilter() throws IOException {
    assertSameFindings(RuleSettings.DEFAULTS);
  }

  @Test
  void stringForms_sameFindingsWithAndWithoutPrefilter() throws IOException {
    assertSameFindings(RuleSettings.DEFAULTS.withReportStringForms(true));
  }
}
