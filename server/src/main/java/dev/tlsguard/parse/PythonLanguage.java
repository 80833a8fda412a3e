package dev.tlsguard.parse;

import dev.tlsguard.nativelib.NativeLibraries;
import dev.tlsguard.nativelib.NativeLibraryException;
import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.logging.Logger;

/**
 * The tree-sitter Python grammar, loaded once per process.
 *
 * <p>The grammar library stays mapped for the life of the process (global arena), because every
 * tree and node refers to its tables.
 */
public final class PythonLanguage {
  private static final Logger LOG = Logger.getLogger(PythonLanguage.class.getName());
  private static volatile Language language;

  private PythonLanguage() {}

  /**
   * Returns the Python language, loading and checking it on the first call.
   *
   * @throws NativeLibraryException if a library fails to load or the grammar's ABI version is one
   *     the runtime cannot read
   */
  public static Language get() {
    Language result = language;
    if (result == null) {
      synchronized (PythonLanguage.class) {
        result = language;
        if (result == null) {
          result = load();
          language = result;
        }
      }
    }
    return result;
  }

  private static Language load() {
    NativeLibraries libraries = NativeLibraries.get();
    Language loaded;
    try {
      SymbolLookup grammar = SymbolLookup.libraryLookup(libraries.grammar(), Arena.global());
      loaded = Language.load(grammar, libraries.grammarSymbol());
    } catch (IllegalArgumentException e) {
      throw new NativeLibraryException(
          "Failed to load the Python grammar " + libraries.grammar() + " on " + libraries.platform()
              + ": " + e.getMessage() + "; rebuild tlsguard (scripts/build.sh)", e);
    } catch (RuntimeException e) {
      if (e instanceof NativeLibraryException) {
        throw e;
      }
      throw new NativeLibraryException(
          "Failed to load the Python grammar " + libraries.grammar() + " on " + libraries.platform()
              + ": " + e, e);
    }
    checkAbi(loaded.getAbiVersion(), libraries);
    LOG.fine(() -> "Loaded the Python grammar (ABI " + loaded.getAbiVersion() + ") from " + libraries.grammar());
    return loaded;
  }

  /**
   * Rejects a grammar whose ABI version lies outside the range the runtime reads. jtreesitter's
   * constants come from the same tree-sitter minor version as the runtime the build compiles.
   */
  static void checkAbi(int abi, NativeLibraries libraries) {
    if (abi < Language.MIN_COMPATIBLE_LANGUAGE_VERSION || abi > Language.LANGUAGE_VERSION) {
      throw new NativeLibraryException(
          "The Python grammar " + libraries.grammar() + " has ABI version " + abi
              + " but the tree-sitter runtime reads versions " + Language.MIN_COMPATIBLE_LANGUAGE_VERSION
              + " to " + Language.LANGUAGE_VERSION + "; rebuild the grammar with a matching tree-sitter");
    }
  }
}
