package dev.tlsguard.protocol;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A language client that records what the server sends and returns {@link #configuration} to
 * configuration requests.
 */
final class RecordingClient implements LanguageClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
  final List<LogTraceParams> traces = new CopyOnWriteArrayList<>();
  final List<MessageParams> logMessages = new CopyOnWriteArrayList<>();
  final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
  final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
  final List<ConfigurationParams> configurationRequests = new CopyOnWriteArrayList<>();
  final List<Object> refreshes = new CopyOnWriteArrayList<>();

  /** The {@code tlsguard} section returned for every configuration item. */
  volatile JsonObject configuration = new JsonObject();

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    diagnostics.add(params);
  }

  @Override
  public void showMessage(MessageParams params) {
    logMessages.add(params);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams params) {
    logMessages.add(params);
  }

  @Override
  public void logTrace(LogTraceParams params) {
    traces.add(params);
  }

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
    configurationRequests.add(params);
    List<Object> values = new ArrayList<>();
    params.getItems().forEach(item -> values.add(configuration.deepCopy()));
    return CompletableFuture.completedFuture(values);
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    registrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void notifyProgress(ProgressParams params) {
    progress.add(params);
  }

  @Override
  public CompletableFuture<Void> refreshDiagnostics() {
    refreshes.add("diagnostics");
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
    return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
  }

  /** Waits for a diagnostics publication that matches {@code condition}. */
  PublishDiagnosticsParams awaitDiagnostics(Predicate<PublishDiagnosticsParams> condition) {
    return await(diagnostics, condition, "diagnostics");
  }

  /** Waits for the diagnostics of {@code uri} at {@code version}. */
  PublishDiagnosticsParams awaitDiagnostics(String uri, int version) {
    return awaitDiagnostics(
        p -> p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version);
  }

  /** Polls {@code items} until one matches, failing after a timeout. */
  static <T> T await(List<T> items, Predicate<T> condition, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (T item : items) {
        if (condition.test(item)) {
          return item;
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError("Timed out waiting for " + what + "; received " + items);
  }
}
