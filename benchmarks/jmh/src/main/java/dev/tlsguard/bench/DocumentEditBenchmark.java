package dev.tlsguard.bench;

import dev.tlsguard.document.ContentChange;
import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.document.PositionEncoding;
import dev.tlsguard.document.TextDocument;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import io.github.treesitter.jtreesitter.Tree;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The language server's edit path through its own document class: a one-character didChange
 * applied to a {@link TextDocument} (text, line tables, tree edit, incremental re-parse), then the
 * rule on a clone of the new tree, as the server's analysis thread runs it.
 *
 * <p>The edit appends a letter to the first name before {@code " = "} past the middle of the file,
 * so the file stays valid Python; invocations alternate between inserting and deleting it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DocumentEditBenchmark {
  /** Name of the input; see {@link BenchmarkInputs#load}. */
  @Param({"test_ssl.py", "generated-50k"})
  public String input;

  private TextDocument document;
  private InsecureSslProtocolsRule rule;
  private List<ContentChange> insertion;
  private List<ContentChange> deletion;
  private int version;

  /** Opens the input as a document and prepares the two changes. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    String text = BenchmarkInputs.load(input);
    int index = EditBenchmark.assignmentTargetEndNearMiddle(text);
    int line = (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
    int column = index - (text.lastIndexOf('\n', index - 1) + 1);
    insertion = List.of(ContentChange.replace(new LineRange(line, column, line, column), "x"));
    deletion = List.of(ContentChange.replace(new LineRange(line, column, line, column + 1), ""));
    document = TextDocument.open("file:///bench/" + input, 1, text);
    rule = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);
    version = 1;
  }

  /** Closes the document. */
  @TearDown(Level.Trial)
  public void tearDown() {
    document.close();
  }

  /** Applies the next change to the document, which re-parses it incrementally. */
  @Benchmark
  public int applyChange() {
    applyNextChange();
    return document.tree().getRootNode().getEndByte();
  }

  /**
   * Applies the next change and runs the rule on a clone of the new tree, as the server does: the
   * rule reuses the previous version's findings when the edit cannot change them.
   */
  @Benchmark
  public Analysis applyChangeAndAnalyze() {
    applyNextChange();
    try (Tree clone = document.cloneTree()) {
      return rule.analyze(document.source(), clone);
    }
  }

  /**
   * Applies the next change and analyses the whole new text, the server's edit path before
   * findings were reused: a plain {@link SourceText} carries no revision to reuse from.
   */
  @Benchmark
  public Analysis applyChangeAndAnalyzeInFull() {
    applyNextChange();
    try (Tree clone = document.cloneTree()) {
      return rule.analyze(new SourceText(document.text()), clone);
    }
  }

  private void applyNextChange() {
    version++;
    document.apply(version, version % 2 == 0 ? insertion : deletion, PositionEncoding.UTF_16);
  }
}
