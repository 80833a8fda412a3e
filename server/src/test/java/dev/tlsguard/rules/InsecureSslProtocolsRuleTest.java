package dev.tlsguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.SourceText;
import dev.tlsguard.testing.Expectations;
import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the rule over every annotated fixture and compares the findings line by line with the
 * {@code # expect: <kind>} markers: a marked line must have findings of exactly the marked kinds,
 * and every other line none.
 */
class InsecureSslProtocolsRuleTest {

  @TestFactory
  Stream<DynamicTest> testdataFixtures() throws IOException {
    return fixtureTests(RepoPaths.testdata());
  }

  @TestFactory
  Stream<DynamicTest> sharedCases() throws IOException {
    Path cases = RepoPaths.sharedCases().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(cases != null, "the shared cases folder is not beside this clone");
    return fixtureTests(cases);
  }

  private static Stream<DynamicTest> fixtureTests(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(path -> path.toString().endsWith(".py"))
          .filter(path -> !path.getFileName().toString().endsWith(".fixed.py"))
          .filter(path -> !folder.relativize(path).startsWith("fixes"))
          .sorted()
          .toList();
    }
    assertThat(files).as("fixtures in %s", folder).isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      String name = folder.relativize(file).toString();
      tests.add(DynamicTest.dynamicTest(name, () -> checkFixture(file, false)));
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (Expectations.usesStringForms(text)) {
        tests.add(DynamicTest.dynamicTest(name + " [string forms]", () -> checkFixture(file, true)));
      }
    }
    return tests.stream();
  }

  private static void checkFixture(Path file, boolean stringForms) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    RuleSettings settings = RuleSettings.DEFAULTS.withReportStringForms(stringForms);
    Analysis analysis;
    try (Analyzer analyzer = new Analyzer(settings)) {
      analysis = analyzer.analyze(text);
    }
    SourceText source = new SourceText(text);
    Map<Integer, Set<String>> actual = new TreeMap<>();
    for (Finding finding : analysis.findings()) {
      actual.computeIfAbsent(source.lineOf(finding.start()) + 1, key -> new TreeSet<>()).add(finding.kind().id());
    }
    assertThat(actual)
        .as("findings by line in %s (expected from # expect markers)", file)
        .isEqualTo(Expectations.read(text, stringForms));
  }
}
