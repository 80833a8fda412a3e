package dev.tlsguard.rules;

import dev.tlsguard.parse.SourceText;
import io.github.treesitter.jtreesitter.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds findings with their messages and fixes.
 *
 * <p>Fixes edit only the value tokens and keep the user's spelling: {@code s.PROTOCOL_TLSv1}
 * becomes {@code s.PROTOCOL_TLSv1_2}, and a bare name imported with {@code from ssl import} stays
 * bare while the import line gains the new name. A fix is safe when the program keeps working
 * after it: the TLS 1.2 member of the same family always is, because it keeps the old
 * certificate-checking defaults. {@code PROTOCOL_TLS_CLIENT} turns on hostname checking and
 * certificate verification, so it is safe only where the code is known to act as a client that
 * leaves verification alone, and never inside the module-level {@code ssl.wrap_socket}, where it
 * always raises {@code ValueError} (checked on CPython 3.11).
 */
final class FixFactory {
  /** How far past a context's creation its uses are read to judge its role, in chars. */
  private static final int ROLE_WINDOW_CHARS = 4_000;
  private static final java.util.regex.Pattern SERVER_SIDE =
      java.util.regex.Pattern.compile("\\bserver_side\\s*=\\s*True");

  private final SourceText source;
  private final String text;
  private final Bindings bindings;
  private final RuleSettings settings;
  private final Function<Node, Optional<String>> resolver;
  private final Dependencies.Recorder recorder;

  FixFactory(
      SourceText source,
      Bindings bindings,
      RuleSettings settings,
      Function<Node, Optional<String>> resolver,
      Dependencies.Recorder recorder) {
    this.source = source;
    this.text = source.text();
    this.bindings = bindings;
    this.settings = settings;
    this.resolver = resolver;
    this.recorder = recorder;
  }

  /** Builds the finding for an insecure constant used as a value, or empty if it selects nothing. */
  Optional<Finding> valueFinding(Candidate candidate, Use use) {
    Catalogue.Constant constant = candidate.constant();
    Optional<String> context = contextName(use);
    boolean upper = context.map(name -> name.toLowerCase(Locale.ROOT).contains("max")).orElse(false);
    boolean lower = context.map(name -> name.toLowerCase(Locale.ROOT).contains("min")).orElse(false);
    if (constant.name().equals("MINIMUM_SUPPORTED") && !lower && !upper) {
      // MINIMUM_SUPPORTED is only an insecure choice as a floor (or a cap); elsewhere its role is unknown.
      return Optional.empty();
    }
    FindingKind kind = kindOf(candidate, use, upper);
    if (constant.family() == Catalogue.Family.OPENSSL_VERSION && kind == FindingKind.PYOPENSSL_PROTO_VERSION
        && !context.map(name -> name.endsWith("_proto_version")).orElse(false)) {
      // pyOpenSSL's version numbers are also compared with get_protocol_version(); they select a
      // protocol only when passed to set_min_proto_version or set_max_proto_version.
      return Optional.empty();
    }
    String replacement = Catalogue.replacementName(constant, upper);
    Variants fixes = new Variants();
    Optional<String> callee = use.call().flatMap(call -> call.getChildByFieldName("function")).flatMap(resolver);
    boolean wrongKeyword = constant.family() == Catalogue.Family.SSL_PROTOCOL && !candidate.viaGetattr()
        && callee.orElse("").equals("ssl.SSLContext") && use.keyword().orElse("").equals("ssl_version");
    if (!wrongKeyword) {
      replaceToken(candidate, replacement)
          .ifPresent(edits -> fixes.minimal.add(new Fix("Replace " + constant.name() + " with " + replacement, true, edits)));
    }
    if (constant.family() == Catalogue.Family.SSL_PROTOCOL && kind != FindingKind.BAD_DEFAULT && !candidate.viaGetattr()) {
      if (callee.isPresent()) {
        callFixes(candidate, use, callee.get(), wrongKeyword, fixes);
      } else if (use.context() == Use.Context.ASSIGNMENT && isFtpTlsOverride(use)) {
        modernToken(candidate, "PROTOCOL_TLS_CLIENT", true,
            "Use PROTOCOL_TLS_CLIENT, the FTP_TLS default").ifPresent(fixes.libraryDefault::add);
      }
    }
    if (constant.family() == Catalogue.Family.OPENSSL_METHOD && kind == FindingKind.PYOPENSSL_METHOD
        && !candidate.viaGetattr()) {
      pyOpenSslModernFix(candidate, use).ifPresent(fixes.modern::add);
    }
    String message = message(kind, candidate, replacement, wrongKeyword, upper);
    Severity severity = settings.severityFor(kind, defaultSeverity(constant.protocol()));
    // A getattr finding sits on the string that names the constant, which may be on a later line.
    Node reported = candidate.viaGetattr() ? candidate.token() : candidate.value();
    return Optional.of(new Finding(kind, constant.protocol(), severity, Nodes.start(reported),
        Nodes.end(reported), compact(source(candidate.value())), message, fixes.ordered(settings.fixPreference()),
        sinkOf(use)));
  }

