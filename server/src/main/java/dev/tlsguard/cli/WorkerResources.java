package dev.tlsguard.cli;

import dev.tlsguard.rules.Analyzer;
import dev.tlsguard.rules.RuleSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The state one worker thread reuses from file to file: a read buffer, and the {@link Analyzer},
 * which is created when the first file needs parsing. Most files of a large tree are ruled out by the
 * prefilter, and a run where every file is ruled out never loads the native parser.
 *
 * <p>Not thread-safe: each worker thread owns one instance and closes it when the files run out.
 */
final class WorkerResources implements AutoCloseable {
  /** The largest file that fits in a Java array, as for {@link Files#readAllBytes}. */
  private static final int MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

  private final RuleSettings settings;
  private Analyzer analyzer;
  private boolean ownsAnalyzer = true;
  private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];

  /** Creates the resources of a worker that analyses with {@code settings}. */
  WorkerResources(RuleSettings settings) {
    this.settings = settings;
  }

  /** Creates resources around an existing analyzer, which the caller keeps and closes. */
  static WorkerResources wrapping(Analyzer analyzer) {
    WorkerResources resources = new WorkerResources(RuleSettings.DEFAULTS);
    resources.analyzer = analyzer;
    resources.ownsAnalyzer = false;
    return resources;
  }

  /**
   * Returns this thread's analyzer, creating it on the first call.
   *
   * @throws dev.tlsguard.nativelib.NativeLibraryException if the parser's native libraries cannot
   *     be loaded
   */
  Analyzer analyzer() {
    if (analyzer == null) {
      analyzer = new Analyzer(settings);
    }
    return analyzer;
  }

  /**
   * Reads the whole of {@code file} into {@link #buffer()} and returns its length in bytes.
   *
   * @throws IOException if the file cannot be read or is not a regular file
   */
  int read(SourceFile file) throws IOException {
    Path path = file.path();
    if (!file.knownRegular() && Files.exists(path) && !Files.isRegularFile(path)) {
      throw new IOException("not a regular file");
    }
    try (FileChannel channel = FileChannel.open(path)) {
      int length = 0;
      while (true) {
        if (length == buffer.length) {
          grow();
        }
        int count = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
        if (count < 0) {
          return length;
        }
        length += count;
      }
    }
  }

  /** Returns the buffer that {@link #read} fills, valid up to the length it returned. */
  byte[] buffer() {
    return buffer;
  }

  private void grow() throws IOException {
    if (buffer.length >= MAX_FILE_BYTES) {
      throw new IOException("file is too large to read (more than 2 GiB)");
    }
    int capacity = (int) Math.min(MAX_FILE_BYTES, 2L * buffer.length);
    buffer = Arrays.copyOf(buffer, capacity);
  }

  /** Closes the analyzer if this worker created one. */
  @Override
  public void close() {
    if (analyzer != null && ownsAnalyzer) {
      analyzer.close();
    }
  }
}
