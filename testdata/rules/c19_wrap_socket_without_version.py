# Leaving the version out of ssl.wrap_socket is not an insecure selection: since Python 3.10 the
# default context refuses anything below TLS 1.2. (The function itself is gone in 3.12, which is
# a matter for a deprecation rule.)
import socket
import ssl

s = socket.socket()
plain = ssl.wrap_socket(s)
server = ssl.wrap_socket(s, "key.pem", "cert.pem", True)
# A secure version in the sixth position must not produce a "missing version" finding either.
pinned = ssl.wrap_socket(s, None, None, False, ssl.CERT_REQUIRED, ssl.PROTOCOL_TLSv1_2)
