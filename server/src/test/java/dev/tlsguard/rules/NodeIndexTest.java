package dev.tlsguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonParser;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Tree;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeIndexTest {

  @Test
  void descendant_matchesTreeSitterOnWideModule() {
    StringBuilder text = new StringBuilder("import ssl\n");
    for (int i = 0; i < 400; i++) {
      text.append("ctx_").append(i).append(" = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # n").append(i).append('\n');
      if (i % 50 == 0) {
        text.append("class Holder").append(i).append(":\n");
        for (int j = 0; j < 40; j++) {
          text.append("    value_").append(j).append(" = {'k': [").append(j).append(", (1, 2)]}\n");
        }
      }
    }
    String source = text.toString();
    Random random = new Random(7);
    try (PythonParser parser = new PythonParser(); Tree tree = parser.parse(source)) {
      Node root = tree.getRootNode();
      NodeIndex index = new NodeIndex(root);
      for (int trial = 0; trial < 3000; trial++) {
        int start = random.nextInt(source.length());
        int end = Math.min(source.length(), start + random.nextInt(12));
        Optional<Node> expected = root.getDescendant(start * 2, end * 2);
        Optional<Node> actual = index.descendant(start, end);
        assertThat(describe(actual)).as("descendant of [%d, %d)", start, end).isEqualTo(describe(expected));
        Optional<Node> expectedNamed = root.getNamedDescendant(start * 2, end * 2);
        Optional<Node> actualNamed = index.namedDescendant(start, end);
        assertThat(describe(actualNamed)).as("named descendant of [%d, %d)", start, end)
            .isEqualTo(describe(expectedNamed));
      }
    }
  }

  private static String describe(Optional<Node> node) {
    return node.map(n -> n.getType() + "@" + n.getStartByte() + "-" + n.getEndByte()).orElse("none");
  }
}
