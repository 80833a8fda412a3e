package dev.tlsguard.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixApplierTest {
  private static final String TEXT = "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private final FixApplier applier = new FixApplier("\n");

  private static Fix fix(String title, TextEdit... edits) {
    return new Fix(title, true, List.of(edits));
  }

  @Test
  void singleReplacement_applied() {
    Fix fix = fix("Use PROTOCOL_TLSv1_2", new TextEdit(25, 39, "PROTOCOL_TLSv1_2"));

    FixApplier.FixResult result = applier.apply(TEXT, List.of(fix));

    assertThat(result.text()).isEqualTo("ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\n");
    assertThat(result.applied()).containsExactly(fix);
    assertThat(result.skipped()).isEmpty();
  }

  @Test
  void disjointFixes_allAppliedWhateverTheirOrder() {
    String text = "a = X\nb = Y\n";
    Fix second = fix("second", new TextEdit(10, 11, "YY"));
    Fix first = fix("first", new TextEdit(4, 5, "XX"));

    FixApplier.FixResult result = applier.apply(text, List.of(second, first));

    assertThat(result.text()).isEqualTo("a = XX\nb = YY\n");
    assertThat(result.applied()).containsExactly(first, second);
  }

  @Test
  void overlappingFix_skippedAsAWhole() {
    Fix first = fix("first", new TextEdit(21, 39, "A"));
    Fix overlapping = fix("overlapping", new TextEdit(0, 3, "c"), new TextEdit(25, 30, "B"));

    FixApplier.FixResult result = applier.apply(TEXT, List.of(first, overlapping));

    // The overlapping fix starts earlier, so it is taken first and the other one is skipped.
    assertThat(result.applied()).containsExactly(overlapping);
    assertThat(result.skipped()).containsExactly(first);
    assertThat(result.text()).isEqualTo("c = ssl.SSLContext(ssl.BCOL_TLSv1)\n");
  }

  @Test
  void identicalEditInTwoFixes_appliedOnce() {
    String text = "from ssl import PROTOCOL_TLSv1\nA = PROTOCOL_TLSv1\nB = PROTOCOL_TLSv1\n";
    TextEdit importEdit = new TextEdit(30, 30, ", PROTOCOL_TLSv1_2");
    Fix a = fix("a", new TextEdit(35, 49, "PROTOCOL_TLSv1_2"), importEdit);
    Fix b = fix("b", new TextEdit(54, 68, "PROTOCOL_TLSv1_2"), importEdit);

    FixApplier.FixResult result = applier.apply(text, List.of(a, b));

    assertThat(result.skipped()).isEmpty();
    assertThat(result.text())
        .isEqualTo(
            "from ssl import PROTOCOL_TLSv1, PROTOCOL_TLSv1_2\nA = PROTOCOL_TLSv1_2\n"
                + "B = PROTOCOL_TLSv1_2\n");
  }

  @Test
  void twoInsertionsAtOnePoint_secondSkipped() {
    Fix a = fix("a", new TextEdit(3, 3, "x"));
    Fix b = fix("b", new TextEdit(3, 3, "y"));

    FixApplier.FixResult result = applier.apply("abcdef", List.of(a, b));

    assertThat(result.text()).isEqualTo("abcxdef");
    assertThat(result.skipped()).containsExactly(b);
  }

  @Test
  void insertionAtEndOfReplacement_bothApplied() {
    Fix a = fix("a", new TextEdit(1, 3, "XY"));
    Fix b = fix("b", new TextEdit(3, 3, "!"));

    FixApplier.FixResult result = applier.apply("abcdef", List.of(a, b));

    assertThat(result.text()).isEqualTo("aXY!def");
    assertThat(result.skipped()).isEmpty();
  }

  @Test
  void overlaps_table() {
    assertThat(FixApplier.overlaps(new TextEdit(0, 5, ""), new TextEdit(4, 6, ""))).isTrue();
    assertThat(FixApplier.overlaps(new TextEdit(0, 5, ""), new TextEdit(5, 6, ""))).isFalse();
    assertThat(FixApplier.overlaps(new TextEdit(0, 5, ""), new TextEdit(2, 2, ""))).isTrue();
    assertThat(FixApplier.overlaps(new TextEdit(2, 2, ""), new TextEdit(2, 4, ""))).isTrue();
    assertThat(FixApplier.overlaps(new TextEdit(4, 4, ""), new TextEdit(2, 4, ""))).isFalse();
  }

  @Test
  void crlfFile_insertedLineUsesCrlf() {
    FixApplier crlf = new FixApplier("\r\n");
    String text = "ctx = make()\r\nuse(ctx)\r\n";
    Fix fix = fix("insert", new TextEdit(14, 14, "ctx.minimum_version = v\n"));

    FixApplier.FixResult result = crlf.apply(text, List.of(fix));

    assertThat(result.text()).isEqualTo("ctx = make()\r\nctx.minimum_version = v\r\nuse(ctx)\r\n");
  }

  @Test
  void editBeyondText_rejected() {
    Fix fix = fix("broken", new TextEdit(3, 99, "x"));

    assertThatThrownBy(() -> applier.apply("abc", List.of(fix)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("3-character");
  }
}
