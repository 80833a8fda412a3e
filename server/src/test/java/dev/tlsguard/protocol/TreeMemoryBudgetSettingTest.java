package dev.tlsguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.tlsguard.document.TreeBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

class TreeMemoryBudgetSettingTest {

  private static PartialSettings parse(String json, List<String> problems) {
    return SettingsParser.fromJson(JsonParser.parseString(json), problems);
  }

  @Test
  void wholeMebibytes_accepted() {
    List<String> problems = new ArrayList<>();
    assertThat(parse("{\"treeMemoryBudget\": 64}", problems).treeMemoryBudget()).hasValue(64);
    assertThat(parse("{\"tree-memory-budget\": 0}", problems).treeMemoryBudget()).hasValue(0);
    assertThat(problems).isEmpty();
  }

  @Test
  void invalidValues_reportedAndIgnored() {
    for (String value : List.of("-1", "1.5", "\"64\"", "2000000")) {
      List<String> problems = new ArrayList<>();
      PartialSettings parsed = parse("{\"treeMemoryBudget\": " + value + "}", problems);
      assertThat(parsed.treeMemoryBudget()).as(value).isEmpty();
      assertThat(problems).as(value).hasSize(1);
      assertThat(problems.get(0)).as(value).contains("treeMemoryBudget");
    }
  }

  @Test
  void projectFile_rejectsEditorOnlyKey() {
    List<String> problems = new ArrayList<>();
    PartialSettings parsed =
        SettingsParser.fromToml(Toml.parse("tree-memory-budget = 8\n"), problems, "pyproject.toml");
    assertThat(parsed.treeMemoryBudget()).isEmpty();
    assertThat(problems).singleElement().asString().contains("treeMemoryBudget");
  }

  @Test
  void store_prefersWorkspaceSectionOverInitializationOptions() {
    SettingsStore store = new SettingsStore(Optional.empty(), problem -> {});
    assertThat(store.treeBudgetBytes()).isEqualTo(TreeBudget.DEFAULT_BYTES);

    store.setInitializationOptions(parse("{\"treeMemoryBudget\": 64}", new ArrayList<>()));
    assertThat(store.treeBudgetBytes()).isEqualTo(64L << 20);

    store.setClientSettings(parse("{\"treeMemoryBudget\": 8}", new ArrayList<>()), Map.of());
    assertThat(store.treeBudgetBytes()).isEqualTo(8L << 20);
  }
}
