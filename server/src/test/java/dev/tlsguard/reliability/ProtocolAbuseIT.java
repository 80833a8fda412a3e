package dev.tlsguard.reliability;

import static dev.tlsguard.reliability.RawLspSession.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuses the real server over stdio the way broken or hurried clients do: malformed JSON, wrong
 * lengths, unknown methods, requests out of order, changes to documents that are not open, stale
 * versions, impossible ranges, floods of changes with cancellations, and a stream cut in the
 * middle of a message.
 *
 * <p>The server must answer every request exactly once with the right error,
 * keep serving, write nothing to stdout but protocol frames, and exit with the right code.
 */
class ProtocolAbuseIT {
  private static final String URI = "file:///abuse/client.py";
  private static final String OTHER_URI = "file:///abuse/other.py";
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final String CLEAN = "import ssl\nctx = ssl.create_default_context()\n";

  /** JSON-RPC and LSP error codes. */
  private static final int PARSE_ERROR = -32700;
  private static final int INVALID_REQUEST = -32600;
  private static final int METHOD_NOT_FOUND = -32601;
  private static final int SERVER_NOT_INITIALIZED = -32002;
  private static final int REQUEST_CANCELLED = -32800;

  @TempDir Path temp;
  private RawLspSession session;
  private final List<Integer> requestIds = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    session = new RawLspSession(temp.resolve("stderr.log"));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      assertThat(session.stdoutViolations()).as("stdout content that is not a JSON-RPC frame").isEmpty();
      for (int id : requestIds) {
        assertThat(session.responsesTo(id)).as("responses to request %d", id).hasSizeLessThanOrEqualTo(1);
      }
    } finally {
      session.close();
    }
  }

  @Test
  void requestBeforeInitialize_serverNotInitialized() throws Exception {
    int early = track(session.request("textDocument/hover", positionParams(URI, 0, 0)));

    assertThat(errorCode(session.response(early))).isEqualTo(SERVER_NOT_INITIALIZED);
    initialize();
  }

  @Test
  void malformedJson_parseErrorAndServerKeepsServing() throws Exception {
    initialize();

    session.sendJson("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    session.sendJson("[1, 2, 3]");
    session.sendJson("{\"jsonrpc\": \"2.0\", \"id\": {\"nested\": true}, \"method\": \"shutdown\"}");

    assertUnknownMethodAnswered();
    for (JsonObject message : session.received()) {
      if (message.has("error") && (!message.has("id") || message.get("id").isJsonNull())) {
        assertThat(errorCode(message)).as("error sent for an unparsable message").isIn(PARSE_ERROR, INVALID_REQUEST);
      }
    }
  }

  @Test
  void contentLengthTooShort_serverRecovers() throws Exception {
    initialize();
    byte[] body = "{\"jsonrpc\":\"2.0\",\"method\":\"tlsguard/ignored\",\"params\":{}}".getBytes(StandardCharsets.UTF_8);

    session.sendRaw(("Content-Length: 10\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    session.sendRaw(body);
    // The rest of the short message is read as a header line and spoils the next frame's header.
    session.sendRaw("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    session.notify("tlsguard/sacrificial", "{}");

    assertUnknownMethodAnswered();
  }

  @Test
  void contentLengthTooLong_exitsAtStreamEnd() throws Exception {
    initialize();
    byte[] body = "{\"jsonrpc\":\"2.0\",\"method\":\"tlsguard/ignored\"}".getBytes(StandardCharsets.UTF_8);

    session.sendRaw(("Content-Length: " + (body.length + 1000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    session.sendRaw(body);
    session.closeStdin();

    assertThat(session.awaitExit()).as("exit code when the stream ends before shutdown").isEqualTo(1);
  }

  @Test
  void unknownMethods_methodNotFoundForRequestsOnly() throws Exception {
    initialize();

    session.notify("tlsguard/unknownNotification", "{}");
    session.notify("$/unknownNotification", "{}");

    assertUnknownMethodAnswered();
  }

  @Test
  void unknownDollarRequest_methodNotFound() throws Exception {
    initialize();

    int dollar = track(session.request("$/unknownRequest", "{}"));

    // A server may ignore a $/ request, but must then respond with MethodNotFound.
    JsonObject response = session.response(dollar);
    assertThat(errorCode(response)).as("response to a $/ request: %s", response).isEqualTo(METHOD_NOT_FOUND);
  }

  @Test
  void requestsAfterShutdown_invalidRequestThenExitZero() throws Exception {
    initialize();
    int shutdown = track(session.request("shutdown", null));
    assertThat(session.response(shutdown).has("error")).as("shutdown failed").isFalse();

    int late = track(session.request("textDocument/hover", positionParams(URI, 0, 0)));

    assertThat(errorCode(session.response(late))).isEqualTo(INVALID_REQUEST);
    session.notify("exit", null);
    assertThat(session.awaitExit()).isZero();
  }

  @Test
  void didChangeForUnopenedDocument_ignoredOthersServed() throws Exception {
    initialize();

    session.notify("textDocument/didChange", changeParams(OTHER_URI, 2, fullChange(INSECURE)));
    open(URI, 1, INSECURE);

    assertThat(diagnostics(URI, 1)).hasSize(1);
    assertThat(publishedFor(OTHER_URI)).as("diagnostics for a document never opened").isEmpty();
  }

  @Test
  void versionGoingBackwards_staleChangeIgnored() throws Exception {
    initialize();
    open(URI, 5, INSECURE);
    assertThat(diagnostics(URI, 5)).hasSize(1);

    session.notify("textDocument/didChange", changeParams(URI, 3, fullChange(CLEAN)));
    session.notify("textDocument/didChange", changeParams(URI, 6, fullChange(INSECURE + INSECURE)));

    assertThat(diagnostics(URI, 6)).as("diagnostics after the stale change").hasSize(2);
    assertThat(publishedVersions(URI)).doesNotContain(3);
  }

  @Test
  void rangePastEnd_serverKeepsDocumentUsable() throws Exception {
    initialize();
    open(URI, 1, INSECURE);

    session.notify("textDocument/didChange", changeParams(URI, 2, rangeChange(1000, 0, 1000, 5, "x = 1\n")));
    session.notify("textDocument/didChange", changeParams(URI, 3, rangeChange(0, 500, 0, 900, "")));
    session.notify("textDocument/didChange", changeParams(URI, 4, fullChange(CLEAN + INSECURE)));

    assertThat(diagnostics(URI, 4)).hasSize(1);
    assertUnknownMethodAnswered();
  }

  @Test
  void rangeInsidePairOrCrLf_documentUsable() throws Exception {
    initialize();
    String text = "# \uD83D\uDE00\r\n" + INSECURE.replace("\n", "\r\n");
    open(URI, 1, text);
    assertThat(diagnostics(URI, 1)).hasSize(1);

    // Character 3 lies between the two halves of the emoji; character 5 between \r and \n.
    session.notify("textDocument/didChange", changeParams(URI, 2, rangeChange(0, 3, 0, 3, "x")));
    session.notify("textDocument/didChange", changeParams(URI, 3, rangeChange(0, 5, 0, 5, "y")));
    session.notify("textDocument/didChange", changeParams(URI, 4, rangeChange(0, 3, 0, 5, "")));
    session.notify("textDocument/didChange", changeParams(URI, 5, fullChange(text)));

    JsonArray last = diagnostics(URI, 5);
    assertThat(last).hasSize(1);
    JsonObject start = last.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start");
    assertThat(start.get("line").getAsInt()).isEqualTo(2);
    assertThat(start.get("character").getAsInt()).isEqualTo(21);
  }

  @Test
  void rapidChangesWithCancels_answeredOnce() throws Exception {
    initialize();
    open(URI, 1, INSECURE);
    List<Integer> cancelled = new ArrayList<>();

    for (int version = 2; version <= 1001; version++) {
      String text = version % 2 == 0 ? INSECURE + "# edit " + version + "\n" : CLEAN + INSECURE;
      session.notify("textDocument/didChange", changeParams(URI, version, fullChange(text)));
      if (version % 10 == 0) {
        int id = track(session.request("textDocument/codeAction", codeActionParams(URI)));
        session.notify("$/cancelRequest", "{\"id\": " + id + "}");
        cancelled.add(id);
      }
    }

    assertThat(diagnostics(URI, 1001)).hasSize(1);
    for (int id : cancelled) {
      JsonObject response = session.response(id);
      assertThat(response.has("result") || errorCode(response) == REQUEST_CANCELLED)
          .as("response to cancelled request %d: %s", id, response)
          .isTrue();
    }
  }

  @Test
  void stdinClosedMidMessage_exitsWithOne() throws Exception {
    initialize();

    session.sendRaw("Content-Length: 200\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 7, \"meth".getBytes(StandardCharsets.US_ASCII));
    session.closeStdin();

    assertThat(session.awaitExit()).isEqualTo(1);
  }

  @Test
  void stdinClosedInsideHeader_exitsWithOne() throws Exception {
    initialize();

    session.sendRaw("Content-Len".getBytes(StandardCharsets.US_ASCII));
    session.closeStdin();

    assertThat(session.awaitExit()).isEqualTo(1);
  }

  private void initialize() throws Exception {
    int id = track(session.request("initialize",
        "{\"processId\": null, \"rootUri\": null, \"clientInfo\": {\"name\": \"abuse-test\"}, \"capabilities\": {}}"));
    JsonObject response = session.response(id);
    assertThat(response.has("result")).as("initialize result: %s", response).isTrue();
    session.notify("initialized", "{}");
  }

  /** Sends a request for a method the server does not have and checks the error code. */
  private void assertUnknownMethodAnswered() throws Exception {
    int id = track(session.request("tlsguard/noSuchMethod", "{}"));
    assertThat(errorCode(session.response(id))).as("error code for an unknown method").isEqualTo(METHOD_NOT_FOUND);
  }

  private void open(String uri, int version, String text) throws Exception {
    JsonObject document = new JsonObject();
    document.addProperty("uri", uri);
    document.addProperty("languageId", "python");
    document.addProperty("version", version);
    document.addProperty("text", text);
    JsonObject params = new JsonObject();
    params.add("textDocument", document);
    session.notify("textDocument/didOpen", params.toString());
  }

  private JsonArray diagnostics(String uri, int version) {
    return session.await(message -> isDiagnostics(message, uri) && paramsOf(message).has("version")
                && paramsOf(message).get("version").getAsInt() == version,
            "diagnostics of " + uri + " at version " + version)
        .getAsJsonObject("params")
        .getAsJsonArray("diagnostics");
  }

  private List<JsonObject> publishedFor(String uri) {
    return session.received().stream().filter(message -> isDiagnostics(message, uri)).toList();
  }

  private List<Integer> publishedVersions(String uri) {
    return publishedFor(uri).stream()
        .filter(message -> paramsOf(message).has("version"))
        .map(message -> paramsOf(message).get("version").getAsInt())
        .toList();
  }

  private static boolean isDiagnostics(JsonObject message, String uri) {
    return message.has("method")
        && message.get("method").getAsString().equals("textDocument/publishDiagnostics")
        && paramsOf(message).get("uri").getAsString().equals(uri);
  }

  private static JsonObject paramsOf(JsonObject message) {
    return message.getAsJsonObject("params");
  }

  private int track(int id) {
    requestIds.add(id);
    return id;
  }

  private static String positionParams(String uri, int line, int character) {
    return "{\"textDocument\": {\"uri\": \"" + uri + "\"}, \"position\": {\"line\": " + line + ", \"character\": "
        + character + "}}";
  }

  private static String codeActionParams(String uri) {
    return "{\"textDocument\": {\"uri\": \"" + uri + "\"}, \"range\": {\"start\": {\"line\": 1, \"character\": 0},"
        + " \"end\": {\"line\": 1, \"character\": 40}}, \"context\": {\"diagnostics\": []}}";
  }

  private static String changeParams(String uri, int version, JsonObject change) {
    JsonArray changes = new JsonArray();
    changes.add(change);
    JsonObject document = new JsonObject();
    document.addProperty("uri", uri);
    document.addProperty("version", version);
    JsonObject params = new JsonObject();
    params.add("textDocument", document);
    params.add("contentChanges", changes);
    return params.toString();
  }

  private static JsonObject fullChange(String text) {
    JsonObject change = new JsonObject();
    change.add("text", new JsonPrimitive(text));
    return change;
  }

  private static JsonObject rangeChange(int startLine, int startCharacter, int endLine, int endCharacter, String text) {
    JsonObject change = new JsonObject();
    change.add("range", com.google.gson.JsonParser.parseString(
        "{\"start\": {\"line\": " + startLine + ", \"character\": " + startCharacter + "}, \"end\": {\"line\": "
            + endLine + ", \"character\": " + endCharacter + "}}"));
    change.addProperty("text", text);
    return change;
  }
}
