package dev.tlsguard.rules;

/** Dotted paths of the modules and members the rule resolves names to. */
final class ModulePath {
  static final String SSL = "ssl";
  static final String OPENSSL = "OpenSSL";
  static final String OPENSSL_SSL = "OpenSSL.SSL";
  static final String TLS_VERSION = "ssl.TLSVersion";

  private ModulePath() {}

  /** Returns whether {@code path} is one of the modules whose members the rule models. */
  static boolean isKnownModule(String path) {
    return path.equals(SSL) || path.equals(OPENSSL) || path.equals(OPENSSL_SSL);
  }
}
