package dev.tlsguard.rules;

import java.util.List;

/**
 * The result of analysing one file.
 *
 * @param findings the findings in source order
 * @param syntaxErrors the number of outermost ERROR nodes and of missing nodes in the tree; the
 *     findings were still computed from the well-formed parts
 */
public record Analysis(List<Finding> findings, int syntaxErrors) {
  public Analysis {
    findings = List.copyOf(findings);
  }
}
