package dev.tlsguard.protocol;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends the server when the client process named by {@code processId} ends, so a crashed editor
 * leaves no server running.
 */
final class ClientProcessMonitor {
  private static final Logger LOG = Logger.getLogger(ClientProcessMonitor.class.getName());

  private ClientProcessMonitor() {}

  /**
   * Runs {@code onExit} when process {@code pid} ends, or at once when no such process exists. Does
   * nothing when {@code pid} is null, which a client sends when it has no process.
   */
  static void watch(Integer pid, Runnable onExit) {
    if (pid == null) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      LOG.warning(() -> "Client process " + pid + " is not running; exiting");
      onExit.run();
      return;
    }
    LOG.info(() -> "Watching client process " + pid);
    process
        .get()
        .onExit()
        .thenRun(
            () -> {
              LOG.warning(() -> "Client process " + pid + " ended; exiting");
              onExit.run();
            });
  }
}
