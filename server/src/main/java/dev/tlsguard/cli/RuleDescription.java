package dev.tlsguard.cli;

import dev.tlsguard.rules.Finding;

/** The rule's descriptive metadata as machine-readable reports publish it. */
final class RuleDescription {
  /** The project's home page. */
  // NOTE: assumes the repository is published at this address; change it together with the docs.
  static final String PROJECT_URI = "https://github.com/tlsguard/tlsguard";

  static final String ID = Finding.RULE_ID;
  static final String NAME = "InsecureSslProtocols";
  static final String SHORT_DESCRIPTION = "Insecure SSL/TLS protocol version selected";
  static final String FULL_DESCRIPTION =
      "Python code selects or re-enables SSLv2, SSLv3, TLS 1.0 or TLS 1.1, protocol versions with"
          + " known attacks that RFC 8996 deprecates. Select TLS 1.2 or newer, for example with"
          + " ssl.PROTOCOL_TLS_CLIENT and minimum_version = ssl.TLSVersion.TLSv1_2.";
  static final String HELP_URI = PROJECT_URI + "/blob/main/docs/rules/insecure-ssl-protocols.md";
  static final String CWE = "CWE-757";

  /**
   * GitHub code scanning's 0.0-10.0 severity for the rule. A forced protocol downgrade exposes
   * traffic to network attackers; 7.5 puts findings in GitHub's "high" band.
   */
  static final String SECURITY_SEVERITY = "7.5";

  private RuleDescription() {}
}
