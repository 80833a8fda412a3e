package dev.tlsguard.bench;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.io.IOException;
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
 * The edit path of an open document, driven through jtreesitter directly: a one-character edit,
 * the tree edit, an incremental re-parse, and the rule on the new tree.
 *
 * <p>The edit appends a letter to the first assignment target past the middle of the file, so the
 * file stays valid Python, as benchmarks/native/ts_baseline.c does for the C parser. Invocations
 * alternate between inserting and deleting the letter, so the text stays the same size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EditBenchmark {
  /** Name of the input; see {@link BenchmarkInputs#load}. */
  @Param({"test_ssl.py", "generated-50k"})
  public String input;

  private String original;
  private String edited;
  private int editIndex;
  private InputEdit insertion;
  private InputEdit deletion;
  private PythonParser parser;
  private InsecureSslProtocolsRule rule;
  private Tree tree;
  private boolean inserted;

  /** Loads the input, picks the edit position and parses the text once. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    original = BenchmarkInputs.load(input);
    editIndex = assignmentTargetEndNearMiddle(original);
    edited = original.substring(0, editIndex) + "x" + original.substring(editIndex);
    // Points are computed once here, as a document store reads them from its line table.
    Point start = point(original, editIndex);
    Point afterInsertedChar = new Point(start.row(), start.column() + 2);
    int startByte = editIndex * 2;
    insertion = new InputEdit(startByte, startByte, startByte + 2, start, start, afterInsertedChar);
    deletion = new InputEdit(startByte, startByte + 2, startByte, start, afterInsertedChar, start);
    parser = new PythonParser();
    rule = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);
    tree = parser.parse(original);
    inserted = false;
  }

  /** Releases the native parser and tree. */
  @TearDown(Level.Trial)
  public void tearDown() {
    tree.close();
    parser.close();
  }

  /** Applies the next edit, re-parses incrementally and does not run the rule. */
  @Benchmark
  public int editAndReparse() {
    String text = applyNextEdit();
    return tree.getRootNode().getEndByte() + text.length();
  }

  /** Applies the next edit, re-parses incrementally, rebuilds the line table and runs the rule. */
  @Benchmark
  public Analysis editReparseAndAnalyze() {
    String text = applyNextEdit();
    return rule.analyze(new SourceText(text), tree);
  }

  /**
   * Applies the next edit and re-parses incrementally through the read callback, which hands
   * tree-sitter only the chunks it asks for instead of copying the whole text.
   */
  @Benchmark
  public int editAndReparseByCallback() {
    String after = inserted ? original : edited;
    tree.edit(inserted ? deletion : insertion);
    Tree next = parser.parse(after, tree, () -> true);
    tree.close();
    tree = next;
    inserted = !inserted;
    return tree.getRootNode().getEndByte();
  }

  private String applyNextEdit() {
    String after = inserted ? original : edited;
    tree.edit(inserted ? deletion : insertion);
    Tree next = parser.parse(after, tree);
    tree.close();
    tree = next;
    inserted = !inserted;
    return after;
  }

  /** Returns the tree-sitter point of a char index in a text parsed as UTF-16. */
  static Point point(String text, int index) {
    int row = 0;
    int lineStart = 0;
    for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
      row++;
      lineStart = i + 1;
    }
    return new Point(row, (index - lineStart) * 2);
  }

  /** Returns the index just past the first name before {@code " = "} in the second half. */
  static int assignmentTargetEndNearMiddle(String text) {
    for (int i = text.indexOf(" = ", text.length() / 2); i > 0; i = text.indexOf(" = ", i + 1)) {
      char last = text.charAt(i - 1);
      if (Character.isLetter(last) || last == '_') {
        return i;
      }
    }
    throw new IllegalArgumentException("Input has no assignment to a name in its second half");
  }
}
