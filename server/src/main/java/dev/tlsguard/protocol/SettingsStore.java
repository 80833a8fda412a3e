package dev.tlsguard.protocol;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Merges the settings sources and tracks the workspace folders.
 *
 * <p>Precedence, lowest first: built-in defaults, {@code initializationOptions}, the client's
 * {@code tlsguard} section for the whole workspace, the client's section for the document's folder,
 * then {@code [tool.tlsguard]} in the nearest {@code pyproject.toml}. The project file wins because
 * it is shared by everyone who works on the code.
 */
final class SettingsStore {
  private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());

  private final Optional<String> defaultRulesBaseUrl;
  private final ProjectConfig project;
  private final AtomicLong generation = new AtomicLong();
  private final List<String> folders = new CopyOnWriteArrayList<>();
  private final Map<String, PartialSettings> clientFolders = new ConcurrentHashMap<>();
  private volatile PartialSettings initializationOptions = PartialSettings.EMPTY;
  private volatile PartialSettings clientGlobal = PartialSettings.EMPTY;

  SettingsStore(Optional<String> defaultRulesBaseUrl, Consumer<String> problemSink) {
    this.defaultRulesBaseUrl = defaultRulesBaseUrl;
    this.project = new ProjectConfig(problemSink);
  }

  /** Returns the current generation; every change of any source increments it. */
  long generation() {
    return generation.get();
  }

  void setInitializationOptions(PartialSettings settings) {
    initializationOptions = settings;
    generation.incrementAndGet();
  }

  void setClientSettings(PartialSettings global, Map<String, PartialSettings> perFolder) {
    clientGlobal = global;
    clientFolders.clear();
    perFolder.forEach((folder, settings) -> clientFolders.put(normalize(folder), settings));
    generation.incrementAndGet();
  }

  /** Records that a {@code pyproject.toml} changed on disk. */
  void projectFileChanged(Path path) {
    project.invalidate(path);
    generation.incrementAndGet();
  }

  void addFolder(String uri) {
    String folder = normalize(uri);
    if (!folders.contains(folder)) {
      folders.add(folder);
      LOG.info(() -> "Added workspace folder " + folder);
    }
  }

  void removeFolder(String uri) {
    String folder = normalize(uri);
    folders.remove(folder);
    clientFolders.remove(folder);
    generation.incrementAndGet();
  }

  /** Returns the workspace folder URIs, each ending in {@code /}. */
  List<String> folders() {
    return List.copyOf(folders);
  }

  /** Returns the settings without any folder or project file applied. */
  Settings global() {
    Settings base = Settings.defaults(defaultRulesBaseUrl);
    return clientGlobal.applyTo(initializationOptions.applyTo(base));
  }

  /** Returns the settings that apply to the document {@code uri}. */
  Settings forDocument(String uri) {
    Settings settings = global();
    Optional<String> folder = folderOf(uri);
    if (folder.isPresent()) {
      settings = clientFolders.getOrDefault(folder.get(), PartialSettings.EMPTY).applyTo(settings);
    }
    Optional<Path> path = toPath(uri);
    if (path.isPresent()) {
      settings = project.forFile(path.get()).applyTo(settings);
    }
    return settings;
  }

  /** Returns the innermost workspace folder that contains {@code uri}. */
  Optional<String> folderOf(String uri) {
    String normalized = URI.create(uri).normalize().toString();
    return folders.stream()
        .filter(normalized::startsWith)
        .max((a, b) -> Integer.compare(a.length(), b.length()));
  }

  /**
   * Returns whether {@code uri} matches an exclude pattern. Patterns are globs matched against the
   * path relative to its workspace folder (or the absolute path outside any folder); a pattern
   * without {@code /} also matches any single folder or file name on that path.
   */
  boolean isExcluded(String uri, Settings settings) {
    Optional<Path> path = toPath(uri);
    if (path.isEmpty() || settings.exclude().isEmpty()) {
      return false;
    }
    Path relative =
        folderOf(uri)
            .flatMap(SettingsStore::toPath)
            .map(folder -> folder.relativize(path.get()))
            .orElse(path.get());
    for (String pattern : settings.exclude()) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      if (matcher.matches(relative)) {
        return true;
      }
      if (!pattern.contains("/")) {
        for (Path name : relative) {
          if (matcher.matches(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Returns the local path of a {@code file:} URI. */
  static Optional<Path> toPath(String uri) {
    try {
      URI parsed = URI.create(uri);
      if (!"file".equals(parsed.getScheme())) {
        return Optional.empty();
      }
      return Optional.of(Path.of(parsed));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      LOG.warning(() -> "Invalid file URI " + uri + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String normalize(String folderUri) {
    String normalized = URI.create(folderUri).normalize().toString();
    return normalized.endsWith("/") ? normalized : normalized + "/";
  }

  /** Returns every folder's URI as a list, for configuration requests. */
  List<String> folderList() {
    return new ArrayList<>(folders);
  }
}
