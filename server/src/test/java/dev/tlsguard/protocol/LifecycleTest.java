package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TraceValue;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void initialize_advertisesIncrementalSyncAndActions() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      InitializeResult result = harness.initialize(Capabilities.push(), null, null);
      var capabilities = result.getCapabilities();
      assertThat(capabilities.getTextDocumentSync().getRight().getChange())
          .isEqualTo(TextDocumentSyncKind.Incremental);
      assertThat(capabilities.getTextDocumentSync().getRight().getOpenClose()).isTrue();
      assertThat(capabilities.getCodeActionProvider().getRight().getCodeActionKinds())
          .contains("quickfix", "source.fixAll.tlsguard");
      assertThat(capabilities.getHoverProvider().getLeft()).isTrue();
      assertThat(capabilities.getDiagnosticProvider()).as("push client").isNull();
      assertThat(result.getServerInfo().getName()).isEqualTo("tlsguard");
    }
  }

  @Test
  void pullClient_getsDiagnosticProvider() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      var capabilities = harness.initialize(Capabilities.pull(), null, null).getCapabilities();
      assertThat(capabilities.getDiagnosticProvider()).isNotNull();
      assertThat(capabilities.getDiagnosticProvider().isWorkspaceDiagnostics()).isTrue();
      assertThat(capabilities.getDiagnosticProvider().isInterFileDependencies()).isFalse();
    }
  }

  @Test
  void positionEncoding_followsClientOrder() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      var result = harness.initialize(Capabilities.push("utf-32", "utf-8", "utf-16"), null, null);
      assertThat(result.getCapabilities().getPositionEncoding()).isEqualTo("utf-32");
    }
    try (ServerHarness harness = new ServerHarness()) {
      var result = harness.initialize(Capabilities.push("utf-8"), null, null);
      assertThat(result.getCapabilities().getPositionEncoding()).isEqualTo("utf-8");
    }
  }

  @Test
  void positionEncoding_defaultsToUtf16() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      var result = harness.initialize(Capabilities.minimal(), null, null);
      assertThat(result.getCapabilities().getPositionEncoding()).isEqualTo("utf-16");
    }
  }

  @Test
  void requestBeforeInitialize_isRejected() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      assertThatThrownBy(() -> harness.remote.shutdown().get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ResponseErrorException.class)
          .satisfies(
              e ->
                  assertThat(((ResponseErrorException) e).getResponseError().getCode())
                      .isEqualTo(ResponseErrorCode.ServerNotInitialized.getValue()));
    }
  }

  @Test
  void secondInitialize_isRejected() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      assertThatThrownBy(
              () -> harness.remote.initialize(new InitializeParams()).get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ResponseErrorException.class);
    }
  }

  @Test
  void unknownRequest_returnsMethodNotFound() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      var response = harness.clientLauncher.getRemoteEndpoint().request("tlsguard/unknown", null);
      assertThatThrownBy(() -> response.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ResponseErrorException.class)
          .satisfies(
              e ->
                  assertThat(((ResponseErrorException) e).getResponseError().getCode())
                      .isEqualTo(ResponseErrorCode.MethodNotFound.getValue()));
    }
  }

  @Test
  void exitAfterShutdown_exitsWithZero() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      harness.remote.shutdown().get(20, TimeUnit.SECONDS);
      harness.remote.exit();
      assertThat(harness.server.exitCode().get(20, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void exitWithoutShutdown_exitsWithOne() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      harness.remote.exit();
      assertThat(harness.server.exitCode().get(20, TimeUnit.SECONDS)).isEqualTo(1);
    }
  }

  @Test
  void requestAfterShutdown_isInvalid() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      harness.remote.shutdown().get(20, TimeUnit.SECONDS);
      var hover =
          harness
              .remote
              .getTextDocumentService()
              .hover(
                  new org.eclipse.lsp4j.HoverParams(
                      new org.eclipse.lsp4j.TextDocumentIdentifier("file:///a.py"),
                      new org.eclipse.lsp4j.Position(0, 0)));
      assertThatThrownBy(() -> hover.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ResponseErrorException.class)
          .satisfies(
              e ->
                  assertThat(((ResponseErrorException) e).getResponseError().getCode())
                      .isEqualTo(ResponseErrorCode.InvalidRequest.getValue()));
    }
  }

  @Test
  void verboseTrace_sendsLogTraceWithDetails() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      harness.remote.setTrace(new SetTraceParams(TraceValue.Verbose));
      harness.open("file:///project/traced.py", 1, "import ssl\n");
      var trace =
          RecordingClient.await(
              harness.client.traces, t -> t.getMessage().contains("traced.py"), "a trace message");
      assertThat(trace.getVerbose()).isNotBlank();
    }
  }

  @Test
  void traceOff_sendsNoLogTrace() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.minimal(), null, null);
      harness.remote.setTrace(new SetTraceParams(TraceValue.Off));
      harness.open("file:///project/quiet.py", 1, "import ssl\n");
      harness.client.awaitDiagnostics("file:///project/quiet.py", 1);
      assertThat(harness.client.traces).isEmpty();
    }
  }
}
