package dev.tlsguard.cli;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 */
public final class SourceFinder {
  private static final Logger LOG = Logger.getLogger(SourceFinder.class.getName());
  private static final Set<String> SKIPPED_FOLDER_NAMES = Set.of("__pycache__", "node_modules");

  private final List<ExcludePattern> excludes;

  /** Creates a finder that skips paths matching any of {@code excludes}. */
  public SourceFinder(List<ExcludePattern> excludes) {
    this.excludes = List.copyOf(excludes);
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
    for (Path argument : arguments) {
      expand(argument, files, errors);
    }
    return new Result(deduplicate(files), ImmutableList.copyOf(errors));
  }

  private void expand(Path argument, List<SourceFile> files, List<PathError> errors) {
    String display = displayOf(argument);
    if (!Files.isDirectory(argument)) {
      // A named file is checked whatever its name; reading it reports a missing or broken path.
      files.add(new SourceFile(argument, display));
      return;
    }
    try {
      Path start = argument.toRealPath();
      Files.walkFileTree(start, new Walker(start, display, files, errors));
    } catch (IOException e) {
      errors.add(new PathError(display, IoMessages.describe(e)));
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

  private final class Walker extends SimpleFileVisitor<Path> {
    private final Path start;
    private final String display;
    private final List<SourceFile> files;
    private final List<PathError> errors;

    Walker(Path start, String display, List<SourceFile> files, List<PathError> errors) {
      this.start = start;
      this.display = display;
      this.files = files;
      this.errors = errors;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(start)) {
        return FileVisitResult.CONTINUE;
      }
      String name = dir.getFileName().toString();
      if (name.startsWith(".") || SKIPPED_FOLDER_NAMES.contains(name)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (Files.exists(dir.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS)) {
        LOG.fine(() -> "Skipping the virtual environment " + dir);
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (isExcluded(relative(dir), true)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String name = file.getFileName().toString();
      if (!isPythonFileName(name)) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink() && Files.exists(file) && !Files.isRegularFile(file)) {
        // A link to a folder is not followed, so link cycles cannot make the walk loop. A broken
        // link stays in the list, so that reading it reports the problem.
        return FileVisitResult.CONTINUE;
      }
      if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
        // A pipe or device named *.py could block the reader forever.
        return FileVisitResult.CONTINUE;
      }
      String relative = relative(file);
      if (!isExcluded(relative, false)) {
        files.add(new SourceFile(file, join(display, relative)));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (e instanceof NoSuchFileException) {
        // Removed while the walk ran; nothing to check.
        return FileVisitResult.CONTINUE;
      }
      errors.add(new PathError(join(display, relative(file)), IoMessages.describe(e)));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      if (e != null) {
        errors.add(new PathError(join(display, relative(dir)), IoMessages.describe(e)));
      }
      return FileVisitResult.CONTINUE;
    }

    private String relative(Path path) {
      Path relative = start.relativize(path);
      StringBuilder joined = new StringBuilder();
      for (Path segment : relative) {
        if (!joined.isEmpty()) {
          joined.append('/');
        }
        joined.append(segment);
      }
      return joined.toString();
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
  }

  private static String join(String display, String relative) {
    if (relative.isEmpty()) {
      return display;
    }
    return display.equals(".") ? relative : display + "/" + relative;
  }
}
