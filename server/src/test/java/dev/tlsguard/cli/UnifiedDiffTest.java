package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void changedLine_shownWithContext() {
    String before = "import ssl\n\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nrun(ctx)\n";
    String after = "import ssl\n\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\nrun(ctx)\n";

    String diff = UnifiedDiff.of("src/app.py", before, after);

    assertThat(diff)
        .isEqualTo(
            "--- a/src/app.py\n"
                + "+++ b/src/app.py\n"
                + "@@ -1,4 +1,4 @@\n"
                + " import ssl\n"
                + " \n"
                + "-ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
                + "+ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\n"
                + " run(ctx)\n");
  }

  @Test
  void splitLines_acceptsEveryLineBreak() {
    assertThat(UnifiedDiff.splitLines("a\r\nb\rc\nd")).containsExactly("a", "b", "c", "d");
    assertThat(UnifiedDiff.splitLines("a\n")).containsExactly("a");
    assertThat(UnifiedDiff.splitLines("")).isEmpty();
  }
}
