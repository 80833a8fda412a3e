package dev.tlsguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Source texts the benchmarks run on: the standard library's {@code test_ssl.py} and a generated
 * file of about 50,000 lines.
 */
public final class BenchmarkInputs {
  /** System property that names the standard library folder instead of asking python3. */
  public static final String STDLIB_PROPERTY = "tlsguard.bench.stdlib";

  /** Line count of the generated input. */
  public static final int GENERATED_LINES = 50_000;

  private static final String HEADER =
      "\"\"\"Generated benchmark input: repeated session classes after one insecure"
          + " selection.\"\"\"\n"
          + "import socket\n"
          + "import ssl\n"
          + "\n"
          + "LEGACY = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
          + "\n";

  private BenchmarkInputs() {}

  /**
   * Returns the text of an input by its benchmark parameter name: {@code test_ssl.py} or {@code
   * generated-50k}.
   *
   * @throws IllegalArgumentException if the name is neither
   * @throws IOException if the file cannot be read or python3 cannot be run
   */
  public static String load(String name) throws IOException, InterruptedException {
    return switch (name) {
      case "test_ssl.py" -> Files.readString(standardLibrary().resolve("test/test_ssl.py"));
      case "generated-50k" -> generated(GENERATED_LINES);
      default ->
          throw new IllegalArgumentException(
              "Unknown input " + name + "; expected test_ssl.py or generated-50k");
    };
  }

  /**
   * Builds a Python text of at least {@code lines} lines: a header with one insecure selection,
   * then the 25-line template repeated with a block number. benchmarks/generate_python.py builds
   * the same text.
   */
  public static String generated(int lines) throws IOException {
    String template = readTemplate();
    StringBuilder text = new StringBuilder(HEADER);
    int count = countLines(HEADER);
    for (int block = 0; count < lines; block++) {
      String part =
          template
              .replace("{n}", Integer.toString(block))
              .replace("{{", "{")
              .replace("}}", "}");
      text.append(part);
      count += countLines(part);
    }
    return text.toString();
  }

  /**
   * Returns the folder of the Python standard library: the {@value #STDLIB_PROPERTY} system
   * property, or what {@code python3} reports as its {@code stdlib} path.
   */
  public static Path standardLibrary() throws IOException, InterruptedException {
    String configured = System.getProperty(STDLIB_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Process process =
        new ProcessBuilder(
                "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "python3 failed to report its standard library folder; set -D" + STDLIB_PROPERTY);
    }
    return Path.of(output.strip());
  }

  private static String readTemplate() throws IOException {
    try (InputStream stream = BenchmarkInputs.class.getResourceAsStream("python-template.py")) {
      if (stream == null) {
        throw new IOException("Resource python-template.py is missing from the benchmark jar");
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int countLines(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }
}
