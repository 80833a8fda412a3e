package dev.tlsguard.rules;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;

/**
 * Protocol names written as strings, which some libraries accept in place of constants: urllib3
 * takes {@code ssl_version="TLSv1"} or {@code "PROTOCOL_TLSv1"}, MySQL connectors take
 * {@code tls_versions=["TLSv1.1"]} and libpq takes {@code ssl_min_protocol_version="TLSv1"}.
 */
final class StringForms {
  private static final Map<String, Protocol> PROTOCOLS =
      ImmutableMap.<String, Protocol>builder()
          .put("SSLv2", Protocol.SSL_V2)
          .put("SSLv3", Protocol.SSL_V3)
          .put("TLSv1", Protocol.TLS_V1)
          .put("TLSv1.0", Protocol.TLS_V1)
          .put("TLSv1_0", Protocol.TLS_V1)
          .put("TLSv1.1", Protocol.TLS_V1_1)
          .put("TLSv1_1", Protocol.TLS_V1_1)
          .put("PROTOCOL_SSLv2", Protocol.SSL_V2)
          .put("PROTOCOL_SSLv3", Protocol.SSL_V3)
          .put("PROTOCOL_TLSv1", Protocol.TLS_V1)
          .put("PROTOCOL_TLSv1_1", Protocol.TLS_V1_1)
          .buildOrThrow();

  private StringForms() {}

  /** Returns the protocol an exact string such as {@code "TLSv1.1"} names, if it is an insecure one. */
  static Optional<Protocol> protocolOf(String value) {
    return Optional.ofNullable(PROTOCOLS.get(value));
  }

  /** Returns the TLS 1.2 name in the same spelling convention as {@code original}. */
  static String replacementFor(String original) {
    if (original.startsWith("PROTOCOL_")) {
      return "PROTOCOL_TLSv1_2";
    }
    return original.indexOf('.') >= 0 ? "TLSv1.2" : "TLSv1_2";
  }
}