  /** Builds the finding for a statement that re-enables a protocol through option flags. */
  Finding optionReenable(Candidate candidate, OptionReenable.Reenable reenable) {
    Catalogue.Constant constant = candidate.constant();
    // Not safe: code may rely on the legacy protocol on purpose, and an assignment form such as
    // `options = options & ~X` defines a name that later code may read.
    Fix fix = new Fix("Remove the statement that re-enables " + constant.protocol().displayName(),
        false, List.of(removeStatement(reenable.statement())));
    Severity fallback = constant.protocol().isSsl() ? Severity.WARNING : Severity.INFORMATION;
    String message = compact(source(candidate.value())) + " is cleared here, which re-enables "
        + constant.protocol().displayName() + " where the context's minimum version allows it;"
        + " remove this statement";
    return new Finding(FindingKind.OPTIONS_REENABLE, constant.protocol(),
        settings.severityFor(FindingKind.OPTIONS_REENABLE, fallback), Nodes.start(candidate.value()),
        Nodes.end(candidate.value()), compact(source(candidate.value())), message, List.of(fix), Optional.empty());
  }

  /** Builds the finding for pyOpenSSL's {@code set_min_proto_version(0)}. */
  Optional<Finding> literalZero(Node zero, Node call) {
    List<Fix> fixes = new ArrayList<>();
    memberReference(ModulePath.OPENSSL_SSL, "TLS1_2_VERSION", Optional.empty()).ifPresent(reference -> {
      List<TextEdit> edits = new ArrayList<>(reference.extraEdits());
      edits.add(new TextEdit(Nodes.start(zero), Nodes.end(zero), reference.text()));
      fixes.add(new Fix("Replace 0 with " + reference.text(), true, edits));
    });
    String message = "set_min_proto_version(0) allows the lowest protocol version the OpenSSL build"
        + " supports, which can be TLS 1.0 or older; pass TLS1_2_VERSION";
    Severity severity = settings.severityFor(FindingKind.PYOPENSSL_PROTO_VERSION, Severity.INFORMATION);
    return Optional.of(new Finding(FindingKind.PYOPENSSL_PROTO_VERSION, Protocol.TLS_V1, severity,
        Nodes.start(zero), Nodes.end(zero), "0", message, order(fixes),
        Optional.of(new Finding.Sink(Nodes.start(call), Nodes.end(call), "passed to set_min_proto_version"))));
  }

  /** Builds the finding for a protocol written as a string, such as {@code ssl_version="TLSv1"}. */
  Optional<Finding> stringForm(Node string, String value, Protocol protocol, Node keyword) {
    Optional<Node> content = contentOf(string);
    String replacement = StringForms.replacementFor(value);
    List<Fix> fixes = new ArrayList<>();
    content.ifPresent(node -> fixes.add(new Fix("Replace \"" + value + "\" with \"" + replacement + "\"", true,
        List.of(new TextEdit(Nodes.start(node), Nodes.end(node), replacement)))));
    String keywordName = keyword.getChildByFieldName("name").map(this::source).orElse("the keyword");
    String message = "\"" + value + "\" selects " + protocol.displayName() + " through " + keywordName
        + ", an insecure protocol version; use \"" + replacement + "\"";
    Severity severity = settings.severityFor(FindingKind.STRING_FORM, Severity.INFORMATION);
    return Optional.of(new Finding(FindingKind.STRING_FORM, protocol, severity, Nodes.start(string),
        Nodes.end(string), source(string), message, fixes, Optional.empty()));
  }

