package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a function or lambda hides a module name with a local variable or parameter,
 * such as {@code def f(ssl): ssl.PROTOCOL_TLSv1} or {@code ssl = FakeSSL()} inside a function.
 *
 * <p>Module-level assignments do not hide imports, because the common {@code try: import ssl /
 * except ImportError: ssl = None} pattern rebinds only when the import failed.
 */
final class Scopes {
  private final String text;
  private final NodeIndex index;
  private final Bindings bindings;
  private final Dependencies.Recorder recorder;
  private final Map<String, Boolean> cache = new HashMap<>();

  Scopes(String text, NodeIndex index, Bindings bindings, Dependencies.Recorder recorder) {
    this.text = text;
    this.index = index;
    this.bindings = bindings;
    this.recorder = recorder;
  }

  /** Returns whether the identifier {@code use} is a local variable or parameter, not the import. */
  boolean isShadowed(Node use, String name) {
    // The result depends on every occurrence of the name in the enclosing functions.
    recorder.name(name);
    Optional<Node> scope = Nodes.ancestor(use, "function_definition", "lambda");
    while (scope.isPresent()) {
      Node function = scope.get();
      String key = Nodes.start(function) + ":" + name;
      Boolean shadowed = cache.get(key);
      if (shadowed == null) {
        shadowed = hasParameter(function, name) || assignsLocally(function, name);
        cache.put(key, shadowed);
      }
      if (shadowed) {
        return true;
      }
      scope = Nodes.ancestor(function, "function_definition", "lambda");
    }
    return false;
  }

  private boolean hasParameter(Node function, String name) {
    Optional<Node> parameters = function.getChildByFieldName("parameters");
    if (parameters.isEmpty()) {
      return false;
    }
    recorder.node(parameters.get());
    int count = parameters.get().getNamedChildCount();
    for (int i = 0; i < count; i++) {
      Node parameter = Nodes.namedChild(parameters.get(), i).orElseThrow();
      Node nameNode = parameter;
      if (!parameter.getType().equals("identifier")) {
        Optional<Node> named = parameter.getChildByFieldName("name");
        if (named.isEmpty()) {
          // *args and **kwargs hold their identifier as a plain child.
          named = Nodes.namedChild(parameter, 0);
        }
        if (named.isEmpty()) {
          continue;
        }
        nameNode = named.get();
      }
      if (nameNode.getType().equals("identifier") && text.substring(Nodes.start(nameNode), Nodes.end(nameNode)).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean assignsLocally(Node function, String name) {
    Optional<Node> body = function.getChildByFieldName("body");
    if (body.isEmpty() || function.getType().equals("lambda")) {
      return false;
    }
    IdentifierScanner scanner = new IdentifierScanner(Set.of(name));
    for (IdentifierScanner.Occurrence occurrence : scanner.scan(text, Nodes.start(body.get()), Nodes.end(body.get()))) {
      Optional<Node> node = index.namedDescendant(occurrence.start(), occurrence.end());
      if (node.isPresent() && node.get().getType().equals("identifier") && isAssignmentTarget(node.get())) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@code identifier} is written to: an assignment, loop, with or walrus target. */
  private boolean isAssignmentTarget(Node identifier) {
    Node current = identifier;
    Optional<Node> parent = current.getParent();
    while (parent.isPresent() && isTargetContainer(parent.get().getType())) {
      current = parent.get();
      parent = current.getParent();
    }
    if (parent.isEmpty()) {
      return false;
    }
    Node holder = parent.get();
    recorder.node(holder);
    return switch (holder.getType()) {
      case "assignment" ->
          Nodes.isField(holder, "left", current) && !bindings.isDynamicImportAssignment(Nodes.start(holder));
      case "augmented_assignment", "for_statement", "for_in_clause" -> Nodes.isField(holder, "left", current);
      case "named_expression" -> Nodes.isField(holder, "name", current);
      case "as_pattern_target" -> true;
      default -> false;
    };
  }

  private static boolean isTargetContainer(String type) {
    return type.equals("pattern_list") || type.equals("tuple_pattern") || type.equals("list_pattern")
        || type.equals("list_splat_pattern");
  }

}
