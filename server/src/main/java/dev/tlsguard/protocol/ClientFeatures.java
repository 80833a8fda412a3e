package dev.tlsguard.protocol;

import dev.tlsguard.document.PositionEncoding;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/**
 * What the client declared it supports, reduced to the questions the server asks.
 *
 * @param encoding the negotiated position encoding
 * @param pullDiagnostics whether the client requests diagnostics ({@code textDocument/diagnostic})
 *     rather than waiting for them to be pushed
 * @param relatedInformation whether diagnostics may carry related locations
 * @param documentChanges whether workspace edits may use versioned {@code TextDocumentEdit}s
 * @param markdownHover whether hover content may be Markdown
 * @param configuration whether the client answers {@code workspace/configuration}
 * @param dynamicConfigurationChange whether {@code workspace/didChangeConfiguration} can be
 *     registered dynamically
 * @param dynamicWatchedFiles whether file watchers can be registered dynamically
 * @param workDoneProgress whether the server may create progress tokens
 * @param diagnosticRefresh whether the client accepts {@code workspace/diagnostic/refresh}
 */
public record ClientFeatures(
    PositionEncoding encoding,
    boolean pullDiagnostics,
    boolean relatedInformation,
    boolean documentChanges,
    boolean markdownHover,
    boolean configuration,
    boolean dynamicConfigurationChange,
    boolean dynamicWatchedFiles,
    boolean workDoneProgress,
    boolean diagnosticRefresh) {

  /** Reads the features from the capabilities of an {@code initialize} request. */
  public static ClientFeatures from(ClientCapabilities capabilities) {
    ClientCapabilities caps = capabilities == null ? new ClientCapabilities() : capabilities;
    Optional<TextDocumentClientCapabilities> text = Optional.ofNullable(caps.getTextDocument());
    Optional<WorkspaceClientCapabilities> workspace = Optional.ofNullable(caps.getWorkspace());
    return new ClientFeatures(
        PositionEncoding.negotiate(
            caps.getGeneral() == null ? null : caps.getGeneral().getPositionEncodings()),
        text.map(TextDocumentClientCapabilities::getDiagnostic).isPresent(),
        isTrue(text.map(t -> t.getPublishDiagnostics()).map(p -> p.getRelatedInformation())),
        isTrue(
            workspace
                .map(WorkspaceClientCapabilities::getWorkspaceEdit)
                .map(edit -> edit.getDocumentChanges())),
        text.map(TextDocumentClientCapabilities::getHover)
            .map(hover -> hover.getContentFormat())
            .map(formats -> formats.contains(MarkupKind.MARKDOWN))
            .orElse(false),
        isTrue(workspace.map(WorkspaceClientCapabilities::getConfiguration)),
        isTrue(
            workspace
                .map(WorkspaceClientCapabilities::getDidChangeConfiguration)
                .map(change -> change.getDynamicRegistration())),
        isTrue(
            workspace
                .map(WorkspaceClientCapabilities::getDidChangeWatchedFiles)
                .map(watch -> watch.getDynamicRegistration())),
        isTrue(Optional.ofNullable(caps.getWindow()).map(window -> window.getWorkDoneProgress())),
        isTrue(
            workspace
                .map(WorkspaceClientCapabilities::getDiagnostics)
                .map(diagnostics -> diagnostics.getRefreshSupport())));
  }

  private static boolean isTrue(Optional<Boolean> flag) {
    return flag.orElse(false);
  }
}
