package dev.tlsguard.rules;

import com.google.common.collect.ImmutableSet;
import io.github.treesitter.jtreesitter.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The module bindings of one file: the names that refer to the {@code ssl} module, pyOpenSSL's
 * {@code OpenSSL.SSL}, or members of them.
 *
 * <p>Bindings come from {@code import} and {@code from ... import} statements anywhere in the file
 * (also inside functions, {@code try} blocks and {@code if TYPE_CHECKING}) and from assignments of
 * {@code import_module("ssl")} or {@code __import__("ssl")}. A name bound only by a relative import
 * or by another package's module of the same name is not the standard library's. Whether a local
 * variable or parameter hides a binding is decided per use by {@link Scopes}.
 */
final class Bindings {
  /** Names the text scan looks for to find the statements that bind modules. */
  static final Set<String> BINDING_WORDS = ImmutableSet.of("import", "import_module", "__import__");

  /** Names that a star import of {@code ssl} or {@code OpenSSL.SSL} brings in and the rule uses. */
  private static final Set<String> STAR_NAMES =
      ImmutableSet.<String>builder()
          .addAll(Catalogue.names())
          .add("TLSVersion", "SSLContext", "wrap_socket", "get_server_certificate", "Context")
          .add("_create_unverified_context", "_create_stdlib_context", "create_default_context")
          .build();

  /** One {@code from MODULE import ...} statement of a known module, which a fix may extend. */
  record FromImport(
      String module, int start, int end, int lastNameEnd, Map<String, Integer> entryEnds, int firstConstantEnd,
      boolean wildcard) {}

  /** The targets of each bound name. A null target marks a binding to a module the rule does not model. */
  private final Map<String, List<String>> targets = new HashMap<>();
  /** Char offsets of assignments that bind a module through import_module or __import__. */
  private final Set<Integer> dynamicImportAssignments = new HashSet<>();
  private final Set<String> starModules = new HashSet<>();
  private final Map<Integer, FromImport> fromImports = new LinkedHashMap<>();

  private Bindings() {}

  /** Collects the bindings of the file whose tree is indexed by {@code index} and text is {@code text}. */
  static Bindings collect(
      NodeIndex index,
      String text,
      List<IdentifierScanner.Occurrence> words,
      Dependencies.Recorder recorder) {
    Bindings bindings = new Bindings();
    for (IdentifierScanner.Occurrence word : words) {
      Optional<Node> node = index.descendant(word.start(), word.end());
      if (node.isEmpty()) {
        continue;
      }
      recorder.node(node.get());
      if (word.name().equals("import")) {
        node.get().getParent().ifPresent(statement -> {
          recorder.node(statement);
          bindings.addImport(statement, text);
        });
      } else {
        bindings.addDynamicImport(node.get(), text, recorder);
      }
    }
    return bindings;
  }

