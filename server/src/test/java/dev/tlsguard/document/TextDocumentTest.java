package dev.tlsguard.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.document.ContentChange.LineRange;
import dev.tlsguard.parse.PythonParser;
import io.github.treesitter.jtreesitter.Tree;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TextDocumentTest {
  private static final String URI = "file:///project/app.py";

  @Test
  void typingACallCharByChar_matchesFreshParse() {
    String target = "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
    try (TextDocument document = TextDocument.open(URI, 1, "import ssl\n")) {
      int version = 1;
      for (int i = 0; i < target.length(); i++) {
        String typed = String.valueOf(target.charAt(i));
        int column = i;
        int line = 1;
        if (i == target.length() - 1) {
          typed = "\n";
        }
        document.apply(
            ++version,
            List.of(ContentChange.replace(new LineRange(line, column, line, column), typed)),
            PositionEncoding.UTF_16);
        assertMatchesFreshParse(document);
      }
      assertThat(document.text()).isEqualTo("import ssl\n" + target);
      assertThat(document.version()).isEqualTo(version);
    }
  }

  @Test
  void editsKeepingSyntaxValid_stayIncremental() {
    try (TextDocument document = TextDocument.open(URI, 1, "import ssl\nx = 1\n")) {
      document.apply(
          2,
          List.of(ContentChange.replace(new LineRange(1, 4, 1, 5), "12")),
          PositionEncoding.UTF_16);
      document.apply(
          3,
          List.of(ContentChange.replace(new LineRange(2, 0, 2, 0), "y = x\n")),
          PositionEncoding.UTF_16);
      assertMatchesFreshParse(document);
      assertThat(document.fullParses()).as("only the open parses from scratch").isEqualTo(1);
    }
  }

  @Test
  void editCausingSyntaxError_parsesFromScratch() {
    try (TextDocument document = TextDocument.open(URI, 1, "import ssl\nx = 1\n")) {
      document.apply(
          2,
          List.of(ContentChange.replace(new LineRange(1, 5, 1, 5), " +")),
          PositionEncoding.UTF_16);
      assertThat(document.tree().getRootNode().hasError()).isTrue();
      assertThat(document.fullParses()).isEqualTo(2);
      assertMatchesFreshParse(document);
    }
  }

  @Test
  void severalChangesInOneNotification_applyInOrder() {
    try (TextDocument document = TextDocument.open(URI, 1, "a = 1\nb = 2\n")) {
      document.apply(
          2,
          List.of(
              ContentChange.replace(new LineRange(0, 4, 0, 5), "10"),
              // Positions of the second change refer to the text after the first.
              ContentChange.replace(new LineRange(1, 0, 1, 1), "bb"),
              ContentChange.replace(new LineRange(2, 0, 2, 0), "c = 3\n")),
          PositionEncoding.UTF_16);
      assertThat(document.text()).isEqualTo("a = 10\nbb = 2\nc = 3\n");
      assertMatchesFreshParse(document);
    }
  }

  @ParameterizedTest
  @EnumSource(PositionEncoding.class)
  void editsAfterCrlfLoneCrAndEmoji_matchFreshParse(PositionEncoding encoding) {
    String text = "s = '😀中'\r\nt = 'e\u0301'\rimport ssl\nx = ssl.PROTOCOL_TLSv1";
    try (TextDocument document = TextDocument.open(URI, 1, text)) {
      String reference = text;
      // Replace "TLSv1" on the last line (no trailing newline) with "TLSv1_2".
      int start = reference.indexOf("TLSv1");
      reference = apply(document, 2, reference, start, start + 5, "TLSv1_2", encoding);
      // Insert after the emoji on line 0.
      int afterEmoji = reference.indexOf("😀") + 2;
      reference = apply(document, 3, reference, afterEmoji, afterEmoji, "€", encoding);
      // Join line 1 and 2 by deleting the lone \r.
      int cr = reference.indexOf('\r', reference.indexOf('\n'));
      reference = apply(document, 4, reference, cr, cr + 1, "\n\n", encoding);
      // Delete across the CRLF of line 0.
      int crlf = reference.indexOf("\r\n");
      reference = apply(document, 5, reference, crlf - 1, crlf + 2, "';", encoding);
      assertThat(document.text()).isEqualTo(reference);
      assertMatchesFreshParse(document);
    }
  }

  @Test
  void fullTextChange_replacesAndReparses() {
    try (TextDocument document = TextDocument.open(URI, 1, "a = 1\n")) {
      document.apply(2, List.of(ContentChange.full("b = 2\n")), PositionEncoding.UTF_16);
      assertThat(document.text()).isEqualTo("b = 2\n");
      assertThat(document.fullParses()).isEqualTo(2);
      assertMatchesFreshParse(document);
    }
  }

  @Test
  void rangePastTheEnd_isClampedNotThrown() {
    try (TextDocument document = TextDocument.open(URI, 1, "a = 1\n")) {
      document.apply(
          2,
          List.of(ContentChange.replace(new LineRange(0, 3, 40, 7), "= 2\n")),
          PositionEncoding.UTF_16);
      assertThat(document.text()).isEqualTo("a == 2\n");
      assertMatchesFreshParse(document);
    }
  }

  @Test
  void reversedRange_isSwapped() {
    try (TextDocument document = TextDocument.open(URI, 1, "abc = 1\n")) {
      document.apply(
          2,
          List.of(ContentChange.replace(new LineRange(0, 3, 0, 1), "")),
          PositionEncoding.UTF_16);
      assertThat(document.text()).isEqualTo("a = 1\n");
      assertMatchesFreshParse(document);
    }
  }

  @Test
  void cloneTree_survivesFurtherEdits() {
    try (TextDocument document = TextDocument.open(URI, 1, "a = 1\n")) {
      try (Tree clone = document.cloneTree()) {
        String before = TreeShape.of(clone);
        document.apply(
            2,
            List.of(ContentChange.replace(new LineRange(0, 0, 0, 0), "b = 2\n")),
            PositionEncoding.UTF_16);
        assertThat(TreeShape.of(clone)).isEqualTo(before);
      }
    }
  }

  private static String apply(
      TextDocument document,
      int version,
      String reference,
      int start,
      int end,
      String inserted,
      PositionEncoding encoding) {
    int[] from = ReferencePositions.position(reference, start, encoding);
    int[] to = ReferencePositions.position(reference, end, encoding);
    document.apply(
        version,
        List.of(ContentChange.replace(new LineRange(from[0], from[1], to[0], to[1]), inserted)),
        encoding);
    String expected = reference.substring(0, start) + inserted + reference.substring(end);
    assertThat(document.text()).isEqualTo(expected);
    return expected;
  }

  static void assertMatchesFreshParse(TextDocument document) {
    try (PythonParser parser = new PythonParser();
        Tree fresh = parser.parse(document.text())) {
      assertThat(TreeShape.of(document.tree()))
          .as("incremental tree of %s", document.text())
          .isEqualTo(TreeShape.of(fresh));
    }
  }
}
