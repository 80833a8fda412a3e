package dev.tlsguard.cli;

import dev.tlsguard.rules.Finding;
import picocli.CommandLine.IVersionProvider;

/** Reports the jar's version, read from its manifest, and the rule it implements. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"tlsguard " + version(), "rule " + Finding.RULE_ID};
  }

  /** Returns the version from the jar manifest, or {@code dev} when running from classes. */
  public static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
