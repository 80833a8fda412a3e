package dev.tlsguard.protocol;

import dev.tlsguard.rules.FindingKind;
import dev.tlsguard.rules.Protocol;
import dev.tlsguard.rules.RuleSettings.FixPreference;
import dev.tlsguard.rules.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings from one source, where every absent field leaves the value of a lower-precedence source
 * in place.
 *
 * @param protocols the protocols to report
 * @param severity severities per finding kind; merged key by key
 * @param fixPreference which fix variant to list first
 * @param reportStringForms whether protocol names written as strings are reported
 * @param respectSuppressions whether suppression comments hide findings
 * @param exclude glob patterns of excluded paths
 * @param workspaceMode whether unopened files are analysed
 * @param rulesBaseUrl the base URL of rule pages
 * @param treeMemoryBudget the native memory, in MiB, for the syntax trees of open documents; read
 *     only from editor settings for the whole workspace, because it applies to the whole process
 */
public record PartialSettings(
    Optional<Set<Protocol>> protocols,
    Map<FindingKind, Severity> severity,
    Optional<FixPreference> fixPreference,
    Optional<Boolean> reportStringForms,
    Optional<Boolean> respectSuppressions,
    Optional<List<String>> exclude,
    Optional<Boolean> workspaceMode,
    Optional<String> rulesBaseUrl,
    Optional<Integer> treeMemoryBudget) {

  /** Settings that set nothing. */
  public static final PartialSettings EMPTY =
      new PartialSettings(
          Optional.empty(),
          Map.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public PartialSettings {
    severity = Map.copyOf(severity);
  }

  /** Returns {@code base} with every field that these settings set replaced. */
  public Settings applyTo(Settings base) {
    Map<FindingKind, Severity> severities = new EnumMap<>(FindingKind.class);
    severities.putAll(base.rules().severityOverrides());
    severities.putAll(severity);
    var rules =
        base.rules()
            .withInsecureProtocols(protocols.orElse(base.rules().insecureProtocols()))
            .withSeverityOverrides(severities)
            .withFixPreference(fixPreference.orElse(base.rules().fixPreference()))
            .withReportStringForms(reportStringForms.orElse(base.rules().reportStringForms()))
            .withRespectSuppressions(
                respectSuppressions.orElse(base.rules().respectSuppressions()));
    return new Settings(
        rules,
        exclude.orElse(base.exclude()),
        workspaceMode.orElse(base.workspaceMode()),
        rulesBaseUrl.isPresent() ? rulesBaseUrl : base.rulesBaseUrl());
  }
}
