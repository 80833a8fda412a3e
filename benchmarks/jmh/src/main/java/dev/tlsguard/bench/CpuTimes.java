package dev.tlsguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the JMH benchmark methods directly and reports the CPU time of this thread per operation
 * (median and 90th percentile). When the machine's load exceeds its cores, wall-clock averages
 * mostly measure the wait for a core. Thread CPU time leaves that wait out, but cache contention
 * from the other processes still inflates it.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -Xss4m -cp tlsguard-jmh.jar
 * dev.tlsguard.bench.CpuTimes [WARMUP_OPS] [MEASURED_OPS]} (defaults 30 and 50). The output is one
 * JSON object per line.
 */
public final class CpuTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimes() {}

  /** Measures every benchmark method on both inputs. */
  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    for (String input : new String[] {"test_ssl.py", "generated-50k"}) {
      EngineBenchmark engine = new EngineBenchmark();
      engine.input = input;
      engine.setUp();
      EditBenchmark edit = new EditBenchmark();
      edit.input = input;
      edit.setUp();
      DocumentEditBenchmark document = new DocumentEditBenchmark();
      document.input = input;
      document.setUp();

      Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
      operations.put("EngineBenchmark.parse", engine::parse);
      operations.put("EngineBenchmark.analyzeParsedTree", engine::analyzeParsedTree);
      operations.put("EngineBenchmark.parseAndAnalyze", engine::parseAndAnalyze);
      operations.put("EditBenchmark.editAndReparse", edit::editAndReparse);
      operations.put("EditBenchmark.editAndReparseByCallback", edit::editAndReparseByCallback);
      operations.put("EditBenchmark.editReparseAndAnalyze", edit::editReparseAndAnalyze);
      operations.put("DocumentEditBenchmark.applyChange", document::applyChange);
      operations.put(
          "DocumentEditBenchmark.applyChangeAndAnalyze", document::applyChangeAndAnalyze);
      operations.put(
          "DocumentEditBenchmark.applyChangeAndAnalyzeInFull",
          document::applyChangeAndAnalyzeInFull);
      for (Map.Entry<String, Supplier<Object>> operation : operations.entrySet()) {
        double[] times = measure(operation.getValue(), warmup, measured);
        System.out.printf(
            "{\"benchmark\": \"%s\", \"input\": \"%s\", \"ops\": %d, \"cpuMedianMs\": %.3f,"
                + " \"cpuP90Ms\": %.3f}%n",
            operation.getKey(), input, measured, times[measured / 2], times[measured * 9 / 10]);
      }
      engine.tearDown();
      edit.tearDown();
      document.tearDown();
    }
  }

  private static double[] measure(Supplier<Object> operation, int warmup, int measured) {
    int sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += System.identityHashCode(operation.get());
    }
    double[] times = new double[measured];
    for (int i = 0; i < measured; i++) {
      long started = THREADS.getCurrentThreadCpuTime();
      sink += System.identityHashCode(operation.get());
      times[i] = (THREADS.getCurrentThreadCpuTime() - started) / 1e6;
    }
    if (sink == 42) {
      // Keeps the results alive so that the JIT cannot drop the calls.
      System.err.println("sink " + sink);
    }
    Arrays.sort(times);
    return times;
  }
}
