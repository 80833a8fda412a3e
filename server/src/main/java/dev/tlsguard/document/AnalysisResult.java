package dev.tlsguard.document;

import dev.tlsguard.rules.Analysis;
import java.util.List;
import java.util.Optional;

/**
 * The findings of one version of a document under one settings generation.
 *
 * @param snapshot the analysed text and version
 * @param analysis the findings, with offsets into {@code snapshot}
 * @param settingsGeneration the settings generation the analysis used; a settings change increments
 *     it, so results of older settings can be told apart
 * @param failure why the analysis failed, in which case {@code analysis} has no findings
 */
public record AnalysisResult(
    Snapshot snapshot, Analysis analysis, long settingsGeneration, Optional<String> failure) {

  /** Creates the result of an analysis that completed. */
  public static AnalysisResult of(Snapshot snapshot, Analysis analysis, long generation) {
    return new AnalysisResult(snapshot, analysis, generation, Optional.empty());
  }

  /** Creates the result of an analysis that threw {@code error}. */
  public static AnalysisResult failed(Snapshot snapshot, Throwable error, long generation) {
    return new AnalysisResult(
        snapshot, new Analysis(List.of(), 0), generation, Optional.of(String.valueOf(error)));
  }
}
