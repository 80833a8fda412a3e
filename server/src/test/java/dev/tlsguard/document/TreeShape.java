package dev.tlsguard.document;

import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;

/** Renders a tree with every node's type, byte range and points, for exact comparisons. */
final class TreeShape {
  private TreeShape() {}

  /** Returns the S-expression followed by one line per node with its positions. */
  static String of(Tree tree) {
    StringBuilder out = new StringBuilder(tree.getRootNode().toSexp()).append('\n');
    try (TreeCursor cursor = tree.walk()) {
      append(cursor, 0, out);
    }
    return out.toString();
  }

  private static void append(TreeCursor cursor, int depth, StringBuilder out) {
    Node node = cursor.getCurrentNode();
    out.append("  ".repeat(depth))
        .append(node.getType())
        .append(node.isMissing() ? " MISSING" : "")
        .append(' ')
        .append(node.getStartByte())
        .append('-')
        .append(node.getEndByte())
        .append(' ')
        .append(node.getStartPoint())
        .append('-')
        .append(node.getEndPoint())
        .append('\n');
    if (cursor.gotoFirstChild()) {
      do {
        append(cursor, depth + 1, out);
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  }
}