  private static Severity defaultSeverity(Protocol protocol) {
    return protocol.isSsl() ? Severity.ERROR : Severity.WARNING;
  }

  private static FindingKind kindOf(Candidate candidate, Use use, boolean upper) {
    if (use.context() == Use.Context.DEFAULT_PARAMETER) {
      return FindingKind.BAD_DEFAULT;
    }
    if (candidate.viaGetattr()) {
      return FindingKind.GETATTR_CONST;
    }
    return switch (candidate.constant().family()) {
      case SSL_PROTOCOL -> FindingKind.SSL_PROTO_CONST;
      case TLS_VERSION -> upper ? FindingKind.SSL_MAX_VERSION : FindingKind.SSL_MIN_VERSION;
      case OPENSSL_METHOD -> FindingKind.PYOPENSSL_METHOD;
      case OPENSSL_VERSION -> FindingKind.PYOPENSSL_PROTO_VERSION;
      case DISABLE_OPTION -> throw new IllegalStateException("Option flags are not values");
    };
  }

  /** Returns the name that says what the value is for: keyword, target, key, parameter or callee. */
  private Optional<String> contextName(Use use) {
    if (use.keyword().isPresent()) {
      return use.keyword();
    }
    return use.call()
        .flatMap(call -> call.getChildByFieldName("function"))
        .map(this::lastName);
  }

  /** Returns source text on one line: without line continuations and runs of whitespace. */
  private static String compact(String code) {
    return code.replaceAll("\\\\(\\r\\n|\\r|\\n)\\s*|\\s*(\\r\\n|\\r|\\n)\\s*", "").replaceAll("\\s+", " ");
  }

  private String message(FindingKind kind, Candidate candidate, String replacement, boolean wrongKeyword, boolean upper) {
    String value = compact(source(candidate.value()));
    String protocol = candidate.constant().protocol().displayName();
    return switch (kind) {
      case SSL_PROTO_CONST -> wrongKeyword
          ? value + " asks for " + protocol + ", an insecure protocol version; SSLContext ignores the"
              + " ssl_version keyword, so remove it or pass a secure protocol positionally"
          : value + " selects " + protocol + ", an insecure protocol version; use " + replacement
              + " or PROTOCOL_TLS_CLIENT/PROTOCOL_TLS_SERVER";
      case SSL_MIN_VERSION -> value + " lets the connection fall back to " + protocol
          + ", an insecure protocol version; set the minimum to TLSVersion." + replacement;
      case SSL_MAX_VERSION -> value + " caps the connection at " + protocol
          + ", an insecure protocol version; set the maximum to TLSVersion." + replacement;
      case PYOPENSSL_METHOD -> value + " pins pyOpenSSL to " + protocol
          + ", an insecure protocol version; use " + replacement
          + " or TLS_METHOD with set_min_proto_version(TLS1_2_VERSION)";
      case PYOPENSSL_PROTO_VERSION -> value + (upper ? " caps the connection at " : " lets the connection fall back to ")
          + protocol + ", an insecure protocol version; use " + replacement;
      case BAD_DEFAULT -> "Parameter default " + value + " selects " + protocol
          + ", an insecure protocol version, for every caller that omits the argument; use " + replacement;
      case GETATTR_CONST -> value + " looks up " + candidate.constant().name() + ", which selects " + protocol
          + ", an insecure protocol version; use \"" + replacement + "\"";
      case OPTIONS_REENABLE, STRING_FORM -> throw new IllegalStateException("Built elsewhere: " + kind);
    };
  }

  private Optional<Finding.Sink> sinkOf(Use use) {
    Optional<Node> holder = use.holder();
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    Node node = holder.get();
    return switch (use.context()) {
      case CALL_ARGUMENT -> node.getChildByFieldName("function")
          .map(function -> new Finding.Sink(Nodes.start(node), Nodes.end(node), "passed to " + source(function)));
      case ASSIGNMENT -> node.getChildByFieldName("left")
          .map(left -> new Finding.Sink(Nodes.start(left), Nodes.end(left), "assigned to " + source(left)));
      case DEFAULT_PARAMETER -> Optional.of(new Finding.Sink(Nodes.start(node), Nodes.end(node),
          "default of parameter " + use.keyword().orElse("")));
      case DICT_VALUE -> Optional.of(new Finding.Sink(Nodes.start(node), Nodes.end(node),
          "value of option " + use.keyword().map(key -> "'" + key + "'").orElse("in a dictionary")));
      case OTHER_VALUE -> Optional.empty();
    };
  }

