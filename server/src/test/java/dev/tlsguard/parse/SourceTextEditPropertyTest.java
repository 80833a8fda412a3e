package dev.tlsguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link SourceText#edit} keeps its line table equal to one built from the new text. */
class SourceTextEditPropertyTest {

  @Property(tries = 500)
  void edit_matchesFreshLineTable(
      @ForAll("texts") String text,
      @ForAll("texts") String inserted,
      @ForAll double startFraction,
      @ForAll double lengthFraction) {
    int start = (int) (Math.abs(startFraction) % 1 * (text.length() + 1));
    int end = start + (int) (Math.abs(lengthFraction) % 1 * (text.length() - start + 1));
    end = Math.min(end, text.length());
    SourceText edited = SourceText.versioned(text).edit(start, end, inserted);
    SourceText fresh = new SourceText(text.substring(0, start) + inserted + text.substring(end));

    assertThat(edited.text()).isEqualTo(fresh.text());
    assertThat(edited.lineCount()).isEqualTo(fresh.lineCount());
    for (int line = 0; line < fresh.lineCount(); line++) {
      assertThat(edited.lineStart(line)).as("start of line %d", line).isEqualTo(fresh.lineStart(line));
    }
    assertThat(edited.isVersioned()).isTrue();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars('a', ' ', '\r', '\n').ofMaxLength(12);
  }
}
