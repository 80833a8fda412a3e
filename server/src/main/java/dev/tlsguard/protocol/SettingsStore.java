package dev.tlsguard.protocol;

import dev.tlsguard.cli.ExcludePattern;
import dev.tlsguard.document.TreeBudget;
import java.net.URI;
import java.nio.file.Path;
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
  private final Map<String, Optional<ExcludePattern>> excludePatterns = new ConcurrentHashMap<>();

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

  /**
   * Returns the native-memory budget in bytes for the trees of open documents: {@code
   * treeMemoryBudget} (MiB) from the client's workspace-wide section, else from {@code
   * initializationOptions}, else {@link TreeBudget#DEFAULT_BYTES}.
   */
  long treeBudgetBytes() {
    Optional<Integer> mebibytes =
        clientGlobal.treeMemoryBudget().or(initializationOptions::treeMemoryBudget);
    return mebibytes.map(value -> (long) value << 20).orElse(TreeBudget.DEFAULT_BYTES);
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

  /**
   * Returns the settings of workspace folder {@code folderUri}: those of a Python file directly
   * in it, so the folder's client section and its {@code pyproject.toml} apply.
   */
  Settings forFolder(String folderUri) {
    return forDocument(normalize(folderUri) + "__init__.py");
  }

  /** Returns the innermost workspace folder that contains {@code uri}. */
  Optional<String> folderOf(String uri) {
    String normalized = URI.create(uri).normalize().toString();
    return folders.stream()
        .filter(normalized::startsWith)
        .max((a, b) -> Integer.compare(a.length(), b.length()));
  }

  /**
   * Returns whether {@code uri} is excluded. Patterns follow {@code tlsguard check --exclude}:
   * gitignore-style globs matched against the path relative to the workspace folder (or the
   * absolute path outside any folder), where a matching folder excludes everything below it.
   *
   * @param isDirectory whether {@code uri} names a folder
   */
  boolean isExcluded(String uri, Settings settings, boolean isDirectory) {
    Optional<Path> path = toPath(uri);
    if (path.isEmpty() || settings.exclude().isEmpty()) {
      return false;
    }
    Path relative =
        folderOf(uri)
            .flatMap(SettingsStore::toPath)
            .map(folder -> folder.relativize(path.get()))
            .orElse(path.get());
    List<String> segments = new ArrayList<>();
    relative.forEach(segment -> segments.add(segment.toString()));
    for (String glob : settings.exclude()) {
      Optional<ExcludePattern> pattern = compiledPattern(glob);
      if (pattern.isPresent() && matchesPathOrParent(pattern.get(), segments, isDirectory)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesPathOrParent(
      ExcludePattern pattern, List<String> segments, boolean isDirectory) {
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(segments.get(i));
      boolean last = i == segments.size() - 1;
      if (pattern.matches(prefix.toString(), !last || isDirectory)) {
        return true;
      }
    }
    return false;
  }

  private Optional<ExcludePattern> compiledPattern(String glob) {
    return excludePatterns.computeIfAbsent(
        glob,
        key -> {
          try {
            return Optional.of(ExcludePattern.compile(key));
          } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Ignoring exclude pattern: " + e.getMessage());
            return Optional.empty();
          }
        });
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