  /** The fixes of one finding, grouped so that the preferred group comes first. */
  private static final class Variants {
    /** The library's own default value, which is both the smallest and the current choice. */
    final List<Fix> libraryDefault = new ArrayList<>();
    /** Single-token replacements that keep the code's behaviour. */
    final List<Fix> minimal = new ArrayList<>();
    /** The current API, such as PROTOCOL_TLS_CLIENT with a minimum_version floor. */
    final List<Fix> modern = new ArrayList<>();

    List<Fix> ordered(RuleSettings.FixPreference preference) {
      List<Fix> all = new ArrayList<>(libraryDefault);
      if (preference == RuleSettings.FixPreference.MODERN) {
        all.addAll(modern);
        all.addAll(minimal);
      } else {
        all.addAll(minimal);
        all.addAll(modern);
      }
      all.sort(Comparator.comparing(fix -> !fix.safe()));
      return all;
    }
  }

  private static List<Fix> order(List<Fix> fixes) {
    List<Fix> ordered = new ArrayList<>(fixes);
    ordered.sort(Comparator.comparing(fix -> !fix.safe()));
    return ordered;
  }

  // ---- Fixes that depend on the call receiving the constant.

  private void callFixes(Candidate candidate, Use use, String callee, boolean wrongKeyword, Variants fixes) {
    Node call = use.call().orElseThrow();
    String keyword = use.keyword().orElse("");
    switch (callee) {
      case "ssl.SSLContext" -> {
        if (wrongKeyword) {
          wrongKeywordFixes(candidate, call, fixes);
        } else if (use.position() == 0 || keyword.equals("protocol")) {
          fixes.modern.addAll(contextFixes(candidate, call, roleOf(call)));
        }
      }
      case "ssl.wrap_socket" -> {
        if ((use.position() == 5 || keyword.equals("ssl_version")) && hasLiteralKeyword(call, "server_side", "True")) {
          modernToken(candidate, "PROTOCOL_TLS_SERVER", true, "Use PROTOCOL_TLS_SERVER for this server socket")
              .ifPresent(fixes.modern::add);
        }
      }
      case "ssl.get_server_certificate", "ssl._create_unverified_context", "ssl._create_stdlib_context" -> {
        // These functions turn hostname checking off before they set verify_mode, so the client
        // protocol, their own default since Python 3.10, is safe there.
        modernToken(candidate, "PROTOCOL_TLS_CLIENT", true, "Use PROTOCOL_TLS_CLIENT, the function's default")
            .ifPresent(fixes.libraryDefault::add);
      }
      default -> {}
    }
  }

  /** The role a context plays, from the code that uses it after it is created. */
  enum Role {
    CLIENT,
    /** A client that also changes certificate checks, which PROTOCOL_TLS_CLIENT would reject. */
    CLIENT_CHANGING_VERIFICATION,
    SERVER,
    UNKNOWN
  }

  /** Returns the role of the context that {@code call} creates, judged from the variable's later uses. */
  Role roleOf(Node call) {
    Optional<Node> assignment = assignmentOf(call);
    if (assignment.isEmpty()) {
      return Role.UNKNOWN;
    }
    String variable = assignment.get().getChildByFieldName("left").map(this::source).orElse("");
    if (variable.isEmpty()) {
      return Role.UNKNOWN;
    }
    Node scope = Nodes.ancestor(call, "function_definition").flatMap(f -> f.getChildByFieldName("body"))
        .orElse(call.getTree().getRootNode());
    // Only the code soon after the assignment counts, which keeps the cost per finding bounded
    // in long modules with many findings.
    StringBuilder evidence = new StringBuilder();
    int from = Nodes.end(assignment.get());
    String region = text.substring(from, Math.max(from, Math.min(Nodes.end(scope), from + ROLE_WINDOW_CHARS)));
    // The whole window counts, even past the end of the scope, because an edit there can move the
    // scope's end.
    recorder.range(from, Math.min(text.length(), from + ROLE_WINDOW_CHARS + 1));
    int at = region.indexOf(variable);
    while (at >= 0) {
      evidence.append(region, at, Math.min(region.length(), at + 400)).append('\n');
      at = region.indexOf(variable, at + variable.length());
    }
    String uses = evidence.toString();
    boolean server = SERVER_SIDE.matcher(uses).find()
        || (uses.contains("load_cert_chain(") && (uses.contains(".accept(") || uses.contains("create_server(")
            || uses.contains("start_server(") || uses.contains(".listen(")));
    boolean client = uses.contains("server_hostname") || uses.contains("create_connection(")
        || uses.contains("open_connection(") || uses.contains("HTTPSConnection(") || uses.contains("urlopen(");
    boolean verification = region.contains("CERT_NONE") || region.contains("check_hostname")
        || region.contains("verify_mode");
    if (server && !client) {
      return Role.SERVER;
    }
    if (client && !server) {
      return verification ? Role.CLIENT_CHANGING_VERIFICATION : Role.CLIENT;
    }
    return Role.UNKNOWN;
  }

