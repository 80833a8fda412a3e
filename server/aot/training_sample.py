import ssl
from OpenSSL import SSL
from ssl import PROTOCOL_SSLv3 as LEGACY_PROTOCOL

context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
context.minimum_version = ssl.TLSVersion.TLSv1
context.maximum_version = ssl.TLSVersion.TLSv1_1
context.options &= ~ssl.OP_NO_TLSv1
method_context = SSL.Context(SSL.TLSv1_METHOD)
method_context.set_min_proto_version(SSL.TLS1_VERSION)
legacy = ssl.SSLContext(LEGACY_PROTOCOL)
named = ssl.SSLContext(getattr(ssl, "PROTOCOL_TLSv1_1"))
settings = {"ssl_version": ssl.PROTOCOL_SSLv23}
quiet = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # tlsguard: ignore[ssl-proto-const]


def connect(host, version=ssl.PROTOCOL_TLSv1):
    """Open a client connection with the given protocol."""
    ctx = ssl.SSLContext(version)
    with ctx.wrap_socket(host) as sock:
        return sock.version()


class Client:
    protocol = ssl.PROTOCOL_TLS_CLIENT

    def secure(self):
        return ssl.create_default_context()
