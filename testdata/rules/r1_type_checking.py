from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ssl
    from OpenSSL import SSL
else:
    ssl = __import__("ssl")


def legacy(sock) -> "ssl.SSLSocket":
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


def legacy_method() -> "SSL.Context":
    return SSL.Context(SSL.TLSv1_METHOD)  # expect: pyopenssl-method
