package dev.tlsguard.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tlsguard.cli.ExcludePattern;
import dev.tlsguard.rules.FindingKind;
import dev.tlsguard.rules.Protocol;
import dev.tlsguard.rules.RuleSettings.FixPreference;
import dev.tlsguard.rules.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads settings from the JSON an editor sends and from a {@code [tool.tlsguard]} TOML table.
 *
 * <p>Keys may be written in camelCase ({@code fixPreference}, as editors do) or kebab-case ({@code
 * fix-preference}, as {@code pyproject.toml} tools do). An invalid value is reported in {@code
 * problems} and leaves that key unset, so one typo does not discard the other settings.
 */
public final class SettingsParser {
  private SettingsParser() {}

  /**
   * Parses a JSON settings object; {@code null} or a non-object gives {@link
   * PartialSettings#EMPTY}.
   *
   * @param problems receives one message per invalid value
   */
  public static PartialSettings fromJson(JsonElement json, List<String> problems) {
    if (json == null || !json.isJsonObject()) {
      return PartialSettings.EMPTY;
    }
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
      values.put(entry.getKey(), plain(entry.getValue()));
    }
    return fromMap(values, problems, "editor settings");
  }

  /**
   * Parses the {@code [tool.tlsguard]} table; editor-only keys ({@code workspaceMode}, {@code
   * rulesBaseUrl} and {@code treeMemoryBudget}) are reported as problems there.
   */
  public static PartialSettings fromToml(TomlTable table, List<String> problems, String where) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (String key : table.keySet()) {
      values.put(key, plain(table.get(List.of(key))));
    }
    for (String editorOnly : List.of("workspaceMode", "rulesBaseUrl", "treeMemoryBudget")) {
      if (values.remove(editorOnly) != null || values.remove(kebab(editorOnly)) != null) {
        problems.add("'" + editorOnly + "' in " + where + " is ignored; set it in the editor");
      }
    }
    return fromMap(values, problems, where);
  }

  private static PartialSettings fromMap(
      Map<String, Object> values, List<String> problems, String where) {
    Reader reader = new Reader(values, problems, where);
    PartialSettings result =
        new PartialSettings(
            reader.list("protocols").flatMap(reader::protocols),
            reader.table("severity").map(reader::severities).orElse(Map.of()),
            reader.string("fixPreference").flatMap(reader::fixPreference),
            reader.bool("reportStringForms"),
            reader.bool("respectSuppressions"),
            reader.list("exclude").flatMap(reader::excludeGlobs),
            reader.bool("workspaceMode"),
            reader.string("rulesBaseUrl").map(SettingsParser::withTrailingSlash),
            reader.mebibytes("treeMemoryBudget"));
    for (String key : values.keySet()) {
      if (!reader.known.contains(key)) {
        problems.add("Unknown setting '" + key + "' in " + where);
      }
    }
    return result;
  }

  private static String withTrailingSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Converts JSON and TOML values to String, Boolean, List or Map. */
  private static Object plain(Object value) {
    if (value instanceof JsonPrimitive primitive) {
      return primitive.isBoolean()
          ? (Object) primitive.getAsBoolean()
          : primitive.isNumber() ? primitive.getAsNumber() : primitive.getAsString();
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.forEach(element -> list.add(plain(element)));
      return list;
    }
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new java.util.LinkedHashMap<>();
      object.entrySet().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (value instanceof TomlArray array) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        list.add(plain(array.get(i)));
      }
      return list;
    }
    if (value instanceof TomlTable table) {
      Map<String, Object> map = new java.util.LinkedHashMap<>();
      table.keySet().forEach(key -> map.put(key, plain(table.get(List.of(key)))));
      return map;
    }
    if (value instanceof JsonElement element && element.isJsonNull()) {
      return null;
    }
    return value;
  }

  /** Looks keys up in both spellings and checks value types. */
  private static final class Reader {
    // 1 TiB: far beyond any machine's memory, and small enough that the bytes fit in a long.
    private static final int MAX_MEBIBYTES = 1 << 20;

    private final Map<String, Object> values;
    private final List<String> problems;
    private final String where;
    private final Set<String> known = new java.util.HashSet<>();

    Reader(Map<String, Object> values, List<String> problems, String where) {
      this.values = values;
      this.problems = problems;
      this.where = where;
    }

    private Optional<Object> value(String key) {
      known.add(key);
      known.add(kebab(key));
      Object value = values.containsKey(key) ? values.get(key) : values.get(kebab(key));
      return Optional.ofNullable(value);
    }

    Optional<Boolean> bool(String key) {
      return value(key).flatMap(v -> typed(key, v, Boolean.class, "true or false"));
    }

    /** Reads a whole number of MiB from 0 to {@link #MAX_MEBIBYTES}. */
    Optional<Integer> mebibytes(String key) {
      Optional<Number> number =
          value(key).flatMap(v -> typed(key, v, Number.class, "a whole number of MiB"));
      if (number.isEmpty()) {
        return Optional.empty();
      }
      double amount = number.get().doubleValue();
      if (amount != Math.rint(amount) || amount < 0 || amount > MAX_MEBIBYTES) {
        problems.add(
            "Invalid value "
                + number.get()
                + " for '"
                + key
                + "' in "
                + where
                + "; expected a whole number of MiB from 0 to "
                + MAX_MEBIBYTES);
        return Optional.empty();
      }
      return Optional.of((int) amount);
    }

    Optional<String> string(String key) {
      return value(key).flatMap(v -> typed(key, v, String.class, "a string"));
    }

    @SuppressWarnings("unchecked")
    Optional<List<Object>> list(String key) {
      return value(key).flatMap(v -> typed(key, v, List.class, "a list")).map(v -> v);
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> table(String key) {
      return value(key).flatMap(v -> typed(key, v, Map.class, "a table")).map(v -> v);
    }

    private <T> Optional<T> typed(String key, Object value, Class<T> type, String expected) {
      if (type.isInstance(value)) {
        return Optional.of(type.cast(value));
      }
      problems.add(
          "Invalid value " + value + " for '" + key + "' in " + where + "; expected " + expected);
      return Optional.empty();
    }

    Optional<List<String>> strings(List<Object> items) {
      List<String> result = new ArrayList<>();
      for (Object item : items) {
        if (!(item instanceof String string)) {
          problems.add("Invalid list item " + item + " in " + where + "; expected a string");
          return Optional.empty();
        }
        result.add(string);
      }
      return Optional.of(result);
    }

    Optional<List<String>> excludeGlobs(List<Object> items) {
      Optional<List<String>> globs = strings(items);
      for (String glob : globs.orElse(List.of())) {
        try {
          ExcludePattern.compile(glob);
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage() + " (in 'exclude' in " + where + "); it is ignored");
        }
      }
      return globs;
    }

    Optional<Set<Protocol>> protocols(List<Object> items) {
      Set<Protocol> result = EnumSet.noneOf(Protocol.class);
      for (String name : strings(items).orElse(List.of())) {
        Optional<Protocol> protocol = parseProtocol(name);
        if (protocol.isEmpty()) {
          problems.add(
              "Invalid protocol '"
                  + name
                  + "' in "
                  + where
                  + "; expected SSLv2, SSLv3, TLSv1 or TLSv1.1");
          return Optional.empty();
        }
        result.add(protocol.get());
      }
      return Optional.of(result);
    }

    Map<FindingKind, Severity> severities(Map<String, Object> table) {
      Map<FindingKind, Severity> result = new EnumMap<>(FindingKind.class);
      for (Map.Entry<String, Object> entry : table.entrySet()) {
        Optional<FindingKind> kind = FindingKind.fromId(entry.getKey());
        if (kind.isEmpty()) {
          problems.add(
              "Unknown finding kind '" + entry.getKey() + "' under 'severity' in " + where);
          continue;
        }
        try {
          result.put(kind.get(), Severity.parse(String.valueOf(entry.getValue())));
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage() + " (kind '" + entry.getKey() + "' in " + where + ")");
        }
      }
      return result;
    }

    Optional<FixPreference> fixPreference(String name) {
      try {
        return Optional.of(FixPreference.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(
            "Invalid fix preference '" + name + "' in " + where + "; expected minimal or modern");
        return Optional.empty();
      }
    }
  }

  /**
   * Parses a protocol name leniently: {@code SSLv3}, {@code TLSv1}, {@code TLS 1.0}, {@code
   * TLSv1_1} and {@code tls1.1} are all accepted.
   */
  static Optional<Protocol> parseProtocol(String name) {
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replace("v", "");
    return switch (key) {
      case "ssl2" -> Optional.of(Protocol.SSL_V2);
      case "ssl3" -> Optional.of(Protocol.SSL_V3);
      case "tls1", "tls10" -> Optional.of(Protocol.TLS_V1);
      case "tls11" -> Optional.of(Protocol.TLS_V1_1);
      default -> Optional.empty();
    };
  }
}
