try:
    import ssl
except ImportError:
    # The fallback binding does not hide the real import: on a normal interpreter `ssl` is the
    # standard module.
    ssl = None

try:
    from OpenSSL import SSL
except ImportError:
    SSL = None

try:
    from ssl import PROTOCOL_TLSv1_1
except ImportError:
    PROTOCOL_TLSv1_1 = None

try:
    from ssl import PROTOCOL_TLS_CLIENT as DEFAULT_PROTOCOL
except ImportError:
    from ssl import PROTOCOL_TLSv1 as DEFAULT_PROTOCOL


def make():
    if ssl is None:
        raise RuntimeError("no ssl module")
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


def make_pyopenssl():
    return SSL.Context(SSL.SSLv3_METHOD)  # expect: pyopenssl-method


def make_from_fallback():
    return ssl.SSLContext(PROTOCOL_TLSv1_1)  # expect: ssl-proto-const


def make_default():
    # The name has two bindings and one of them is PROTOCOL_TLSv1, which is what runs on an
    # interpreter without PROTOCOL_TLS_CLIENT, so the use is reported.
    return ssl.SSLContext(DEFAULT_PROTOCOL)  # expect: ssl-proto-const
