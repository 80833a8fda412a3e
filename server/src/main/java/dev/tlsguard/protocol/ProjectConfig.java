package dev.tlsguard.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Finds and reads the {@code [tool.tlsguard]} table of the nearest {@code pyproject.toml}.
 *
 * <p>The nearest file is the first {@code pyproject.toml} with a {@code [tool.tlsguard]} table in
 * the file's folder or one of its parents. Parsed files are cached by path and modification time,
 * so an edited file is read again even when the client cannot watch files.
 */
final class ProjectConfig {
  private static final Logger LOG = Logger.getLogger(ProjectConfig.class.getName());
  static final String FILE_NAME = "pyproject.toml";

  private final Map<Path, Entry> cache = new ConcurrentHashMap<>();
  private final Consumer<String> problemSink;

  /** Creates a reader that sends invalid-setting messages to {@code problemSink}. */
  ProjectConfig(Consumer<String> problemSink) {
    this.problemSink = problemSink;
  }

  /** Returns the project settings that apply to {@code file}, or none. */
  PartialSettings forFile(Path file) {
    for (Path folder = file.toAbsolutePath().getParent();
        folder != null;
        folder = folder.getParent()) {
      Optional<PartialSettings> settings = read(folder.resolve(FILE_NAME));
      if (settings.isPresent()) {
        return settings.get();
      }
    }
    return PartialSettings.EMPTY;
  }

  /** Forgets the cached content of {@code path}, after the client reported a change. */
  void invalidate(Path path) {
    cache.remove(path.toAbsolutePath());
  }

  private Optional<PartialSettings> read(Path path) {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(path);
    } catch (NoSuchFileException e) {
      cache.remove(path);
      return Optional.empty();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Failed to read the modification time of " + path, e);
      return Optional.empty();
    }
    Entry cached = cache.get(path);
    if (cached != null && cached.modified().equals(modified)) {
      return cached.settings();
    }
    Optional<PartialSettings> settings = parse(path);
    cache.put(path, new Entry(modified, settings));
    return settings;
  }

  private Optional<PartialSettings> parse(Path path) {
    TomlParseResult toml;
    try {
      toml = Toml.parse(path);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Failed to read " + path, e);
      return Optional.empty();
    }
    if (toml.hasErrors()) {
      String message =
          "Invalid TOML in "
              + path
              + ": "
              + toml.errors().getFirst()
              + "; its [tool.tlsguard] settings are ignored until it is fixed";
      LOG.warning(message);
      problemSink.accept(message);
      return Optional.empty();
    }
    TomlTable table = toml.getTable("tool.tlsguard");
    if (table == null) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    PartialSettings settings = SettingsParser.fromToml(table, problems, path.toString());
    problems.forEach(
        problem -> {
          LOG.warning(problem);
          problemSink.accept(problem);
        });
    LOG.info(() -> "Read [tool.tlsguard] settings from " + path);
    return Optional.of(settings);
  }

  private record Entry(FileTime modified, Optional<PartialSettings> settings) {}
}