  /** Returns the module path that {@code name} refers to at file level, if it is a known one. */
  Optional<String> resolve(String name) {
    List<String> bound = targets.get(name);
    if (bound != null) {
      // With try/except fallbacks a name can have several bindings; an insecure one is what runs
      // on interpreters where the preferred import fails, so it wins.
      Optional<String> insecure = bound.stream()
          .filter(target -> target != null && Catalogue.byPath(target).isPresent())
          .findFirst();
      return insecure.isPresent() ? insecure : bound.stream().filter(target -> target != null).findFirst();
    }
    if (STAR_NAMES.contains(name)) {
      for (String module : List.of(ModulePath.SSL, ModulePath.OPENSSL_SSL)) {
        if (starModules.contains(module)) {
          String path = module + "." + name;
          if (name.equals("TLSVersion") || Catalogue.byPath(path).isPresent() || !Catalogue.names().contains(name)) {
            return Optional.of(path);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Returns whether any import binds {@code name}. */
  boolean isImported(String name) {
    return targets.containsKey(name);
  }

  /** Returns the names bound to known modules or their members, for the alias scan. */
  Set<String> knownNames() {
    Set<String> names = new HashSet<>();
    targets.forEach(
        (name, bound) -> {
          if (bound.stream().anyMatch(target -> target != null)) {
            names.add(name);
          }
        });
    return names;
  }

  /** Returns a name that refers to {@code module} itself ({@code ssl}, {@code SSL}), if any. */
  Optional<String> nameForModule(String module) {
    for (Map.Entry<String, List<String>> entry : targets.entrySet()) {
      if (entry.getValue().contains(module)) {
        return Optional.of(entry.getKey());
      }
    }
    if (module.equals(ModulePath.OPENSSL_SSL)) {
      return nameForModule(ModulePath.OPENSSL).map(name -> name + ".SSL");
    }
    return Optional.empty();
  }

  /** Returns whether a star import brings every member of {@code module} into the file. */
  boolean hasStarImport(String module) {
    return starModules.contains(module);
  }

  /** Returns the first {@code from module import NAME} statement of {@code module}, if any. */
  Optional<FromImport> fromImportOf(String module) {
    return fromImports.values().stream().filter(from -> from.module().equals(module) && !from.wildcard()).findFirst();
  }

  /** Returns whether the assignment starting at {@code start} binds a module dynamically. */
  boolean isDynamicImportAssignment(int start) {
    return dynamicImportAssignments.contains(start);
  }

  private void bind(String name, String target) {
    targets.computeIfAbsent(name, key -> new ArrayList<>()).add(target);
  }

  private void addImport(Node statement, String text) {
    switch (statement.getType()) {
      case "import_statement" -> addPlainImport(statement, text);
      case "import_from_statement" -> addFromImport(statement, text);
      default -> {
        // "import" inside a string, a comment, an ERROR node or a __future__ import binds nothing.
      }
    }
  }

  private void addPlainImport(Node statement, String text) {
    for (Node name : statement.getChildrenByFieldName("name")) {
      if (name.getType().equals("aliased_import")) {
        String module = dotted(name.getChildByFieldName("name"), text);
        String alias = dotted(name.getChildByFieldName("alias"), text);
        if (!alias.isEmpty()) {
          bind(alias, knownOrNull(module));
        }
      } else if (name.getType().equals("dotted_name")) {
        String module = dotted(Optional.of(name), text);
        int dot = module.indexOf('.');
        String top = dot < 0 ? module : module.substring(0, dot);
        bind(top, knownOrNull(top));
      }
    }
  }

  private void addFromImport(Node statement, String text) {
    Optional<Node> moduleNode = statement.getChildByFieldName("module_name");
    if (moduleNode.isEmpty()) {
      return;
    }
    boolean relative = moduleNode.get().getType().equals("relative_import");
    String module = relative ? "" : dotted(moduleNode, text);
    boolean known = !relative && (module.equals(ModulePath.SSL) || module.equals(ModulePath.OPENSSL)
        || module.equals(ModulePath.OPENSSL_SSL));
    Map<String, Integer> imported = new HashMap<>();
    int lastNameEnd = -1;
    int firstConstantEnd = -1;
    boolean wildcard = false;
    int count = statement.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      Node child = Nodes.namedChild(statement, i).orElseThrow();
      if (child.getType().equals("wildcard_import")) {
        wildcard = true;
        if (known) {
          starModules.add(module);
        }
      }
    }
    for (Node name : statement.getChildrenByFieldName("name")) {
      String member;
      String local;
      if (name.getType().equals("aliased_import")) {
        member = dotted(name.getChildByFieldName("name"), text);
        local = dotted(name.getChildByFieldName("alias"), text);
      } else {
        member = dotted(Optional.of(name), text);
        local = member;
      }
      if (local.isEmpty() || member.isEmpty()) {
        continue;
      }
      imported.put(local, Nodes.end(name));
      if (firstConstantEnd < 0 && known && Catalogue.byPath(module + "." + member).isPresent()) {
        firstConstantEnd = Nodes.end(name);
      }
      lastNameEnd = Math.max(lastNameEnd, Nodes.end(name));
      bind(local, known ? module + "." + member : null);
    }
    if (known) {
      fromImports.put(Nodes.start(statement),
          new FromImport(module, Nodes.start(statement), Nodes.end(statement), lastNameEnd, imported,
              firstConstantEnd, wildcard));
    }
  }

  /**
   * Records {@code NAME = importlib.import_module("ssl")}, {@code NAME = anything.import_module(...)}
   * and {@code NAME = __import__(...)}. {@code __import__("a.b")} returns the top package {@code a}.
   */
  private void addDynamicImport(Node word, String text, Dependencies.Recorder recorder) {
    Optional<Node> parent = word.getParent();
    if (parent.isEmpty()) {
      return;
    }
    recorder.node(parent.get());
    Node callee = parent.get().getType().equals("attribute") ? parent.get() : word;
    Optional<Node> call = callee.getParent();
    if (call.isEmpty()) {
      return;
    }
    recorder.node(call.get());
    if (!call.get().getType().equals("call") || !Nodes.isField(call.get(), "function", callee)) {
      return;
    }
    Optional<String> module = firstStringArgument(call.get(), text);
    if (module.isEmpty()) {
      return;
    }
    String path = module.get();
    if (word.getType().equals("identifier") && text.substring(Nodes.start(word), Nodes.end(word)).equals("__import__")) {
      int dot = path.indexOf('.');
      path = dot < 0 ? path : path.substring(0, dot);
    }
    String target = knownOrNull(path);
    Optional<Node> assignment = call.get().getParent();
    assignment.ifPresent(recorder::node);
    if (target == null || assignment.isEmpty() || !assignment.get().getType().equals("assignment")) {
      return;
    }
    Optional<Node> left = assignment.get().getChildByFieldName("left");
    if (left.isPresent() && left.get().getType().equals("identifier")) {
      bind(text.substring(Nodes.start(left.get()), Nodes.end(left.get())), target);
      dynamicImportAssignments.add(Nodes.start(assignment.get()));
    }
  }

  private static Optional<String> firstStringArgument(Node call, String text) {
    Optional<Node> arguments = call.getChildByFieldName("arguments");
    if (arguments.isEmpty()) {
      return Optional.empty();
    }
    Optional<Node> first = Nodes.namedChild(arguments.get(), 0);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    return StringLiterals.plainValue(first.get(), text);
  }

  private static String knownOrNull(String module) {
    return ModulePath.isKnownModule(module) ? module : null;
  }

  private static String dotted(Optional<Node> node, String text) {
    if (node.isEmpty()) {
      return "";
    }
    String raw = text.substring(Nodes.start(node.get()), Nodes.end(node.get()));
    return raw.replaceAll("\\s+", "");
  }
}
