package dev.tlsguard.cli;

import com.google.common.collect.ImmutableList;
import dev.tlsguard.fixes.FixApplier;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.TextEdit;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks one file: reads and decodes it, skips it when the prefilter rules out a finding, analyses
 * it, and applies or diffs fixes when asked.
 *
 * <p>Instances are immutable and shared by all worker threads; the {@link Analyzer} passed to
 * {@link #check} belongs to the calling thread.
 */
public final class FileChecker {
  /**
   * The maximum number of analyse-and-fix rounds per file. A fix deferred because it overlaps
   * another gets its next chance in the following round; real files settle in two or three.
   */
  static final int MAX_FIX_PASSES = 10;

  private static final Logger LOG = Logger.getLogger(FileChecker.class.getName());

  private final Optional<Prefilter> prefilter;
  private final FixMode fixMode;
  private final boolean unsafeFixes;

  /**
   * Creates a checker.
   *
   * @param prefilter the test that lets a file skip parsing, or empty to parse every file
   * @param fixMode whether to report, apply or diff fixes
   * @param unsafeFixes whether fixes not marked safe are applied too
   */
  public FileChecker(Optional<Prefilter> prefilter, FixMode fixMode, boolean unsafeFixes) {
    this.prefilter = prefilter;
    this.fixMode = fixMode;
    this.unsafeFixes = unsafeFixes;
  }

  /** Checks {@code file} with {@code analyzer}, turning every failure into a result. */
  public FileResult check(SourceFile file, Analyzer analyzer) {
    try (WorkerResources resources = WorkerResources.wrapping(analyzer)) {
      return check(file, resources);
    }
  }

  /**
   * Checks {@code file} with the calling thread's {@code resources}, turning every failure into a
   * result.
   *
   * @throws dev.tlsguard.nativelib.NativeLibraryException if the file needs parsing and the
   *     parser's native libraries cannot be loaded
   */
  FileResult check(SourceFile file, WorkerResources resources) {
    int length;
    DecodedSource source;
    try {
      length = resources.read(file);
      if (prefilter.isPresent()
          && SourceDecoder.decodesToSameAscii(resources.buffer(), length)
          && !prefilter.get().mayContainFinding(resources.buffer(), length)) {
        // Most files of a large tree end here, without a decoded copy of their text.
        return skipped(file);
      }
      source = SourceDecoder.decode(resources.buffer(), length);
    } catch (IOException e) {
      return FileResult.failed(file, IoMessages.describe(e));
    } catch (SourceDecoder.SourceDecodingException e) {
      return FileResult.failed(file, e.getMessage());
    }
    if (prefilter.isPresent() && !mayContainFinding(prefilter.get(), source, length, resources)) {
      return skipped(file);
    }
    byte[] bytes = Arrays.copyOf(resources.buffer(), length);
    // Outside the try below: a parser that cannot be loaded fails the whole run, not one file.
    Analyzer analyzer = resources.analyzer();
    try {
      return analyse(file, bytes, source, analyzer);
    } catch (dev.tlsguard.parse.ParseLimits.LimitExceededException e) {
      return FileResult.failed(file, "skipped: " + e.getMessage());
    } catch (StackOverflowError e) {
      return FileResult.failed(file, "nesting too deep to analyse");
    } catch (RuntimeException e) {
      // A bug in the rule or the parser must not end the whole run.
      LOG.log(Level.SEVERE, "Analysing " + file.displayPath() + " failed", e);
      return FileResult.failed(file, "internal error: " + e);
    }
  }

  /**
   * Runs the prefilter on the bytes when they were valid UTF-8, which takes fewer passes than on
   * the decoded text, and on the text otherwise.
   */
  private static boolean mayContainFinding(
      Prefilter prefilter, DecodedSource source, int length, WorkerResources resources) {
    if (source.charset().equals(StandardCharsets.UTF_8)) {
      return prefilter.mayContainFinding(resources.buffer(), length);
    }
    return prefilter.mayContainFinding(source.text());
  }

  private static FileResult skipped(SourceFile file) {
    return new FileResult(file, List.of(), Optional.empty(), false, List.of(), 0, Optional.empty());
  }

  private FileResult analyse(
      SourceFile file, byte[] bytes, DecodedSource source, Analyzer analyzer) {
    Analysis analysis = analyzer.analyze(source.text());
    if (fixMode == FixMode.REPORT) {
      return new FileResult(
          file,
          locate(file, source.text(), analysis),
          Optional.empty(),
          true,
          List.of(),
          0,
          Optional.empty());
    }
    FixRun run = fixRepeatedly(file, source, analysis, analyzer);
    Optional<String> error = Optional.empty();
    Optional<String> diff = Optional.empty();
    boolean changed = !run.text.equals(source.text());
    if (changed && fixMode == FixMode.APPLY) {
      error = write(file, bytes, source, run.text);
    }
    if (changed && fixMode == FixMode.DIFF) {
      diff = Optional.of(UnifiedDiff.of(file.displayPath(), source.text(), run.text));
    }
    if (error.isPresent()) {
      // Nothing was written, so the original findings stand and no fix note applies.
      List<LocatedFinding> original = locate(file, source.text(), analysis);
      return new FileResult(file, original, error, true, List.of(), 0, Optional.empty());
    }
    // --diff changes no file, so every finding is still there.
    Analysis reported = fixMode == FixMode.DIFF ? analysis : run.analysis;
    String reportedText = fixMode == FixMode.DIFF ? source.text() : run.text;
    List<LocatedFinding> remaining = locate(file, reportedText, reported);
    return new FileResult(file, remaining, error, true, run.notes, run.fixedCount, diff);
  }

  private static List<LocatedFinding> locate(SourceFile file, String text, Analysis analysis) {
    SourceText source = new SourceText(text);
    List<LocatedFinding> located = new ArrayList<>();
    for (Finding finding : analysis.findings()) {
      located.add(LocatedFinding.of(file.displayPath(), finding, source));
    }
    located.sort(
        Comparator.comparingInt((LocatedFinding f) -> f.finding().start())
            .thenComparingInt(f -> f.finding().end())
            .thenComparing(f -> f.finding().kind()));
    return ImmutableList.copyOf(located);
  }

  /** The text after the fix rounds, its analysis, and what happened on the way. */
  private record FixRun(String text, Analysis analysis, List<String> notes, int fixedCount) {}

  private FixRun fixRepeatedly(
      SourceFile file, DecodedSource source, Analysis first, Analyzer analyzer) {
    FixApplier applier = new FixApplier(source.lineSeparator());
    String text = source.text();
    Analysis analysis = first;
    List<String> notes = new ArrayList<>();
    Set<String> rejectedSignatures = new HashSet<>();
    int fixedCount = 0;
    for (int pass = 1; pass <= MAX_FIX_PASSES; pass++) {
      String current = text;
      List<Fix> candidates = new ArrayList<>(chooseFixes(analysis));
      candidates.removeIf(fix -> rejectedSignatures.contains(signature(current, fix)));
      if (candidates.isEmpty()) {
        return new FixRun(text, analysis, notes, fixedCount);
      }
      SourceText before = new SourceText(text);
      Round round = applyRound(applier, text, candidates, first.syntaxErrors(), analyzer);
      for (Fix fix : round.applied) {
        String verb = fixMode == FixMode.DIFF ? ": would fix: " : ": fixed: ";
        notes.add(position(before, fix) + verb + fix.title());
      }
      for (Fix fix : round.deferred) {
        notes.add(
            position(before, fix)
                + ": deferred: "
                + fix.title()
                + " (conflicts with an earlier fix; tried again after re-analysis)");
      }
      for (Fix fix : round.rejected) {
        rejectedSignatures.add(signature(text, fix));
        notes.add(
            position(before, fix)
                + ": not fixed: "
                + fix.title()
                + " (the result would not parse as well as the original)");
      }
      if (round.applied.isEmpty()) {
        return new FixRun(text, analysis, notes, fixedCount);
      }
      fixedCount += round.applied.size();
      text = round.text;
      analysis = round.analysis;
    }
    if (!chooseFixes(analysis).isEmpty()) {
      notes.add("1:1: stopped after " + MAX_FIX_PASSES + " fix rounds; some fixes remain");
      LOG.warning(
          () ->
              "Fixing "
                  + file.displayPath()
                  + " did not settle after "
                  + MAX_FIX_PASSES
                  + " rounds");
    }
    return new FixRun(text, analysis, notes, fixedCount);
  }

  /**
   * Returns a key that identifies {@code fix} across rounds, whose offsets shift as other fixes
   * apply: its title plus, per edit, the replaced text and the replacement.
   */
  private static String signature(String text, Fix fix) {
    StringBuilder key = new StringBuilder(fix.title());
    for (TextEdit edit : fix.edits()) {
      key.append('\0')
          .append(text, edit.start(), Math.min(edit.end(), text.length()))
          .append('\0')
          .append(edit.replacement());
    }
    return key.toString();
  }

  /** Returns, per finding, the fix to apply: its first safe fix, or with unsafe fixes its first. */
  private List<Fix> chooseFixes(Analysis analysis) {
    List<Fix> chosen = new ArrayList<>();
    for (Finding finding : analysis.findings()) {
      Optional<Fix> fix = unsafeFixes ? finding.fixes().stream().findFirst() : finding.safeFix();
      fix.filter(f -> !f.edits().isEmpty()).ifPresent(chosen::add);
    }
    return chosen;
  }

  /** The outcome of one round of fixes. */
  record Round(
      String text, Analysis analysis, List<Fix> applied, List<Fix> deferred, List<Fix> rejected) {}

  /**
   * Applies {@code candidates} together; if the result has more syntax errors than the original
   * file, falls back to the fixes that keep the parse as good when applied one by one.
   */
  static Round applyRound(
      FixApplier applier, String text, List<Fix> candidates, int allowedErrors, Analyzer analyzer) {
    FixApplier.FixResult together = applier.apply(text, candidates);
    Analysis analysis = analyzer.analyze(together.text());
    if (analysis.syntaxErrors() <= allowedErrors) {
      return new Round(
          together.text(), analysis, together.applied(), together.skipped(), List.of());
    }
    List<Fix> good = new ArrayList<>();
    List<Fix> rejected = new ArrayList<>();
    for (Fix fix : together.applied()) {
      String alone = applier.apply(text, List.of(fix)).text();
      (analyzer.analyze(alone).syntaxErrors() <= allowedErrors ? good : rejected).add(fix);
    }
    List<Fix> deferred = new ArrayList<>(together.skipped());
    while (!good.isEmpty()) {
      FixApplier.FixResult subset = applier.apply(text, good);
      Analysis subsetAnalysis = analyzer.analyze(subset.text());
      if (subsetAnalysis.syntaxErrors() <= allowedErrors) {
        return new Round(subset.text(), subsetAnalysis, subset.applied(), deferred, rejected);
      }
      // The fixes are fine alone but not together: keep the first, retry the rest next round.
      deferred.add(good.removeLast());
    }
    return new Round(text, analyzer.analyze(text), List.of(), deferred, rejected);
  }

  private static String position(SourceText source, Fix fix) {
    int start = fix.edits().stream().mapToInt(edit -> edit.start()).min().orElse(0);
    LocatedFinding.Range range = LocatedFinding.rangeOf(source, start, start);
    return range.line() + ":" + range.column();
  }

  /**
   * Writes {@code newText} over the file atomically, unless the file changed since it was read.
   *
   * @return the reason the file was not written, if it was not
   */
  private static Optional<String> write(
      SourceFile file, byte[] original, DecodedSource source, String newText) {
    try {
      byte[] encoded = source.encode(newText);
      Path target = file.path().toRealPath();
      if (!Arrays.equals(Files.readAllBytes(target), original)) {
        return Optional.of("changed on disk while it was being fixed; not written");
      }
      AtomicFiles.replace(target, encoded);
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of(
          "the fixed text cannot be encoded in " + source.charset().name() + "; not written");
    } catch (IOException e) {
      return Optional.of("writing the fixed file failed: " + IoMessages.describe(e));
    }
  }
}
