package dev.tlsguard.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import org.junit.jupiter.api.Test;

class PythonParserTest {

  @Test
  void parse_byteOffsetsAreTwiceCharIndexes() {
    String text = "naïve = 1\nssl.PROTOCOL_TLSv1\n";
    try (PythonParser parser = new PythonParser(); Tree tree = parser.parse(text)) {
      int index = text.indexOf("PROTOCOL_TLSv1");
      Node node = tree.getRootNode().getNamedDescendant(index * 2, (index + 14) * 2).orElseThrow();

      assertThat(node.getType()).isEqualTo("identifier");
      assertThat(SourceText.charIndex(node.getStartByte())).isEqualTo(index);
    }
  }

  @Test
  void incrementalParse_matchesFreshParse() {
    String before = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n";
    String after = before.replace("PROTOCOL_TLS_CLIENT", "PROTOCOL_TLSv1");
    int start = before.indexOf("PROTOCOL_TLS_CLIENT");
    try (PythonParser parser = new PythonParser(); Tree old = parser.parse(before)) {
      int oldEnd = start + "PROTOCOL_TLS_CLIENT".length();
      int newEnd = start + "PROTOCOL_TLSv1".length();
      int column = start - before.indexOf('\n') - 1;
      old.edit(new InputEdit(start * 2, oldEnd * 2, newEnd * 2, new Point(1, column * 2),
          new Point(1, (column + 19) * 2), new Point(1, (column + 14) * 2)));
      try (Tree incremental = parser.parse(after, old); Tree fresh = parser.parse(after)) {
        assertThat(incremental.getRootNode().toSexp()).isEqualTo(fresh.getRootNode().toSexp());
        assertThat(incremental.getRootNode().getEndByte()).isEqualTo(after.length() * 2);
      }
    }
  }

  @Test
  void parse_stopsWhenCallbackSaysSo() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("value_").append(i).append(" = call(").append(i).append(")\n");
    }
    try (PythonParser parser = new PythonParser()) {
      assertThatThrownBy(() -> parser.parse(text.toString(), null, () -> false))
          .isInstanceOf(ParseCancelledException.class)
          .hasMessageContaining("character file");
      try (Tree tree = parser.parse("x = 1\n")) {
        assertThat(tree.getRootNode().hasError()).isFalse();
      }
    }
  }
}
