package dev.tlsguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The byte-level search for {@code ssl} against the text-level one it replaces. */
class Utf8PrefilterTest {

  @Property(tries = 5000)
  void mentionsSsl_agreesWithTheTextSearch(@ForAll("nearMisses") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    assertThat(Utf8Prefilter.mentionsSsl(bytes, bytes.length))
        .as("bytes of %s", text)
        .isEqualTo(InsecureSslProtocolsRule.mentionsSsl(text));
  }

  @Example
  void mentionsSsl_findsMatchesThatTheSkipCouldJumpOver() {
    for (String text : new String[] {"ssl", "sSsl", "xsssl", "slssl", "lssl", "ssssL", "abSSL"}) {
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      assertThat(Utf8Prefilter.mentionsSsl(bytes, bytes.length)).as(text).isTrue();
    }
    for (String text : new String[] {"", "ss", "sl", "s sl", "sls", "lss", "ssx", "s\u00e9l"}) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(Utf8Prefilter.mentionsSsl(bytes, bytes.length)).as(text).isFalse();
    }
  }

  @Example
  void mentionsSsl_readsOnlyTheGivenLength() {
    byte[] bytes = "xxssl".getBytes(StandardCharsets.US_ASCII);

    assertThat(Utf8Prefilter.mentionsSsl(bytes, 4)).isFalse();
    assertThat(Utf8Prefilter.mentionsSsl(bytes, 5)).isTrue();
  }

  @Provide
  Arbitrary<String> nearMisses() {
    // Mostly the letters of the word in both cases, so matches and near misses are frequent.
    return Arbitraries.strings().withChars("sSlLx _\u00e9\u0153").ofMaxLength(24);
  }
}