  private List<Fix> contextFixes(Candidate candidate, Node call, Role role) {
    List<Fix> fixes = new ArrayList<>();
    String protocol = role == Role.SERVER ? "PROTOCOL_TLS_SERVER" : "PROTOCOL_TLS_CLIENT";
    Optional<List<TextEdit>> token = replaceToken(candidate, protocol);
    if (token.isEmpty()) {
      return fixes;
    }
    List<TextEdit> edits = new ArrayList<>(token.get());
    Optional<Node> assignment = assignmentOf(call);
    Optional<Reference> tlsVersion = memberReference(ModulePath.SSL, "TLSVersion", Optional.of(candidate));
    Optional<TextEdit> floor = Optional.empty();
    if (assignment.isPresent() && tlsVersion.isPresent()) {
      String variable = assignment.get().getChildByFieldName("left").map(this::source).orElseThrow();
      floor = insertAfterStatement(assignment.get(), variable + ".minimum_version = " + tlsVersion.get().text() + ".TLSv1_2");
      if (floor.isPresent()) {
        edits.addAll(tlsVersion.get().extraEdits());
        edits.add(floor.get());
      }
    }
    // Without the floor, Python before 3.10 would still allow TLS 1.0 through the new protocol.
    boolean safe = (role == Role.SERVER || role == Role.CLIENT) && floor.isPresent();
    String title = "Use " + protocol + (floor.isPresent() ? " with a TLS 1.2 minimum" : "")
        + (role == Role.SERVER || role == Role.CLIENT ? "" : " (turns on certificate and hostname checks; review the context's use)");
    fixes.add(new Fix(title, safe, merge(edits)));
    return fixes;
  }

  /**
   * Fixes for {@code SSLContext(ssl_version=...)}: removing the ignored keyword keeps the program's
   * behaviour exactly; passing a protocol positionally follows the role logic of the constructor.
   */
  private void wrongKeywordFixes(Candidate candidate, Node call, Variants fixes) {
    Optional<Node> keyword = Nodes.ancestor(candidate.value(), "keyword_argument");
    Optional<Node> arguments = call.getChildByFieldName("arguments");
    if (keyword.isEmpty() || arguments.isEmpty()) {
      return;
    }
    boolean first = Nodes.namedIndex(arguments.get(), keyword.get()) == 0;
    if (first) {
      positionalProtocol(candidate, keyword.get(), "PROTOCOL_TLSv1_2", true).ifPresent(fixes.minimal::add);
      Role role = roleOf(call);
      boolean safe = role == Role.SERVER || role == Role.CLIENT;
      positionalProtocol(candidate, keyword.get(), role == Role.SERVER ? "PROTOCOL_TLS_SERVER" : "PROTOCOL_TLS_CLIENT", safe)
          .ifPresent(fixes.modern::add);
    }
    fixes.minimal.add(new Fix("Remove the ssl_version keyword, which SSLContext ignores", true,
        List.of(removeArgument(arguments.get(), keyword.get()))));
  }

  private Optional<Fix> positionalProtocol(Candidate candidate, Node keyword, String member, boolean safe) {
    return memberReference(ModulePath.SSL, member, Optional.of(candidate)).map(reference -> {
      List<TextEdit> edits = new ArrayList<>(reference.extraEdits());
      edits.add(new TextEdit(Nodes.start(keyword), Nodes.end(keyword), reference.text()));
      return new Fix("Pass " + reference.text() + " as the protocol"
          + (safe ? "" : " (turns on certificate and hostname checks; review the context's use)"), safe, merge(edits));
    });
  }

