package dev.tlsguard.protocol;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A server and a recording client connected through LSP4J launchers over piped streams, so every
 * message is serialised as it would be over stdio.
 */
final class ServerHarness implements AutoCloseable {
  static final String RULES_BASE = "https://rules.example/docs/rules/";

  final RecordingClient client = new RecordingClient();
  final TlsGuardLanguageServer server;
  final LanguageServer remote;
  final Launcher<LanguageServer> clientLauncher;
  private final PipedOutputStream clientOut;
  private final PipedOutputStream serverOut;
  private final Future<Void> serverListening;
  private final Future<Void> clientListening;

  ServerHarness(TlsGuardLanguageServer.DocumentAnalyzerFactory analyzers) throws IOException {
    server = new TlsGuardLanguageServer(analyzers, Optional.of(RULES_BASE));
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    clientOut = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    serverOut = new PipedOutputStream(clientIn);
    Launcher<LanguageClient> serverLauncher =
        LSPLauncher.createServerLauncher(server, serverIn, serverOut);
    server.connect(serverLauncher.getRemoteProxy());
    clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    remote = clientLauncher.getRemoteProxy();
    serverListening = serverLauncher.startListening();
    clientListening = clientLauncher.startListening();
  }

  ServerHarness() throws IOException {
    this(LspCommand::ruleAnalyzer);
  }

  /** Initializes with {@code capabilities} and sends {@code initialized}. */
  InitializeResult initialize(ClientCapabilities capabilities, Object options, String folderUri)
      throws Exception {
    InitializeParams params = new InitializeParams();
    params.setCapabilities(capabilities);
    params.setInitializationOptions(options);
    if (folderUri != null) {
      params.setWorkspaceFolders(List.of(new WorkspaceFolder(folderUri, "project")));
    }
    InitializeResult result = remote.initialize(params).get(20, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    return result;
  }

  void open(String uri, int version, String text) {
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "python", version, text)));
  }

  @Override
  public void close() throws IOException {
    clientOut.close();
    serverOut.close();
    serverListening.cancel(true);
    clientListening.cancel(true);
    server.exit(1, "the test ended");
  }
}
