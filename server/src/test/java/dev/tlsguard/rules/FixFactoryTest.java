package dev.tlsguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixFactoryTest {

  private static List<Finding> analyze(String text, RuleSettings settings) {
    try (Analyzer analyzer = new Analyzer(settings)) {
      return analyzer.analyze(text).findings();
    }
  }

  @Test
  void modernFix_afterSemicolon_unsafeWithoutFloor() {
    String text = "import ssl\n\n\ndef serve(sock):\n"
        + "    s5 = ssl.SSLContext(ssl.PROTOCOL_TLSv1); return s5.wrap_socket(sock, server_side=True)\n";

    List<Finding> findings = analyze(text, RuleSettings.DEFAULTS.withFixPreference(RuleSettings.FixPreference.MODERN));

    assertThat(findings).hasSize(1);
    Fix modern = findings.get(0).fixes().stream().filter(fix -> fix.title().contains("PROTOCOL_TLS_SERVER"))
        .findFirst().orElseThrow();
    assertThat(modern.safe()).isFalse();
    assertThat(modern.title()).doesNotContain("minimum");
    assertThat(modern.edits()).hasSize(1);
  }

  @Test
  void modernFix_ownLine_safeWithFloor() {
    String text = "import ssl\n\n\ndef serve(sock):\n"
        + "    s5 = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
        + "    return s5.wrap_socket(sock, server_side=True)\n";

    List<Finding> findings = analyze(text, RuleSettings.DEFAULTS.withFixPreference(RuleSettings.FixPreference.MODERN));

    Fix first = findings.get(0).fixes().get(0);
    assertThat(first.safe()).isTrue();
    assertThat(first.title()).contains("PROTOCOL_TLS_SERVER").contains("TLS 1.2 minimum");
    assertThat(FixApplication.applySafe(text, findings).text())
        .contains("    s5 = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n    s5.minimum_version = ssl.TLSVersion.TLSv1_2\n");
  }

  @Test
  void constantAcrossContinuation_reportedOnOneLine() {
    String text = "import ssl\nlegacy = ssl.\\\n    PROTOCOL_TLSv1\n";

    List<Finding> findings = analyze(text, RuleSettings.DEFAULTS);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).constant()).isEqualTo("ssl.PROTOCOL_TLSv1");
    assertThat(findings.get(0).message()).doesNotContain("\n");
  }
}
