package dev.tlsguard.rules;

import java.util.Optional;

/** The kind of insecure protocol selection a finding reports. */
public enum FindingKind {
  /** An insecure {@code ssl.PROTOCOL_*} constant used as a value that selects a protocol. */
  SSL_PROTO_CONST("ssl-proto-const"),
  /** {@code ctx.minimum_version} set to an insecure {@code ssl.TLSVersion}. */
  SSL_MIN_VERSION("ssl-min-version"),
  /** {@code ctx.maximum_version} capped at an insecure {@code ssl.TLSVersion}. */
  SSL_MAX_VERSION("ssl-max-version"),
  /** {@code ctx.options &= ~ssl.OP_NO_*}, which re-enables a disabled protocol. */
  OPTIONS_REENABLE("options-reenable"),
  /** An insecure pyOpenSSL {@code *_METHOD} constant. */
  PYOPENSSL_METHOD("pyopenssl-method"),
  /** pyOpenSSL {@code set_min_proto_version}/{@code set_max_proto_version} with an insecure version. */
  PYOPENSSL_PROTO_VERSION("pyopenssl-proto-version"),
  /** A function or lambda parameter whose default is an insecure constant. */
  BAD_DEFAULT("bad-default"),
  /** {@code getattr(ssl, "PROTOCOL_TLSv1")} and similar look-ups by a literal name. */
  GETATTR_CONST("getattr-const"),
  /** A protocol name written as a string, such as urllib3's {@code ssl_version="TLSv1"}; off by default. */
  STRING_FORM("string-form");

  private final String id;

  FindingKind(String id) {
    this.id = id;
  }

  /** Returns the kind's id as written in output, settings and suppression comments. */
  public String id() {
    return id;
  }

  /** Returns the kind with the given id, if there is one. */
  public static Optional<FindingKind> fromId(String id) {
    for (FindingKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
