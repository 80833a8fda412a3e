package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.FixApplication;
import dev.tlsguard.rules.RuleSettings;
import dev.tlsguard.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Python programs after their safe fixes with the machine's {@code python3}: a safe fix must
 * leave a program that still creates its SSL context without an exception.
 *
 * <p>Each program runs under a prelude that makes {@code SSLContext.load_cert_chain} a no-op,
 * because the fixtures name certificate files that do not exist, and that makes every socket
 * connect and name lookup raise {@code NetworkBlocked}, so no program reaches the network. A
 * program counts as working when it exits normally or stops at the first network call.
 */
class FixedProgramsRunTest {
  private static final Logger LOG = Logger.getLogger(FixedProgramsRunTest.class.getName());
  private static final String DONE = "context created";

  private static final String PRELUDE = """
      import runpy, socket, ssl, sys
      class NetworkBlocked(Exception):
          pass
      def refuse(*args, **kwargs):
          raise NetworkBlocked("network access is blocked in this test")
      socket.getaddrinfo = refuse
      socket.create_connection = refuse
      socket.socket.connect = refuse
      ssl.SSLContext.load_cert_chain = lambda self, *args, **kwargs: None
      try:
          runpy.run_path(sys.argv[1], run_name="__main__")
      except NetworkBlocked:
          pass
      print("%s")
      """.formatted(DONE);

  /** Insecure programs that use only the standard library, each creating a context. */
  private static final List<String> SNIPPETS = List.of(
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)\n",
      "import ssl\nctx = ssl.SSLContext(protocol=ssl.PROTOCOL_SSLv3)\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_SSLv2)\n",
      "import ssl as s\nctx = s.SSLContext(s.PROTOCOL_TLSv1)\n",
      "from ssl import SSLContext, PROTOCOL_TLSv1\nctx = SSLContext(PROTOCOL_TLSv1)\n",
      "from ssl import *\nctx = SSLContext(PROTOCOL_TLSv1_1)\n",
      "import ssl\nctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.TLSv1\n",
      "import ssl\nctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.SSLv3\n",
      "import ssl\nctx = ssl.create_default_context()\nctx.maximum_version = ssl.TLSVersion.TLSv1_1\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.options &= ~ssl.OP_NO_TLSv1\n",
      "import ssl\ndef make(proto=ssl.PROTOCOL_TLSv1):\n    return ssl.SSLContext(proto)\nctx = make()\n",
      "import ssl\nctx = ssl.SSLContext(getattr(ssl, 'PROTOCOL_TLSv1'))\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nctx.verify_mode = ssl.CERT_NONE\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nctx.check_hostname = False\n"
          + "ctx.verify_mode = ssl.CERT_NONE\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\nctx.load_default_certs()\n"
          + "ctx.set_ciphers('DEFAULT')\n",
      "import socket, ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
          + "sock = ctx.wrap_socket(socket.socket(), server_hostname='localhost',"
          + " do_handshake_on_connect=False)\nsock.close()\n",
      "import socket, ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
          + "sock = ctx.wrap_socket(socket.socket(), do_handshake_on_connect=False)\nsock.close()\n",
      "import socket, ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
          + "sock = ctx.wrap_socket(socket.socket(), server_side=True)\nsock.close()\n",
      "import http.client, ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
          + "conn = http.client.HTTPSConnection('localhost', context=ctx)\n",
      "import ftplib, ssl\nclass Legacy(ftplib.FTP_TLS):\n    ssl_version = ssl.PROTOCOL_TLSv1\n"
          + "ctx = Legacy().context\n",
      "import ssl\nclass Client:\n    def __init__(self):\n        self.ssl_version = ssl.PROTOCOL_TLSv1\n"
          + "        self.ctx = ssl.SSLContext(self.ssl_version)\nctx = Client().ctx\n",
      "import ssl\nLEGACY = ssl.PROTOCOL_TLSv1\nctx = ssl.SSLContext(LEGACY)\n",
      "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.minimum_version = ssl.TLSVersion.TLSv1\n"
          + "ctx.maximum_version = ssl.TLSVersion.TLSv1_1\n");

  private static Analyzer analyzer;
  private static Optional<String> python;

  @BeforeAll
  static void open() {
    analyzer = new Analyzer(RuleSettings.DEFAULTS);
    python = FuzzCorpus.python3();
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  @TestFactory
  Stream<DynamicTest> generatedSnippets_runAfterSafeFixes(@TempDir Path folder) {
    assumeTrue(python.isPresent(), "python3 is not installed");
    return SNIPPETS.stream().map(snippet -> DynamicTest.dynamicTest(firstCodeLine(snippet), () -> {
      Analysis analysis = analyzer.analyze(snippet);
      assertThat(analysis.findings()).as("findings in the snippet").isNotEmpty();
      String fixed = FixApplication.applySafe(snippet, analysis.findings()).text();

      Run run = runPython(folder, fixed);

      assertThat(run.exitCode()).as("exit code of the fixed program:%n%s%noutput:%n%s", fixed, run.output()).isZero();
      assertThat(run.output()).as("output of the fixed program:%n%s", fixed).contains(DONE);
    }));
  }

  @TestFactory
  Stream<DynamicTest> fixedFixtures_runWhenOriginalRan(@TempDir Path folder) throws IOException {
    assumeTrue(python.isPresent(), "python3 is not installed");
    List<Path> inputs;
    try (Stream<Path> files = Files.list(RepoPaths.testdata().resolve("fixes"))) {
      inputs = files.filter(path -> path.toString().endsWith(".py") && !path.toString().endsWith(".fixed.py"))
          .sorted()
          .toList();
    }
    return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
      String original = FuzzCorpus.read(input);
      String fixed = FixApplication.applySafe(original, analyzer.analyze(original).findings()).text();

      Run before = runPython(folder, original);
      Run after = runPython(folder, fixed);
      LOG.info(() -> input.getFileName() + ": original exit " + before.exitCode() + ", fixed exit " + after.exitCode()
          + (after.exitCode() == 0 ? "" : ", fixed output: " + lastLine(after.output())));

      if (before.exitCode() == 0) {
        assertThat(after.exitCode()).as("exit code after safe fixes:%n%s", after.output()).isZero();
      }
    }));
  }

  private static Run runPython(Path folder, String program) throws IOException, InterruptedException {
    Path script = Files.createTempFile(folder, "program", ".py");
    Files.writeString(script, program, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(python.orElseThrow(), "-c", PRELUDE, script.toString())
        .directory(folder.toFile())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("python3 did not finish within 60 s: " + program);
    }
    return new Run(process.exitValue(), output);
  }

  private static String firstCodeLine(String snippet) {
    String[] lines = snippet.split("\n");
    return lines.length > 1 ? lines[1] : lines[0];
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }

  private record Run(int exitCode, String output) {}
}
