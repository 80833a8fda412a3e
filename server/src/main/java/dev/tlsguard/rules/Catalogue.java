package dev.tlsguard.rules;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The insecure constants of the {@code ssl} module and of pyOpenSSL's {@code OpenSSL.SSL}, with the
 * protocol each selects and the name a minimal fix writes instead.
 *
 * <p>Version-flexible names ({@code PROTOCOL_SSLv23}, {@code PROTOCOL_TLS*}, {@code SSLv23_METHOD},
 * {@code TLS_METHOD}) are deliberately absent: they negotiate the best version both sides share and
 * select nothing old by themselves.
 */
final class Catalogue {
  /** The group of constants a name belongs to; it decides the finding kind and the fix. */
  enum Family {
    /** {@code ssl.PROTOCOL_*}: a protocol for {@code SSLContext} or {@code wrap_socket}. */
    SSL_PROTOCOL,
    /** {@code ssl.TLSVersion.*}: a bound for {@code minimum_version}/{@code maximum_version}. */
    TLS_VERSION,
    /** {@code OpenSSL.SSL.*_METHOD}: a method for pyOpenSSL's {@code Context}. */
    OPENSSL_METHOD,
    /** {@code OpenSSL.SSL.*_VERSION}: a bound for {@code set_min/max_proto_version}. */
    OPENSSL_VERSION,
    /** {@code ssl.OP_NO_*} and {@code OpenSSL.SSL.OP_NO_*}: flags that disable a protocol. */
    DISABLE_OPTION
  }

  /** One insecure constant: where it lives, what it selects and what replaces it. */
  record Constant(String module, String name, Family family, Protocol protocol) {
    String path() {
      return module + "." + name;
    }
  }

  private static final Map<String, Constant> BY_PATH;
  private static final Set<String> NAMES;

  static {
    ImmutableMap.Builder<String, Constant> byPath = ImmutableMap.builder();
    add(byPath, ModulePath.SSL, "PROTOCOL_SSLv2", Family.SSL_PROTOCOL, Protocol.SSL_V2);
    add(byPath, ModulePath.SSL, "PROTOCOL_SSLv3", Family.SSL_PROTOCOL, Protocol.SSL_V3);
    add(byPath, ModulePath.SSL, "PROTOCOL_TLSv1", Family.SSL_PROTOCOL, Protocol.TLS_V1);
    add(byPath, ModulePath.SSL, "PROTOCOL_TLSv1_1", Family.SSL_PROTOCOL, Protocol.TLS_V1_1);
    add(byPath, ModulePath.TLS_VERSION, "SSLv3", Family.TLS_VERSION, Protocol.SSL_V3);
    add(byPath, ModulePath.TLS_VERSION, "TLSv1", Family.TLS_VERSION, Protocol.TLS_V1);
    add(byPath, ModulePath.TLS_VERSION, "TLSv1_1", Family.TLS_VERSION, Protocol.TLS_V1_1);
    // The lowest version the linked OpenSSL accepts: TLS 1.0 or older on common builds. Only an
    // insecure choice as a minimum, which the use-site check enforces.
    add(byPath, ModulePath.TLS_VERSION, "MINIMUM_SUPPORTED", Family.TLS_VERSION, Protocol.TLS_V1);
    add(byPath, ModulePath.OPENSSL_SSL, "SSLv2_METHOD", Family.OPENSSL_METHOD, Protocol.SSL_V2);
    add(byPath, ModulePath.OPENSSL_SSL, "SSLv3_METHOD", Family.OPENSSL_METHOD, Protocol.SSL_V3);
    add(byPath, ModulePath.OPENSSL_SSL, "TLSv1_METHOD", Family.OPENSSL_METHOD, Protocol.TLS_V1);
    add(byPath, ModulePath.OPENSSL_SSL, "TLSv1_1_METHOD", Family.OPENSSL_METHOD, Protocol.TLS_V1_1);
    add(byPath, ModulePath.OPENSSL_SSL, "SSL3_VERSION", Family.OPENSSL_VERSION, Protocol.SSL_V3);
    add(byPath, ModulePath.OPENSSL_SSL, "TLS1_VERSION", Family.OPENSSL_VERSION, Protocol.TLS_V1);
    add(byPath, ModulePath.OPENSSL_SSL, "TLS1_1_VERSION", Family.OPENSSL_VERSION, Protocol.TLS_V1_1);
    for (String module : new String[] {ModulePath.SSL, ModulePath.OPENSSL_SSL}) {
      add(byPath, module, "OP_NO_SSLv2", Family.DISABLE_OPTION, Protocol.SSL_V2);
      add(byPath, module, "OP_NO_SSLv3", Family.DISABLE_OPTION, Protocol.SSL_V3);
      add(byPath, module, "OP_NO_TLSv1", Family.DISABLE_OPTION, Protocol.TLS_V1);
      add(byPath, module, "OP_NO_TLSv1_1", Family.DISABLE_OPTION, Protocol.TLS_V1_1);
    }
    BY_PATH = byPath.buildOrThrow();
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    BY_PATH.values().forEach(constant -> names.add(constant.name()));
    NAMES = names.build();
  }

  private Catalogue() {}

  private static void add(
      ImmutableMap.Builder<String, Constant> builder, String module, String name, Family family, Protocol protocol) {
    Constant constant = new Constant(module, name, family, protocol);
    builder.put(constant.path(), constant);
  }

  /** Returns the insecure constant with this fully resolved dotted path, if it is one. */
  static Optional<Constant> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  /** Returns the last names of every catalogued constant, which the text scan looks for. */
  static Set<String> names() {
    return NAMES;
  }

  /**
   * Returns the name a minimal fix writes in place of {@code constant}: the TLS 1.2 member of the
   * same family, or TLS 1.3 for an upper bound. Every replacement exists on CPython 3.7+ and
   * pyOpenSSL 20+.
   */
  static String replacementName(Constant constant, boolean upperBound) {
    return switch (constant.family()) {
      case SSL_PROTOCOL -> "PROTOCOL_TLSv1_2";
      case TLS_VERSION -> upperBound ? "TLSv1_3" : "TLSv1_2";
      case OPENSSL_METHOD -> "TLSv1_2_METHOD";
      case OPENSSL_VERSION -> upperBound ? "TLS1_3_VERSION" : "TLS1_2_VERSION";
      case DISABLE_OPTION -> throw new IllegalArgumentException("Option flags are removed, not renamed");
    };
  }
}
