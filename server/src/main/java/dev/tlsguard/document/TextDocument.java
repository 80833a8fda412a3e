package dev.tlsguard.document;

import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Range;
import io.github.treesitter.jtreesitter.Tree;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An open document: its text, version and tree-sitter tree, kept in step by incremental edits.
 *
 * <p>Not thread-safe, because the tree and parser are native objects with one owner: a {@link
 * DocumentWorker} runs every call on the document's own thread. Close it to free the tree and the
 * parser. {@link #releaseTree} frees them too but keeps the document usable: the next call that
 * needs a tree parses the text from scratch.
 */
public final class TextDocument implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TextDocument.class.getName());

  private final String uri;
  // Both null after releaseTree(), until the next call that needs a tree.
  private PythonParser parser;
  private int version;
  private SourceText source;
  private TreePoints points;
  private Tree tree;
  private int fullParses;
  // Chars at the start and end of the text that the changes of the current notification kept.
  private int unchangedPrefix;
  private int unchangedSuffix;
  // Ranges whose syntax differs between the edited old tree and the re-parsed one.
  private List<Range> changedRanges = List.of();

  private TextDocument(String uri, int version, String text, PythonParser parser) {
    this.uri = uri;
    this.version = version;
    this.parser = parser;
    this.source = SourceText.versioned(text);
    this.points = TreePoints.of(text);
    this.tree = parseFresh(text);
  }

  /** Opens {@code text} as version {@code version} of {@code uri} and parses it. */
  public static TextDocument open(String uri, int version, String text) {
    PythonParser parser = new PythonParser();
    try {
      return new TextDocument(uri, version, text, parser);
    } catch (RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  /** Returns the document URI. */
  public String uri() {
    return uri;
  }

  /** Returns the version of the last applied change. */
  public int version() {
    return version;
  }

  /** Returns the current text with its line table. */
  public SourceText source() {
    return source;
  }

  /** Returns the current text. */
  public String text() {
    return source.text();
  }

  /**
   * Returns the tree, parsing the text first if {@link #releaseTree} dropped it; only the owning
   * thread may use it, and must not close it.
   */
  public Tree tree() {
    if (tree == null) {
      LOG.fine(() -> "Parsing " + uri + " version " + version + " again; its tree was released");
      tree = parseFresh(source.text());
    }
    return tree;
  }

  /** Returns a copy of the tree that another thread may use; the caller closes it. */
  public Tree cloneTree() {
    return tree().clone();
  }

  /** Returns whether the document has a parsed tree now. */
  public boolean hasTree() {
    return tree != null;
  }

  /**
   * Frees the tree and the parser's native memory while keeping the text and version. The next
   * {@link #tree}, {@link #cloneTree} or {@link #apply} parses the text from scratch.
   */
  public void releaseTree() {
    if (tree != null) {
      tree.close();
      tree = null;
    }
    if (parser != null) {
      parser.close();
      parser = null;
    }
  }

  /** Returns how many times the text was parsed from scratch, counting the first parse. */
  public int fullParses() {
    return fullParses;
  }

  /**
   * Applies {@code changes} in order and re-parses, making the document version {@code newVersion}.
   *
   * <p>Each ranged change is converted to char offsets with the line table of the text as it is at
   * that point, described to the tree with {@link Tree#edit}, then applied to the text. After the
   * last change the text is re-parsed once, reusing the edited tree; tree-sitter accepts any number
   * of edits before a re-parse. A change that replaces the whole text, a failure while editing the
   * tree, or a re-parsed tree with syntax errors leads to a parse from scratch instead. Positions
   * outside the text are clamped and logged.
   */
  public void apply(int newVersion, List<ContentChange> changes, PositionEncoding encoding) {
    if (newVersion <= version) {
      LOG.warning(
          () ->
              "Applying version "
                  + newVersion
                  + " of "
                  + uri
                  + " after version "
                  + version
                  + "; versions should increase");
    }
    long started = System.nanoTime();
    SourceText base = source;
    boolean incremental = true;
    unchangedPrefix = Integer.MAX_VALUE;
    unchangedSuffix = Integer.MAX_VALUE;
    for (ContentChange change : changes) {
      if (change.range().isEmpty()) {
        replaceText(change.text());
        incremental = false;
      } else {
        incremental &= applyRanged(change.range().get(), change.text(), encoding);
      }
    }
    version = newVersion;
    long edited = System.nanoTime();
    boolean reused = reparse(incremental, base);
    if (reused) {
      recordRevision(base);
    }
    long parsed = System.nanoTime();
    String parseKind = reused ? "incremental" : "full";
    LOG.fine(
        () ->
            "Applied "
                + changes.size()
                + " changes to "
                + uri
                + " version "
                + newVersion
                + ": text and tree edits "
                + (edited - started) / 1000
                + " us, "
                + parseKind
                + " parse "
                + (parsed - edited) / 1000
                + " us");
  }

  private boolean applyRanged(LineRange range, String inserted, PositionEncoding encoding) {
    int start = resolve(range.startLine(), range.startCharacter(), encoding, "start");
    int end = resolve(range.endLine(), range.endCharacter(), encoding, "end");
    if (end < start) {
      LOG.warning(
          () -> "Change range " + range + " of " + uri + " ends before it starts; swapping");
      int swap = start;
      start = end;
      end = swap;
    }
    boolean edited = editTree(start, end, inserted);
    // The region that differs from the text before this notification grows to cover this change.
    unchangedPrefix = Math.min(unchangedPrefix, start);
    unchangedSuffix = Math.min(unchangedSuffix, source.length() - end);
    points = points.edit(start, end, inserted);
    source = source.edit(start, end, inserted);
    return edited;
  }

  /**
   * Attaches to the new text how it differs from {@code base}: the changed chars, widened by the
   * ranges whose syntax tree differs ({@link Tree#getChangedRanges}), which the rule needs to
   * decide whether earlier findings still hold.
   */
  private void recordRevision(SourceText base) {
    int length = source.length();
    int prefix = unchangedPrefix;
    int suffix = unchangedSuffix;
    for (Range changed : changedRanges) {
      prefix = Math.min(prefix, changed.startByte() / 2);
      suffix = Math.min(suffix, Math.max(0, length - (changed.endByte() + 1) / 2));
    }
    int shorter = Math.min(base.length(), length);
    prefix = Math.min(prefix, shorter);
    suffix = Math.min(suffix, shorter - prefix);
    source = source.withRevision(base, prefix, suffix);
  }

  private int resolve(int line, int character, PositionEncoding encoding, String which) {
    PositionEncoding.Resolved resolved = encoding.offset(source, line, character);
    if (resolved.clamped()) {
      LOG.warning(
          () ->
              "Clamped change "
                  + which
                  + " "
                  + line
                  + ":"
                  + character
                  + " ("
                  + encoding.id()
                  + ") of "
                  + uri
                  + " version "
                  + version
                  + " to char "
                  + resolved.offset()
                  + "; the text has "
                  + source.lineCount()
                  + " lines");
    }
    return resolved.offset();
  }

  /** Describes the replacement of chars {@code [start, end)} by {@code inserted} to the tree. */
  private boolean editTree(int start, int end, String inserted) {
    if (tree == null) {
      return false;
    }
    Point startPoint = points.pointAt(start);
    InputEdit edit =
        new InputEdit(
            2 * start,
            2 * end,
            2 * (start + inserted.length()),
            startPoint,
            points.pointAt(end),
            TreePoints.advance(startPoint, inserted));
    try {
      tree.edit(edit);
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Failed to edit the tree of " + uri + " with " + edit + "; parsing from scratch",
          e);
      return false;
    }
  }

  private void replaceText(String text) {
    source = SourceText.versioned(text);
    points = TreePoints.of(text);
  }

  /**
   * Re-parses the current text, reusing the edited tree when {@code incremental}, and returns
   * whether the new tree came from the edited one; only then are {@link #changedRanges} set.
   */
  private boolean reparse(boolean incremental, SourceText base) {
    String text = source.text();
    Tree old = tree;
    tree = null;
    changedRanges = List.of();
    try {
      if (incremental && old != null) {
        tree = parser.parse(text, old);
        if (!isConsistent(tree, text)) {
          LOG.warning(
              () ->
                  "The re-parsed tree of "
                      + uri
                      + " version "
                      + version
                      + " does not match its text; parsing from scratch");
        } else if (tree.getRootNode().hasError()) {
          // tree-sitter's error recovery can shape ERROR nodes differently when it reuses an old
          // tree, and the rule reads those shapes, so a text with syntax errors is parsed from
          // scratch to give the same findings as a batch run.
          LOG.fine(() -> uri + " version " + version + " has syntax errors; parsing from scratch");
        } else {
          changedRanges =
              NameEdits.isRenameOfOneName(base, source, unchangedPrefix, unchangedSuffix, old, tree)
                  ? List.of()
                  : old.getChangedRanges(tree);
          return true;
        }
        tree.close();
        tree = null;
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Incremental parse of " + uri + " version " + version + " failed; parsing from scratch",
          e);
      if (tree != null) {
        tree.close();
        tree = null;
      }
      changedRanges = List.of();
    } finally {
      if (old != null) {
        old.close();
      }
    }
    tree = parseFresh(text);
    return false;
  }

  private static boolean isConsistent(Tree tree, String text) {
    return tree.getRootNode().getEndByte() <= 2 * text.length();
  }

  private Tree parseFresh(String text) {
    fullParses++;
    if (parser == null) {
      parser = new PythonParser();
    }
    return parser.parse(text);
  }

  /** Frees the tree and the parser. */
  @Override
  public void close() {
    releaseTree();
  }
}
