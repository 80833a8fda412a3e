package dev.tlsguard.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends java.util.logging output to stderr as one line per record.
 *
 * <p>The level comes from {@code TLSGUARD_LOG} ({@code error}, {@code warn}, {@code info}, {@code
 * debug} or {@code trace}); the default is {@code warn}, so a command-line run prints only
 * problems.
 */
public final class LoggingSetup {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private LoggingSetup() {}

  /**
   * Configures logging from the environment variable {@code TLSGUARD_LOG}. An invalid level is
   * reported on stderr and replaced by the default, warnings, so that a typo in the environment
   * does not stop a check or an editor's server.
   */
  public static void configureDefaults() {
    String name = System.getenv("TLSGUARD_LOG");
    Level level = Level.WARNING;
    if (name != null && !name.isBlank()) {
      try {
        level = parseLevel(name);
      } catch (IllegalArgumentException e) {
        System.err.println("warning: ignoring TLSGUARD_LOG: " + e.getMessage());
      }
    }
    configure(level);
  }

  /** Replaces the root handlers with one stderr handler at {@code level}. */
  public static void configure(Level level) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.ALL);
    handler.setFormatter(new OneLineFormatter());
    root.addHandler(handler);
    root.setLevel(level);
  }

  /**
   * Parses a level name.
   *
   * @throws IllegalArgumentException if {@code name} is not a level
   */
  public static Level parseLevel(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "off" -> Level.OFF;
      case "error" -> Level.SEVERE;
      case "warn", "warning" -> Level.WARNING;
      case "info" -> Level.INFO;
      case "debug" -> Level.FINE;
      case "trace" -> Level.FINEST;
      default ->
          throw new IllegalArgumentException(
              "Invalid log level '" + name + "'; expected off, error, warn, info, debug or trace");
    };
  }

  /** Formats a record as {@code time LEVEL logger: message}, then the stack trace if any. */
  static final class OneLineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder();
      line.append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
          .append(' ')
          .append(record.getLevel().getName())
          .append(' ')
          .append(shortName(record.getLoggerName()))
          .append(": ")
          .append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    private static String shortName(String loggerName) {
      if (loggerName == null) {
        return "root";
      }
      int dot = loggerName.lastIndexOf('.');
      return dot < 0 ? loggerName : loggerName.substring(dot + 1);
    }
  }
}
