package dev.tlsguard.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.testing.RepoPaths;
import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whenever {@link NameEdits} calls an edit a change inside one name, tree-sitter's own comparison
 * of the two trees finds no changed range.
 */
class NameEditsPropertyTest {
  private static final List<String> FIXTURES = readFixtures();
  private static final AtomicInteger RECOGNISED = new AtomicInteger();

  @AfterContainer
  static void someEditsWereRecognised() {
    assertThat(RECOGNISED.get()).as("edits recognised as name edits").isPositive();
  }

  @Property(tries = 300)
  void recognisedNameEdit_hasNoChangedRanges(
      @ForAll("fixtures") String text,
      @ForAll("positions") int position,
      @ForAll("deletions") int deleted,
      @ForAll("insertions") String inserted) {
    int start = position % (text.length() + 1);
    int end = Math.min(text.length(), start + deleted);
    String changed = text.substring(0, start) + inserted + text.substring(end);
    SourceText before = SourceText.versioned(text);
    SourceText after = new SourceText(changed);
    TreePoints points = TreePoints.of(text);
    try (PythonParser parser = new PythonParser();
        Tree old = parser.parse(text)) {
      Point startPoint = points.pointAt(start);
      old.edit(
          new InputEdit(
              2 * start,
              2 * end,
              2 * (start + inserted.length()),
              startPoint,
              points.pointAt(end),
              TreePoints.advance(startPoint, inserted)));
      try (Tree fresh = parser.parse(changed, old)) {
        boolean recognised =
            NameEdits.isRenameOfOneName(before, after, start, text.length() - end, old, fresh);
        if (recognised) {
          RECOGNISED.incrementAndGet();
          assertThat(old.getChangedRanges(fresh)).as("changed ranges after %s", inserted).isEmpty();
        }
      }
    }
  }

  @Provide
  Arbitrary<String> fixtures() {
    return Arbitraries.of(FIXTURES);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 100_000);
  }

  @Provide
  Arbitrary<Integer> deletions() {
    return Arbitraries.integers().between(0, 2);
  }

  @Provide
  Arbitrary<String> insertions() {
    return Arbitraries.of("", "x", "_", "1", "e", "if", "print", "s", "rb", " ", "\"", "'");
  }

  private static List<String> readFixtures() {
    try (Stream<Path> files = Files.list(RepoPaths.testdata().resolve("rules"))) {
      return files
          .filter(file -> file.toString().endsWith(".py"))
          .sorted()
          .map(
              file -> {
                try {
                  return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
