package dev.tlsguard.rules;

import com.google.common.collect.ImmutableSet;
import io.github.treesitter.jtreesitter.Node;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether an insecure constant is used as a value that selects a protocol.
 *
 * <p>It follows the value outwards through parentheses, conditional expressions, containers and
 * {@code or}, and accepts it only when it reaches a call argument, an assignment, a parameter
 * default, a dictionary value, a {@code return}, a {@code yield}, a {@code for} loop or a lambda
 * body. Comparisons, membership tests, dictionary keys, subscripts, {@code assert}, {@code del},
 * f-strings, {@code match} patterns and calls that only inspect or print a value are not
 * selections; neither is any place this class does not recognise, so precision wins over recall.
 */
final class UseSites {
  /** Calls that inspect, print or log a value without configuring anything with it. */
  private static final Set<String> BENIGN_CALLEES =
      ImmutableSet.of(
          "isinstance", "issubclass", "hasattr", "id", "repr", "str", "ascii", "print", "type", "len",
          "hash", "int", "bool", "format", "vars", "dir", "sorted", "reversed", "enumerate", "iter",
          "max", "min",
          "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log",
          "get", "index", "count", "remove", "discard", "pop", "__contains__", "skipIf", "skipUnless",
          "fail", "subTest");

  private final String text;
  private final NodeIndex index;
  private final Predicate<Node> isProtocolConstant;
  private final Dependencies.Recorder recorder;

  /**
   * Creates the check for a file.
   *
   * @param isProtocolConstant returns whether an expression is itself a protocol constant, for
   *     translation tables whose keys are constants
   */
  UseSites(
      String text,
      NodeIndex index,
      Predicate<Node> isProtocolConstant,
      Dependencies.Recorder recorder) {
    this.text = text;
    this.index = index;
    this.isProtocolConstant = isProtocolConstant;
    this.recorder = recorder;
  }

  /** Returns where the value expression {@code value} goes, or empty when it selects nothing. */
  Optional<Use> useOf(Node value) {
    Node current = value;
    boolean container = false;
    while (true) {
      Optional<Node> parentNode = current.getParent();
      if (parentNode.isEmpty()) {
        return Optional.empty();
      }
      Node parent = parentNode.get();
      recorder.node(parent);
      switch (parent.getType()) {
        case "parenthesized_expression", "boolean_operator" -> current = parent;
        case "conditional_expression" -> {
          // The test in `a if test else b` is read, not selected.
          if (Nodes.namedIndex(parent, current) == 1) {
            return Optional.empty();
          }
          container = true;
          current = parent;
        }
        case "tuple" -> {
          if (isTranslationEntry(parent)) {
            return Optional.empty();
          }
          container = true;
          current = parent;
        }
        case "list", "set", "expression_list", "list_splat" -> {
          container = true;
          current = parent;
        }
        case "named_expression" -> {
          // An assignment expression stores the value like an assignment statement.
          if (!Nodes.isField(parent, "value", current)) {
            return Optional.empty();
          }
          return Optional.of(new Use(Use.Context.OTHER_VALUE, Optional.of(parent),
              parent.getChildByFieldName("name").map(this::source), -1, container));
        }
        case "keyword_argument" -> {
          return keywordUse(parent, current, container);
        }
        case "argument_list" -> {
          return positionalUse(parent, current, container);
        }
        case "pair" -> {
          return pairUse(parent, current, container);
        }
        case "assignment" -> {
          return assignmentUse(parent, current, container);
        }
        case "default_parameter", "typed_default_parameter" -> {
          if (!Nodes.isField(parent, "value", current)) {
            return Optional.empty();
          }
          return Optional.of(new Use(Use.Context.DEFAULT_PARAMETER, Optional.of(parent),
              parent.getChildByFieldName("name").map(this::source), -1, container));
        }
        case "return_statement", "yield" -> {
          return Optional.of(new Use(Use.Context.OTHER_VALUE, Optional.of(parent), Optional.empty(), -1, container));
        }
        case "lambda" -> {
          if (!Nodes.isField(parent, "body", current)) {
            return Optional.empty();
          }
          return Optional.of(new Use(Use.Context.OTHER_VALUE, Optional.of(parent), Optional.empty(), -1, container));
        }
        case "for_statement", "for_in_clause" -> {
          if (!Nodes.isField(parent, "right", current)) {
            return Optional.empty();
          }
          return Optional.of(new Use(Use.Context.OTHER_VALUE, Optional.of(parent), Optional.empty(), -1, container));
        }
        default -> {
          return Optional.empty();
        }
      }
    }
  }

  /**
   * Returns whether {@code tuple} is a pair of two protocol constants, such as an entry of {@code
   * dict([(ssl.PROTOCOL_TLSv1, ssl.TLSVersion.TLSv1)])}, which translates between families.
   */
  private boolean isTranslationEntry(Node tuple) {
    if (tuple.getNamedChildCount() != 2) {
      return false;
    }
    return Nodes.namedChild(tuple, 0).filter(isProtocolConstant).isPresent()
        && Nodes.namedChild(tuple, 1).filter(isProtocolConstant).isPresent();
  }

  private Optional<Use> keywordUse(Node keyword, Node value, boolean container) {
    if (!Nodes.isField(keyword, "value", value)) {
      return Optional.empty();
    }
    Optional<Node> call = keyword.getParent().flatMap(Node::getParent);
    call.ifPresent(recorder::node);
    if (call.isEmpty() || !call.get().getType().equals("call") || isBenignCall(call.get())) {
      return Optional.empty();
    }
    Optional<String> name = keyword.getChildByFieldName("name").map(this::source);
    return Optional.of(new Use(Use.Context.CALL_ARGUMENT, call, name, -1, container));
  }

