package dev.tlsguard.rules;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.Node;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads suppression comments on a finding's line.
 *
 * <p>tlsguard's own marker is {@code # tlsguard: ignore}, optionally with a list of kinds or the
 * rule id in brackets. So that teams can migrate, the markers of the tools that implement the same
 * rule also count: a bare {@code # noqa} or one naming Ruff's {@code S502}/{@code S503}, a bare
 * {@code # nosec} or one naming Bandit's {@code B502}/{@code B503}, and a bare {@code # no-dd-sa}
 * or one naming this rule. A marker that names only other codes suppresses nothing.
 */
public final class Suppressions {
  private static final Pattern TLSGUARD =
      Pattern.compile("tlsguard\\s*:\\s*ignore(?:\\s*\\[([^\\]]*)\\])?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOQA =
      Pattern.compile("(?<![\\w-])noqa(?:\\s*:\\s*([A-Za-z0-9_,\\s]+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOSEC =
      Pattern.compile("(?<![\\w-])nosec(?::?\\s*([A-Za-z0-9_,\\s]+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NO_DD_SA =
      Pattern.compile("no-dd-sa(?:\\s*:?\\s*([A-Za-z0-9_/,\\s-]+))?", Pattern.CASE_INSENSITIVE);

  private static final Set<String> RUFF_CODES = ImmutableSet.of("S502", "S503");
  private static final Set<String> BANDIT_CODES =
      ImmutableSet.of("B502", "B503", "SSL_WITH_BAD_VERSION", "SSL_WITH_BAD_DEFAULTS");
  private static final Splitter CODES = Splitter.onPattern("[,\\s]+").omitEmptyStrings().trimResults();

  private Suppressions() {}

  /** Returns whether a suppression comment on the line of {@code offset} hides a {@code kind} finding. */
  static boolean isSuppressed(SourceText source, NodeIndex index, int offset, FindingKind kind) {
    int line = source.lineOf(offset);
    for (String comment : commentsOnLine(source, index, line)) {
      if (suppresses(comment, kind)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the text of one comment (with its {@code #}) suppresses a {@code kind} finding. */
  public static boolean suppresses(String comment, FindingKind kind) {
    Matcher own = TLSGUARD.matcher(comment);
    while (own.find()) {
      if (own.group(1) == null || namesThisRule(own.group(1), kind)) {
        return true;
      }
    }
    Matcher noqa = NOQA.matcher(comment);
    while (noqa.find()) {
      if (noqa.group(1) == null || noqa.group(1).isBlank() || containsCode(noqa.group(1), RUFF_CODES)) {
        return true;
      }
    }
    Matcher nosec = NOSEC.matcher(comment);
    while (nosec.find()) {
      if (nosec.group(1) == null || nosec.group(1).isBlank() || containsCode(nosec.group(1), BANDIT_CODES)) {
        return true;
      }
    }
    Matcher datadog = NO_DD_SA.matcher(comment);
    while (datadog.find()) {
      String codes = datadog.group(1);
      if (codes == null || codes.isBlank() || CODES.splitToList(codes).contains(Finding.RULE_ID)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the comments that sit on the 0-based {@code line}, each with its {@code #}. */
  public static List<String> commentsOnLine(SourceText source, Node root, int line) {
    return commentsOnLine(source, new NodeIndex(root), line);
  }

  private static List<String> commentsOnLine(SourceText source, NodeIndex index, int line) {
    String text = source.text();
    int start = source.lineStart(line);
    int end = source.lineContentEnd(line);
    List<String> comments = new java.util.ArrayList<>();
    for (int hash = start; hash < end; hash++) {
      if (text.charAt(hash) != '#') {
        continue;
      }
      Optional<Node> node = index.descendant(hash, hash + 1);
      if (node.isPresent() && node.get().getType().equals("comment")) {
        comments.add(text.substring(Nodes.start(node.get()), Math.min(end, Nodes.end(node.get()))));
        break;
      }
    }
    return comments;
  }

  private static boolean namesThisRule(String list, FindingKind kind) {
    for (String item : CODES.splitToList(list)) {
      if (item.equals(kind.id()) || item.equals(Finding.RULE_ID) || item.equals("insecure-ssl-protocols")) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsCode(String list, Set<String> codes) {
    for (String item : CODES.splitToList(list)) {
      if (codes.contains(item.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
