package dev.tlsguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Applies the safe fixes to each {@code testdata/fixes/<name>.py} and compares the whole result
 * with {@code <name>.fixed.py}; then checks that the fixed file parses no worse and that every
 * finding that had a safe fix is gone.
 */
class FixesTest {

  @TestFactory
  Stream<DynamicTest> safeFixesMatchFixedFiles() throws IOException {
    Path folder = RepoPaths.testdata().resolve("fixes");
    List<Path> inputs;
    try (Stream<Path> files = Files.list(folder)) {
      inputs = files.filter(path -> path.toString().endsWith(".py") && !path.toString().endsWith(".fixed.py"))
          .sorted()
          .toList();
    }
    assertThat(inputs).as("fix fixtures in %s", folder).isNotEmpty();
    return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
  }

  private static void check(Path input) throws IOException {
    String before = Files.readString(input, StandardCharsets.UTF_8);
    Path expectedFile = input.resolveSibling(input.getFileName().toString().replace(".py", ".fixed.py"));
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    try (Analyzer analyzer = new Analyzer(RuleSettings.DEFAULTS)) {
      Analysis original = analyzer.analyze(before);
      FixApplication fixed = FixApplication.applySafe(before, original.findings());
      assertThat(fixed.text()).as("text after safe fixes of %s", input.getFileName()).isEqualTo(expected);

      Analysis after = analyzer.analyze(fixed.text());
      assertThat(after.syntaxErrors()).as("syntax errors after fixing").isLessThanOrEqualTo(original.syntaxErrors());
      long unsafeOnly = original.findings().stream().filter(finding -> finding.safeFix().isEmpty()).count();
      assertThat(after.findings()).as("findings left after safe fixes").hasSize((int) unsafeOnly);

      FixApplication again = FixApplication.applySafe(fixed.text(), after.findings());
      assertThat(again.text()).as("applying safe fixes twice").isEqualTo(fixed.text());
    }
  }
}
