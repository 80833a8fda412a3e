package dev.tlsguard.parse;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A tree-sitter parser for Python source held in a Java string.
 *
 * <p>Source is handed to tree-sitter as UTF-16LE, so every byte offset in the resulting tree is
 * twice the {@code char} index into the string ({@link SourceText#charIndex(int)}) and every
 * column in a tree point is twice a UTF-16 column.
 *
 * <p>Not thread-safe: use one parser per thread and close it when done. Trees it returns are owned
 * by the caller and must be closed too.
 */
public final class PythonParser implements AutoCloseable {
  private static final int CHUNK_CHARS = 4096;

  private final Parser parser;

  /** Creates a parser for the Python grammar. */
  public PythonParser() {
    this.parser = new Parser(PythonLanguage.get());
  }

  /**
   * Parses {@code text} from scratch.
   *
   * @throws ParseCancelledException if tree-sitter stopped before finishing
   */
  public Tree parse(String text) {
    return finish(parser.parse(text, InputEncoding.UTF_16LE), text.length());
  }

  /**
   * Parses {@code text} reusing {@code oldTree}, which must already have been edited with {@link
   * Tree#edit} to describe how its source became {@code text}.
   */
  public Tree parse(String text, Tree oldTree) {
    return finish(parser.parse(text, InputEncoding.UTF_16LE, oldTree), text.length());
  }

  /**
   * Parses {@code text}, giving up when {@code keepGoing} returns false. tree-sitter calls back
   * during the parse, so a time limit or a cancellation flag can stop work on a huge file.
   *
   * @throws ParseCancelledException if the parse was stopped
   */
  public Tree parse(String text, Tree oldTree, BooleanSupplier keepGoing) {
    Parser.Options options = new Parser.Options(state -> !keepGoing.getAsBoolean());
    Optional<Tree> tree =
        parser.parse(
            (offset, point) -> {
              // tree-sitter requests text by byte offset, which is twice the char index in UTF-16.
              int index = offset / 2;
              if (index >= text.length()) {
                return "";
              }
              return text.substring(index, Math.min(text.length(), index + CHUNK_CHARS));
            },
            InputEncoding.UTF_16LE,
            oldTree,
            options);
    return finish(tree, text.length());
  }

  private Tree finish(Optional<Tree> tree, int length) {
    if (tree.isEmpty()) {
      parser.reset();
      throw new ParseCancelledException("Parsing stopped before the end of a " + length + "-character file");
    }
    return tree.get();
  }

  @Override
  public void close() {
    parser.close();
  }
}
