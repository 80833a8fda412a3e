package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefilterTest {
  private final Prefilter prefilter = new Prefilter(false);

  @Test
  void sslInAnyCase_parsed() {
    assertThat(prefilter.mayContainFinding("import ssl\n")).isTrue();
    assertThat(prefilter.mayContainFinding("from OpenSSL import SSL\n")).isTrue();
    assertThat(prefilter.mayContainFinding("x = 'sSl'")).isTrue();
    assertThat(prefilter.mayContainFinding("ssl")).isTrue();
  }

  @Test
  void noSsl_skipped() {
    assertThat(prefilter.mayContainFinding("import os\nprint('TLSv1')\n")).isFalse();
    assertThat(prefilter.mayContainFinding("")).isFalse();
    assertThat(prefilter.mayContainFinding("ss")).isFalse();
    assertThat(prefilter.mayContainFinding("s s l")).isFalse();
  }

  @Test
  void nfkcEquivalentSpelling_parsed() {
    // Python normalises identifiers with NFKC, so U+017F and fullwidth letters spell "ssl".
    assertThat(prefilter.mayContainFinding("import \u017Fsl\n")).isTrue();
    assertThat(prefilter.mayContainFinding("import \uFF53\uFF53\uFF4C\n")).isTrue();
    assertThat(prefilter.mayContainFinding("name = 'é'\n")).isFalse();
  }

  @Test
  void stringForms_alsoParseTls() {
    Prefilter withStrings = new Prefilter(true);

    assertThat(withStrings.mayContainFinding("connect(tls_versions=['TLSv1'])\n")).isTrue();
    assertThat(prefilter.mayContainFinding("connect(tls_versions=['TLSv1'])\n")).isFalse();
  }
}
