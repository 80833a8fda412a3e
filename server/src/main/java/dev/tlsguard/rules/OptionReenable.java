package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import java.util.Optional;

/**
 * Recognises statements that turn a disabled protocol back on: {@code ctx.options &=
 * ~ssl.OP_NO_SSLv3}, {@code ctx.options = ctx.options & ~ssl.OP_NO_TLSv1}, {@code ctx.options -=
 * ssl.OP_NO_TLSv1}, {@code ctx.options ^= ssl.OP_NO_SSLv3} and pyOpenSSL's {@code
 * ctx.clear_options(SSL.OP_NO_TLSv1)}.
 *
 * <p>{@code ^=} counts only for SSLv2 and SSLv3, which every default context disables, so toggling
 * the flag re-enables them; toggling {@code OP_NO_TLSv1} on a default context disables TLS 1.0.
 */
final class OptionReenable {
  /**
   * The statement that re-enables a protocol.
   *
   * @param statement the whole statement, which the fix removes
   * @param onlyInsecureFlags whether every flag in the statement's operand is an insecure {@code
   *     OP_NO_*} flag, so removing the statement changes nothing else
   */
  record Reenable(Node statement, boolean onlyInsecureFlags) {}

  private OptionReenable() {}

  /** Returns the re-enabling statement around {@code candidate}, if it is in one. */
  static Optional<Reenable> check(Candidate candidate, String text, Dependencies.Recorder recorder) {
    Node current = candidate.value();
    boolean combined = false;
    Optional<Node> parent = current.getParent();
    while (parent.isPresent() && (isParenthesis(parent.get()) || isOperator(parent.get(), "|", text))) {
      combined |= !isParenthesis(parent.get());
      current = parent.get();
      parent = current.getParent();
    }
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    Node holder = parent.get();
    recorder.node(holder);
    if (holder.getType().equals("unary_operator") && operator(holder, text).equals("~")) {
      return afterComplement(holder, text, !combined || onlyInsecure(current, text), recorder);
    }
    if (holder.getType().equals("augmented_assignment") && operator(holder, text).equals("-=")
        && Nodes.isField(holder, "right", current)) {
      // Subtracting the flag clears it where it is set, like `&= ~flag`.
      boolean pure = !combined || onlyInsecure(current, text);
      return statementOf(holder, recorder).map(statement -> new Reenable(statement, pure));
    }
    if (holder.getType().equals("augmented_assignment") && operator(holder, text).equals("^=")
        && Nodes.isField(holder, "right", current) && !combined
        && candidate.constant().protocol().isSsl()) {
      return statementOf(holder, recorder).map(statement -> new Reenable(statement, true));
    }
    if (holder.getType().equals("argument_list")) {
      Optional<Node> call = holder.getParent();
      call.ifPresent(recorder::node);
      if (call.isPresent() && call.get().getType().equals("call")
          && call.get().getChildByFieldName("function").map(f -> lastName(f, text)).orElse("").equals("clear_options")) {
        boolean pure = !combined || onlyInsecure(current, text);
        return statementOf(call.get(), recorder).map(statement -> new Reenable(statement, pure));
      }
    }
    return Optional.empty();
  }

  private static Optional<Reenable> afterComplement(
      Node complement, String text, boolean pure, Dependencies.Recorder recorder) {
    Node current = complement;
    Optional<Node> parent = current.getParent();
    while (parent.isPresent() && isParenthesis(parent.get())) {
      current = parent.get();
      parent = current.getParent();
    }
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    Node holder = parent.get();
    recorder.node(holder);
    if (holder.getType().equals("augmented_assignment") && operator(holder, text).equals("&=")
        && Nodes.isField(holder, "right", current)) {
      return statementOf(holder, recorder).map(statement -> new Reenable(statement, pure));
    }
    if (holder.getType().equals("binary_operator") && operator(holder, text).equals("&")) {
      Optional<Node> assignment = holder.getParent();
      while (assignment.isPresent() && isParenthesis(assignment.get())) {
        assignment = assignment.get().getParent();
      }
      assignment.ifPresent(recorder::node);
      if (assignment.isPresent() && assignment.get().getType().equals("assignment")) {
        return statementOf(assignment.get(), recorder)
            .map(statement -> new Reenable(statement, pure));
      }
    }
    return Optional.empty();
  }

  /** Returns whether every leaf of an {@code A | B | ...} expression is an insecure OP_NO flag. */
  private static boolean onlyInsecure(Node expression, String text) {
    if (isParenthesis(expression)) {
      return Nodes.namedChild(expression, 0).map(inner -> onlyInsecure(inner, text)).orElse(false);
    }
    if (isOperator(expression, "|", text)) {
      return expression.getChildByFieldName("left").map(left -> onlyInsecure(left, text)).orElse(false)
          && expression.getChildByFieldName("right").map(right -> onlyInsecure(right, text)).orElse(false);
    }
    String name = lastName(expression, text);
    return name.equals("OP_NO_SSLv2") || name.equals("OP_NO_SSLv3") || name.equals("OP_NO_TLSv1")
        || name.equals("OP_NO_TLSv1_1");
  }

  private static Optional<Node> statementOf(Node node, Dependencies.Recorder recorder) {
    Optional<Node> parent = node.getParent();
    parent.ifPresent(recorder::node);
    if (parent.isPresent() && parent.get().getType().equals("expression_statement")) {
      return parent;
    }
    return Optional.empty();
  }

  private static boolean isParenthesis(Node node) {
    return node.getType().equals("parenthesized_expression");
  }

  private static boolean isOperator(Node node, String operator, String text) {
    return node.getType().equals("binary_operator") && operator(node, text).equals(operator);
  }

  private static String operator(Node node, String text) {
    return node.getChildByFieldName("operator")
        .map(op -> text.substring(Nodes.start(op), Nodes.end(op)))
        .orElse("");
  }

  private static String lastName(Node expression, String text) {
    return Nodes.lastName(expression, text);
  }
}
