package dev.tlsguard.protocol;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;

/** Client capability sets for tests. */
final class Capabilities {
  private Capabilities() {}

  /** Returns a push-only client with no optional features, like a minimal editor plugin. */
  static ClientCapabilities minimal() {
    return new ClientCapabilities();
  }

  /** Returns a push client with related information, document changes and Markdown hover. */
  static ClientCapabilities push(String... encodings) {
    ClientCapabilities capabilities = new ClientCapabilities();
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities(true);
    text.setPublishDiagnostics(publish);
    text.setHover(new HoverCapabilities(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT), false));
    capabilities.setTextDocument(text);
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
    edit.setDocumentChanges(true);
    workspace.setWorkspaceEdit(edit);
    workspace.setConfiguration(true);
    workspace.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(true));
    workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    capabilities.setWorkspace(workspace);
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    capabilities.setWindow(window);
    if (encodings.length > 0) {
      GeneralClientCapabilities general = new GeneralClientCapabilities();
      general.setPositionEncodings(List.of(encodings));
      capabilities.setGeneral(general);
    }
    return capabilities;
  }

  /** Returns a client that pulls diagnostics, like VS Code. */
  static ClientCapabilities pull() {
    ClientCapabilities capabilities = push();
    capabilities.getTextDocument().setDiagnostic(new DiagnosticCapabilities(false, true));
    capabilities.getWorkspace().setDiagnostics(new DiagnosticWorkspaceCapabilities(true));
    return capabilities;
  }
}
