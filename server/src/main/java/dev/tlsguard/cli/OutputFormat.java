package dev.tlsguard.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The report formats of {@code tlsguard check}. */
public enum OutputFormat {
  /** One {@code path:line:column: kind message} line per finding. */
  TEXT,
  /** A JSON array of finding objects. */
  JSON,
  /** A SARIF 2.1.0 log. */
  SARIF;

  /** Returns the name used on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code --format} values in any letter case. */
  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : values()) {
        if (format.id().equalsIgnoreCase(value.trim())) {
          return format;
        }
      }
      throw new TypeConversionException(
          "invalid format '" + value + "'; expected text, json or sarif");
    }
  }
}
