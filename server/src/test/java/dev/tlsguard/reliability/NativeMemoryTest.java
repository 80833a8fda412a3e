package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.parse.PythonParser;
import dev.tlsguard.parse.SourceText;
import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.InsecureSslProtocolsRule;
import dev.tlsguard.rules.RuleSettings;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs 10,000 edit, incremental parse, analyse and close cycles on a 1,000-line document and
 * compares native memory after the first 1,000 cycles with the figure after all of them. Native
 * objects that are never closed (trees, cursors, parsers) show up as growth that no garbage
 * collection takes back.
 *
 * <p>Two figures are printed: VmRSS from {@code /proc/self/status}, and the bytes that glibc's
 * {@code malloc} has handed out and not yet had back ({@code mallinfo2}: {@code uordblks} plus
 * {@code hblkhd}), which is where tree-sitter allocates. The leak check uses the malloc figure,
 * because VmRSS also grows while the JIT compiler warms up. In a 30,000-cycle run on a 2-core
 * machine it rose from 107 MiB at cycle 2,000 to a plateau of 135 MiB from cycle 6,000 on, while
 * the malloc figure stayed between 15 and 20 MiB throughout.
 */
class NativeMemoryTest {
  private static final Logger LOG = Logger.getLogger(NativeMemoryTest.class.getName());
  private static final int WARM_UP_CYCLES = 1_000;
  private static final int TOTAL_CYCLES = 10_000;
  /**
   * Growth of the malloc figure beyond this fraction counts as a leak. A leaked old tree keeps at
   * least the nodes that its edit replaced, so 9,000 of them exceed it.
   */
  private static final double MAX_GROWTH = 0.10;

  @Test
  void tenThousandEditCycles_nativeMemoryStaysFlat() throws Throwable {
    InsecureSslProtocolsRule rule = new InsecureSslProtocolsRule(RuleSettings.DEFAULTS);
    long warmedUp = 0;
    long warmedUpMalloc = 0;
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
          warmedUpMalloc = settledMallocKilobytes();
        }
      }
    }
    long after = settledResidentKilobytes();
    long afterMalloc = settledMallocKilobytes();

    long before = warmedUp;
    long beforeMalloc = warmedUpMalloc;
    int total = findings;
    String figures = String.format(
        "after %d cycles: VmRSS %d KiB, malloc %d KiB; after %d cycles: VmRSS %d KiB (%+.1f%%), malloc %d KiB"
            + " (%+.1f%%); %d findings",
        WARM_UP_CYCLES, before, beforeMalloc, TOTAL_CYCLES, after, 100.0 * (after - before) / before, afterMalloc,
        100.0 * (afterMalloc - beforeMalloc) / beforeMalloc, total);
    LOG.info(figures);
    System.out.println("NativeMemoryTest: " + figures);
    assertThat(total).as("findings over all cycles").isPositive();
    assertThat(afterMalloc)
        .as("malloc in use in KiB after %d cycles, against %d KiB after %d", TOTAL_CYCLES, beforeMalloc, WARM_UP_CYCLES)
        .isLessThanOrEqualTo((long) (beforeMalloc * (1 + MAX_GROWTH)));
    // A coarse bound: warm-up growth measured so far stays under 35%.
    assertThat(after).as("VmRSS in KiB after %d cycles, against %d KiB after %d", TOTAL_CYCLES, before, WARM_UP_CYCLES)
        .isLessThanOrEqualTo(2 * before);
  }

  /**
   * Collects garbage and returns the smallest of five readings of the malloc figure 100 ms apart,
   * because JIT compiler threads borrow and return malloc memory while the test runs.
   */
  static long settledMallocKilobytes() throws Throwable {
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      smallest = Math.min(smallest, mallocInUseBytes() / 1024);
    }
    return smallest;
  }

  /** Returns the bytes glibc's allocator has handed out and not had back, through {@code mallinfo2}. */
  static long mallocInUseBytes() throws Throwable {
    Linker linker = Linker.nativeLinker();
    // struct mallinfo2 is ten size_t fields: arena, ordblks, smblks, hblks, hblkhd, usmblks,
    // fsmblks, uordblks, fordblks, keepcost.
    MethodHandle mallinfo2 = linker.downcallHandle(
        linker.defaultLookup().find("mallinfo2").orElseThrow(() -> new AssertionError("glibc has no mallinfo2")),
        FunctionDescriptor.of(MemoryLayout.structLayout(MemoryLayout.sequenceLayout(10, ValueLayout.JAVA_LONG))));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment info = (MemorySegment) mallinfo2.invokeExact((SegmentAllocator) arena);
      long mmapped = info.getAtIndex(ValueLayout.JAVA_LONG, 4);
      long allocated = info.getAtIndex(ValueLayout.JAVA_LONG, 7);
      return allocated + mmapped;
    }
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