  /** pyOpenSSL: {@code TLS_METHOD} plus {@code set_min_proto_version(TLS1_2_VERSION)} after the assignment. */
  private Optional<Fix> pyOpenSslModernFix(Candidate candidate, Use use) {
    Optional<Node> call = use.call();
    if (call.isEmpty() || !(use.position() == 0 || use.keyword().orElse("").equals("method"))) {
      return Optional.empty();
    }
    Optional<String> callee = call.get().getChildByFieldName("function").flatMap(resolver);
    Optional<Node> assignment = assignmentOf(call.get());
    if (callee.isEmpty() || !callee.get().equals("OpenSSL.SSL.Context") || assignment.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<TextEdit>> token = replaceToken(candidate, "TLS_METHOD");
    Optional<Reference> version = memberReference(ModulePath.OPENSSL_SSL, "TLS1_2_VERSION", Optional.of(candidate));
    if (token.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    String variable = assignment.get().getChildByFieldName("left").map(this::source).orElseThrow();
    List<TextEdit> edits = new ArrayList<>(token.get());
    edits.addAll(version.get().extraEdits());
    Optional<TextEdit> floor =
        insertAfterStatement(assignment.get(), variable + ".set_min_proto_version(" + version.get().text() + ")");
    if (floor.isEmpty()) {
      return Optional.empty();
    }
    edits.add(floor.get());
    return Optional.of(new Fix("Use TLS_METHOD with a TLS 1.2 minimum", true, merge(edits)));
  }

  private Optional<Fix> modernToken(Candidate candidate, String name, boolean safe, String title) {
    return replaceToken(candidate, name).map(edits -> new Fix(title, safe, edits));
  }

  private boolean isFtpTlsOverride(Use use) {
    Optional<Node> assignment = use.holder();
    if (assignment.isEmpty() || !use.keyword().orElse("").equals("ssl_version")) {
      return false;
    }
    String target = assignment.get().getChildByFieldName("left").map(this::source).orElse("");
    if (target.endsWith("FTP_TLS.ssl_version")) {
      return true;
    }
    Optional<Node> classNode = Nodes.ancestor(assignment.get(), "class_definition", "function_definition");
    if (classNode.isPresent() && classNode.get().getType().equals("class_definition")) {
      // The class header, with or without superclasses.
      int bodyStart = classNode.get().getChildByFieldName("body").map(Nodes::start)
          .orElse(Nodes.end(classNode.get()));
      recorder.range(Nodes.start(classNode.get()), bodyStart);
    }
    return classNode.isPresent() && classNode.get().getType().equals("class_definition")
        && classNode.get().getChildByFieldName("superclasses").map(this::source).orElse("").contains("FTP_TLS");
  }

  private boolean hasLiteralKeyword(Node call, String name, String value) {
    Optional<Node> arguments = call.getChildByFieldName("arguments");
    if (arguments.isEmpty()) {
      return false;
    }
    for (Node argument : arguments.get().getNamedChildren()) {
      if (argument.getType().equals("keyword_argument")
          && argument.getChildByFieldName("name").map(this::source).orElse("").equals(name)
          && argument.getChildByFieldName("value").map(this::source).orElse("").equals(value)) {
        return true;
      }
    }
    return false;
  }

  // ---- Edits.

  /** The text that names a module member here, with any import edit it needs. */
  record Reference(String text, List<TextEdit> extraEdits) {}

  private Optional<List<TextEdit>> replaceToken(Candidate candidate, String newName) {
    Node token = candidate.token();
    if (candidate.viaGetattr()) {
      return contentOf(token).map(content -> List.of(new TextEdit(Nodes.start(content), Nodes.end(content), newName)));
    }
    if (candidate.qualified()) {
      return Optional.of(List.of(new TextEdit(Nodes.start(token), Nodes.end(token), newName)));
    }
    return memberReference(candidate.constant().module(), newName, Optional.of(candidate)).map(reference -> {
      List<TextEdit> edits = new ArrayList<>(reference.extraEdits());
      edits.add(new TextEdit(Nodes.start(token), Nodes.end(token), reference.text()));
      return merge(edits);
    });
  }

  /**
   * Returns how to write {@code module.member} at this place: through the candidate's own
   * qualifier, a name already bound to the member, a star import, a name bound to the module, or
   * by adding the member to an existing {@code from module import} line.
   */
  Optional<Reference> memberReference(String module, String member, Optional<Candidate> near) {
    if (near.isPresent() && near.get().qualified() && !near.get().viaGetattr()
        && near.get().constant().module().equals(module)) {
      Optional<Node> object = near.get().value().getChildByFieldName("object");
      if (object.isPresent()) {
        return Optional.of(new Reference(source(object.get()) + "." + member, List.of()));
      }
    }
    if (bindings.resolve(member).filter(path -> path.equals(module + "." + member)).isPresent()
        || bindings.hasStarImport(module)) {
      return Optional.of(new Reference(member, List.of()));
    }
    Optional<Bindings.FromImport> sameImport = bindings.fromImportOf(module);
    if (near.isPresent() && !near.get().qualified() && sameImport.isPresent()
        && sameImport.get().entryEnds().containsKey(source(near.get().token()))) {
      // A bare from-imported name stays bare: the import gains the new name after its first
      // insecure entry, one place for every finding, so that fixes applied together add it once.
      int at = sameImport.get().firstConstantEnd() >= 0
          ? sameImport.get().firstConstantEnd()
          : sameImport.get().entryEnds().get(source(near.get().token()));
      return Optional.of(new Reference(member, List.of(new TextEdit(at, at, ", " + member))));
    }
    Optional<String> moduleName = bindings.nameForModule(module);
    if (moduleName.isPresent()) {
      return Optional.of(new Reference(moduleName.get() + "." + member, List.of()));
    }
    Optional<Bindings.FromImport> from = bindings.fromImportOf(module);
    if (from.isPresent() && from.get().lastNameEnd() >= 0) {
      // The new name goes right after the entry it replaces, or last when there is none.
      int at = from.get().lastNameEnd();
      if (near.isPresent() && !near.get().qualified()) {
        at = from.get().entryEnds().getOrDefault(source(near.get().token()), at);
      }
      return Optional.of(new Reference(member, List.of(new TextEdit(at, at, ", " + member))));
    }
    return Optional.empty();
  }

  /** Returns an insertion of {@code line} on a new line after the statement holding {@code node}. */
  private Optional<TextEdit> insertAfterStatement(Node node, String line) {
    node.getParent().ifPresent(recorder::node);
    Optional<Node> statement = node.getParent().filter(parent -> parent.getType().equals("expression_statement"));
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    int firstLine = source.lineOf(Nodes.start(statement.get()));
    int lastLine = source.lineOf(Math.max(Nodes.start(statement.get()), Nodes.end(statement.get()) - 1));
    int lineStart = source.lineStart(firstLine);
    recordLines(firstLine, lastLine);
    String indent = leadingWhitespace(text.substring(lineStart, Nodes.start(statement.get())));
    if (indent == null) {
      // The statement shares its line with code before it (after a semicolon); no safe place to add a line.
      return Optional.empty();
    }
    int at = source.lineContentEnd(lastLine);
    String rest = text.substring(Nodes.end(statement.get()), at).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      // Other code follows on the same line (after a semicolon); a new line there would run later.
      return Optional.empty();
    }
    return Optional.of(new TextEdit(at, at, lineEndingAt(lastLine) + indent + line));
  }

  private static String leadingWhitespace(String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (prefix.charAt(i) != ' ' && prefix.charAt(i) != '\t') {
        return null;
      }
    }
    return prefix;
  }

