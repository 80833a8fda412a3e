package dev.tlsguard.rules;

import com.google.common.collect.ImmutableSet;
import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports insecure SSL/TLS protocol selection in Python: the rule {@value Finding#RULE_ID}.
 *
 * <p>The analysis never walks the whole tree. A text scan finds every whole-word occurrence of
 * the names that matter (insecure constants, aliases bound to them, {@code import} and friends),
 * and only the nodes at those offsets are looked at:
 *
 * <ol>
 *   <li>Bindings: which names are the {@code ssl} module, {@code OpenSSL.SSL} or their members.
 *   <li>Resolution: each occurrence must resolve through those bindings to a catalogued insecure
 *       constant; look-alikes on other objects do not.
 *   <li>Use site: the value must reach a place that selects a protocol ({@link UseSites}).
 *   <li>Suppression comments on the finding's line hide it.
 * </ol>
 *
 * <p>A file that does not contain {@code ssl} in any letter case cannot bind either module, so it
 * is skipped without looking at the tree. Instances are immutable and thread-safe; the tree passed
 * to {@link #analyze} must not be used by another thread during the call.
 */
public final class InsecureSslProtocolsRule {
  /** Names of the pyOpenSSL methods whose first argument is a protocol version. */
  private static final Set<String> PROTO_VERSION_SETTERS =
      ImmutableSet.of("set_min_proto_version", "set_max_proto_version");

  /**
   * Keywords under which libraries accept a protocol written as a string, with the last names of
   * the callees that take them: urllib3's pools and managers, libpq's connection keywords through
   * psycopg, and MySQL Connector/Python's {@code tls_versions}.
   */
  static final com.google.common.collect.ImmutableMap<String, Set<String>> STRING_FORM_CALLEES =
      com.google.common.collect.ImmutableMap.of(
          "ssl_version",
          ImmutableSet.of("HTTPSConnectionPool", "PoolManager", "ProxyManager", "connection_from_url",
              "proxy_from_url", "HTTPSConnection", "ssl_wrap_socket", "resolve_ssl_version"),
          "ssl_min_protocol_version", ImmutableSet.of("connect", "Connection", "AsyncConnection"),
          "ssl_max_protocol_version", ImmutableSet.of("connect", "Connection", "AsyncConnection"),
          "tls_versions", ImmutableSet.of("connect", "MySQLConnection", "CMySQLConnection"));

  static final Set<String> STRING_FORM_KEYWORDS = STRING_FORM_CALLEES.keySet();

  private final RuleSettings settings;
  /** Scans for the binding words and every fixed candidate word in one pass. */
  private final IdentifierScanner wordScanner;

  /** Creates the rule with {@code settings}. */
  public InsecureSslProtocolsRule(RuleSettings settings) {
    this.settings = settings;
    Set<String> words = new HashSet<>(Bindings.BINDING_WORDS);
    words.addAll(Catalogue.names());
    words.addAll(PROTO_VERSION_SETTERS);
    if (settings.reportStringForms()) {
      words.addAll(STRING_FORM_KEYWORDS);
    }
    this.wordScanner = new IdentifierScanner(words);
  }

  /** Returns the settings the rule applies. */
  public RuleSettings settings() {
    return settings;
  }

  /**
   * Analyses {@code tree}, which must have been parsed from {@code source} as UTF-16, and returns
   * its findings in source order.
   */
  public Analysis analyze(SourceText source, Tree tree) {
    int syntaxErrors = countSyntaxErrors(tree);
    if (source.isVersioned()) {
      Optional<Analysis> reused = EditReuse.reuse(source, syntaxErrors, settings, wordScanner);
      if (reused.isPresent()) {
        return reused.get();
      }
    }
    boolean prefilterPassed = mayHaveFindings(source.text(), settings);
    List<Finding> findings = List.of();
    Optional<Dependencies> dependencies = Optional.empty();
    if (prefilterPassed) {
      Dependencies.Recorder recorder = new Dependencies.Recorder();
      FileContext file =
          new FileContext(
              source,
              tree.getRootNode(),
              settings,
              wordScanner.scan(source.text(), 0, source.length()),
              recorder);
      findings = file.findings();
      if (file.isComplete()) {
        dependencies = Optional.of(recorder.build());
      }
    } else {
      dependencies = Optional.of(new Dependencies.Recorder().build());
    }
    if (source.isVersioned()) {
      PreviousAnalyses.remember(
          source,
          new PreviousAnalyses.Entry(
              settings, prefilterPassed, findings, syntaxErrors, dependencies));
    }
    return new Analysis(findings, syntaxErrors);
  }

  /**
   * Text that every finding's source contains: each catalogued constant name includes one of
   * these, an alias can only be bound by an import line that names the constant, a {@code getattr}
   * string spells the constant, and {@code set_min_proto_version(0)} names the method.
   */
  static final List<String> ANCHORS =
      List.of("SSLv2", "SSLv3", "TLSv1", "SSL3_", "TLS1_", "MINIMUM_SUPPORTED", "set_min_proto_version");

  /**
   * Returns whether {@code text} can have findings under {@code settings}; when it returns false,
   * {@link #analyze} finds nothing, so a batch run need not parse the file. The test is plain text
   * search: the text must mention {@code ssl} in any letter case (for the module binding) and
   * contain one of the names every finding starts from, or, with string forms on, one of their
   * keywords. {@link Utf8Prefilter} runs the same test on UTF-8 bytes.
   */
  public static boolean mayHaveFindings(String text, RuleSettings settings) {
    if (settings.reportStringForms()) {
      // String forms need no module binding, only one of their keywords.
      for (String keyword : STRING_FORM_KEYWORDS) {
        if (text.contains(keyword)) {
          return true;
        }
      }
    }
    // The anchors come first because String.contains is vectorised and most files have none.
    for (String anchor : ANCHORS) {
      if (text.contains(anchor)) {
        return mentionsSsl(text);
      }
    }
    return false;
  }

  /**
   * Returns whether {@code text} contains {@code ssl} in any letter case. Without it a file can
   * neither import {@code ssl} nor {@code OpenSSL.SSL}, so it has no findings.
   */
  public static boolean mentionsSsl(String text) {
    int length = text.length();
    for (int i = 0; i + 2 < length; i++) {
      char c = text.charAt(i);
      if ((c == 's' || c == 'S')) {
        char second = text.charAt(i + 1);
        char third = text.charAt(i + 2);
        if ((second == 's' || second == 'S') && (third == 'l' || third == 'L')) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Counts the outermost ERROR nodes and the missing nodes outside them. It descends only into
   * subtrees that contain an error and never into an ERROR node, whose insides can be large and
   * add nothing to the count's purpose: telling whether a fix made the parse worse.
   */
  static int countSyntaxErrors(Tree tree) {
    Node root = tree.getRootNode();
    if (!root.hasError()) {
      return 0;
    }
    int count = 0;
    try (TreeCursor cursor = root.walk()) {
      while (true) {
        Node node = cursor.getCurrentNode();
        if (node.isError() || node.isMissing()) {
          count++;
        }
        if (node.hasError() && !node.isError() && cursor.gotoFirstChild()) {
          continue;
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            return count;
          }
        }
      }
    }
  }

  /** The state of one analysis: the file, its bindings and the findings so far. */
  private static final class FileContext {
    private final SourceText source;
    private final String text;
    private final NodeIndex index;
    private final RuleSettings settings;
    private final Bindings bindings;
    private final Scopes scopes;
    private final UseSites useSites;
    private final FixFactory fixes;
    private final Map<String, Finding> found = new LinkedHashMap<>();

    private final List<IdentifierScanner.Occurrence> words;
    private final Dependencies.Recorder recorder;
    private boolean complete = true;

    FileContext(
        SourceText source,
        Node root,
        RuleSettings settings,
        List<IdentifierScanner.Occurrence> words,
        Dependencies.Recorder recorder) {
      this.source = source;
      this.text = source.text();
      this.index = new NodeIndex(root);
      this.settings = settings;
      this.words = words;
      this.recorder = recorder;
      List<IdentifierScanner.Occurrence> bindingWords = new ArrayList<>();
      for (IdentifierScanner.Occurrence word : words) {
        recorder.range(word.start(), word.end());
        if (Bindings.BINDING_WORDS.contains(word.name())) {
          bindingWords.add(word);
        }
      }
      this.bindings = Bindings.collect(index, text, bindingWords, recorder);
      this.scopes = new Scopes(text, index, bindings, recorder);
      this.useSites =
          new UseSites(text, index, node -> resolveConstant(node).isPresent(), recorder);
      this.fixes = new FixFactory(source, bindings, settings, this::resolvePath, recorder);
    }

    /** Returns whether every candidate was inspected without an exception. */
    boolean isComplete() {
      return complete;
    }

    List<Finding> findings() {
      List<IdentifierScanner.Occurrence> candidates = new ArrayList<>();
      for (IdentifierScanner.Occurrence word : words) {
        if (!Bindings.BINDING_WORDS.contains(word.name())) {
          candidates.add(word);
        }
      }
      // Names imported under an alias (`from ssl import PROTOCOL_TLSv1 as OLD`) need a second scan.
      Set<String> aliases = new HashSet<>();
      for (String name : bindings.knownNames()) {
        if (!Catalogue.names().contains(name) && bindings.resolve(name).flatMap(Catalogue::byPath).isPresent()) {
          aliases.add(name);
        }
      }
      aliases.forEach(recorder::name);
      if (!aliases.isEmpty()) {
        candidates.addAll(new IdentifierScanner(aliases).scan(text, 0, text.length()));
        candidates.sort(Comparator.comparingInt(IdentifierScanner.Occurrence::start));
      }
      for (IdentifierScanner.Occurrence occurrence : candidates) {
        Optional<Node> node = index.descendant(occurrence.start(), occurrence.end());
        if (node.isEmpty()) {
          continue;
        }
        recorder.range(occurrence.start(), occurrence.end());
        recorder.node(node.get());
        try {
          inspect(occurrence, node.get());
        } catch (RuntimeException e) {
          complete = false;
          // One odd node must not lose the file's other findings; the tree is left as it was.
          java.util.logging.Logger.getLogger(InsecureSslProtocolsRule.class.getName())
              .log(java.util.logging.Level.WARNING,
                  "Failed to inspect '" + occurrence.name() + "' at offset " + occurrence.start(), e);
        }
      }
      List<Finding> result = new ArrayList<>(found.values());
      result.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
      return result;
    }

    private void inspect(IdentifierScanner.Occurrence occurrence, Node node) {
      String type = node.getType();
      if (type.equals("identifier")) {
        if (PROTO_VERSION_SETTERS.contains(occurrence.name())) {
          inspectLiteralZero(node, occurrence.name());
        }
        if (STRING_FORM_KEYWORDS.contains(occurrence.name())) {
          inspectStringForm(node);
        }
        candidateFromIdentifier(node).ifPresent(this::inspectCandidate);
      } else if (type.equals("string_content")) {
        candidateFromGetattr(node).ifPresent(this::inspectCandidate);
      }
    }

    /** Resolves an identifier that is the last name of a value expression to a constant. */
    private Optional<Candidate> candidateFromIdentifier(Node identifier) {
      Optional<Node> parent = identifier.getParent();
      parent.ifPresent(recorder::node);
      if (parent.isPresent() && parent.get().getType().equals("attribute")
          && Nodes.isField(parent.get(), "attribute", identifier)) {
        Node attribute = parent.get();
        return resolvePath(attribute)
            .flatMap(Catalogue::byPath)
            .map(constant -> new Candidate(constant, attribute, identifier, true, false));
      }
      if (parent.isPresent() && !isExpressionPosition(parent.get(), identifier)) {
        return Optional.empty();
      }
      return resolvePath(identifier)
          .flatMap(Catalogue::byPath)
          .map(constant -> new Candidate(constant, identifier, identifier, false, false));
    }

    /** Returns whether a bare identifier under {@code parent} is read as a value. */
    private boolean isExpressionPosition(Node parent, Node identifier) {
      return switch (parent.getType()) {
        case "dotted_name", "aliased_import", "import_from_statement", "import_statement", "parameters",
            "lambda_parameters", "function_definition", "class_definition", "global_statement",
            "nonlocal_statement", "keyword_separator", "list_splat_pattern", "dictionary_splat_pattern" ->
            false;
        case "keyword_argument", "default_parameter", "typed_default_parameter", "typed_parameter" ->
            !Nodes.isField(parent, "name", identifier);
        default -> true;
      };
    }

    /**
   * Resolves {@code getattr(MODULE, "NAME")}, {@code vars(MODULE)["NAME"]} and {@code
   * MODULE.__dict__["NAME"]} to a constant.
   */
    private Optional<Candidate> candidateFromGetattr(Node content) {
      Optional<Node> string = content.getParent();
      if (string.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> name = StringLiterals.plainValue(string.get(), text);
      if (name.isEmpty()) {
        return Optional.empty();
      }
      recorder.node(string.get());
      Optional<Node> holder = string.get().getParent();
      if (holder.isEmpty()) {
        return Optional.empty();
      }
      recorder.node(holder.get());
      holder.get().getParent().ifPresent(recorder::node);
      Optional<Node> moduleExpression = Optional.empty();
      Node value = null;
      if (holder.get().getType().equals("argument_list") && Nodes.namedIndex(holder.get(), string.get()) == 1) {
        Optional<Node> call = holder.get().getParent();
        if (call.isPresent() && call.get().getType().equals("call")
            && call.get().getChildByFieldName("function").map(this::source).orElse("").equals("getattr")) {
          moduleExpression = Nodes.namedChild(holder.get(), 0);
          value = call.get();
        }
      } else if (holder.get().getType().equals("subscript")
          && Nodes.isField(holder.get(), "subscript", string.get())) {
        Optional<Node> subscripted = holder.get().getChildByFieldName("value");
        if (subscripted.isPresent() && subscripted.get().getType().equals("call")
            && subscripted.get().getChildByFieldName("function").map(this::source).orElse("").equals("vars")) {
          moduleExpression = subscripted.get().getChildByFieldName("arguments").flatMap(a -> Nodes.namedChild(a, 0));
          value = holder.get();
        } else if (subscripted.isPresent() && subscripted.get().getType().equals("attribute")
            && lastName(subscripted.get()).equals("__dict__")) {
          // ssl.__dict__["NAME"] reads the same namespace as vars(ssl)["NAME"].
          moduleExpression = subscripted.get().getChildByFieldName("object");
          value = holder.get();
        }
      }
      if (moduleExpression.isEmpty() || value == null) {
        return Optional.empty();
      }
      Node finalValue = value;
      return resolvePath(moduleExpression.get())
          .flatMap(module -> Catalogue.byPath(module + "." + name.get()))
          .filter(constant -> constant.family() != Catalogue.Family.DISABLE_OPTION)
          .map(constant -> new Candidate(constant, finalValue, string.get(), true, true));
    }

    private void inspectCandidate(Candidate candidate) {
      if (!settings.isInsecure(candidate.constant().protocol())) {
        return;
      }
      if (candidate.constant().family() == Catalogue.Family.DISABLE_OPTION) {
        OptionReenable.check(candidate, text, recorder).ifPresent(statement -> report(
            fixes.optionReenable(candidate, statement)));
        return;
      }
      Optional<Use> use = useSites.useOf(candidate.value());
      if (use.isEmpty()) {
        return;
      }
      Optional<Finding> finding = fixes.valueFinding(candidate, use.get());
      finding.ifPresent(this::report);
    }

    /** Reports pyOpenSSL's {@code set_min_proto_version(0)}, which allows every version. */
    private void inspectLiteralZero(Node identifier, String setter) {
      if (!setter.equals("set_min_proto_version") || !settings.isInsecure(Protocol.TLS_V1)) {
        return;
      }
      Optional<Node> attribute = identifier.getParent();
      if (attribute.isEmpty() || !attribute.get().getType().equals("attribute")) {
        return;
      }
      Optional<Node> call = attribute.get().getParent();
      call.ifPresent(recorder::node);
      if (call.isEmpty() || !call.get().getType().equals("call")) {
        return;
      }
      Optional<Node> first = call.get().getChildByFieldName("arguments").flatMap(a -> Nodes.namedChild(a, 0));
      if (first.isPresent() && first.get().getType().equals("integer") && source(first.get()).equals("0")) {
        fixes.literalZero(first.get(), call.get()).ifPresent(this::report);
      }
    }

    /** Reports urllib3-style {@code ssl_version="TLSv1"} when string forms are enabled. */
    private void inspectStringForm(Node identifier) {
      Optional<Node> keyword = identifier.getParent();
      keyword.flatMap(Node::getParent).flatMap(Node::getParent).ifPresent(recorder::node);
      keyword.ifPresent(recorder::node);
      if (keyword.isEmpty() || !keyword.get().getType().equals("keyword_argument")
          || !Nodes.isField(keyword.get(), "name", identifier)) {
        return;
      }
      Optional<Node> value = keyword.get().getChildByFieldName("value");
      Optional<Node> call = keyword.get().getParent().flatMap(Node::getParent);
      if (value.isEmpty() || call.isEmpty() || !call.get().getType().equals("call")) {
        return;
      }
      String callee = call.get().getChildByFieldName("function").map(this::lastName).orElse("");
      if (!STRING_FORM_CALLEES.get(source(identifier)).contains(callee)) {
        // Elsewhere such a string is only text, so the callee must be one that reads it.
        return;
      }
      List<Node> strings = new ArrayList<>();
      if (value.get().getType().equals("string")) {
        strings.add(value.get());
      } else if (value.get().getType().equals("list") || value.get().getType().equals("tuple")) {
        strings.addAll(value.get().getNamedChildren());
      }
      for (Node string : strings) {
        Optional<String> literal = StringLiterals.plainValue(string, text);
        if (literal.isEmpty()) {
          continue;
        }
        StringForms.protocolOf(literal.get())
            .filter(settings::isInsecure)
            .flatMap(protocol -> fixes.stringForm(string, literal.get(), protocol, keyword.get()))
            .ifPresent(this::report);
      }
    }

    private void report(Finding finding) {
      recordFinding(finding);
      if (settings.respectSuppressions()
          && Suppressions.isSuppressed(source, index, finding.start(), finding.kind())) {
        return;
      }
      found.putIfAbsent(finding.start() + ":" + finding.end() + ":" + finding.kind(), finding);
    }

    /** Records the finding's ranges and the line whose comments may suppress it. */
    private void recordFinding(Finding finding) {
      recorder.range(finding.start(), finding.end());
      finding.sink().ifPresent(sink -> recorder.range(sink.start(), sink.end()));
      for (Fix fix : finding.fixes()) {
        for (TextEdit edit : fix.edits()) {
          recorder.range(edit.start(), edit.end());
        }
      }
      int line = source.lineOf(finding.start());
      recorder.range(source.lineStart(line), source.lineContentEnd(line) + 1);
    }

    /** Resolves an expression to a constant if it is one, for dictionary keys and subscripts. */
    private Optional<Catalogue.Constant> resolveConstant(Node expression) {
      Node inner = expression;
      while (inner.getType().equals("parenthesized_expression") && inner.getNamedChildCount() == 1) {
        inner = Nodes.namedChild(inner, 0).orElseThrow();
      }
      return resolvePath(inner).flatMap(Catalogue::byPath);
    }

    /**
     * Resolves a name or attribute chain to a dotted module path through the bindings, or empty
     * when any part is unknown or hidden by a local variable.
     */
    Optional<String> resolvePath(Node expression) {
      recorder.node(expression);
      switch (expression.getType()) {
        case "identifier" -> {
          String name = source(expression);
          if (!bindings.isImported(name) && !bindings.resolve(name).isPresent()) {
            return Optional.empty();
          }
          if (scopes.isShadowed(expression, name)) {
            return Optional.empty();
          }
          return bindings.resolve(name);
        }
        case "attribute" -> {
          Optional<Node> object = expression.getChildByFieldName("object");
          Optional<Node> attribute = expression.getChildByFieldName("attribute");
          if (object.isEmpty() || attribute.isEmpty()) {
            return Optional.empty();
          }
          return resolvePath(object.get()).map(path -> path + "." + source(attribute.get()));
        }
        case "parenthesized_expression" -> {
          return Nodes.namedChild(expression, 0).flatMap(this::resolvePath);
        }
        default -> {
          return Optional.empty();
        }
      }
    }

    private String lastName(Node expression) {
      return Nodes.lastName(expression, text);
    }

    private String source(Node node) {
      return Nodes.text(node, text);
    }
  }
}
