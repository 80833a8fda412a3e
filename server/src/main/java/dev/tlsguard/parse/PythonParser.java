package dev.tlsguard.parse;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * A tree-sitter parser for Python source held in a Java string.
 *
 * <p>Source is handed to tree-sitter as UTF-16LE, so every byte offset in the resulting tree is
 * twice the {@code char} index into the string ({@link SourceText#charIndex(int)}) and every
 * column in a tree point is twice a UTF-16 column.
 *
 * <p>Every parse reads the text through jtreesitter's read callback, which copies only the chunks
 * tree-sitter requests, and an incremental re-parse requests few. jtreesitter 0.25.1 to 0.25.6
 * allocate each chunk, and the callback stubs of each parse, in the arena of the {@link Parser},
 * which is freed only when that parser closes. This class therefore counts the bytes it hands out
 * and replaces its parser with a fresh one after {@link #RECYCLE_BYTES} bytes or {@link
 * #RECYCLE_PARSES} parses, so the native memory a parser keeps stays bounded. Trees outlive the
 * parser that made them.
 *
 * <p>Not thread-safe: use one parser per thread and close it when done. Trees it returns are owned
 * by the caller and must be closed too.
 */
public final class PythonParser implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PythonParser.class.getName());

  /**
   * Chars per chunk handed to tree-sitter. An incremental re-parse after a one-character edit
   * reads 2 to 4 chunks, and each chunk is encoded and copied whole. On test_ssl.py (228 KB) a
   * re-parse took 1.65 to 1.85 ms with 4,096-char chunks, 2.15 ms with 16,384 and 4.26 ms with
   * 32,768 (measured on a 2-core machine at load 4 to 6).
   */
  static final int CHUNK_CHARS = 4096;

  /**
   * Bytes of text handed out through one parser before it is replaced: 2 MiB. jtreesitter keeps
   * every chunk in native memory, and a small object per chunk on the Java heap, until the parser
   * closes. A new parser costs far less than one parse of a large file, so a small budget is cheap.
   */
  public static final long RECYCLE_BYTES = 2L * 1024 * 1024;

  /** Parses run on one parser before it is replaced, bounding the callback stubs it keeps. */
  public static final int RECYCLE_PARSES = 2_000;

  private final long recycleBytes;
  private final int recycleParses;
  private Parser parser;
  // The text of the parse in progress; null between parses.
  private String input;
  private long retainedBytes;
  private int parsesSinceRecycle;
  private long recycles;

  /** Creates a parser for the Python grammar. */
  public PythonParser() {
    this(RECYCLE_BYTES, RECYCLE_PARSES);
  }

  /** Creates a parser that is replaced after {@code recycleBytes} bytes or {@code recycleParses} parses. */
  PythonParser(long recycleBytes, int recycleParses) {
    this.recycleBytes = recycleBytes;
    this.recycleParses = recycleParses;
    this.parser = new Parser(PythonLanguage.get());
  }

  /**
   * Parses {@code text} from scratch.
   *
   * @throws ParseCancelledException if tree-sitter stopped before finishing
   */
  public Tree parse(String text) {
    return parse(text, null, null);
  }

  /**
   * Parses {@code text} reusing {@code oldTree}, which must already have been edited with {@link
   * Tree#edit} to describe how its source became {@code text}.
   */
  public Tree parse(String text, Tree oldTree) {
    return parse(text, oldTree, null);
  }

  /**
   * Parses {@code text}, giving up when {@code keepGoing} returns false. tree-sitter calls back
   * during the parse, so a time limit or a cancellation flag can stop work on a huge file.
   *
   * @param oldTree an edited earlier tree of the text to reuse, or null
   * @param keepGoing returns false to stop the parse, or null to parse to the end
   * @throws ParseCancelledException if the parse was stopped
   */
  public Tree parse(String text, Tree oldTree, BooleanSupplier keepGoing) {
    Parser.Options options =
        keepGoing == null ? null : new Parser.Options(state -> !keepGoing.getAsBoolean());
    // The callback reads the text through a field, not a captured variable: jtreesitter keeps each
    // parse's callback reachable until the parser closes, and a captured text would stay with it.
    input = text;
    try {
      Optional<Tree> tree =
          parser.parse((offset, point) -> chunkAt(offset), InputEncoding.UTF_16LE, oldTree, options);
      return finish(tree, text.length());
    } finally {
      input = null;
      parsesSinceRecycle++;
      if (retainedBytes >= recycleBytes || parsesSinceRecycle >= recycleParses) {
        recycle();
      }
    }
  }

  /** Returns the bytes of text handed to tree-sitter that the current parser still keeps. */
  public long retainedBytes() {
    return retainedBytes;
  }

  /** Returns how many times this object replaced its parser to free the chunks it kept. */
  public long recycles() {
    return recycles;
  }

  private String chunkAt(int byteOffset) {
    String text = input;
    // tree-sitter requests text by byte offset, which is twice the char index in UTF-16.
    int index = byteOffset / 2;
    if (text == null) {
      return "";
    }
    if (index >= text.length()) {
      return "";
    }
    int end = Math.min(text.length(), index + CHUNK_CHARS);
    retainedBytes += 2L * (end - index);
    return text.substring(index, end);
  }

  private void recycle() {
    long freed = retainedBytes;
    parser.close();
    parser = new Parser(PythonLanguage.get());
    retainedBytes = 0;
    parsesSinceRecycle = 0;
    recycles++;
    LOG.fine(() -> "Replaced the parser to free " + freed + " bytes of text chunks");
  }

  private Tree finish(Optional<Tree> tree, int length) {
    if (tree.isEmpty()) {
      parser.reset();
      throw new ParseCancelledException(
          "Parsing stopped before the end of a " + length + "-character file");
    }
    return tree.get();
  }

  @Override
  public void close() {
    parser.close();
  }
}
