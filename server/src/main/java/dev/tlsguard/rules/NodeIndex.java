package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the smallest node that covers a char range, fast in files with long flat blocks.
 *
 * <p>tree-sitter's own descendant lookup scans each node's children one by one, so a module
 * with thousands of top-level statements makes every lookup cost thousands of steps. This index
 * keeps the child ranges of every wide node it passes (more than {@value #WIDE} children) and
 * binary-searches them, then lets tree-sitter finish inside the narrow subtree.
 *
 * <p>Not thread-safe; it lives for one analysis of one tree.
 */
final class NodeIndex {
  private static final int WIDE = 32;

  private final Node root;
  private final Map<Long, Children> wideNodes = new HashMap<>();

  NodeIndex(Node root) {
    this.root = root;
  }

  /** Returns the tree's root node. */
  Node root() {
    return root;
  }

  /** Returns the smallest node, named or not, that covers chars {@code [start, end)}. */
  Optional<Node> descendant(int start, int end) {
    return narrow(start, end).getDescendant(start * 2, end * 2);
  }

  /** Returns the smallest named node that covers chars {@code [start, end)}. */
  Optional<Node> namedDescendant(int start, int end) {
    return narrow(start, end).getNamedDescendant(start * 2, end * 2);
  }

  /** Descends through wide nodes by binary search while one child covers the range. */
  private Node narrow(int start, int end) {
    Node node = root;
    while (node.getChildCount() > WIDE) {
      Optional<Node> child = childrenOf(node).covering(start * 2, end * 2);
      if (child.isEmpty()) {
        break;
      }
      node = child.get();
    }
    return node;
  }

  private Children childrenOf(Node node) {
    return wideNodes.computeIfAbsent(node.getId(), id -> Children.read(node));
  }

  /** The children of one wide node with their byte ranges, in order. */
  private static final class Children {
    final List<Node> nodes;
    final int[] starts;
    final int[] ends;

    private Children(List<Node> nodes, int[] starts, int[] ends) {
      this.nodes = nodes;
      this.starts = starts;
      this.ends = ends;
    }

    static Children read(Node node) {
      List<Node> nodes = new ArrayList<>(node.getChildCount());
      // A cursor's own nodes die with the cursor, so the kept ones are copied into an automatic
      // arena that lives as long as they are reachable.
      Arena arena = Arena.ofAuto();
      try (TreeCursor cursor = node.walk()) {
        if (cursor.gotoFirstChild()) {
          do {
            nodes.add(cursor.getCurrentNode(arena));
          } while (cursor.gotoNextSibling());
        }
      }
      int[] starts = new int[nodes.size()];
      int[] ends = new int[nodes.size()];
      for (int i = 0; i < nodes.size(); i++) {
        starts[i] = nodes.get(i).getStartByte();
        ends[i] = nodes.get(i).getEndByte();
      }
      return new Children(nodes, starts, ends);
    }

    /** Returns the child whose range contains {@code [startByte, endByte)}, if one does. */
    Optional<Node> covering(int startByte, int endByte) {
      int low = 0;
      int high = starts.length - 1;
      int found = -1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        if (starts[middle] <= startByte) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      // The same test as tree-sitter's: the child must end after the range start and not before its end.
      if (found < 0 || ends[found] < endByte || ends[found] <= startByte) {
        return Optional.empty();
      }
      return Optional.of(nodes.get(found));
    }
  }
}
