package dev.tlsguard.cli;

import dev.tlsguard.protocol.LspCommand;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the tlsguard jar: {@code tlsguard check} for batch runs and {@code tlsguard lsp}
 * for the language server.
 */
@Command(
    name = "tlsguard",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds and fixes insecure SSL/TLS protocol selection in Python code.",
    subcommands = {CheckCommand.class, LspCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("lsp")) {
      // An editor configured with `java -jar tlsguard.jar lsp` gets the server's own entry point,
      // which skips picocli for plain options and hands anything else back to run().
      LspCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    LoggingSetup.configureDefaults();
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status, for tests that run it in-process. */
  public static int run(String... args) {
    // picocli exits with 2 on invalid usage; an unexpected exception is an I/O-class error, also 2.
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (exception, commandLine, parseResult) -> {
              commandLine.getErr().println("error: " + exception.getMessage());
              return 2;
            })
        .execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use 'check' or 'lsp'");
  }
}
