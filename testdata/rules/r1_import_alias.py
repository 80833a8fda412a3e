import ssl as transport_security
import socket, ssl as s2

ctx_a = transport_security.SSLContext(transport_security.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
ctx_b = transport_security.SSLContext(transport_security.PROTOCOL_TLS_SERVER)
ctx_c = s2.SSLContext(s2.PROTOCOL_SSLv3)  # expect: ssl-proto-const
ctx_c.minimum_version = s2.TLSVersion.TLSv1  # expect: ssl-min-version
tunnel = s2.wrap_socket(socket.socket(), ssl_version=s2.PROTOCOL_TLSv1)  # expect: ssl-proto-const
