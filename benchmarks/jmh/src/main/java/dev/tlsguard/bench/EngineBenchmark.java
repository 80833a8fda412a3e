package dev.tlsguard.bench;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
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
 * Whole-file work of the engine: parse from scratch, analyse a parsed tree, and both together,
 * which is what a full re-check of a document costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {
  /** Name of the input; see {@link BenchmarkInputs#load}. */
  @Param({"test_ssl.py", "generated-50k"})
  public String input;

  private String text;
  private SourceText source;
  private PythonParser parser;
  private InsecureSslProtocolsRule rule;
  private Tree tree;

  /** Loads the input and parses it once for {@link #analyzeParsedTree}. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    text = BenchmarkInputs.load(input);
    source = new SourceText(text);
    parser = new PythonParser();
    rule = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);
    tree = parser.parse(text);
  }

  /** Releases the native parser and tree. */
  @TearDown(Level.Trial)
  public void tearDown() {
    tree.close();
    parser.close();
  }

  /** Parses the whole text from scratch. */
  @Benchmark
  public int parse() {
    try (Tree parsed = parser.parse(text)) {
      return parsed.getRootNode().getEndByte();
    }
  }

  /** Runs the rule on a tree parsed in set-up, reusing the line table. */
  @Benchmark
  public Analysis analyzeParsedTree() {
    return rule.analyze(source, tree);
  }

  /** Builds the line table, parses from scratch and runs the rule: a full re-check. */
  @Benchmark
  public Analysis parseAndAnalyze() {
    SourceText fresh = new SourceText(text);
    try (Tree parsed = parser.parse(text)) {
      return rule.analyze(fresh, parsed);
    }
  }
}
