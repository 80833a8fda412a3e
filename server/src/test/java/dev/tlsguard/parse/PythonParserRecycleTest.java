package dev.tlsguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jtreesitter keeps every chunk handed to tree-sitter until the parser closes, so {@link
 * PythonParser} replaces its parser after a budget of bytes; these tests check the counters that
 * bound that memory and that trees stay usable across a replacement.
 */
class PythonParserRecycleTest {
  private static final String MODULE = "import ssl\nx = ssl.PROTOCOL_TLSv1\n".repeat(1_000);
  private static final long BUDGET_BYTES = 1024 * 1024;
  private static final int BUDGET_PARSES = 100;

  @Test
  void parsedText_isNotKeptByTheParser() throws InterruptedException {
    // jtreesitter keeps each parse's read callback until the parser closes. A callback that
    // captured the text kept every parsed version of a document alive on the Java heap: about 60
    // edits of a 2 MB document filled the language server's 128 MiB heap.
    try (PythonParser parser = new PythonParser(Long.MAX_VALUE, Integer.MAX_VALUE)) {
      WeakReference<String> parsed = parseCopyOfModule(parser);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (parsed.get() != null && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(10);
      }
      assertThat(parsed.get()).as("the parsed text, while the parser is still open").isNull();
    }
  }

  /** Parses a fresh copy of the module and returns a weak reference to that copy. */
  private static WeakReference<String> parseCopyOfModule(PythonParser parser) {
    String text = new String(MODULE.toCharArray());
    try (Tree tree = parser.parse(text)) {
      assertThat(tree.getRootNode().hasError()).isFalse();
    }
    return new WeakReference<>(text);
  }

  @Test
  void manyParses_keepRetainedBytesBounded() {
    long bytesPerParse = 2L * MODULE.length();
    int parses = (int) (3 * BUDGET_BYTES / bytesPerParse) + 1;
    try (PythonParser parser = new PythonParser(BUDGET_BYTES, Integer.MAX_VALUE)) {
      long maxRetained = 0;
      for (int i = 0; i < parses; i++) {
        try (Tree tree = parser.parse(MODULE)) {
          assertThat(tree.getRootNode().hasError()).isFalse();
        }
        maxRetained = Math.max(maxRetained, parser.retainedBytes());
      }
      assertThat(parser.recycles()).as("parser replacements").isGreaterThanOrEqualTo(2);
      assertThat(maxRetained).as("bytes kept by one parser")
          .isLessThan(BUDGET_BYTES + bytesPerParse);
    }
  }

  @Test
  void incrementalParses_recycleByCount() {
    try (PythonParser parser = new PythonParser(Long.MAX_VALUE, BUDGET_PARSES)) {
      Tree tree = parser.parse("x = 1\n");
      try {
        for (int i = 0; i < 2 * BUDGET_PARSES + 1; i++) {
          String text = (i % 2 == 0) ? "x = 12\n" : "x = 1\n";
          int oldEnd = i % 2 == 0 ? 5 : 6;
          int newEnd = i % 2 == 0 ? 6 : 5;
          tree.edit(new InputEdit(10, 2 * oldEnd, 2 * newEnd,
              new Point(0, 10), new Point(0, 2 * oldEnd), new Point(0, 2 * newEnd)));
          Tree next = parser.parse(text, tree);
          tree.close();
          tree = next;
          assertThat(tree.getRootNode().getEndByte()).isEqualTo(2 * text.length());
        }
      } finally {
        tree.close();
      }
      assertThat(parser.recycles()).as("parser replacements").isEqualTo(2);
    }
  }

  @Test
  void treeOfReplacedParser_staysUsable() {
    try (PythonParser parser = new PythonParser(BUDGET_BYTES, BUDGET_PARSES)) {
      Tree first = parser.parse("import ssl\n");
      try {
        long recycled = parser.recycles();
        while (parser.recycles() == recycled) {
          parser.parse(MODULE).close();
        }
        assertThat(first.getRootNode().getType()).isEqualTo("module");
        assertThat(first.getRootNode().getChild(0).orElseThrow().getType())
            .isEqualTo("import_statement");
      } finally {
        first.close();
      }
    }
  }
}
