package dev.tlsguard.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real jar with native libraries that cannot be found and checks the one-line error. */
class NativeLoadFailureIT {
  private static final Path JAR = Path.of(System.getProperty("tlsguard.jar", "target/tlsguard.jar"));

  @Test
  void check_missingLibraries_exitsTwoWithOneLine() throws Exception {
    Path file = java.nio.file.Files.createTempFile("tlsguard-native", ".py");
    java.nio.file.Files.writeString(file, "import ssl\nssl.SSLContext(ssl.PROTOCOL_TLSv1)\n");
    Result result = run(List.of("check", file.toString()));
    java.nio.file.Files.delete(file);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("libtree-sitter.so not found").contains("TLSGUARD_NATIVE_DIR");
    assertThat(result.stderr().lines().filter(line -> line.contains("not found")).count()).isEqualTo(1);
  }

  @Test
  void lsp_missingLibraries_exitsTwoBeforeServing() throws Exception {
    Result result = run(List.of("lsp", "--stdio"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).as("nothing on the protocol stream").isEmpty();
    assertThat(result.stderr()).contains("Cannot start the language server").contains("libtree-sitter.so not found");
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TLSGUARD_NATIVE_DIR", "/nonexistent-tlsguard-native");
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tlsguard did not exit within 60 s for " + arguments);
    }
    return new Result(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
