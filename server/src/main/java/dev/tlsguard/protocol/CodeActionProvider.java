package dev.tlsguard.protocol;

import dev.tlsguard.document.AnalysisResult;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Finding;
import dev.tlsguard.rules.Fix;
import dev.tlsguard.rules.TextEdit;
import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Builds the code actions of one analysed document version: a quick fix per fix of each finding in
 * the requested range, fix-all, and adding or removing suppression comments.
 *
 * <p>Every action carries its edit, so clients without {@code codeAction/resolve} can apply it.
 * Must run on the document's owner thread, because it reads the tree.
 */
final class CodeActionProvider {
  private final AnalysisResult result;
  private final Tree tree;
  private final Settings settings;
  private final ClientFeatures features;
  private final SourceText source;

  CodeActionProvider(AnalysisResult result, Tree tree, Settings settings, ClientFeatures features) {
    this.result = result;
    this.tree = tree;
    this.settings = settings;
    this.features = features;
    this.source = result.snapshot().source();
  }

  /** Returns the actions for the request's range and kinds. */
  List<Either<Command, CodeAction>> actions(CodeActionParams params) {
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    int start = Ranges.offset(source, params.getRange().getStart(), features.encoding());
    int end = Ranges.offset(source, params.getRange().getEnd(), features.encoding());
    List<CodeAction> actions = new ArrayList<>();
    if (wants(only, CodeActionKind.QuickFix)) {
      for (Finding finding : result.analysis().findings()) {
        if (finding.start() <= end && finding.end() >= start) {
          actions.addAll(quickFixes(finding));
        }
      }
      actions.addAll(suppressActions(start, end));
    }
    if (wants(only, CodeActionKind.RefactorRewrite)) {
      actions.addAll(removeSuppressionActions(start, end));
    }
    if (wants(only, TlsGuardLanguageServer.FIX_ALL_KIND)) {
      fixAll().ifPresent(actions::add);
    }
    return actions.stream().map(Either::<Command, CodeAction>forRight).toList();
  }

  /** Returns whether a request restricted to {@code only} includes actions of {@code kind}. */
  static boolean wants(List<String> only, String kind) {
    return only == null
        || only.isEmpty()
        || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
  }

  private List<CodeAction> quickFixes(Finding finding) {
    Diagnostic diagnostic =
        DiagnosticMapper.diagnostic(result.snapshot().uri(), source, finding, settings, features);
    Optional<Fix> preferred = finding.safeFix();
    List<CodeAction> actions = new ArrayList<>();
    for (Fix fix : finding.fixes()) {
      CodeAction action = new CodeAction(fix.safe() ? fix.title() : fix.title() + " (review)");
      action.setKind(CodeActionKind.QuickFix);
      action.setDiagnostics(List.of(diagnostic));
      // Only the first safe fix is preferred, so "auto fix" has exactly one candidate.
      action.setIsPreferred(preferred.isPresent() && preferred.get() == fix);
      action.setEdit(edit(fix.edits()));
      actions.add(action);
    }
    return actions;
  }

  private List<CodeAction> suppressActions(int start, int end) {
    List<CodeAction> actions = new ArrayList<>();
    Set<String> offered = new HashSet<>();
    for (Finding finding : result.analysis().findings()) {
      if (finding.start() > end || finding.end() < start) {
        continue;
      }
      int line = source.lineOf(finding.start());
      String kind = finding.kind().id();
      if (!offered.add(line + ":" + kind)) {
        continue;
      }
      Suppressions.suppress(source, tree, line, kind)
          .ifPresent(
              edit -> {
                CodeAction action =
                    new CodeAction("Suppress " + kind + " on this line (# tlsguard: ignore)");
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(
                    List.of(
                        DiagnosticMapper.diagnostic(
                            result.snapshot().uri(), source, finding, settings, features)));
                action.setEdit(edit(List.of(edit)));
                actions.add(action);
              });
    }
    return actions;
  }

  private List<CodeAction> removeSuppressionActions(int start, int end) {
    List<CodeAction> actions = new ArrayList<>();
    for (int line = source.lineOf(start); line <= source.lineOf(end); line++) {
      for (Suppressions.Marker marker : Suppressions.markersOnLine(source, tree, line)) {
        CodeAction action = new CodeAction("Remove tlsguard suppression comment");
        action.setKind(CodeActionKind.RefactorRewrite);
        action.setEdit(edit(List.of(Suppressions.remove(source, marker))));
        actions.add(action);
      }
    }
    return actions;
  }

  /**
   * Returns one action that applies the first safe fix of every finding. A fix whose edits overlap
   * an edit already accepted is left out; it can be applied after the others, by running fix-all
   * again. Edits that are exact duplicates, such as the same import added by two fixes, are applied
   * once.
   */
  Optional<CodeAction> fixAll() {
    List<Fix> fixes =
        result.analysis().findings().stream()
            .map(Finding::safeFix)
            .flatMap(Optional::stream)
            .filter(fix -> !fix.edits().isEmpty())
            .sorted(Comparator.comparingInt(fix -> fix.edits().getFirst().start()))
            .toList();
    Set<TextEdit> accepted = new LinkedHashSet<>();
    for (Fix fix : fixes) {
      List<TextEdit> fresh = fix.edits().stream().filter(e -> !accepted.contains(e)).toList();
      if (fresh.stream().noneMatch(edit -> overlapsAny(edit, accepted))) {
        accepted.addAll(fresh);
      }
    }
    if (accepted.isEmpty()) {
      return Optional.empty();
    }
    List<TextEdit> edits =
        accepted.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
    CodeAction action = new CodeAction("Fix all safe tlsguard findings");
    action.setKind(TlsGuardLanguageServer.FIX_ALL_KIND);
    action.setEdit(edit(edits));
    return Optional.of(action);
  }

  private static boolean overlapsAny(TextEdit edit, Set<TextEdit> accepted) {
    for (TextEdit other : accepted) {
      boolean overlaps = edit.start() < other.end() && other.start() < edit.end();
      boolean sameInsertionPoint =
          edit.start() == edit.end()
              && other.start() == other.end()
              && edit.start() == other.start();
      if (overlaps || sameInsertionPoint) {
        return true;
      }
    }
    return false;
  }

  private WorkspaceEdit edit(List<TextEdit> edits) {
    String uri = result.snapshot().uri();
    List<org.eclipse.lsp4j.TextEdit> lspEdits =
        edits.stream()
            .map(
                edit ->
                    new org.eclipse.lsp4j.TextEdit(
                        Ranges.range(source, edit.start(), edit.end(), features.encoding()),
                        edit.replacement()))
            .toList();
    if (features.documentChanges()) {
      TextDocumentEdit documentEdit =
          new TextDocumentEdit(
              new VersionedTextDocumentIdentifier(uri, result.snapshot().version()),
              lspEdits.stream()
                  .map(Either::<org.eclipse.lsp4j.TextEdit, SnippetTextEdit>forLeft)
                  .toList());
      return new WorkspaceEdit(List.of(Either.forLeft(documentEdit)));
    }
    return new WorkspaceEdit(Map.of(uri, lspEdits));
  }
}
