import ssl
from OpenSSL import SSL
from ssl import PROTOCOL_TLSv1, PROTOCOL_TLSv1_2

a = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2); b = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
c = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
d = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
e = ssl.SSLContext(PROTOCOL_TLSv1_2)
f = ssl.SSLContext(PROTOCOL_TLSv1)  # expect: ssl-proto-const
g = SSL.Context(SSL.TLSv1_2_METHOD)
h = SSL.Context(SSL.TLSv1_METHOD)  # expect: pyopenssl-method
g.set_min_proto_version(SSL.TLS1_2_VERSION)
h.set_min_proto_version(SSL.TLS1_VERSION)  # expect: pyopenssl-proto-version
g.set_max_proto_version(SSL.TLS1_3_VERSION)
h.set_max_proto_version(SSL.TLS1_1_VERSION)  # expect: pyopenssl-proto-version
c.minimum_version = ssl.TLSVersion.TLSv1_2
c.minimum_version = ssl.TLSVersion.TLSv1  # expect: ssl-min-version
c.options &= ~ssl.OP_NO_TLSv1_2
c.options &= ~ssl.OP_NO_TLSv1  # expect: options-reenable
ok = getattr(ssl, "PROTOCOL_TLSv1_2")
bad = getattr(ssl, "PROTOCOL_TLSv1")  # expect: getattr-const
# Names that only start like a constant are other names.
PROTOCOL_TLSv1_legacy = 1
x = ssl.SSLContext(PROTOCOL_TLSv1_legacy)
