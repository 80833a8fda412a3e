package dev.tlsguard.cli;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.logging.Logger;

/**
 * Expands the paths given on the command line into the Python files to check.
 *
 * <p>A folder is searched recursively for {@code .py} and {@code .pyi} files. Below it, hidden
 * folders (names starting with {@code .}), {@code __pycache__}, {@code node_modules}, virtual
 * environments (folders that contain {@code pyvenv.cfg}) and paths matched by an exclude pattern
 * are skipped. {@code site-packages} is searched, because people check installed code on purpose.
 * Symbolic links to folders are not followed below a named folder, so link cycles cannot make the
 * walk loop. A link to a file is checked like the file. A path named on the command line is always
 * used, even if a skip rule would match it.
 *
 * <p>Folders are listed on several threads. The result does not depend on their timing: files are
 * sorted, and errors come in the order of a depth-first walk that visits entries in the order the
 * file system lists them, as {@link Files#walkFileTree} reports them.
 */
public final class SourceFinder {
  private static final Logger LOG = Logger.getLogger(SourceFinder.class.getName());
  private static final Set<String> SKIPPED_FOLDER_NAMES = Set.of("__pycache__", "node_modules");

  private final List<ExcludePattern> excludes;
  private final int parallelism;

  /** Creates a finder that skips paths matching any of {@code excludes}, listing on one thread. */
  public SourceFinder(List<ExcludePattern> excludes) {
    this(excludes, 1);
  }

