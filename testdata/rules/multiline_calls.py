import socket
import ssl
from OpenSSL import SSL

peer = socket.socket()
secured = ssl.wrap_socket(
    peer,
    certfile="node.pem",
    keyfile="node.key",
    server_side=True,
    ssl_version=ssl.PROTOCOL_TLSv1,  # expect: ssl-proto-const
    ciphers="HIGH",
)
positional = ssl.wrap_socket(peer,
                             None,
                             None,
                             False,
                             ssl.CERT_NONE,
                             ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
# The value itself spans lines, and it is reported on the line where it starts.
split_value = ssl.SSLContext(
    ssl  # expect: ssl-proto-const
    .PROTOCOL_TLSv1_1
)
keyword_on_own_line = ssl.SSLContext(
    protocol=
    ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const
)
ctx = SSL.Context(
    SSL.TLSv1_METHOD  # expect: pyopenssl-method
)
ctx.set_min_proto_version(
    SSL.TLS1_VERSION,  # expect: pyopenssl-proto-version
)
backslash = \
    ssl.PROTOCOL_SSLv2  # expect: ssl-proto-const
fine = ssl.SSLContext(
    ssl.PROTOCOL_TLS_CLIENT,
)
