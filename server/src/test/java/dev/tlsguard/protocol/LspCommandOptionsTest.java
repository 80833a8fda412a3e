package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LspCommandOptionsTest {

  @Test
  void plainOptions_parsedWithoutPicocli() {
    Optional<LspCommand> parsed =
        LspCommand.parsePlainOptions(
            "--stdio", "--log-level", "debug", "--log-file=/tmp/tlsguard.log");

    assertThat(parsed).isPresent();
    assertThat(parsed.get().stdio).isTrue();
    assertThat(parsed.get().logLevel).isEqualTo("debug");
    assertThat(parsed.get().logFile).isEqualTo(Path.of("/tmp/tlsguard.log"));
  }

  @Test
  void noOptions_parsed() {
    Optional<LspCommand> parsed = LspCommand.parsePlainOptions();

    assertThat(parsed).isPresent();
    assertThat(parsed.get().stdio).isFalse();
    assertThat(parsed.get().logLevel).isNull();
    assertThat(parsed.get().logFile).isNull();
  }

  @Test
  void helpVersionAndUnknown_leftToPicocli() {
    assertThat(LspCommand.parsePlainOptions("--help")).isEmpty();
    assertThat(LspCommand.parsePlainOptions("-h")).isEmpty();
    assertThat(LspCommand.parsePlainOptions("--version")).isEmpty();
    assertThat(LspCommand.parsePlainOptions("--stdio", "--port", "4000")).isEmpty();
    assertThat(LspCommand.parsePlainOptions("--stdio=yes")).isEmpty();
  }

  @Test
  void optionWithoutValue_leftToPicocli() {
    assertThat(LspCommand.parsePlainOptions("--log-level")).isEmpty();
    assertThat(LspCommand.parsePlainOptions("--stdio", "--log-file")).isEmpty();
  }
}