  private String lineEndingAt(int line) {
    int end = source.lineContentEnd(line);
    if (end < text.length() && text.charAt(end) == '\r') {
      return end + 1 < text.length() && text.charAt(end + 1) == '\n' ? "\r\n" : "\r";
    }
    if (end < text.length()) {
      return "\n";
    }
    // The last line has no line end: use the file's first one, or \n.
    recordLines(0, 0);
    int firstEnd = source.lineCount() > 1 ? source.lineContentEnd(0) : -1;
    if (firstEnd >= 0 && firstEnd < text.length() && text.charAt(firstEnd) == '\r') {
      return firstEnd + 1 < text.length() && text.charAt(firstEnd + 1) == '\n' ? "\r\n" : "\r";
    }
    return "\n";
  }

  /**
   * Removes a statement: its whole lines when it is alone on them, {@code pass} in its place when
   * it is the only statement of its block or shares a line with other code.
   */
  private TextEdit removeStatement(Node statement) {
    int start = Nodes.start(statement);
    int end = Nodes.end(statement);
    Optional<Node> block = statement.getParent();
    boolean onlyInBlock = block.isPresent() && block.get().getType().equals("block")
        && block.get().getNamedChildren().stream().filter(child -> !child.getType().equals("comment")).count() == 1;
    int firstLine = source.lineOf(start);
    int lastLine = source.lineOf(Math.max(start, end - 1));
    recordLines(firstLine, lastLine);
    recordBlockNeighbour(statement, block, onlyInBlock);
    boolean aloneOnLines = leadingWhitespace(text.substring(source.lineStart(firstLine), start)) != null
        && text.substring(end, source.lineContentEnd(lastLine)).strip().isEmpty();
    if (onlyInBlock || !aloneOnLines) {
      return new TextEdit(start, end, "pass");
    }
    int removeEnd = lastLine + 1 < source.lineCount() ? source.lineStart(lastLine + 1) : text.length();
    return new TextEdit(source.lineStart(firstLine), removeEnd, "");
  }

