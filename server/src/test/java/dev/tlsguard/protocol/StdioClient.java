package dev.tlsguard.protocol;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs the real jar as {@code tlsguard lsp --stdio} and speaks JSON-RPC to it by hand.
 *
 * <p>A reader thread parses stdout strictly: each message must be {@code Content-Length} (and
 * optionally {@code Content-Type}) headers, a blank line, and exactly that many bytes of a JSON
 * object with {@code "jsonrpc": "2.0"}. Anything else is recorded in {@link #framingErrors}.
 */
final class StdioClient implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  final Process process;
  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  final List<String> framingErrors = new CopyOnWriteArrayList<>();
  private final OutputStream stdin;
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread reader;

  StdioClient(Path stderrLog, String... extraArgs) throws IOException {
    this(List.of(), stderrLog, extraArgs);
  }

  /** Starts the server with {@code jvmOptions} placed before {@code -jar}. */
  StdioClient(List<String> jvmOptions, Path stderrLog, String... extraArgs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = System.getProperty("tlsguard.jar");
    if (jar == null) {
      throw new IllegalStateException(
          "System property tlsguard.jar is not set; run with mvn verify");
    }
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar, "lsp", "--stdio"));
    command.addAll(List.of(extraArgs));
    process = new ProcessBuilder(command).redirectError(stderrLog.toFile()).start();
    stdin = process.getOutputStream();
    reader = new Thread(() -> readFrames(process.getInputStream()), "stdio-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends a request and returns its id. */
  int request(String method, JsonElement params) throws IOException {
    int id = ids.incrementAndGet();
    JsonObject message = new JsonObject();
    message.addProperty("jsonrpc", "2.0");
    message.addProperty("id", id);
    message.addProperty("method", method);
    if (params != null) {
      message.add("params", params);
    }
    send(message);
    return id;
  }

  void notify(String method, JsonElement params) throws IOException {
    JsonObject message = new JsonObject();
    message.addProperty("jsonrpc", "2.0");
    message.addProperty("method", method);
    if (params != null) {
      message.add("params", params);
    }
    send(message);
  }

  synchronized void send(JsonObject message) throws IOException {
    byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
    stdin.write(
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    stdin.write(body);
    stdin.flush();
  }

  /** Waits for the response to request {@code id}. */
  JsonObject response(int id) {
    return await(
        m -> m.has("id") && !m.has("method") && m.get("id").getAsInt() == id,
        "the response to request " + id);
  }

  /** Waits for a received message that matches {@code condition}. */
  JsonObject await(Predicate<JsonObject> condition, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonObject message : received) {
        if (condition.test(message)) {
          return message;
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        break;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("Timed out waiting for " + what + "; received " + received);
  }

  /** Waits for the diagnostics of {@code uri} at {@code version}. */
  JsonObject diagnostics(String uri, int version) {
    return await(
            m ->
                "textDocument/publishDiagnostics".equals(stringOf(m, "method"))
                    && m.getAsJsonObject("params").get("uri").getAsString().equals(uri)
                    && m.getAsJsonObject("params").has("version")
                    && m.getAsJsonObject("params").get("version").getAsInt() == version,
            "diagnostics of " + uri + " version " + version)
        .getAsJsonObject("params");
  }

  /** Waits for the process to end and returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("The server did not exit within " + TIMEOUT);
    }
    reader.join(TIMEOUT.toMillis());
    return process.exitValue();
  }

  void closeStdin() throws IOException {
    stdin.close();
  }

  private static String stringOf(JsonObject message, String member) {
    return message.has(member) ? message.get(member).getAsString() : null;
  }

  private void readFrames(InputStream in) {
    try {
      while (true) {
        int length = -1;
        while (true) {
          String header = readHeaderLine(in);
          if (header == null) {
            return;
          }
          if (header.isEmpty()) {
            break;
          }
          if (header.startsWith("Content-Length: ")) {
            length = Integer.parseInt(header.substring("Content-Length: ".length()));
          } else if (!header.startsWith("Content-Type: ")) {
            framingErrors.add("Unexpected header line: " + header);
          }
        }
        if (length < 0) {
          framingErrors.add("Message without Content-Length");
          return;
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          framingErrors.add("Truncated body: " + body.length + " of " + length + " bytes");
          return;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        try {
          JsonObject message = JsonParser.parseString(json).getAsJsonObject();
          if (!"2.0".equals(stringOf(message, "jsonrpc"))) {
            framingErrors.add("Not a JSON-RPC 2.0 message: " + json);
          }
          received.add(message);
        } catch (RuntimeException e) {
          framingErrors.add("Body is not a JSON object: " + json);
        }
      }
    } catch (IOException | NumberFormatException e) {
      framingErrors.add("Reading stdout failed: " + e);
    }
  }

  /** Reads one header line ending in CRLF; returns null at a clean end of stream. */
  private String readHeaderLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() > 0) {
          framingErrors.add("Stream ended inside a header: " + line);
        }
        return null;
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
          framingErrors.add("Header line not ended by CRLF: " + line);
          return line.toString(StandardCharsets.US_ASCII);
        }
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
      }
      line.write(b);
      if (line.size() > 1024) {
        framingErrors.add("Header line longer than 1024 bytes: " + line);
        return null;
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
