package dev.tlsguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tlsguard check}: analyses Python files and folders. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check Python files for insecure SSL/TLS protocol selection.")
public final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("TODO: check command being written");
  }
}
