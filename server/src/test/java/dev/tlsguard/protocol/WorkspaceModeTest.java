package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.WorkDoneProgressKind;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceModeTest {
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";

  @TempDir Path folder;
  private Path app;
  private Path vendored;

  @BeforeEach
  void createProject() throws Exception {
    app = folder.resolve("src/app.py");
    vendored = folder.resolve("vendor/lib.py");
    Files.createDirectories(app.getParent());
    Files.createDirectories(vendored.getParent());
    Files.writeString(app, INSECURE);
    Files.writeString(vendored, INSECURE);
    Files.writeString(folder.resolve("notes.txt"), INSECURE);
  }

  private static JsonObject workspaceMode() {
    JsonObject options = new JsonObject();
    options.addProperty("workspaceMode", true);
    var exclude = new com.google.gson.JsonArray();
    exclude.add("vendor");
    options.add("exclude", exclude);
    return options;
  }

  private static List<WorkspaceFullDocumentDiagnosticReport> full(
      List<WorkspaceDocumentDiagnosticReport> items) {
    return items.stream().filter(Either::isLeft).map(Either::getLeft).toList();
  }

  @Test
  void workspaceDiagnostic_reportsUnopenedFilesWithProgress() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.pull(), workspaceMode(), folder.toUri().toString());
      WorkspaceDiagnosticParams params = new WorkspaceDiagnosticParams(List.of());
      params.setWorkDoneToken(Either.forLeft("scan-1"));
      var report =
          harness.remote.getWorkspaceService().diagnostic(params).get(20, TimeUnit.SECONDS);
      var reports = full(report.getItems());
      assertThat(reports)
          .extracting(WorkspaceFullDocumentDiagnosticReport::getUri)
          .containsExactly(app.toUri().toString());
      assertThat(reports.getFirst().getItems()).hasSize(1);
      assertThat(reports.getFirst().getVersion()).isNull();
      assertThat(harness.client.progress)
          .extracting(p -> p.getValue().getLeft().getKind())
          .contains(WorkDoneProgressKind.begin, WorkDoneProgressKind.end);
    }
  }

  @Test
  void workspaceDiagnostic_heldUntilFileChanges() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.pull(), workspaceMode(), folder.toUri().toString());
      var first =
          full(harness
                  .remote
                  .getWorkspaceService()
                  .diagnostic(new WorkspaceDiagnosticParams(List.of()))
                  .get(20, TimeUnit.SECONDS)
                  .getItems())
              .getFirst();
      var second =
          harness
              .remote
              .getWorkspaceService()
              .diagnostic(
                  new WorkspaceDiagnosticParams(
                      List.of(new PreviousResultId(first.getUri(), first.getResultId()))));
      Files.writeString(app, "import ssl\n");
      harness
          .remote
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(app.toUri().toString(), FileChangeType.Changed))));
      var changed = full(second.get(20, TimeUnit.SECONDS).getItems());
      assertThat(changed).hasSize(1);
      assertThat(changed.getFirst().getUri()).isEqualTo(app.toUri().toString());
      assertThat(changed.getFirst().getItems()).isEmpty();
    }
  }

  @Test
  void pushClient_getsBackgroundDiagnostics() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.push(), workspaceMode(), folder.toUri().toString());
      var published =
          harness.client.awaitDiagnostics(p -> p.getUri().equals(app.toUri().toString()));
      assertThat(published.getVersion()).isNull();
      assertThat(published.getDiagnostics()).hasSize(1);
      // The scan ends its progress after the last publication.
      RecordingClient.await(
          harness.client.progress,
          p -> p.getValue().getLeft().getKind() == WorkDoneProgressKind.end,
          "the end of the scan's progress");
      assertThat(harness.client.progress.getFirst().getValue().getLeft().getKind())
          .isEqualTo(WorkDoneProgressKind.begin);
      assertThat(harness.client.diagnostics)
          .noneMatch(p -> p.getUri().equals(vendored.toUri().toString()));
    }
  }

  @Test
  void heldWorkspaceRequest_completesAtShutdown() throws Exception {
    try (ServerHarness harness = new ServerHarness()) {
      harness.initialize(Capabilities.pull(), null, folder.toUri().toString());
      // Workspace mode is off, so there is nothing to report and the request is held.
      var held =
          harness.remote.getWorkspaceService().diagnostic(new WorkspaceDiagnosticParams(List.of()));
      harness.remote.shutdown().get(20, TimeUnit.SECONDS);
      assertThat(held.get(20, TimeUnit.SECONDS).getItems()).isEmpty();
    }
  }
}