  /**
   * Creates a finder that skips paths matching any of {@code excludes}.
   *
   * @param parallelism how many threads list folders at the same time
   * @throws IllegalArgumentException if {@code parallelism} is less than 1
   */
  public SourceFinder(List<ExcludePattern> excludes, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "Invalid parallelism " + parallelism + "; it must be at least 1");
    }
    this.excludes = List.copyOf(excludes);
    this.parallelism = parallelism;
  }

  /**
   * The files found and the paths that could not be searched.
   *
   * @param files the files to check, sorted by display path, each once
   * @param errors the arguments and folders that could not be searched
   */
  public record Result(List<SourceFile> files, List<PathError> errors) {}

  /** Expands {@code arguments}, each a file or a folder. */
  public Result find(List<Path> arguments) {
    List<SourceFile> files = new ArrayList<>();
    List<PathError> errors = new ArrayList<>();
    ForkJoinPool pool = null;
    try {
      for (Path argument : arguments) {
        String display = displayOf(argument);
        if (!Files.isDirectory(argument)) {
          // A named file is checked whatever its name; reading it reports a missing or broken path.
          files.add(new SourceFile(argument, display));
          continue;
        }
        if (pool == null) {
          pool = new ForkJoinPool(parallelism);
        }
        walk(pool, argument, display, files, errors);
      }
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    return new Result(deduplicate(files), ImmutableList.copyOf(errors));
  }

  private void walk(
      ForkJoinPool pool,
      Path argument,
      String display,
      List<SourceFile> files,
      List<PathError> errors) {
    Path start;
    try {
      start = argument.toRealPath();
    } catch (IOException e) {
      errors.add(new PathError(display, IoMessages.describe(e)));
      return;
    }
    Walk walk = new Walk(display);
    pool.invoke(new FolderTask(walk, start, "", new int[0], true));
    files.addAll(walk.files);
    List<KeyedError> found = new ArrayList<>(walk.errors);
    found.sort((left, right) -> Arrays.compare(left.walkOrder, right.walkOrder));
    for (KeyedError error : found) {
      errors.add(error.error);
    }
  }

  private static String displayOf(Path argument) {
    String text = argument.normalize().toString();
    return text.isEmpty() ? "." : text;
  }

  private static List<SourceFile> deduplicate(List<SourceFile> files) {
    Set<Path> seen = new HashSet<>();
    List<SourceFile> unique = new ArrayList<>();
    for (SourceFile file : files) {
      if (seen.add(file.path().toAbsolutePath().normalize())) {
        unique.add(file);
      }
    }
    unique.sort(Comparator.comparing(SourceFile::displayPath));
    return ImmutableList.copyOf(unique);
  }

  /** Returns whether {@code name} is a Python source or stub file name. */
  static boolean isPythonFileName(String name) {
    return name.endsWith(".py") || name.endsWith(".pyi");
  }

  /**
   * An error with its place in a sequential depth-first walk: the 1-based index of each entry in
   * its folder's listing on the way down, then {@link Integer#MAX_VALUE} for an error reported
   * after a folder's contents. Comparing these arrays lexicographically restores the sequential
   * order.
   */
  private record KeyedError(int[] walkOrder, PathError error) {}

  /** The files and errors that the folder tasks of one folder argument collect. */
  private static final class Walk {
    private final String display;
    private final ConcurrentLinkedQueue<SourceFile> files = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<KeyedError> errors = new ConcurrentLinkedQueue<>();

    Walk(String display) {
      this.display = display;
    }

    void addError(int[] walkOrder, String relative, IOException e) {
      errors.add(new KeyedError(walkOrder, new PathError(join(display, relative), IoMessages.describe(e))));
    }
  }

  /** Lists one folder, collects its Python files and forks one task per subfolder to search. */
  private final class FolderTask extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    private final transient Walk walk;
    private final transient Path folder;
    private final String relative;
    private final int[] walkOrder;
    private final boolean isStart;

    FolderTask(Walk walk, Path folder, String relative, int[] walkOrder, boolean isStart) {
      this.walk = walk;
      this.folder = folder;
      this.relative = relative;
      this.walkOrder = walkOrder;
      this.isStart = isStart;
    }

    @Override
    protected void compute() {
      // Like Files.walkFileTree, open the folder before deciding to skip it, so that a folder
      // that cannot be opened is reported even when a skip rule matches it.
      DirectoryStream<Path> entries;
      try {
        entries = Files.newDirectoryStream(folder);
      } catch (NoSuchFileException e) {
        // Removed while the walk ran; nothing to check.
        return;
      } catch (IOException e) {
        walk.addError(walkOrder, relative, e);
        return;
      }
      if (!isStart && isSkipped()) {
        closeQuietly(entries);
        return;
      }
      List<FolderTask> subfolders = new ArrayList<>();
      IOException failure = null;
      try {
        int index = 0;
        for (Path entry : entries) {
          index++;
          visit(entry, index, subfolders);
        }
      } catch (DirectoryIteratorException e) {
        failure = e.getCause();
      }
      try {
        entries.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
      if (failure != null) {
        // Reported after the folder's contents, as walkFileTree reports it to postVisitDirectory.
        walk.addError(append(walkOrder, Integer.MAX_VALUE), relative, failure);
      }
      invokeAll(subfolders);
    }

    private static void closeQuietly(DirectoryStream<Path> entries) {
      try {
        entries.close();
      } catch (IOException e) {
        // walkFileTree ignores this too: nothing in a skipped folder is reported.
        LOG.fine(() -> "Closing a skipped folder failed: " + e);
      }
    }

    private boolean isSkipped() {
      String name = folder.getFileName().toString();
      if (name.startsWith(".") || SKIPPED_FOLDER_NAMES.contains(name)) {
        return true;
      }
      if (Files.exists(folder.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS)) {
        LOG.fine(() -> "Skipping the virtual environment " + folder);
        return true;
      }
      return isExcluded(relative, true);
    }

    private void visit(Path entry, int index, List<FolderTask> subfolders) {
      String name = entry.getFileName().toString();
      String entryRelative = relative.isEmpty() ? name : relative + "/" + name;
      int[] entryOrder = append(walkOrder, index);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return;
      } catch (IOException e) {
        walk.addError(entryOrder, entryRelative, e);
        return;
      }
      if (attrs.isDirectory()) {
        subfolders.add(new FolderTask(walk, entry, entryRelative, entryOrder, false));
        return;
      }
      if (!isPythonFileName(name)) {
        return;
      }
      if (attrs.isSymbolicLink() && Files.exists(entry) && !Files.isRegularFile(entry)) {
        // A link to a folder is not followed, so link cycles cannot make the walk loop. A broken
        // link stays in the list, so that reading it reports the problem.
        return;
      }
      if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
        // A pipe or device named *.py could block the reader forever.
        return;
      }
      if (!isExcluded(entryRelative, false)) {
        walk.files.add(
            new SourceFile(entry, SourceFinder.join(walk.display, entryRelative), attrs.isRegularFile()));
      }
    }
  }

  private static int[] append(int[] walkOrder, int index) {
    int[] longer = Arrays.copyOf(walkOrder, walkOrder.length + 1);
    longer[walkOrder.length] = index;
    return longer;
  }

  private boolean isExcluded(String relativePath, boolean isDirectory) {
    for (ExcludePattern exclude : excludes) {
      if (exclude.matches(relativePath, isDirectory)) {
        LOG.fine(() -> "Excluding " + relativePath + " (pattern " + exclude + ")");
        return true;
      }
    }
    return false;
  }

  private static String join(String display, String relative) {
    if (relative.isEmpty()) {
      return display;
    }
    return display.equals(".") ? relative : display + "/" + relative;
  }
}
