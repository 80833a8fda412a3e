package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import java.util.Optional;

/** Reads Python string literals that have a fixed value. */
final class StringLiterals {
  private StringLiterals() {}

  /**
   * Returns the value of {@code node} if it is a plain string literal: one {@code string} node with
   * no interpolation, no escape sequence and no byte prefix. Returns empty for anything else.
   */
  static Optional<String> plainValue(Node node, String text) {
    if (!node.getType().equals("string")) {
      return Optional.empty();
    }
    Optional<Node> content = Optional.empty();
    int count = node.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      Node child = Nodes.namedChild(node, i).orElseThrow();
      switch (child.getType()) {
        case "string_start", "string_end" -> {}
        case "string_content" -> {
          if (content.isPresent() || child.getNamedChildCount() > 0) {
            return Optional.empty();
          }
          content = Optional.of(child);
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    String prefix = prefix(node, text);
    if (prefix.indexOf('b') >= 0 || prefix.indexOf('B') >= 0 || prefix.indexOf('f') >= 0 || prefix.indexOf('F') >= 0) {
      return Optional.empty();
    }
    return Optional.of(content.map(c -> text.substring(Nodes.start(c), Nodes.end(c))).orElse(""));
  }

  /** Returns the letters before the opening quote, such as {@code r} or {@code rb}. */
  static String prefix(Node string, String text) {
    int start = Nodes.start(string);
    int i = start;
    while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\'') {
      i++;
    }
    return text.substring(start, i);
  }
}
