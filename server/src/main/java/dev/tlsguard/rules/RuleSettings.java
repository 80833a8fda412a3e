package dev.tlsguard.rules;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule's configuration: the protocols it treats as insecure and how it reports them.
 *
 * @param insecureProtocols the protocols to report, all four by default. A team may drop TLS 1.1
 *     to match rules that list only SSLv2, SSLv3 and TLS 1.0
 * @param severityOverrides severities that replace the defaults for whole kinds
 * @param fixPreference which replacement to put first when a finding has more than one
 * @param reportStringForms whether to report protocol names written as strings (off by default,
 *     because a string is a selection only for a few known keywords)
 * @param respectSuppressions whether suppression comments on a finding's line hide it
 */
public record RuleSettings(
    Set<Protocol> insecureProtocols,
    Map<FindingKind, Severity> severityOverrides,
    FixPreference fixPreference,
    boolean reportStringForms,
    boolean respectSuppressions) {

  /** The settings used when nothing is configured. */
  public static final RuleSettings DEFAULTS =
      new RuleSettings(EnumSet.allOf(Protocol.class), Map.of(), FixPreference.MINIMAL, false, true);

  public RuleSettings {
    insecureProtocols = Sets.immutableEnumSet(insecureProtocols);
    severityOverrides = ImmutableMap.copyOf(severityOverrides);
  }

  /**
   * Returns the severity for a finding of {@code kind}: the override for the kind if one is set,
   * else {@code defaultSeverity}, which the rule derives from the protocol (error for SSL, warning
   * for TLS 1.0 and 1.1) and the kind.
   */
  public Severity severityFor(FindingKind kind, Severity defaultSeverity) {
    return Optional.ofNullable(severityOverrides.get(kind)).orElse(defaultSeverity);
  }

  /** Returns whether {@code protocol} is reported under these settings. */
  public boolean isInsecure(Protocol protocol) {
    return insecureProtocols.contains(protocol);
  }

  /** Returns a copy with another set of insecure protocols. */
  public RuleSettings withInsecureProtocols(Set<Protocol> protocols) {
    return new RuleSettings(protocols, severityOverrides, fixPreference, reportStringForms, respectSuppressions);
  }

  /** Returns a copy with other severity overrides. */
  public RuleSettings withSeverityOverrides(Map<FindingKind, Severity> overrides) {
    return new RuleSettings(insecureProtocols, overrides, fixPreference, reportStringForms, respectSuppressions);
  }

  /** Returns a copy with another fix preference. */
  public RuleSettings withFixPreference(FixPreference preference) {
    return new RuleSettings(insecureProtocols, severityOverrides, preference, reportStringForms, respectSuppressions);
  }

  /** Returns a copy that does or does not report string forms. */
  public RuleSettings withReportStringForms(boolean report) {
    return new RuleSettings(insecureProtocols, severityOverrides, fixPreference, report, respectSuppressions);
  }

  /** Returns a copy that does or does not honour suppression comments. */
  public RuleSettings withRespectSuppressions(boolean respect) {
    return new RuleSettings(insecureProtocols, severityOverrides, fixPreference, reportStringForms, respect);
  }

  /** The variant of replacement a finding lists first when there is a choice. */
  public enum FixPreference {
    /**
     * The one-token replacement that keeps the program's behaviour, such as {@code
     * PROTOCOL_TLSv1_2}. The names are deprecated, but the fixes keep the code working.
     */
    MINIMAL,
    /**
     * The current API, such as {@code PROTOCOL_TLS_CLIENT} plus a {@code minimum_version} floor;
     * can change certificate checking, so it is safe only where the role is known.
     */
    MODERN
  }
}
