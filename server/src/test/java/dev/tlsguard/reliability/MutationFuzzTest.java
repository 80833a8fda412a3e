package dev.tlsguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.RuleSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Mutates real Python (the fixtures, the shared cases and standard-library modules that use
 * {@code ssl}) by inserting, deleting, duplicating and splicing chars and UTF-8 bytes, and checks
 * that the engine survives every result: no exception escapes {@link Analyzer#analyze}, every
 * finding and fix edit lies inside the text, and a second analysis returns the same findings.
 *
 * <p>The default run has a fixed seed and a bounded number of tries. A longer campaign with a
 * random seed runs with {@code -Dtlsguard.fuzz.campaign=true -Djqwik.tries.default=50000}.
 */
class MutationFuzzTest {
  private static final Logger LOG = Logger.getLogger(MutationFuzzTest.class.getName());

  /** Text that makes a mutation likely to reach the rule or the parser's hard paths. */
  private static final List<String> FRAGMENTS =
      List.of("ssl.PROTOCOL_TLSv1", "import ssl\n", "from ssl import *\n", "ssl.SSLContext(", "\n    ",
          "\t", "(", ")", "[", "]", "{", "}", ":", ",", "=", "'", "\"\"\"", "#", "\\", "\r", "\r\n", "\0",
          "\uFEFF", "\uD800", "\uDC00", "\uD83D\uDE00", "\uFFFD", "lambda ssl: ", "def f(ssl):\n  ",
          "minimum_version = ", "ssl.TLSVersion.TLSv1", "OpenSSL.SSL.SSLv3_METHOD", "ctx.options &= ~",
          "getattr(ssl, 'PROTOCOL_SSLv3')", "# noqa", "  # tlsguard: ignore\n");

  private static List<String> corpus;
  private static Analyzer first;
  private static Analyzer second;
  private static final AtomicLong tries = new AtomicLong();
  private static final AtomicLong findings = new AtomicLong();

  @BeforeContainer
  static void open() {
    corpus = FuzzCorpus.texts();
    first = new Analyzer(RuleSettings.DEFAULTS);
    second = new Analyzer(RuleSettings.DEFAULTS);
  }

  @AfterContainer
  static void close() {
    first.close();
    second.close();
    LOG.info(() -> "Fuzzed " + tries.get() + " inputs from " + corpus.size() + " files, "
        + findings.get() + " findings, no crash");
  }

  @Property(tries = 1000, seed = "20261204")
  void mutatedPython_engineInvariantsHold(@ForAll("mutatedPython") String text) {
    checkInvariants(text);
  }

  @Property
  @AddLifecycleHook(RunOnlyInCampaign.class)
  void mutatedPython_longCampaign(@ForAll("mutatedPython") String text) {
    checkInvariants(text);
  }

  private static void checkInvariants(String text) {
    Analysis analysis = first.analyze(text);
    EngineChecks.assertInsideText(text, analysis);
    assertThat(second.analyze(text)).as("second analysis of the same text").isEqualTo(analysis);
    tries.incrementAndGet();
    findings.addAndGet(analysis.findings().size());
  }

  @Provide
  Arbitrary<String> mutatedPython() {
    Arbitrary<String> base = Arbitraries.integers().between(0, corpus.size() - 1).map(corpus::get);
    return Combinators.combine(base, mutation().list().ofMinSize(1).ofMaxSize(6))
        .as((text, mutations) -> {
          String result = text;
          for (Mutation mutation : mutations) {
            result = mutation.applyTo(result);
          }
          return result;
        });
  }

  private Arbitrary<Mutation> mutation() {
    Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
    Arbitrary<Double> positions = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> lengths = Arbitraries.integers().between(0, 400);
    return Combinators.combine(kinds, positions, lengths, payload()).as(Mutation::new);
  }

  private Arbitrary<String> payload() {
    Arbitrary<String> splice =
        Combinators.combine(Arbitraries.integers().between(0, corpus.size() - 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 300))
            .as((index, from, length) -> slice(corpus.get(index), from, length));
    return Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().all().ofMaxLength(8), splice);
  }

  private static String slice(String text, double from, int length) {
    int start = (int) (from * text.length());
    return text.substring(start, Math.min(text.length(), start + length));
  }

  /** How a mutation changes the text. */
  enum Kind {
    INSERT,
    DELETE,
    DUPLICATE,
    REPLACE,
    OVERWRITE_UTF8_BYTES
  }

  /**
   * One change at a relative position: {@code position} 0 is the start of the text and 1 its end,
   * so the same mutation applies to any text.
   */
  record Mutation(Kind kind, double position, int length, String payload) {
    String applyTo(String text) {
      int start = (int) (position * text.length());
      int end = Math.min(text.length(), start + length);
      return switch (kind) {
        case INSERT -> text.substring(0, start) + payload + text.substring(start);
        case DELETE -> text.substring(0, start) + text.substring(end);
        case DUPLICATE -> text.substring(0, end) + text.substring(start, end) + text.substring(end);
        case REPLACE -> text.substring(0, start) + payload + text.substring(end);
        case OVERWRITE_UTF8_BYTES -> overwriteBytes(text);
      };
    }

    /** Overwrites UTF-8 bytes with the low bytes of the payload, then decodes with replacement. */
    private String overwriteBytes(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      int start = (int) (position * bytes.length);
      for (int i = 0; i < payload.length() && start + i < bytes.length; i++) {
        bytes[start + i] = (byte) payload.charAt(i);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Skips the long campaign unless {@code -Dtlsguard.fuzz.campaign=true} is set. */
  static final class RunOnlyInCampaign implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return Boolean.getBoolean("tlsguard.fuzz.campaign")
          ? SkipResult.doNotSkip()
          : SkipResult.skip("The long fuzz campaign runs with -Dtlsguard.fuzz.campaign=true");
    }
  }
}
