package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;

/**
 * An insecure constant found in the tree, before the use-site check.
 *
 * @param constant the catalogue entry it resolves to
 * @param value the whole value expression, such as the attribute {@code ssl.PROTOCOL_TLSv1} or a
 *     {@code getattr(...)} call
 * @param token the node a fix rewrites: the last identifier, or the string literal of a {@code
 *     getattr}
 * @param qualified whether the constant was written with a module qualifier ({@code ssl.X})
 * @param viaGetattr whether the constant was named by a string
 */
record Candidate(Catalogue.Constant constant, Node value, Node token, boolean qualified, boolean viaGetattr) {}
