package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar as a child process and talks to it over stdio. */
class LspServerIT {
  private static final String URI = "file:///project/client.py";
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";

  @TempDir Path temp;

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  private static JsonObject initializeParams(Long processId, boolean pull) {
    JsonObject params =
        json("""
        {"processId": null, "rootUri": null, "clientInfo": {"name": "stdio-test"},
         "capabilities": {
           "general": {"positionEncodings": ["utf-16"]},
           "workspace": {"workspaceEdit": {"documentChanges": true}},
           "textDocument": {"publishDiagnostics": {"relatedInformation": true,
                                                   "versionSupport": true}}}}
        """)
            .getAsJsonObject();
    if (processId != null) {
      params.addProperty("processId", processId);
    }
    if (pull) {
      params
          .getAsJsonObject("capabilities")
          .getAsJsonObject("textDocument")
          .add("diagnostic", json("{\"relatedDocumentSupport\": false}"));
    }
    return params;
  }

  private static void initialize(StdioClient client, Long processId, boolean pull)
      throws Exception {
    JsonObject result =
        client
            .response(client.request("initialize", initializeParams(processId, pull)))
            .getAsJsonObject("result");
    assertThat(result.getAsJsonObject("capabilities").get("positionEncoding").getAsString())
        .isEqualTo("utf-16");
    client.notify("initialized", new JsonObject());
  }

  private static void open(StdioClient client, String text) throws Exception {
    JsonObject document = new JsonObject();
    document.addProperty("uri", URI);
    document.addProperty("languageId", "python");
    document.addProperty("version", 1);
    document.addProperty("text", text);
    JsonObject params = new JsonObject();
    params.add("textDocument", document);
    client.notify("textDocument/didOpen", params);
  }

  /** Sends the edits of a code action as an incremental change, as an editor applying it does. */
  private static void applyEdits(StdioClient client, JsonObject action, int version)
      throws Exception {
    JsonObject documentEdit =
        action.getAsJsonObject("edit").getAsJsonArray("documentChanges").get(0).getAsJsonObject();
    JsonArray edits = documentEdit.getAsJsonArray("edits");
    JsonArray changes = new JsonArray();
    // Applying from the last edit backwards keeps the earlier ranges valid.
    for (int i = edits.size() - 1; i >= 0; i--) {
      JsonObject edit = edits.get(i).getAsJsonObject();
      JsonObject change = new JsonObject();
      change.add("range", edit.get("range"));
      change.add("text", edit.get("newText"));
      changes.add(change);
    }
    JsonObject params = new JsonObject();
    params.add("textDocument", json("{\"uri\": \"" + URI + "\", \"version\": " + version + "}"));
    params.add("contentChanges", changes);
    client.notify("textDocument/didChange", params);
  }

  private static JsonArray codeActions(StdioClient client, int line, String only) throws Exception {
    JsonObject params =
        json("""
        {"textDocument": {"uri": "%s"},
         "range": {"start": {"line": %d, "character": 25}, "end": {"line": %d, "character": 25}},
         "context": {"diagnostics": [], "only": ["%s"]}}
        """
                .formatted(URI, line, line, only))
            .getAsJsonObject();
    return client
        .response(client.request("textDocument/codeAction", params))
        .getAsJsonArray("result");
  }

  @Test
  void fullSession_fixesFindingsAndExitsWithZero() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"), "--log-level", "debug")) {
      initialize(client, ProcessHandle.current().pid(), false);
      open(client, INSECURE + "old = ssl.SSLContext(ssl.PROTOCOL_SSLv3)\n");

      JsonArray opened = client.diagnostics(URI, 1).getAsJsonArray("diagnostics");
      assertThat(opened).hasSize(2);
      JsonObject first = opened.get(0).getAsJsonObject();
      assertThat(first.get("code").getAsString())
          .isEqualTo("python-security/insecure-ssl-protocols");
      assertThat(first.get("source").getAsString()).isEqualTo("tlsguard");

      JsonObject change =
          json("""
          {"textDocument": {"uri": "%s", "version": 2},
           "contentChanges": [{"range": {"start": {"line": 0, "character": 10},
                                         "end": {"line": 0, "character": 10}},
                               "text": "\\n# edited"}]}
          """
                  .formatted(URI))
              .getAsJsonObject();
      client.notify("textDocument/didChange", change);
      assertThat(client.diagnostics(URI, 2).getAsJsonArray("diagnostics")).hasSize(2);

