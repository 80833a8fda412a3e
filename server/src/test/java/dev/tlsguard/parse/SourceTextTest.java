package dev.tlsguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void lineEnds_allThreeKindsCount() {
    SourceText source = new SourceText("a\nb\r\nc\rd");

    assertThat(source.lineCount()).isEqualTo(4);
    assertThat(source.lineText(0)).isEqualTo("a");
    assertThat(source.lineText(1)).isEqualTo("b");
    assertThat(source.lineText(2)).isEqualTo("c");
    assertThat(source.lineText(3)).isEqualTo("d");
    assertThat(source.lineOf(source.text().indexOf('d'))).isEqualTo(3);
  }

  @Test
  void trailingNewline_addsEmptyLastLine() {
    SourceText source = new SourceText("x = 1\n");

    assertThat(source.lineCount()).isEqualTo(2);
    assertThat(source.lineText(1)).isEmpty();
    assertThat(source.lineOf(source.length())).isEqualTo(1);
  }

  @Test
  void emptyText_hasOneLine() {
    SourceText source = new SourceText("");

    assertThat(source.lineCount()).isEqualTo(1);
    assertThat(source.lineOf(0)).isZero();
    assertThat(source.lineContentEnd(0)).isZero();
  }

  @Test
  void columns_differPerEncoding() {
    // "é" is 1 UTF-16 unit and 2 UTF-8 bytes; the emoji is 2 UTF-16 units, 4 UTF-8 bytes, 1 code point.
    String text = "x\né🔒ssl";
    SourceText source = new SourceText(text);
    int index = text.indexOf("ssl");

    assertThat(source.utf16Column(index)).isEqualTo(3);
    assertThat(source.codePointColumn(index)).isEqualTo(2);
    assertThat(source.utf8Column(index)).isEqualTo(6);
  }

  @Test
  void crlf_columnsStartAfterLineEnd() {
    String text = "a\r\n  b";
    SourceText source = new SourceText(text);

    assertThat(source.utf16Column(text.indexOf('b'))).isEqualTo(2);
    assertThat(source.lineContentEnd(0)).isEqualTo(1);
  }

  @Test
  void charIndex_halvesUtf16ByteOffsets() {
    assertThat(SourceText.charIndex(0)).isZero();
    assertThat(SourceText.charIndex(14)).isEqualTo(7);
  }
}
