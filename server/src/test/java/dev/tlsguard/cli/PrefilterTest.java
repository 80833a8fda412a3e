package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.RuleSettings;
import org.junit.jupiter.api.Test;

class PrefilterTest {
  private final Prefilter prefilter = new Prefilter(false);

  @Test
  void sslAndConstant_parsed() {
    assertThat(prefilter.mayContainFinding("import ssl\nssl.SSLContext(ssl.PROTOCOL_TLSv1)\n")).isTrue();
    assertThat(prefilter.mayContainFinding("from OpenSSL import SSL\nSSL.Context(SSL.SSLv3_METHOD)\n")).isTrue();
    assertThat(prefilter.mayContainFinding("import sSl as s\nx = s.TLSVersion.MINIMUM_SUPPORTED\n")).isTrue();
    assertThat(prefilter.mayContainFinding("from OpenSSL import SSL\nc.set_min_proto_version(0)\n")).isTrue();
    assertThat(prefilter.mayContainFinding("import ssl\nc.set_max_proto_version(SSL.TLS1_1_VERSION)\n")).isTrue();
  }

  @Test
  void noSslOrNoConstant_skipped() {
    assertThat(prefilter.mayContainFinding("import os\nprint('TLSv1')\n")).isFalse();
    assertThat(prefilter.mayContainFinding("import ssl\nctx = ssl.create_default_context()\n")).isFalse();
    assertThat(prefilter.mayContainFinding("")).isFalse();
    assertThat(prefilter.mayContainFinding("s s l TLSv1")).isFalse();
  }

  @Test
  void nfkcSpelling_skippedLikeTheRule() {
    // The rule reads names as written, so an NFKC-equivalent spelling of ssl binds nothing there.
    String text = "import \u017Fsl\nctx = \u017Fsl.create(\u017Fsl.PROTOCOL_TLSv1)\n";

    assertThat(prefilter.mayContainFinding(text)).isFalse();
    try (Analyzer analyzer = new Analyzer(RuleSettings.DEFAULTS)) {
      assertThat(analyzer.analyze(text).findings()).isEmpty();
    }
  }

  @Test
  void stringForms_parseTheirKeywords() {
    Prefilter withStrings = new Prefilter(true);

    assertThat(withStrings.mayContainFinding("connect(tls_versions=['TLSv1'])\n")).isTrue();
    assertThat(prefilter.mayContainFinding("connect(tls_versions=['TLSv1'])\n")).isFalse();
  }
}
