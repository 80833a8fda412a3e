package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.FixApplication;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.rules.TextEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Applies every fix, safe or not, one at a time and all together, to real code: the fixtures,
 * the shared cases and every standard-library module of the machine's {@code python3} that
 * mentions {@code ssl}. A fix must never add a syntax error, must remove its finding, must leave
 * every line outside its edits as it was, and applying the fixes again must change nothing.
 */
class FixSafetyTest {
  private static final Logger LOG = Logger.getLogger(FixSafetyTest.class.getName());

  private static Analyzer analyzer;

  @BeforeAll
  static void open() {
    analyzer = new Analyzer(RuleSettings.DEFAULTS);
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  @Test
  void everyFixOfProjectFiles_keepsCodeIntact() {
    List<Path> files = FuzzCorpus.projectFiles();
    assertThat(files).as("fixture files").isNotEmpty();

    Tally tally = checkAll(files);

    assertThat(tally.fixes).as("fixes applied to the fixtures").isPositive();
  }

  @Test
  void everyFixOfStdlib_keepsCodeIntact() {
    Optional<Path> stdlib = FuzzCorpus.stdlibFolder();
    org.junit.jupiter.api.Assumptions.assumeTrue(stdlib.isPresent(), "python3 is not installed");
    List<Path> files;
    try (Stream<Path> all = Files.walk(stdlib.get())) {
      files = all.filter(path -> path.toString().endsWith(".py"))
          .filter(path -> !path.toString().contains("site-packages"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    Tally tally = checkAll(files);

    assertThat(tally.files).as("standard-library files that mention ssl").isPositive();
  }

  private static Tally checkAll(List<Path> files) {
    Tally tally = new Tally();
    SoftAssertions softly = new SoftAssertions();
    for (Path file : files) {
      String text = FuzzCorpus.read(file);
      if (!InsecureSslProtocolsRule.mentionsSsl(text)) {
        continue;
      }
      tally.files++;
      long started = System.nanoTime();
      Analysis before = analyzer.analyze(text);
      tally.findings += before.findings().size();
      for (Finding finding : before.findings()) {
        for (Fix fix : finding.fixes()) {
          tally.fixes++;
          checkOneFix(softly, file, text, before, finding, fix);
        }
      }
      checkAllAtOnce(softly, file, text, before, FixApplication::applySafe, "safe");
      checkAllAtOnce(softly, file, text, before, FixApplication::applyAny, "first");
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (millis > 1000) {
        LOG.info(() -> "Checking the fixes of " + file + " took " + millis + " ms for " + before.findings().size()
            + " findings");
      }
    }
    LOG.info(() -> "Applied " + tally.fixes + " fixes for " + tally.findings + " findings in " + tally.files
        + " files that mention ssl");
    softly.assertAll();
    return tally;
  }

  private static void checkOneFix(
      SoftAssertions softly, Path file, String text, Analysis before, Finding finding, Fix fix) {
    String where = file.getFileName() + ": fix '" + fix.title() + "' of " + finding.constant() + " at char "
        + finding.start();
    FixApplication once = FixApplication.apply(text, List.of(finding), chosen -> fix);
    softly.assertThat(once.applied()).as("%s: applied", where).containsExactly(fix);
    Analysis after = analyzer.analyze(once.text());

    softly.assertThat(after.syntaxErrors()).as("%s: syntax errors", where).isLessThanOrEqualTo(before.syntaxErrors());
    int mappedStart = mapOffset(finding.start(), fix.edits());
    softly.assertThat(after.findings())
        .as("%s: finding of the same kind still at char %d", where, mappedStart)
        .noneMatch(left -> left.start() == mappedStart && left.kind() == finding.kind());
    softly.assertThat(after.findings().size()).as("%s: number of findings", where)
        .isLessThan(before.findings().size());
    softly.assertThat(changedLinesOutsideEdits(text, once.text(), fix.edits()))
        .as("%s: lines changed outside the edits", where)
        .isEmpty();

  }

  private static void checkAllAtOnce(
      SoftAssertions softly,
      Path file,
      String text,
      Analysis before,
      BiFunction<String, List<Finding>, FixApplication> applyAll,
      String which) {
    String where = file.getFileName() + ": " + which + " fix of every finding";
    FixApplication once = applyAll.apply(text, before.findings());
    Analysis after = analyzer.analyze(once.text());
    softly.assertThat(after.syntaxErrors()).as("%s: syntax errors", where).isLessThanOrEqualTo(before.syntaxErrors());

    List<TextEdit> edits = once.applied().stream().flatMap(fix -> fix.edits().stream()).distinct().toList();
    softly.assertThat(changedLinesOutsideEdits(text, once.text(), edits))
        .as("%s: lines changed outside the edits", where)
        .isEmpty();

    if (once.skipped().isEmpty()) {
      FixApplication twice = applyAll.apply(once.text(), after.findings());
      boolean secondRoundHasWork = after.findings().stream()
          .anyMatch(left -> which.equals("safe") ? left.safeFix().isPresent() : !left.fixes().isEmpty());
      softly.assertThat(secondRoundHasWork)
          .as("%s: findings left with a %s fix after one round: %s", where, which, after.findings())
          .isFalse();
      softly.assertThat(twice.text()).as("%s: applied twice", where).isEqualTo(once.text());
    }
  }

  /** Maps a char offset of the text before {@code edits} to the text after them. */
  static int mapOffset(int offset, List<TextEdit> edits) {
    int shift = 0;
    for (TextEdit edit : edits) {
      if (edit.start() < offset && edit.end() <= offset) {
        shift += edit.replacement().length() - (edit.end() - edit.start());
      }
    }
    return offset + shift;
  }

  /**
   * Returns the 0-based lines of {@code before} that no edit touches but that differ in {@code
   * after}, found by mapping each untouched line to its place in {@code after}.
   */
  static List<Integer> changedLinesOutsideEdits(String before, String after, List<TextEdit> edits) {
    SourceText source = new SourceText(before);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::start));
    List<Integer> changed = new ArrayList<>();
    for (int line = 0; line < source.lineCount(); line++) {
      int start = source.lineStart(line);
      int end = line + 1 < source.lineCount() ? source.lineStart(line + 1) : before.length();
      if (isTouched(start, end, sorted)) {
        continue;
      }
      int mapped = mapOffset(start, sorted);
      int length = end - start;
      if (mapped + length > after.length() || !after.regionMatches(mapped, before, start, length)) {
        changed.add(line);
      }
    }
    return changed;
  }

  private static boolean isTouched(int lineStart, int lineEnd, List<TextEdit> edits) {
    for (TextEdit edit : edits) {
      if (edit.start() <= lineEnd && edit.end() >= lineStart) {
        return true;
      }
    }
    return false;
  }

  /** Counts of what a run covered. */
  private static final class Tally {
    int files;
    int findings;
    int fixes;
  }
}
