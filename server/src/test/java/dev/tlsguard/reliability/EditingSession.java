package dev.tlsguard.reliability;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.util.Random;

/**
 * A document and its tree kept in step the way an editor integration does it: each change edits
 * the old tree with {@link Tree#edit}, parses incrementally and closes the old tree.
 *
 * <p>Not thread-safe. The changes alternate between typing a line and deleting it again, so the
 * document keeps its size over any number of cycles.
 */
final class EditingSession implements AutoCloseable {
  private static final String TYPED_LINE = "    retries = ssl.PROTOCOL_TLSv1 if legacy else 3  # typed\n";

  private final PythonParser parser;
  private final Random random;
  private String text;
  private Tree tree;
  private int typedAt = -1;

  /** Starts a session on {@code text}, parsing it with {@code parser}, which the caller owns. */
  EditingSession(PythonParser parser, String text, long seed) {
    this.parser = parser;
    this.random = new Random(seed);
    this.text = text;
    this.tree = parser.parse(text);
  }

  /** Returns a 1,000-line module with a few insecure selections among ordinary code. */
  static String thousandLineModule() {
    StringBuilder module = new StringBuilder("import ssl\nimport socket\n\n");
    int block = 0;
    while (module.chars().filter(c -> c == '\n').count() < 1_000) {
      module.append("\n\ndef handler_").append(block).append("(host, port, legacy=False):\n")
          .append("    values = [i * 2 for i in range(port) if i % 3]\n")
          .append("    name = f\"{host}:{port}\" + str(len(values))\n");
      if (block % 25 == 0) {
        module.append("    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n");
      } else {
        module.append("    ctx = ssl.create_default_context()\n");
      }
      module.append("    return ctx, name\n");
      block++;
    }
    return module.toString();
  }

  /** Applies the next change: types a line at a random line start, or deletes the typed line. */
  void change() {
    if (typedAt < 0) {
      SourceText source = new SourceText(text);
      int line = 1 + random.nextInt(source.lineCount() - 1);
      typedAt = source.lineStart(line);
      replace(typedAt, typedAt, TYPED_LINE);
    } else {
      replace(typedAt, typedAt + TYPED_LINE.length(), "");
      typedAt = -1;
    }
  }

  private void replace(int start, int end, String replacement) {
    SourceText before = new SourceText(text);
    String after = text.substring(0, start) + replacement + text.substring(end);
    SourceText afterSource = new SourceText(after);
    InputEdit edit = new InputEdit(2 * start, 2 * end, 2 * (start + replacement.length()), point(before, start),
        point(before, end), point(afterSource, start + replacement.length()));
    tree.edit(edit);
    Tree next = parser.parse(after, tree);
    tree.close();
    tree = next;
    text = after;
  }

  private static Point point(SourceText source, int index) {
    // The document has only \n line ends, so LSP lines and tree-sitter rows agree.
    return new Point(source.lineOf(index), 2 * source.utf16Column(index));
  }

  /** Returns the current text. */
  String text() {
    return text;
  }

  /** Returns the current tree, owned by this session: clone it before handing it to another thread. */
  Tree tree() {
    return tree;
  }

  @Override
  public void close() {
    tree.close();
  }
}
