package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar tlsguard.jar check} on folders that a careless user or a busy file system
 * produces: binary files named {@code .py}, link loops, named pipes, unreadable and vanishing
 * files, and 50,000 small files. Each bad file gets one message that names it, and the run goes
 * on with the other files.
 */
class HostileFilesCheckIT {
  private static final Logger LOG = Logger.getLogger(HostileFilesCheckIT.class.getName());
  private static final String INSECURE = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
  private static final String CLEAN = "import ssl\nctx = ssl.create_default_context()\n";
  private static final long TIMEOUT_SECONDS = 300;

  @TempDir Path folder;

  private record Run(int exitCode, String stdout, String stderr) {}

  private record Started(Process process, Path stdout, Path stderr) {}

  @Test
  void binaryNamedPy_reportedAndRunGoesOn() throws Exception {
    byte[] binary = new byte[64 << 10];
    new Random(5).nextBytes(binary);
    Files.write(folder.resolve("a_blob.py"), binary);
    Files.writeString(folder.resolve("b_client.py"), INSECURE);

    Run run = check(".");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).contains("a_blob.py: error: ");
    assertThat(run.stdout()).contains("b_client.py:2:22: ssl-proto-const ");
    assertNoCrash(run);
  }

  @Test
  void hostileTextFiles_eachGetsDefinedResult() throws Exception {
    Files.write(folder.resolve("empty.py"), new byte[0]);
    Files.write(folder.resolve("nul.py"), new byte[4096]);
    Files.write(folder.resolve("bom.py"), ("\uFEFF" + INSECURE).getBytes(StandardCharsets.UTF_8));
    Files.write(folder.resolve("utf16.py"), INSECURE.getBytes(StandardCharsets.UTF_16));
    Files.writeString(folder.resolve("nested.py"), "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n" + INSECURE);
    Files.writeString(folder.resolve("long_line.py"), "import ssl\n" + "x = 1; ".repeat(150_000) + "\n" + INSECURE);

    Run run = check(".");

    assertNoCrash(run);
    assertThat(run.stdout()).contains("bom.py:2:22: ssl-proto-const ");
    // Nesting past the depth limit is refused with the limit named, and the run goes on.
    assertThat(run.stderr()).contains("nested.py: error: skipped: The syntax tree nests deeper than 1000 levels");
    assertThat(run.stdout()).contains("long_line.py:4:22: ssl-proto-const ");
    assertThat(run.stdout()).doesNotContain("empty.py").doesNotContain("nul.py");
    assertThat(run.stdout() + run.stderr()).contains("utf16.py");
  }

  @Test
  void symbolicLinkLoops_reportedAndRunGoesOn() throws Exception {
    Files.createSymbolicLink(folder.resolve("loop_a.py"), folder.resolve("loop_b.py"));
    Files.createSymbolicLink(folder.resolve("loop_b.py"), folder.resolve("loop_a.py"));
    Files.createDirectories(folder.resolve("pkg"));
    Files.createSymbolicLink(folder.resolve("pkg/up"), folder);
    Files.writeString(folder.resolve("pkg/client.py"), INSECURE);

    Run run = check(".");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).contains("loop_a.py: error: ").contains("loop_b.py: error: ");
    assertThat(run.stdout()).containsOnlyOnce("pkg/client.py:2:22: ");
    assertNoCrash(run);
  }

  @Test
  void namedPipe_skippedOrReported() throws Exception {
    Path pipe = folder.resolve("pipe.py");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).as("mkfifo finished").isTrue();
    assertThat(mkfifo.exitValue()).as("mkfifo exit code").isZero();
    Files.writeString(folder.resolve("client.py"), INSECURE);

    // Opening a named pipe would block until a writer comes, so it must never be read.
    Run walked = check(".");
    Run named = check("pipe.py", "client.py");

    assertThat(walked.exitCode()).as(walked.stderr()).isEqualTo(1);
    assertThat(walked.stdout()).contains("client.py:2:22: ");
    assertThat(named.exitCode()).as(named.stderr()).isEqualTo(2);
    assertThat(named.stderr()).contains("pipe.py: error: ");
    assertThat(named.stdout()).contains("client.py:2:22: ");
    assertNoCrash(walked);
    assertNoCrash(named);
  }

  @Test
  void unreadableFile_reportedOrReadByRoot() throws Exception {
    Path locked = Files.writeString(folder.resolve("locked.py"), INSECURE);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Files.writeString(folder.resolve("open.py"), INSECURE);
    // chmod 000 does not stop root, so the expected outcome depends on who runs the test.
    boolean permissionsApply = !Files.isReadable(locked);

    Run run = check(".");

    assertThat(run.stdout()).contains("open.py:2:22: ");
    if (permissionsApply) {
      assertThat(run.stderr()).contains("locked.py: error: permission denied");
      assertThat(run.exitCode()).isEqualTo(2);
    } else {
      assertThat(run.stdout()).contains("locked.py:2:22: ");
      assertThat(run.exitCode()).isEqualTo(1);
    }
    assertNoCrash(run);
  }

  @Test
  void directoryNamedPy_walkedNotRead() throws Exception {
    Files.createDirectories(folder.resolve("weird.py"));
    Files.writeString(folder.resolve("weird.py/inner.py"), INSECURE);

    Run run = check(".");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).contains("weird.py/inner.py:2:22: ");
    assertNoCrash(run);
  }

  @Test
  void vanishingFiles_reportedAndRunGoesOn() throws Exception {
    List<Path> doomed = writeManyFiles(folder.resolve("doomed"), 5_000, CLEAN);
    Files.writeString(folder.resolve("survivor.py"), INSECURE);

    Started process = start(".");
    // Deleting while the run lists and reads the files: each file is gone either before it is
    // listed, which makes it invisible, or after, which must give one clear error.
    for (Path file : doomed) {
      Files.deleteIfExists(file);
    }
    Run run = finish(process);

    assertThat(run.exitCode()).as(run.stderr()).isIn(1, 2);
    assertThat(run.stdout()).contains("survivor.py:2:22: ");
    for (String line : run.stderr().lines().filter(line -> line.contains(": error: ")).toList()) {
      assertThat(line).as("error line").matches("doomed/.*\\.py: error: no such file or directory");
    }
    assertNoCrash(run);
  }

  @Test
  void fiftyThousandSmallFiles_allChecked() throws Exception {
    List<Path> files = writeManyFiles(folder.resolve("many"), 50_000, CLEAN);
    for (int i = 0; i < files.size(); i += 1_000) {
      Files.writeString(files.get(i), INSECURE);
    }

    long started = System.nanoTime();
    Run run = check(".");
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info(() -> "Checked 50,000 files in " + millis + " ms");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout().lines().filter(line -> line.contains(": ssl-proto-const ")).count())
        .as("findings in 50,000 files")
        .isEqualTo(50);
    assertNoCrash(run);
  }

  private static List<Path> writeManyFiles(Path root, int count, String text) throws IOException {
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Path dir = root.resolve("d" + (i / 1_000));
      if (i % 1_000 == 0) {
        Files.createDirectories(dir);
      }
      files.add(Files.writeString(dir.resolve("m" + i + ".py"), text));
    }
    return files;
  }

  private static void assertNoCrash(Run run) {
    assertThat(run.stderr()).as("stderr").doesNotContain("internal error").doesNotContain("\tat ")
        .doesNotContain("hs_err_pid").doesNotContain("SIGSEGV");
    assertThat(run.exitCode()).as("exit code").isBetween(0, 2);
  }

  private Run check(String... arguments) throws IOException, InterruptedException {
    return finish(start(arguments));
  }

  private Started start(String... arguments) throws IOException {
    String jar = System.getProperty("tlsguard.jar");
    assertThat(jar).as("system property tlsguard.jar").isNotNull();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar, "check"));
    command.addAll(List.of(arguments));
    Path stdout = Files.createTempFile("tlsguard-stdout", ".txt");
    Path stderr = Files.createTempFile("tlsguard-stderr", ".txt");
    Process process = new ProcessBuilder(command)
        .directory(folder.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    return new Started(process, stdout, stderr);
  }

  private static Run finish(Started started) throws IOException, InterruptedException {
    try {
      if (!started.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        started.process().destroyForcibly().waitFor();
        throw new AssertionError("tlsguard check did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Run(started.process().exitValue(), Files.readString(started.stdout(), StandardCharsets.UTF_8),
          Files.readString(started.stderr(), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(started.stdout());
      Files.deleteIfExists(started.stderr());
    }
  }
}
