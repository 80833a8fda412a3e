package dev.tlsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {
  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void plainUtf8_decoded() throws Exception {
    DecodedSource source = SourceDecoder.decode(utf8("name = 'é🔒'\n"));

    assertThat(source.text()).isEqualTo("name = 'é🔒'\n");
    assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(source.byteOrderMark()).isFalse();
  }

  @Test
  void byteOrderMark_strippedAndRestoredOnEncode() throws Exception {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '=', '1', '\n'};

    DecodedSource source = SourceDecoder.decode(bytes);

    assertThat(source.text()).isEqualTo("x=1\n");
    assertThat(source.byteOrderMark()).isTrue();
    assertThat(source.encode("x=2\n")).containsExactly(0xEF, 0xBB, 0xBF, 'x', '=', '2', '\n');
  }

  @Test
  void codingOnFirstLine_used() throws Exception {
    DecodedSource source = SourceDecoder.decode(latin1("# -*- coding: latin-1 -*-\ns = 'é'\n"));

    assertThat(source.text()).endsWith("s = 'é'\n");
    assertThat(source.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(source.encode(source.text()))
        .isEqualTo(latin1("# -*- coding: latin-1 -*-\ns = 'é'\n"));
  }

  @Test
  void codingOnSecondLineAfterShebang_used() throws Exception {
    DecodedSource source =
        SourceDecoder.decode(
            latin1("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = '¤'\n"));

    assertThat(source.charset().name()).isEqualTo("ISO-8859-15");
  }

  @Test
  void codingOnSecondLineAfterCode_ignored() {
    byte[] bytes = latin1("import os\n# coding: latin-1\ns = 'é'\n");

    assertThatThrownBy(() -> SourceDecoder.decode(bytes))
        .isInstanceOf(SourceDecoder.SourceDecodingException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void codingOnThirdLine_ignored() throws Exception {
    DecodedSource source = SourceDecoder.decode(utf8("#\n#\n# coding: latin-1\n"));

    assertThat(source.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void pythonCodecSpellings_mapped() throws Exception {
    assertThat(SourceDecoder.charsetFor("utf_8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(SourceDecoder.charsetFor("UTF8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(SourceDecoder.charsetFor("latin_1")).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(SourceDecoder.charsetFor("iso-8859-1-unix")).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(SourceDecoder.charsetFor("cp1252").name()).isEqualTo("windows-1252");
    assertThat(SourceDecoder.charsetFor("euc_jp").name()).isEqualTo("EUC-JP");
    assertThat(SourceDecoder.charsetFor("ascii")).isEqualTo(StandardCharsets.US_ASCII);
  }

  @Test
  void invalidUtf8_reportsByteOffset() {
    byte[] bytes = {'x', ' ', '=', ' ', (byte) 0xFF, '\n'};

    assertThatThrownBy(() -> SourceDecoder.decode(bytes))
        .isInstanceOf(SourceDecoder.SourceDecodingException.class)
        .hasMessage("invalid UTF-8 byte sequence at byte offset 4");
  }

  @Test
  void unknownEncoding_reported() {
    byte[] bytes = utf8("# coding: klingon-8\n");

    assertThatThrownBy(() -> SourceDecoder.decode(bytes))
        .isInstanceOf(SourceDecoder.SourceDecodingException.class)
        .hasMessage("unknown encoding 'klingon-8' in the coding declaration");
  }

  @Test
  void byteOrderMarkWithOtherCoding_rejected() {
    byte[] bytes = {
      (byte) 0xEF,
      (byte) 0xBB,
      (byte) 0xBF,
      '#',
      ' ',
      'c',
      'o',
      'd',
      'i',
      'n',
      'g',
      ':',
      ' ',
      'l',
      'a',
      't',
      'i',
      'n',
      '-',
      '1',
      '\n'
    };

    assertThatThrownBy(() -> SourceDecoder.decode(bytes))
        .isInstanceOf(SourceDecoder.SourceDecodingException.class)
        .hasMessageContaining("byte order mark");
  }

  @Test
  void lineSeparator_detectedFromFirstBreak() throws Exception {
    assertThat(SourceDecoder.decode(utf8("a\r\nb\n")).lineSeparator()).isEqualTo("\r\n");
    assertThat(SourceDecoder.decode(utf8("a\rb")).lineSeparator()).isEqualTo("\r");
    assertThat(SourceDecoder.decode(utf8("a")).lineSeparator()).isEqualTo("\n");
  }

  @Test
  void unencodableReplacement_rejected() throws Exception {
    DecodedSource source = SourceDecoder.decode(utf8("# coding: ascii\nx = 1\n"));

    assertThatThrownBy(() -> source.encode("x = 'é'\n"))
        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
  }
}
