package dev.tlsguard.protocol;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tlsguard lsp}: runs the language server over stdio. */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the language server on stdin and stdout.")
public final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("TODO: language server being written");
  }
}
