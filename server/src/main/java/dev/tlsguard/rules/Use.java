package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import java.util.Optional;

/**
 * The place an insecure value reaches, as far as the use-site check could follow it.
 *
 * @param context the kind of place
 * @param holder the call, assignment, pair or parameter that receives the value
 * @param keyword the keyword, dictionary key or parameter name the value is given under, if any
 * @param position the positional argument index, or -1 when unknown or not an argument
 * @param throughContainer whether the value sits in a list, tuple, set or conditional on the way
 */
record Use(Context context, Optional<Node> holder, Optional<String> keyword, int position, boolean throughContainer) {
  /** The kinds of places a value can go that make it a protocol selection. */
  enum Context {
    CALL_ARGUMENT,
    ASSIGNMENT,
    DEFAULT_PARAMETER,
    DICT_VALUE,
    /** Returned, yielded, iterated over or the body of a lambda. */
    OTHER_VALUE
  }

  /** Returns the call when the value is an argument. */
  Optional<Node> call() {
    return context == Context.CALL_ARGUMENT ? holder : Optional.empty();
  }
}
