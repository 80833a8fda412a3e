package dev.tlsguard.cli;

import dev.tlsguard.rules.FindingKind;
import dev.tlsguard.rules.Protocol;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.rules.Severity;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses the rule options of {@code tlsguard check} into {@link RuleSettings}. */
final class SettingsParser {
  private SettingsParser() {}

  /**
   * Parses protocol names such as {@code SSLv3} or {@code TLSv1.1}, ignoring case; {@code TLSv1.0},
   * {@code TLSv1_1} and {@code TLS1.1} are accepted too.
   *
   * @throws IllegalArgumentException if a name is unknown or the list is empty
   */
  static Set<Protocol> parseProtocols(List<String> names) {
    Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
    for (String name : names) {
      if (name.isBlank()) {
        continue;
      }
      protocols.add(parseProtocol(name));
    }
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid --protocols value: name at least one of SSLv2, SSLv3, TLSv1, TLSv1.1");
    }
    return protocols;
  }

  private static Protocol parseProtocol(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '.');
    return switch (key) {
      case "sslv2", "ssl2" -> Protocol.SSL_V2;
      case "sslv3", "ssl3" -> Protocol.SSL_V3;
      case "tlsv1", "tlsv1.0", "tls1", "tls1.0" -> Protocol.TLS_V1;
      case "tlsv1.1", "tls1.1" -> Protocol.TLS_V1_1;
      default ->
          throw new IllegalArgumentException(
              "Invalid protocol '"
                  + name
                  + "' in --protocols; expected SSLv2, SSLv3, TLSv1 or"
                  + " TLSv1.1");
    };
  }

  /**
   * Parses {@code --severity} entries, each {@code KIND=LEVEL}.
   *
   * @throws IllegalArgumentException if a kind or level is unknown
   */
  static Map<FindingKind, Severity> parseSeverities(Map<String, String> entries) {
    Map<FindingKind, Severity> overrides = new EnumMap<>(FindingKind.class);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      FindingKind kind =
          FindingKind.fromId(entry.getKey().trim())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Invalid kind '"
                              + entry.getKey()
                              + "' in --severity; expected one of "
                              + kindIds()));
      overrides.put(kind, Severity.parse(entry.getValue()));
    }
    return overrides;
  }

  /**
   * Parses {@code --prefer-fix}.
   *
   * @throws IllegalArgumentException if the value is neither {@code minimal} nor {@code modern}
   */
  static RuleSettings.FixPreference parseFixPreference(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "minimal" -> RuleSettings.FixPreference.MINIMAL;
      case "modern" -> RuleSettings.FixPreference.MODERN;
      default ->
          throw new IllegalArgumentException(
              "Invalid --prefer-fix value '" + value + "'; expected minimal or modern");
    };
  }

  /** Returns the kind ids, comma-separated, for help and error text. */
  static String kindIds() {
    return Arrays.stream(FindingKind.values())
        .map(FindingKind::id)
        .collect(Collectors.joining(", "));
  }
}
