package dev.tlsguard.document;

import dev.tlsguard.rules.Analysis;
import io.github.treesitter.jtreesitter.Tree;

/** Runs the rule on one version of a document. */
@FunctionalInterface
public interface DocumentAnalyzer {
  /**
   * Analyses {@code tree}, parsed from {@code snapshot}. Called on an analysis thread with a clone
   * of the document's tree, which the caller closes afterwards.
   */
  Analysis analyze(Snapshot snapshot, Tree tree);
}
