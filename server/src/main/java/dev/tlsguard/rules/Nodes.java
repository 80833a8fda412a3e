package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import java.util.Optional;

/** Small helpers over tree-sitter nodes of a tree parsed as UTF-16. */
final class Nodes {
  private Nodes() {}

  /** Returns the char index where {@code node} starts. */
  static int start(Node node) {
    return node.getStartByte() >>> 1;
  }

  /** Returns the char index just past {@code node}. */
  static int end(Node node) {
    return node.getEndByte() >>> 1;
  }

  /** Returns whether two nodes cover the same range with the same type, i.e. are the same node. */
  static boolean same(Node a, Node b) {
    return a.getStartByte() == b.getStartByte()
        && a.getEndByte() == b.getEndByte()
        && a.getSymbol() == b.getSymbol();
  }

  /**
   * Returns the named child at {@code index}, or empty when there is none. jtreesitter's own
   * {@code getNamedChild} throws for an index past the end.
   */
  static Optional<Node> namedChild(Node node, int index) {
    if (index < 0 || index >= node.getNamedChildCount()) {
      return Optional.empty();
    }
    return node.getNamedChild(index);
  }

  /** Returns whether the field {@code field} of {@code parent} is {@code child}. */
  static boolean isField(Node parent, String field, Node child) {
    Optional<Node> fieldNode = parent.getChildByFieldName(field);
    return fieldNode.isPresent() && same(fieldNode.get(), child);
  }

  /** Returns the index of {@code child} among the named children of {@code parent}, or -1. */
  static int namedIndex(Node parent, Node child) {
    int count = parent.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      Optional<Node> candidate = namedChild(parent, i);
      if (candidate.isPresent() && same(candidate.get(), child)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the nearest ancestor of {@code node} of one of {@code types}, if any. */
  static Optional<Node> ancestor(Node node, String... types) {
    Optional<Node> current = node.getParent();
    while (current.isPresent()) {
      String type = current.get().getType();
      for (String wanted : types) {
        if (wanted.equals(type)) {
          return current;
        }
      }
      current = current.get().getParent();
    }
    return Optional.empty();
  }

  /** Returns the source text of {@code node}. */
  static String text(Node node, String source) {
    return source.substring(start(node), end(node));
  }

  /**
   * Returns the last name of an identifier or attribute chain ({@code TLSv1} of {@code
   * ssl.TLSVersion.TLSv1}), or the whole source of any other expression.
   */
  static String lastName(Node expression, String source) {
    if (expression.getType().equals("attribute")) {
      return expression.getChildByFieldName("attribute").map(name -> text(name, source)).orElse("");
    }
    return text(expression, source);
  }
}
