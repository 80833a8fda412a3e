package dev.tlsguard.rules;

import io.github.treesitter.jtreesitter.Node;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What one analysis read besides the whole-text word scan: the char ranges of the nodes and text
 * it inspected, and the names it searched for with a text scan (such as a module name checked for
 * local assignments, or an alias). Take an edit whose lines touch none of the ranges and whose
 * text contains none of the names. If the syntax tree outside the edit is the same, the edit
 * leaves every inspection as it was.
 *
 * <p>Immutable; the ranges are sorted, disjoint and non-empty.
 */
final class Dependencies {
  private final int[] starts;
  private final int[] ends;
  private final Set<String> names;
  private final IdentifierScanner nameScanner;

  private Dependencies(int[] starts, int[] ends, Set<String> names, IdentifierScanner nameScanner) {
    this.starts = starts;
    this.ends = ends;
    this.names = names;
    this.nameScanner = nameScanner;
  }

  /** Returns whether any recorded range overlaps chars {@code [from, to)}. */
  boolean intersects(int from, int to) {
    // Only the first range that ends after from needs checking, because later ones start later.
    int low = 0;
    int high = ends.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ends[middle] <= from) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < starts.length && starts[low] < to;
  }

  /** Returns whether {@code text[from, to)} contains one of the recorded names as a whole word. */
  boolean mentionsName(String text, int from, int to) {
    return !nameScanner.scan(text, from, to).isEmpty();
  }

  /**
   * Returns the ranges after an edit replaced chars {@code [from, oldTo)}, which no range
   * overlaps, with text {@code delta} chars longer or shorter.
   */
  Dependencies shifted(int from, int oldTo, int delta) {
    int[] newStarts = starts.clone();
    int[] newEnds = ends.clone();
    for (int i = 0; i < newStarts.length; i++) {
      if (newStarts[i] >= oldTo) {
        newStarts[i] += delta;
        newEnds[i] += delta;
      } else if (newEnds[i] > from) {
        throw new IllegalArgumentException("Range " + i + " overlaps the edit");
      }
    }
    return new Dependencies(newStarts, newEnds, names, nameScanner);
  }

  /** Collects the ranges and names while an analysis runs. Not thread-safe. */
  static final class Recorder {
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    private final Set<String> names = new HashSet<>();

    /** Records that the analysis read {@code node}: its type, text or children. */
    void node(Node node) {
      range(Nodes.start(node), Nodes.end(node));
    }

    /** Records that the analysis read chars {@code [start, end)}; an empty range counts as one char. */
    void range(int start, int end) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      starts[size] = start;
      ends[size] = Math.max(end, start + 1);
      size++;
    }

    /** Records that the analysis searched the text for the whole word {@code name}. */
    void name(String name) {
      names.add(name);
    }

    /** Returns the recorded dependencies, with overlapping and touching ranges merged. */
    Dependencies build() {
      long[] packed = new long[size];
      for (int i = 0; i < size; i++) {
        packed[i] = ((long) starts[i] << 32) | ends[i];
      }
      Arrays.sort(packed);
      int[] mergedStarts = new int[size];
      int[] mergedEnds = new int[size];
      int count = 0;
      for (long range : packed) {
        int start = (int) (range >>> 32);
        int end = (int) range;
        if (count > 0 && start <= mergedEnds[count - 1]) {
          mergedEnds[count - 1] = Math.max(mergedEnds[count - 1], end);
        } else {
          mergedStarts[count] = start;
          mergedEnds[count] = end;
          count++;
        }
      }
      Set<String> copy = Set.copyOf(names);
      return new Dependencies(
          Arrays.copyOf(mergedStarts, count),
          Arrays.copyOf(mergedEnds, count),
          copy,
          new IdentifierScanner(copy));
    }
  }
}
