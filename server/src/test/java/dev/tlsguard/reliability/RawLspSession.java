package dev.tlsguard.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs {@code tlsguard lsp --stdio} from the real jar and lets a test write any bytes to its stdin,
 * framed or not. A reader thread splits stdout into messages and records every byte sequence that
 * is not a well-formed {@code Content-Length} frame holding a JSON-RPC 2.0 object.
 */
final class RawLspSession implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final OutputStream stdin;
  private final Thread reader;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final List<String> stdoutViolations = new CopyOnWriteArrayList<>();
  private int nextId = 1;

  /** Starts the server, sending its stderr to {@code stderrLog}. */
  RawLspSession(Path stderrLog) throws IOException {
    String jar = System.getProperty("tlsguard.jar");
    if (jar == null) {
      throw new IllegalStateException("System property tlsguard.jar is not set; run the test with mvn verify");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar, "lsp", "--stdio")
        .redirectError(stderrLog.toFile())
        .start();
    stdin = process.getOutputStream();
    reader = new Thread(() -> readFrames(process.getInputStream()), "raw-lsp-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends a request with a fresh id and returns the id. */
  int request(String method, String paramsJson) throws IOException {
    int id = nextId++;
    sendJson("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
        + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
    return id;
  }

  /** Sends a notification. */
  void notify(String method, String paramsJson) throws IOException {
    sendJson("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\""
        + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
  }

  /** Frames {@code json} with its correct {@code Content-Length} and sends it. */
  void sendJson(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    sendRaw(body);
  }

  /** Sends {@code bytes} as they are. */
  synchronized void sendRaw(byte[] bytes) throws IOException {
    stdin.write(bytes);
    stdin.flush();
  }

  /** Closes the server's stdin. */
  void closeStdin() throws IOException {
    stdin.close();
  }

  /** Waits for the one response to request {@code id}, failing if none comes. */
  JsonObject response(int id) {
    return await(message -> isResponseTo(message, id), "the response to request " + id);
  }

  /** Returns every response received so far to request {@code id}. */
  List<JsonObject> responsesTo(int id) {
    return received.stream().filter(message -> isResponseTo(message, id)).toList();
  }

  /** Returns the messages received so far. */
  List<JsonObject> received() {
    return new ArrayList<>(received);
  }

  /** Returns the stdout content that was not a well-formed JSON-RPC frame. */
  List<String> stdoutViolations() {
    return List.copyOf(stdoutViolations);
  }

  /** Waits for a message that matches {@code condition}. */
  JsonObject await(Predicate<JsonObject> condition, String description) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonObject message : received) {
        if (condition.test(message)) {
          return message;
        }
      }
      if (!reader.isAlive()) {
        break;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("Timed out waiting for " + description + "; received " + received);
  }

  /** Waits for the server to exit and returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("The server did not exit within " + TIMEOUT);
    }
    reader.join(TIMEOUT.toMillis());
    return process.exitValue();
  }

  /** Returns whether the server process is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  static int errorCode(JsonObject response) {
    return response.has("error") ? response.getAsJsonObject("error").get("code").getAsInt() : 0;
  }

  private static boolean isResponseTo(JsonObject message, int id) {
    if (message.has("method") || !message.has("id") || message.get("id").isJsonNull()) {
      return false;
    }
    JsonElement responseId = message.get("id");
    return responseId.getAsJsonPrimitive().isNumber() && responseId.getAsInt() == id;
  }

  private void readFrames(InputStream in) {
    try {
      while (true) {
        int length = readHeaders(in);
        if (length < 0) {
          return;
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          stdoutViolations.add("Truncated body: " + body.length + " of " + length + " bytes");
          return;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        try {
          JsonObject message = JsonParser.parseString(json).getAsJsonObject();
          if (!message.has("jsonrpc") || !"2.0".equals(message.get("jsonrpc").getAsString())) {
            stdoutViolations.add("Not a JSON-RPC 2.0 message: " + json);
          }
          received.add(message);
        } catch (RuntimeException e) {
          stdoutViolations.add("Body is not a JSON object: " + json);
        }
      }
    } catch (IOException | RuntimeException e) {
      stdoutViolations.add("Reading stdout failed: " + e);
    }
  }

  /** Reads the header block and returns the content length, or -1 at a clean end of stream. */
  private int readHeaders(InputStream in) throws IOException {
    int length = -1;
    while (true) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int previous = -1;
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (line.size() > 0 || length >= 0) {
            stdoutViolations.add("Stream ended inside a header: " + line);
          }
          return -1;
        }
        if (b == '\n' && previous == '\r') {
          break;
        }
        line.write(b);
        previous = b;
      }
      byte[] bytes = line.toByteArray();
      String header = new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
      if (header.isEmpty()) {
        if (length < 0) {
          stdoutViolations.add("Header block without Content-Length");
        }
        return Math.max(length, 0);
      }
      if (header.startsWith("Content-Length: ")) {
        length = Integer.parseInt(header.substring("Content-Length: ".length()).strip());
      } else if (!header.startsWith("Content-Type: ")) {
        stdoutViolations.add("Unexpected header line: " + header);
      }
    }
  }
}
