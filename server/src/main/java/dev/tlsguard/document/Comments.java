package dev.tlsguard.document;

import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds comments and strings in a tree parsed as UTF-16LE, in char offsets. */
public final class Comments {
  private Comments() {}

  /**
   * A comment's char range, from its {@code #} to its end.
   *
   * @param start char index of the {@code #}
   * @param end char index just past the comment
   */
  public record Span(int start, int end) {}

  /** Returns the comments that start in chars {@code [start, end)}, in source order. */
  public static List<Span> between(Tree tree, int start, int end) {
    List<Span> found = new ArrayList<>();
    try (TreeCursor cursor = tree.walk()) {
      collect(cursor, 2 * start, 2 * end, found);
    }
    return found;
  }

  private static void collect(TreeCursor cursor, int startByte, int endByte, List<Span> found) {
    Node node = cursor.getCurrentNode();
    if (node.getEndByte() < startByte || node.getStartByte() >= endByte) {
      return;
    }
    if (node.getType().equals("comment") && node.getStartByte() >= startByte) {
      found.add(new Span(node.getStartByte() / 2, node.getEndByte() / 2));
      return;
    }
    if (cursor.gotoFirstChild()) {
      do {
        collect(cursor, startByte, endByte, found);
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  }

  /**
   * Returns whether char index {@code offset} lies strictly inside a string literal, where a {@code
   * #} would be text rather than a comment.
   */
  public static boolean isInsideString(Tree tree, int offset) {
    Optional<Node> node = tree.getRootNode().getDescendant(2 * offset, 2 * offset);
    for (Node current = node.orElse(null);
        current != null;
        current = current.getParent().orElse(null)) {
      String type = current.getType();
      if ((type.equals("string") || type.equals("concatenated_string"))
          && current.getStartByte() < 2 * offset
          && current.getEndByte() > 2 * offset) {
        return true;
      }
    }
    return false;
  }
}
