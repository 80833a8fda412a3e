package dev.tlsguard.rules;

/** An SSL/TLS protocol version that the rule can treat as insecure. */
public enum Protocol {
  SSL_V2("SSLv2"),
  SSL_V3("SSLv3"),
  TLS_V1("TLS 1.0"),
  TLS_V1_1("TLS 1.1");

  private final String displayName;

  Protocol(String displayName) {
    this.displayName = displayName;
  }

  /** Returns the usual name of the version, such as {@code TLS 1.0}. */
  public String displayName() {
    return displayName;
  }

  /** Returns true for SSL 2 and 3, which are broken rather than merely deprecated. */
  public boolean isSsl() {
    return this == SSL_V2 || this == SSL_V3;
  }
}