      JsonArray quickFixes = codeActions(client, 2, "quickfix");
      JsonObject preferred = null;
      for (JsonElement action : quickFixes) {
        if (action.getAsJsonObject().has("isPreferred")
            && action.getAsJsonObject().get("isPreferred").getAsBoolean()) {
          preferred = action.getAsJsonObject();
        }
      }
      assertThat(preferred).as("a preferred quick fix in %s", quickFixes).isNotNull();
      assertThat(
              preferred
                  .getAsJsonObject("edit")
                  .getAsJsonArray("documentChanges")
                  .get(0)
                  .getAsJsonObject()
                  .getAsJsonObject("textDocument")
                  .get("version")
                  .getAsInt())
          .isEqualTo(2);
      applyEdits(client, preferred, 3);
      assertThat(client.diagnostics(URI, 3).getAsJsonArray("diagnostics")).hasSize(1);

      JsonArray fixAll = codeActions(client, 0, "source.fixAll");
      assertThat(fixAll).hasSize(1);
      applyEdits(client, fixAll.get(0).getAsJsonObject(), 4);
      assertThat(client.diagnostics(URI, 4).getAsJsonArray("diagnostics")).isEmpty();

      JsonObject shutdown = client.response(client.request("shutdown", null));
      assertThat(shutdown.get("result").isJsonNull()).isTrue();
      client.notify("exit", null);
      assertThat(client.awaitExit()).isZero();
      assertThat(client.framingErrors).isEmpty();
      assertThat(Files.readString(temp.resolve("stderr.log"))).contains("FINE");
    }
  }

  @Test
  void stdout_containsOnlyFramedMessages() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"), "--log-level", "trace")) {
      initialize(client, null, false);
      open(client, INSECURE);
      client.diagnostics(URI, 1);
      client.response(client.request("tlsguard/unknown", new JsonObject()));
      client.response(client.request("shutdown", null));
      client.notify("exit", null);
      assertThat(client.awaitExit()).isZero();
      assertThat(client.framingErrors).isEmpty();
      assertThat(client.received).isNotEmpty();
      assertThat(Files.size(temp.resolve("stderr.log"))).as("logs went to stderr").isPositive();
    }
  }

  @Test
  void unknownRequest_answeredWithMethodNotFound() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"))) {
      initialize(client, null, false);
      JsonObject response = client.response(client.request("tlsguard/unknown", new JsonObject()));
      assertThat(response.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32601);
    }
  }

  @Test
  void cancelRequest_answeredWithRequestCancelled() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"))) {
      initialize(client, null, true);
      // Without workspace mode there is nothing to report, so the server keeps the request open.
      int id = client.request("workspace/diagnostic", json("{\"previousResultIds\": []}"));
      client.notify("$/cancelRequest", json("{\"id\": " + id + "}"));
      JsonObject response = client.response(id);
      assertThat(response.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32800);
    }
  }

  @Test
  void exitWithoutShutdown_exitsWithOne() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"))) {
      initialize(client, null, false);
      client.notify("exit", null);
      assertThat(client.awaitExit()).isEqualTo(1);
    }
  }

  @Test
  void closedStdin_endsServer() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"))) {
      initialize(client, null, false);
      client.closeStdin();
      assertThat(client.awaitExit()).isEqualTo(1);
    }
  }

  @Test
  void closedStdinAfterShutdown_exitsWithZero() throws Exception {
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"))) {
      initialize(client, null, false);
      client.response(client.request("shutdown", null));
      client.closeStdin();
      assertThat(client.awaitExit()).isZero();
    }
  }

  @Test
  void deadClientProcess_endsServer() throws Exception {
    Process fakeClient =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SleepingClient.class.getName())
            .start();
    try (StdioClient client = new StdioClient(temp.resolve("stderr.log"))) {
      initialize(client, fakeClient.pid(), false);
      fakeClient.destroy();
      assertThat(fakeClient.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(client.awaitExit()).isEqualTo(1);
      assertThat(Files.readString(temp.resolve("stderr.log"))).contains("ended; exiting");
    } finally {
      fakeClient.destroyForcibly();
    }
  }

  @Test
  void logFile_receivesLogs() throws Exception {
    Path log = temp.resolve("server.log");
    try (StdioClient client =
        new StdioClient(temp.resolve("stderr.log"), "--log-file", log.toString())) {
      initialize(client, null, false);
      client.response(client.request("shutdown", null));
      client.notify("exit", null);
      assertThat(client.awaitExit()).isZero();
    }
    assertThat(Files.readString(log)).contains("Initialized for stdio-test");
  }

  /** Stands in for an editor process that the test can end. */
  public static final class SleepingClient {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
  }
}
