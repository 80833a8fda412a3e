package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tlsguard.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built jar over stdio with more open documents than the tree budget holds, and with a
 * document of the largest accepted size under the language server's JVM options.
 */
class TreeBudgetIT {
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final int DOCUMENTS = 5;

  @TempDir Path temp;

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  private static String uri(int number) {
    return "file:///project/module_" + number + ".py";
  }

  /** About 12,000 chars: a tree estimate of about 0.45 MiB, so two fit in a 1 MiB budget. */
  private static String moduleText(int number) {
    StringBuilder text = new StringBuilder(INSECURE);
    for (int line = 0; line < 600; line++) {
      text.append("value_").append(number).append('_').append(line).append(" = ").append(line);
      text.append('\n');
    }
    return text.toString();
  }

  private static void initialize(StdioClient client, String initializationOptions)
      throws Exception {
    JsonObject params =
        json("""
        {"processId": null, "rootUri": null,
         "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": true},
                                           "hover": {"contentFormat": ["markdown"]},
                                           "codeAction": {"codeActionLiteralSupport":
                                             {"codeActionKind": {"valueSet": ["quickfix"]}}}},
                          "general": {"positionEncodings": ["utf-16"]}},
         "initializationOptions": %s}
        """
                .formatted(initializationOptions))
            .getAsJsonObject();
    client.response(client.request("initialize", params));
    client.notify("initialized", new JsonObject());
  }

  private static void open(StdioClient client, String uri, String text) throws Exception {
    JsonObject document = new JsonObject();
    document.addProperty("uri", uri);
    document.addProperty("languageId", "python");
    document.addProperty("version", 1);
    document.addProperty("text", text);
    JsonObject params = new JsonObject();
    params.add("textDocument", document);
    client.notify("textDocument/didOpen", params);
  }

  private static void insertLine(StdioClient client, String uri, int version, String line)
      throws Exception {
    client.notify(
        "textDocument/didChange",
        json("""
            {"textDocument": {"uri": "%s", "version": %d},
             "contentChanges": [{"range": {"start": {"line": 1, "character": 0},
                                           "end": {"line": 1, "character": 0}},
                                 "text": "%s\\n"}]}
            """
                .formatted(uri, version, line)));
  }

  private static int lineOf(JsonElement diagnostic) {
    return diagnostic
        .getAsJsonObject()
        .getAsJsonObject("range")
        .getAsJsonObject("start")
        .get("line")
        .getAsInt();
  }

  @Test
  void releasedTrees_serveEditsCodeActionsAndHover() throws Exception {
    Path log = temp.resolve("stderr.log");
    try (StdioClient client = new StdioClient(log, "--log-level", "debug")) {
      initialize(client, "{\"treeMemoryBudget\": 1}");
      for (int number = 0; number < DOCUMENTS; number++) {
        open(client, uri(number), moduleText(number));
        assertThat(client.diagnostics(uri(number), 1).getAsJsonArray("diagnostics")).hasSize(1);
      }
      String released = Files.readString(log);
      for (int number = 0; number < 3; number++) {
        assertThat(released).contains("Releasing the tree of " + uri(number) + " ");
      }

      // An edit of a released document parses its text again and reports the new finding.
      insertLine(client, uri(0), 2, "old = ssl.SSLContext(ssl.PROTOCOL_SSLv3)");
      JsonArray edited = client.diagnostics(uri(0), 2).getAsJsonArray("diagnostics");
      assertThat(edited).hasSize(2);
      assertThat(lineOf(edited.get(0))).isEqualTo(1);
      assertThat(lineOf(edited.get(1))).isEqualTo(2);
      assertThat(edited.get(0).getAsJsonObject().get("message").getAsString()).contains("SSLv3");

      JsonObject actionParams =
          json("""
              {"textDocument": {"uri": "%s"},
               "range": {"start": {"line": 1, "character": 30}, "end": {"line": 1, "character": 30}},
               "context": {"diagnostics": [], "only": ["quickfix"]}}
              """
                  .formatted(uri(1)))
              .getAsJsonObject();
      JsonArray actions =
          client
              .response(client.request("textDocument/codeAction", actionParams))
              .getAsJsonArray("result");
      assertThat(actions).isNotEmpty();
      assertThat(actions.toString()).contains("PROTOCOL_TLS");
      assertThat(Files.readString(log))
          .contains("Parsing " + uri(1) + " version 1 again; its tree was released");

      JsonObject hoverParams =
          json("""
              {"textDocument": {"uri": "%s"}, "position": {"line": 1, "character": 30}}
              """
                  .formatted(uri(2)))
              .getAsJsonObject();
      JsonObject hover = client.response(client.request("textDocument/hover", hoverParams));
      assertThat(hover.get("result").isJsonObject()).as("hover in %s", hover).isTrue();
      assertThat(hover.getAsJsonObject("result").toString()).contains("TLSv1");

      client.response(client.request("shutdown", null));
      client.notify("exit", null);
      assertThat(client.awaitExit()).isZero();
    }
  }

