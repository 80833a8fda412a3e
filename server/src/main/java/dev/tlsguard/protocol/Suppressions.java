package dev.tlsguard.protocol;

import dev.tlsguard.document.Comments;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.TextEdit;
import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits that add, extend or remove {@code # tlsguard: ignore} comments.
 *
 * <p>A marker is {@code # tlsguard: ignore}, which hides every finding on its line, or {@code #
 * tlsguard: ignore[kind,...]}, which hides only the listed kinds. Comments are located with the
 * syntax tree, so a {@code #} inside a string is never taken for one.
 */
final class Suppressions {
  private static final Pattern MARKER =
      Pattern.compile("#\\s*tlsguard:\\s*ignore(?:\\[([^\\]]*)\\])?");

  private Suppressions() {}

  /**
   * A marker inside a comment.
   *
   * @param comment the whole comment
   * @param start char index of the marker's {@code #}
   * @param end char index just past the marker
   * @param kindsStart char index just past {@code [}, or -1 for a bare marker
   * @param kinds the listed kinds; empty for a bare marker
   */
  record Marker(Comments.Span comment, int start, int end, int kindsStart, List<String> kinds) {
    boolean isBare() {
      return kindsStart < 0;
    }
  }

  /** Returns the markers in comments on line {@code line}. */
  static List<Marker> markersOnLine(SourceText source, Tree tree, int line) {
    List<Marker> markers = new ArrayList<>();
    String text = source.text();
    for (Comments.Span comment :
        Comments.between(tree, source.lineStart(line), source.lineContentEnd(line))) {
      Matcher matcher = MARKER.matcher(text).region(comment.start(), comment.end());
      while (matcher.find()) {
        List<String> kinds =
            matcher.group(1) == null
                ? List.of()
                : Arrays.stream(matcher.group(1).split(","))
                    .map(String::trim)
                    .filter(kind -> !kind.isEmpty())
                    .toList();
        markers.add(
            new Marker(
                comment,
                matcher.start(),
                matcher.end(),
                matcher.group(1) == null ? -1 : matcher.start(1),
                kinds));
      }
    }
    return markers;
  }

  /**
   * Returns the edit that suppresses findings of {@code kind} on {@code line}: it extends an
   * existing kind list, or appends a marker at the end of the line. Returns empty when a marker
   * already covers the kind, or when the line ends inside a string or with a backslash
   * continuation, where a comment cannot go.
   */
  static Optional<TextEdit> suppress(SourceText source, Tree tree, int line, String kind) {
    List<Marker> markers = markersOnLine(source, tree, line);
    for (Marker marker : markers) {
      if (marker.isBare() || marker.kinds().contains(kind)) {
        return Optional.empty();
      }
    }
    if (!markers.isEmpty()) {
      Marker marker = markers.getFirst();
      int listEnd = marker.end() - 1;
      String list = source.text().substring(marker.kindsStart(), listEnd);
      String separator = list.contains(", ") ? ", " : ",";
      String extended = list.isBlank() ? kind : list.stripTrailing() + separator + kind;
      return Optional.of(new TextEdit(marker.kindsStart(), listEnd, extended));
    }
    int end = source.lineContentEnd(line);
    String content = source.text().substring(source.lineStart(line), end);
    if (content.stripTrailing().endsWith("\\") || Comments.isInsideString(tree, end)) {
      return Optional.empty();
    }
    return Optional.of(new TextEdit(end, end, "  # tlsguard: ignore[" + kind + "]"));
  }

  /**
   * Returns the edit that removes {@code marker}: the whole comment with the spaces before it when
   * the marker leads the comment, otherwise the marker and the spaces before it.
   */
  static TextEdit remove(SourceText source, Marker marker) {
    String text = source.text();
    Comments.Span comment = marker.comment();
    if (marker.start() == comment.start()) {
      int rest = skipSpaces(text, marker.end(), comment.end());
      if (rest < comment.end() && text.charAt(rest) == '#') {
        return new TextEdit(marker.start(), rest, "");
      }
      return new TextEdit(spacesBefore(text, comment.start(), source), comment.end(), "");
    }
    return new TextEdit(spacesBefore(text, marker.start(), source), marker.end(), "");
  }

  private static int skipSpaces(String text, int from, int limit) {
    int index = from;
    while (index < limit && (text.charAt(index) == ' ' || text.charAt(index) == '\t')) {
      index++;
    }
    return index;
  }

  private static int spacesBefore(String text, int index, SourceText source) {
    int lineStart = source.lineStart(source.lineOf(index));
    int start = index;
    while (start > lineStart && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
      start--;
    }
    return start;
  }
}
