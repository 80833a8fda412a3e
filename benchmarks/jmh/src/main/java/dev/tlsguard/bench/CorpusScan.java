package dev.tlsguard.bench;

import dev.tlsguard.rules.Analysis;
import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.RuleSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the engine over every {@code .py} file under a folder on one thread and prints the total
 * time, the findings count and the slowest files. It isolates the engine from the command line's
 * file discovery, output and thread pool, for profiling with Java Flight Recorder.
 *
 * <p>Usage: {@code java -cp tlsguard-jmh.jar dev.tlsguard.bench.CorpusScan FOLDER}
 */
public final class CorpusScan {
  private record FileTime(Path path, long nanos, int findings) {}

  private CorpusScan() {}

  /** Scans the folder named by the first argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CorpusScan FOLDER");
      System.exit(2);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files =
          walk.filter(path -> path.toString().endsWith(".py") && Files.isRegularFile(path))
              .sorted()
              .toList();
    }
    List<FileTime> times = new ArrayList<>();
    long bytes = 0;
    int findings = 0;
    long started = System.nanoTime();
    try (Analyzer analyzer = new Analyzer(RuleSettings.DEFAULTS)) {
      for (Path file : files) {
        byte[] content = Files.readAllBytes(file);
        bytes += content.length;
        long fileStarted = System.nanoTime();
        Analysis analysis = analyzer.analyze(decode(content));
        times.add(new FileTime(file, System.nanoTime() - fileStarted, analysis.findings().size()));
        findings += analysis.findings().size();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%d files, %.1f MB, %d findings, %.2f s, %.2f MB/s%n",
        files.size(), bytes / 1e6, findings, seconds, bytes / 1e6 / seconds);
    times.stream()
        .sorted(Comparator.comparingLong(FileTime::nanos).reversed())
        .limit(10)
        .forEach(
            slow ->
                System.out.printf(
                    "%8.1f ms %3d  %s%n", slow.nanos() / 1e6, slow.findings(), slow.path()));
  }

  private static String decode(byte[] content) throws IOException {
    // Files that are not UTF-8 are read with replacement characters, as a lenient editor would.
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(content))
        .toString();
  }
}
