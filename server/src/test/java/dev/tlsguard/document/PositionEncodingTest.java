package dev.tlsguard.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PositionEncodingTest {
  // Line 0: "a😀b" (emoji is 2 UTF-16 units, 4 UTF-8 bytes, 1 code point), CRLF.
  // Line 1: "中文x" (CJK: 3 UTF-8 bytes each), lone CR.
  // Line 2: "e\u0301z" (e + combining acute: 2 code points, 3 UTF-8 bytes), LF.
  // Line 3: "end" with no newline.
  private static final String TEXT = "a😀b\r\n中文x\re\u0301z\nend";
  private static final SourceText SOURCE = new SourceText(TEXT);

  @Test
  void negotiate_picksFirstSupportedInClientOrder() {
    assertThat(PositionEncoding.negotiate(List.of("utf-32", "utf-8")))
        .isEqualTo(PositionEncoding.UTF_32);
    assertThat(PositionEncoding.negotiate(List.of("latin-1", "utf-8", "utf-16")))
        .isEqualTo(PositionEncoding.UTF_8);
  }

  @Test
  void negotiate_defaultsToUtf16() {
    assertThat(PositionEncoding.negotiate(null)).isEqualTo(PositionEncoding.UTF_16);
    assertThat(PositionEncoding.negotiate(List.of())).isEqualTo(PositionEncoding.UTF_16);
    assertThat(PositionEncoding.negotiate(List.of("utf-7"))).isEqualTo(PositionEncoding.UTF_16);
  }

  @Test
  void emojiColumn_differsPerEncoding() {
    int b = TEXT.indexOf('b');
    assertThat(PositionEncoding.UTF_8.column(SOURCE, b)).isEqualTo(5);
    assertThat(PositionEncoding.UTF_16.column(SOURCE, b)).isEqualTo(3);
    assertThat(PositionEncoding.UTF_32.column(SOURCE, b)).isEqualTo(2);
    assertThat(PositionEncoding.UTF_8.offset(SOURCE, 0, 5).offset()).isEqualTo(b);
    assertThat(PositionEncoding.UTF_16.offset(SOURCE, 0, 3).offset()).isEqualTo(b);
    assertThat(PositionEncoding.UTF_32.offset(SOURCE, 0, 2).offset()).isEqualTo(b);
  }

  @Test
  void cjkColumn_differsPerEncoding() {
    int x = TEXT.indexOf('x');
    assertThat(SOURCE.lineOf(x)).isEqualTo(1);
    assertThat(PositionEncoding.UTF_8.column(SOURCE, x)).isEqualTo(6);
    assertThat(PositionEncoding.UTF_16.column(SOURCE, x)).isEqualTo(2);
    assertThat(PositionEncoding.UTF_32.column(SOURCE, x)).isEqualTo(2);
  }

  @Test
  void combiningMark_countsAsItsOwnCodePoint() {
    int z = TEXT.indexOf('z');
    assertThat(SOURCE.lineOf(z)).as("lone CR ends line 1").isEqualTo(2);
    assertThat(PositionEncoding.UTF_8.column(SOURCE, z)).isEqualTo(3);
    assertThat(PositionEncoding.UTF_16.column(SOURCE, z)).isEqualTo(2);
    assertThat(PositionEncoding.UTF_32.column(SOURCE, z)).isEqualTo(2);
  }

  @Test
  void lastLineWithoutNewline_resolvesToTextEnd() {
    for (PositionEncoding encoding : PositionEncoding.values()) {
      PositionEncoding.Resolved end = encoding.offset(SOURCE, 3, 3);
      assertThat(end.offset()).as(encoding.id()).isEqualTo(TEXT.length());
      assertThat(end.clamped()).as(encoding.id()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(PositionEncoding.class)
  void everyCodePointBoundary_roundTrips(PositionEncoding encoding) {
    for (int offset = 0;
        offset <= TEXT.length();
        offset += offset < TEXT.length() ? Character.charCount(TEXT.codePointAt(offset)) : 1) {
      if (offset > 0
          && offset < TEXT.length()
          && TEXT.charAt(offset - 1) == '\r'
          && TEXT.charAt(offset) == '\n') {
        continue; // Between \r and \n is not a position on any line.
      }
      int line = SOURCE.lineOf(offset);
      int column = encoding.column(SOURCE, offset);
      PositionEncoding.Resolved resolved = encoding.offset(SOURCE, line, column);
      assertThat(resolved.offset()).as("offset %d in %s", offset, encoding.id()).isEqualTo(offset);
      assertThat(resolved.clamped()).as("offset %d in %s", offset, encoding.id()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(PositionEncoding.class)
  void columnPastLineEnd_clampsToContentEnd(PositionEncoding encoding) {
    PositionEncoding.Resolved resolved = encoding.offset(SOURCE, 0, 99);
    assertThat(resolved.offset()).isEqualTo(TEXT.indexOf('\r'));
    assertThat(resolved.clamped()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(PositionEncoding.class)
  void linePastEnd_clampsToTextEnd(PositionEncoding encoding) {
    PositionEncoding.Resolved resolved = encoding.offset(SOURCE, 9, 0);
    assertThat(resolved.offset()).isEqualTo(TEXT.length());
    assertThat(resolved.clamped()).isTrue();
  }

  @Test
  void negativePosition_clampsToStart() {
    assertThat(PositionEncoding.UTF_16.offset(SOURCE, -1, 0).offset()).isZero();
    assertThat(PositionEncoding.UTF_16.offset(SOURCE, 1, -4).offset())
        .isEqualTo(SOURCE.lineStart(1));
  }

  @Test
  void columnInsideSurrogatePair_movesToCharacterStart() {
    PositionEncoding.Resolved resolved = PositionEncoding.UTF_16.offset(SOURCE, 0, 2);
    assertThat(resolved.offset()).isEqualTo(1);
    assertThat(resolved.clamped()).isTrue();
  }

  @Test
  void columnInsideUtf8Sequence_movesToCharacterStart() {
    PositionEncoding.Resolved resolved = PositionEncoding.UTF_8.offset(SOURCE, 1, 4);
    assertThat(resolved.offset()).isEqualTo(SOURCE.lineStart(1) + 1);
    assertThat(resolved.clamped()).isTrue();
  }
}
