package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs 10,000 edit, incremental parse, analyse and close cycles on a 1,000-line document and
 * compares the process's resident memory after the first 1,000 cycles with the figure after all
 * of them. Native objects that are never closed (trees, cursors, parsers) show up as growth that
 * no garbage collection takes back.
 */
class NativeMemoryTest {
  private static final Logger LOG = Logger.getLogger(NativeMemoryTest.class.getName());
  private static final int WARM_UP_CYCLES = 1_000;
  private static final int TOTAL_CYCLES = 10_000;
  /** Growth beyond this fraction of the warmed-up figure counts as a leak. */
  private static final double MAX_GROWTH = 0.10;

  @Test
  void tenThousandEditCycles_residentMemoryStaysFlat() throws Exception {
    InsecureSslProtocolsRule rule = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);
    long warmedUp = 0;
    int findings = 0;
    try (PythonParser parser = new PythonParser();
        EditingSession session = new EditingSession(parser, EditingSession.thousandLineModule(), 7)) {
      assertThat(new SourceText(session.text()).lineCount()).as("lines in the document").isGreaterThanOrEqualTo(1_000);
      for (int cycle = 1; cycle <= TOTAL_CYCLES; cycle++) {
        session.change();
        Analysis analysis = rule.analyze(new SourceText(session.text()), session.tree());
        findings += analysis.findings().size();
        if (cycle == WARM_UP_CYCLES) {
          warmedUp = settledResidentKilobytes();
        }
      }
    }
    long after = settledResidentKilobytes();

    long before = warmedUp;
    int total = findings;
    LOG.info(() -> String.format("Resident memory after %d cycles: %d KiB, after %d cycles: %d KiB (%+.1f%%), %d findings",
        WARM_UP_CYCLES, before, TOTAL_CYCLES, after, 100.0 * (after - before) / before, total));
    System.out.printf("NativeMemoryTest: VmRSS %d KiB after %d cycles, %d KiB after %d cycles%n",
        before, WARM_UP_CYCLES, after, TOTAL_CYCLES);
    assertThat(total).as("findings over all cycles").isPositive();
    assertThat(after).as("VmRSS in KiB after %d cycles, against %d KiB after %d", TOTAL_CYCLES, before, WARM_UP_CYCLES)
        .isLessThanOrEqualTo((long) (before * (1 + MAX_GROWTH)));
  }

  /**
   * Collects garbage, so that Java objects holding native memory are freed, then polls VmRSS
   * until two readings 100 ms apart differ by less than 1% or 5 s have passed.
   */
  static long settledResidentKilobytes() throws IOException, InterruptedException {
    System.gc();
    long previous = residentKilobytes();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      System.gc();
      long current = residentKilobytes();
      if (Math.abs(current - previous) < previous / 100) {
        return current;
      }
      previous = current;
    }
    return previous;
  }

  /** Returns VmRSS from {@code /proc/self/status}, in KiB. */
  static long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("/proc/self/status has no VmRSS line");
  }
}