  /** Records whole lines {@code [first, last]} with their line ends as read. */
  private void recordLines(int first, int last) {
    int end = last + 1 < source.lineCount() ? source.lineStart(last + 1) : text.length();
    recorder.range(source.lineStart(first), end);
  }

  /**
   * Records what keeps the block's statement count on the same side of one: the whole block when
   * {@code statement} is its only statement, else the statement and its nearest other statement,
   * because only an edit that reaches that neighbour can leave the statement alone in its block.
   */
  private void recordBlockNeighbour(Node statement, Optional<Node> block, boolean onlyInBlock) {
    if (block.isEmpty() || !block.get().getType().equals("block")) {
      // Outside a block the count is not read.
      return;
    }
    if (onlyInBlock) {
      recorder.node(block.get());
      return;
    }
    Node neighbour = null;
    for (Node child : block.get().getNamedChildren()) {
      if (child.getType().equals("comment") || Nodes.same(child, statement)) {
        continue;
      }
      if (Nodes.end(child) <= Nodes.start(statement)) {
        neighbour = child;
      } else if (neighbour == null) {
        neighbour = child;
        break;
      } else {
        break;
      }
    }
    if (neighbour == null) {
      recorder.node(block.get());
      return;
    }
    recorder.range(Math.min(Nodes.start(neighbour), Nodes.start(statement)),
        Math.max(Nodes.end(neighbour), Nodes.end(statement)));
  }

  /** Removes one argument and the comma that separates it from its neighbour. */
  private TextEdit removeArgument(Node arguments, Node argument) {
    List<Node> all = arguments.getNamedChildren().stream().filter(child -> !child.getType().equals("comment")).toList();
    int index = -1;
    for (int i = 0; i < all.size(); i++) {
      if (Nodes.same(all.get(i), argument)) {
        index = i;
      }
    }
    if (all.size() == 1 || index < 0) {
      return new TextEdit(Nodes.start(argument), Nodes.end(argument), "");
    }
    if (index > 0) {
      return new TextEdit(Nodes.end(all.get(index - 1)), Nodes.end(argument), "");
    }
    return new TextEdit(Nodes.start(argument), Nodes.start(all.get(1)), "");
  }

  private Optional<Node> assignmentOf(Node call) {
    Optional<Node> parent = call.getParent();
    while (parent.isPresent() && parent.get().getType().equals("parenthesized_expression")) {
      parent = parent.get().getParent();
    }
    parent.ifPresent(recorder::node);
    return parent.filter(node -> node.getType().equals("assignment"))
        .filter(node -> node.getChildByFieldName("left")
            .map(left -> left.getType().equals("identifier") || left.getType().equals("attribute"))
            .orElse(false));
  }

  private static Optional<Node> contentOf(Node string) {
    for (Node child : string.getNamedChildren()) {
      if (child.getType().equals("string_content")) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** Sorts edits and drops exact duplicates, so that two findings' import edits never repeat. */
  private static List<TextEdit> merge(List<TextEdit> edits) {
    return edits.stream().distinct().sorted(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end))
        .toList();
  }

  private String lastName(Node expression) {
    return Nodes.lastName(expression, text);
  }

  private String source(Node node) {
    return Nodes.text(node, text);
  }
}
