package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsguard.rules.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsStoreTest {
  private static final String FOLDER = "file:///work/project/";

  private final List<String> problems = new ArrayList<>();
  private final SettingsStore store = new SettingsStore(Optional.empty(), problems::add);

  private boolean excluded(String relative, String... globs) {
    store.addFolder(FOLDER);
    Settings settings =
        new Settings(RuleSettings.DEFAULTS, List.of(globs), false, Optional.empty());
    return store.isExcluded(FOLDER + relative, settings, false);
  }

  @Test
  void nameGlob_matchesAtAnyDepth() {
    assertThat(excluded("api/v1/service_pb2.py", "*_pb2.py")).isTrue();
    assertThat(excluded("service.py", "*_pb2.py")).isFalse();
  }

  @Test
  void excludedFolder_coversFilesBelow() {
    assertThat(excluded("build/lib/app.py", "build")).isTrue();
    assertThat(excluded("src/build/app.py", "build/")).isTrue();
    assertThat(excluded("src/builder.py", "build")).isFalse();
  }

  @Test
  void globWithSlash_isAnchoredAtFolder() {
    assertThat(excluded("tests/fixtures/a.py", "tests/fixtures")).isTrue();
    assertThat(excluded("pkg/tests/fixtures/a.py", "tests/fixtures")).isFalse();
    assertThat(excluded("pkg/tests/fixtures/a.py", "**/tests/fixtures")).isTrue();
  }

  @Test
  void innermostFolder_isTheBase() {
    store.addFolder(FOLDER);
    store.addFolder(FOLDER + "nested/");
    Settings settings =
        new Settings(RuleSettings.DEFAULTS, List.of("/gen"), false, Optional.empty());
    assertThat(store.isExcluded(FOLDER + "nested/gen/a.py", settings, false)).isTrue();
    assertThat(store.folderOf(FOLDER + "nested/gen/a.py")).contains(FOLDER + "nested/");
  }

  @Test
  void invalidGlob_isIgnored() {
    assertThat(excluded("a.py", "!a.py")).isFalse();
    assertThat(excluded("a.py", "!a.py", "a.py")).isTrue();
  }

  @Test
  void nonFileUri_isNeverExcluded() {
    Settings settings = new Settings(RuleSettings.DEFAULTS, List.of("**"), false, Optional.empty());
    assertThat(store.isExcluded("untitled:Untitled-1", settings, false)).isFalse();
  }
}