  private Optional<Use> positionalUse(Node arguments, Node value, boolean container) {
    Optional<Node> call = arguments.getParent();
    call.ifPresent(recorder::node);
    if (call.isEmpty() || !call.get().getType().equals("call") || isBenignCall(call.get())) {
      return Optional.empty();
    }
    int position = 0;
    int count = arguments.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      Node argument = Nodes.namedChild(arguments, i).orElseThrow();
      if (Nodes.same(argument, value)) {
        break;
      }
      String type = argument.getType();
      if (type.equals("list_splat") || type.equals("dictionary_splat")) {
        // A *args before the value hides its position.
        position = -1;
        break;
      }
      if (!type.equals("keyword_argument") && !type.equals("comment")) {
        position++;
      }
    }
    return Optional.of(new Use(Use.Context.CALL_ARGUMENT, call, Optional.empty(), position, container));
  }

  private Optional<Use> pairUse(Node pair, Node value, boolean container) {
    if (!Nodes.isField(pair, "value", value)) {
      return Optional.empty();
    }
    Optional<Node> key = pair.getChildByFieldName("key");
    if (key.isPresent() && isProtocolConstant.test(key.get())) {
      // A table from one protocol family to another selects nothing by itself.
      return Optional.empty();
    }
    Optional<String> keyName = key.flatMap(k -> StringLiterals.plainValue(k, text));
    return Optional.of(new Use(Use.Context.DICT_VALUE, Optional.of(pair), keyName, -1, container));
  }

  private Optional<Use> assignmentUse(Node assignment, Node value, boolean container) {
    if (!Nodes.isField(assignment, "right", value)) {
      return Optional.empty();
    }
    Optional<Node> left = assignment.getChildByFieldName("left");
    if (left.isPresent() && left.get().getType().equals("subscript")) {
      Optional<Node> index = left.get().getChildByFieldName("subscript");
      if (index.isPresent() && isProtocolConstant.test(index.get())) {
        return Optional.empty();
      }
    }
    if (container && left.isPresent() && left.get().getType().equals("identifier")
        && isOnlyMembershipTested(assignment, left.get())) {
      // A collection that the code only tests membership in (`if v in SUPPORTED`) selects nothing.
      return Optional.empty();
    }
    Optional<String> targetName = left.map(this::lastName);
    return Optional.of(new Use(Use.Context.ASSIGNMENT, Optional.of(assignment), targetName, -1, container));
  }

  /**
   * Returns whether every later read of the variable {@code target}, in the scope of {@code
   * assignment}, is the right side of {@code in}/{@code not in} or an argument of a call that only
   * inspects its arguments (such as {@code assertIn}). A variable never read counts as used.
   */
  private boolean isOnlyMembershipTested(Node assignment, Node target) {
    String name = source(target);
    // The result depends on every occurrence of the name in the scope.
    recorder.name(name);
    Node scope = Nodes.ancestor(assignment, "function_definition")
        .flatMap(function -> function.getChildByFieldName("body"))
        .orElse(index.root());
    int reads = 0;
    for (IdentifierScanner.Occurrence occurrence :
        new IdentifierScanner(Set.of(name)).scan(text, Nodes.start(scope), Nodes.end(scope))) {
      if (occurrence.start() == Nodes.start(target)) {
        continue;
      }
      Optional<Node> node = index.namedDescendant(occurrence.start(), occurrence.end());
      if (node.isEmpty() || !node.get().getType().equals("identifier")) {
        continue;
      }
      reads++;
      if (!isMembershipOperand(node.get())) {
        return false;
      }
    }
    return reads > 0;
  }

  private boolean isMembershipOperand(Node identifier) {
    Optional<Node> parent = identifier.getParent();
    if (parent.isEmpty()) {
      return false;
    }
    Node holder = parent.get();
    recorder.node(holder);
    if (holder.getType().equals("comparison_operator")) {
      int index = Nodes.namedIndex(holder, identifier);
      if (index < 1) {
        return false;
      }
      Node previous = Nodes.namedChild(holder, index - 1).orElseThrow();
      String operator = text.substring(Nodes.end(previous), Nodes.start(identifier)).strip();
      return operator.equals("in") || operator.replaceAll("\\s+", " ").equals("not in");
    }
    if (holder.getType().equals("argument_list")) {
      holder.getParent().ifPresent(recorder::node);
      return holder.getParent().filter(call -> call.getType().equals("call")).map(this::isBenignCall).orElse(false);
    }
    return false;
  }

  /** Returns whether {@code call} only inspects, prints, logs or probes its arguments. */
  boolean isBenignCall(Node call) {
    Optional<Node> function = call.getChildByFieldName("function");
    if (function.isEmpty()) {
      return false;
    }
    String name = lastName(function.get());
    if (BENIGN_CALLEES.contains(name) || name.startsWith("assert")) {
      return true;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // Capability probes read as questions: has_tls_protocol(...), is_supported(...).
    return lower.startsWith("has_") || lower.startsWith("is_") || lower.startsWith("supports")
        || lower.endsWith("_supported") || lower.endsWith("_available");
  }

  /** Returns the last name of an identifier or attribute chain, or the whole source otherwise. */
  String lastName(Node expression) {
    return Nodes.lastName(expression, text);
  }

  private String source(Node node) {
    return Nodes.text(node, text);
  }
}