  @Test
  void largestDocument_analysedUnderServerHeapCap() throws Exception {
    Path options = RepoPaths.root().resolve("server/aot/lsp-jvm.args");
    Path log = temp.resolve("stderr.log");
    // Non-ASCII text makes every Java copy of it two bytes per char.
    StringBuilder text = new StringBuilder("# café\n").append(INSECURE);
    int line = 0;
    while (text.length() < 5 * 1024 * 1024 - 64) {
      text.append("value_").append(line).append(" = \"é").append(line++).append("\"\n");
    }
    String big = text.toString();
    assertThat(big.length()).isLessThanOrEqualTo(5 * 1024 * 1024);
    String uri = "file:///project/big.py";
    try (StdioClient client = new StdioClient(List.of("@" + options), log)) {
      initialize(client, "{}");
      open(client, uri, big);
      assertThat(client.diagnostics(uri, 1).getAsJsonArray("diagnostics")).hasSize(1);

      // A full-text change, as clients without incremental sync send it, then a ranged edit.
      JsonObject full = new JsonObject();
      full.add("textDocument", json("{\"uri\": \"" + uri + "\", \"version\": 2}"));
      JsonArray changes = new JsonArray();
      JsonObject change = new JsonObject();
      change.addProperty("text", big.replace("value_1 =", "value_x ="));
      changes.add(change);
      full.add("contentChanges", changes);
      client.notify("textDocument/didChange", full);
      assertThat(client.diagnostics(uri, 2).getAsJsonArray("diagnostics")).hasSize(1);
      insertLine(client, uri, 3, "old = ssl.SSLContext(ssl.PROTOCOL_SSLv3)");
      assertThat(client.diagnostics(uri, 3).getAsJsonArray("diagnostics")).hasSize(2);

      client.response(client.request("shutdown", null));
      client.notify("exit", null);
      assertThat(client.awaitExit()).isZero();
    }
    assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
  }

  @Test
  void fourLargestDocuments_editedAtOnce() throws Exception {
    // With a 128 MiB heap, four non-ASCII documents near the size limit, each edited four times
    // without waiting, ran out of heap inside the parser's read callback, which aborts the JVM.
    Path options = RepoPaths.root().resolve("server/aot/lsp-jvm.args");
    Path log = temp.resolve("stderr.log");
    StringBuilder text = new StringBuilder("# café\n").append(INSECURE);
    int line = 0;
    while (text.length() < 5 * 1024 * 1024 - 200) {
      text.append("value_").append(line).append(" = \"é中").append(line++).append("\"\n");
    }
    String big = text.toString();
    List<String> uris = List.of(uri(100), uri(101), uri(102), uri(103));
    try (StdioClient client = new StdioClient(List.of("@" + options), log)) {
      initialize(client, "{}");
      for (String uri : uris) {
        open(client, uri, big);
      }
      for (String uri : uris) {
        assertThat(client.diagnostics(uri, 1).getAsJsonArray("diagnostics")).hasSize(1);
      }
      for (int version = 2; version <= 5; version++) {
        for (String uri : uris) {
          insertLine(client, uri, version, "old = ssl.SSLContext(ssl.PROTOCOL_SSLv3)");
        }
      }
      for (String uri : uris) {
        assertThat(client.diagnostics(uri, 5).getAsJsonArray("diagnostics"))
            .as("diagnostics of version 5 of %s", uri)
            .hasSize(5);
      }

      client.response(client.request("shutdown", null));
      client.notify("exit", null);
      assertThat(client.awaitExit()).isZero();
    }
    assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
  }
}
