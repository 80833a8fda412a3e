package dev.tlsguard.nativelib;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.logging.Logger;

/**
 * Hands jtreesitter the tree-sitter runtime extracted by {@link NativeLibraries}.
 *
 * <p>jtreesitter finds this class through {@link java.util.ServiceLoader} (see {@code
 * META-INF/services}) when it first needs a native symbol.
 */
public final class TreeSitterLibraryLookup implements NativeLibraryLookup {
  private static final Logger LOG = Logger.getLogger(TreeSitterLibraryLookup.class.getName());

  /** Creates the lookup; {@link java.util.ServiceLoader} requires a public no-argument constructor. */
  public TreeSitterLibraryLookup() {}

  @Override
  public SymbolLookup get(Arena arena) {
    NativeLibraries libraries = NativeLibraries.get();
    LOG.fine(() -> "Loading the tree-sitter runtime from " + libraries.runtime());
    try {
      return SymbolLookup.libraryLookup(libraries.runtime(), arena);
    } catch (IllegalArgumentException e) {
      throw new NativeLibraryException(
          "Failed to load the tree-sitter runtime " + libraries.runtime() + " on " + libraries.platform()
              + ": " + e.getMessage(), e);
    }
  }
}
