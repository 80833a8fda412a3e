package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tlsguard.rules.FindingKind;
import dev.tlsguard.rules.Protocol;
import dev.tlsguard.rules.RuleSettings.FixPreference;
import dev.tlsguard.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path folder;

  /** The settings of every analysis, with the URI it ran on. */
  private final List<Object[]> analysed = new CopyOnWriteArrayList<>();

  private ServerHarness harness() throws Exception {
    return new ServerHarness(
        settings ->
            (snapshot, tree) -> {
              analysed.add(new Object[] {snapshot.uri(), snapshot.version(), settings});
              return LspCommand.ruleAnalyzer(settings).analyze(snapshot, tree);
            });
  }

  private Settings awaitSettings(String uri, java.util.function.Predicate<Settings> condition) {
    Object[] entry =
        RecordingClient.await(
            analysed,
            e -> e[0].equals(uri) && condition.test((Settings) e[2]),
            "an analysis of " + uri);
    return (Settings) entry[2];
  }

  @Test
  void initializationOptions_applyToAnalysis() throws Exception {
    JsonObject options = new JsonObject();
    options.addProperty("fixPreference", "modern");
    options.addProperty("report-string-forms", true);
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.minimal(), options, folder.toUri().toString());
      String uri = folder.resolve("a.py").toUri().toString();
      harness.open(uri, 1, "import ssl\n");
      Settings settings = awaitSettings(uri, s -> true);
      assertThat(settings.rules().fixPreference()).isEqualTo(FixPreference.MODERN);
      assertThat(settings.rules().reportStringForms()).isTrue();
    }
  }

  @Test
  void precedence_projectFileOverEditorOverInitializationOptions() throws Exception {
    JsonObject options = new JsonObject();
    options.addProperty("fixPreference", "modern");
    options.addProperty("respectSuppressions", false);
    options.addProperty("reportStringForms", true);
    Files.writeString(
        folder.resolve("pyproject.toml"),
        "[tool.tlsguard]\nprotocols = [\"SSLv2\", \"SSLv3\"]\nreport-string-forms = false\n");
    try (ServerHarness harness = harness()) {
      JsonObject editor = new JsonObject();
      editor.addProperty("fixPreference", "minimal");
      editor.addProperty("reportStringForms", true);
      harness.client.configuration = editor;
      harness.initialize(Capabilities.push(), options, folder.toUri().toString());
      String uri = folder.resolve("pkg").resolve("b.py").toUri().toString();
      harness.open(uri, 1, "import ssl\n");
      Settings settings =
          awaitSettings(uri, s -> s.rules().fixPreference() == FixPreference.MINIMAL);
      assertThat(settings.rules().respectSuppressions()).as("initializationOptions").isFalse();
      assertThat(settings.rules().reportStringForms()).as("pyproject.toml wins").isFalse();
      assertThat(settings.rules().insecureProtocols())
          .isEqualTo(Set.of(Protocol.SSL_V2, Protocol.SSL_V3));
    }
  }

  @Test
  void didChangeConfiguration_appliesLive() throws Exception {
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.push(), null, folder.toUri().toString());
      String uri = folder.resolve("c.py").toUri().toString();
      harness.open(uri, 1, "import ssl\n");
      awaitSettings(uri, s -> s.rules().severityOverrides().isEmpty());
      JsonObject severity = new JsonObject();
      severity.addProperty("ssl-min-version", "hint");
      JsonObject editor = new JsonObject();
      editor.add("severity", severity);
      harness.client.configuration = editor;
      harness
          .remote
          .getWorkspaceService()
          .didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
      Settings changed = awaitSettings(uri, s -> !s.rules().severityOverrides().isEmpty());
      assertThat(changed.rules().severityOverrides())
          .containsEntry(FindingKind.SSL_MIN_VERSION, Severity.HINT);
    }
  }

  @Test
  void didChangeConfigurationPayload_usedWithoutConfigurationSupport() throws Exception {
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.minimal(), null, folder.toUri().toString());
      String uri = folder.resolve("d.py").toUri().toString();
      harness.open(uri, 1, "import ssl\n");
      awaitSettings(uri, s -> s.rules().fixPreference() == FixPreference.MINIMAL);
      JsonObject section = new JsonObject();
      section.addProperty("fixPreference", "modern");
      JsonObject payload = new JsonObject();
      payload.add("tlsguard", section);
      harness
          .remote
          .getWorkspaceService()
          .didChangeConfiguration(new DidChangeConfigurationParams(payload));
      awaitSettings(uri, s -> s.rules().fixPreference() == FixPreference.MODERN);
    }
  }

  @Test
  void editedProjectFile_appliesAfterWatchedFileEvent() throws Exception {
    Path project = folder.resolve("pyproject.toml");
    Files.writeString(project, "[tool.tlsguard]\nfix-preference = \"minimal\"\n");
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.push(), null, folder.toUri().toString());
      var registration =
          RecordingClient.await(harness.client.registrations, r -> true, "a registration")
              .getRegistrations()
              .stream()
              .filter(r -> r.getMethod().equals("workspace/didChangeWatchedFiles"))
              .findFirst()
              .orElseThrow();
      // The client side receives the options as JSON.
      String options = registration.getRegisterOptions().toString();
      assertThat(options).contains("\"globPattern\":\"**/pyproject.toml\"");
      String uri = folder.resolve("e.py").toUri().toString();
      harness.open(uri, 1, "import ssl\n");
      awaitSettings(uri, s -> s.rules().fixPreference() == FixPreference.MINIMAL);
      Files.writeString(project, "[tool.tlsguard]\nfix-preference = \"modern\"\n");
      harness
          .remote
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(new FileEvent(project.toUri().toString(), FileChangeType.Changed))));
      awaitSettings(uri, s -> s.rules().fixPreference() == FixPreference.MODERN);
    }
  }

  @Test
  void invalidValue_isLoggedToClientAndSkipped() throws Exception {
    JsonObject options = new JsonObject();
    options.addProperty("fixPreference", "fastest");
    options.addProperty("respectSuppressions", false);
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.minimal(), options, folder.toUri().toString());
      var message =
          RecordingClient.await(
              harness.client.logMessages,
              m -> m.getMessage().contains("fastest"),
              "a settings warning");
      assertThat(message.getType()).isEqualTo(MessageType.Warning);
      String uri = folder.resolve("f.py").toUri().toString();
      harness.open(uri, 1, "import ssl\n");
      Settings settings = awaitSettings(uri, s -> true);
      assertThat(settings.rules().fixPreference()).isEqualTo(FixPreference.MINIMAL);
      assertThat(settings.rules().respectSuppressions()).isFalse();
    }
  }

  @Test
  void invalidExcludeGlob_isReportedToClient() throws Exception {
    JsonArray exclude = new JsonArray();
    exclude.add("!keep.py");
    JsonObject options = new JsonObject();
    options.add("exclude", exclude);
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.minimal(), options, folder.toUri().toString());
      var message =
          RecordingClient.await(
              harness.client.logMessages,
              m -> m.getMessage().contains("!keep.py"),
              "an exclude warning");
      assertThat(message.getType()).isEqualTo(MessageType.Warning);
    }
  }

  @Test
  void excludedDocument_isNotAnalysed() throws Exception {
    JsonArray exclude = new JsonArray();
    exclude.add("generated/**");
    JsonObject options = new JsonObject();
    options.add("exclude", exclude);
    try (ServerHarness harness = harness()) {
      harness.initialize(Capabilities.minimal(), options, folder.toUri().toString());
      String excluded = folder.resolve("generated/g.py").toUri().toString();
      String included = folder.resolve("src/g.py").toUri().toString();
      String text = "import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n";
      harness.open(excluded, 1, text);
      harness.open(included, 1, text);
      assertThat(harness.client.awaitDiagnostics(excluded, 1).getDiagnostics()).isEmpty();
      harness.client.awaitDiagnostics(included, 1);
      assertThat(analysed).noneMatch(e -> e[0].equals(excluded));
      assertThat(analysed).anyMatch(e -> e[0].equals(included));
    }
  }
}
