import ssl

ALLOWED = [ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_2]  # expect: ssl-proto-const
FALLBACKS = (
    ssl.PROTOCOL_TLS_CLIENT,
    ssl.PROTOCOL_TLSv1_1,  # expect: ssl-proto-const
    ssl.PROTOCOL_SSLv3,  # expect: ssl-proto-const
)
CHOICES = {ssl.PROTOCOL_TLSv1}  # expect: ssl-proto-const
EXTENDED = [*FALLBACKS, ssl.PROTOCOL_SSLv2]  # expect: ssl-proto-const
MODERN_ONLY = [ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER]


def pick(legacy):
    proto = ssl.PROTOCOL_TLSv1 if legacy else ssl.PROTOCOL_TLS_CLIENT  # expect: ssl-proto-const
    other = ssl.PROTOCOL_TLS_CLIENT if not legacy else ssl.PROTOCOL_SSLv3  # expect: ssl-proto-const
    either = legacy and ssl.PROTOCOL_TLSv1_1 or ssl.PROTOCOL_TLS_CLIENT  # expect: ssl-proto-const
    return proto, other, either


def legacy_protocol():
    return ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const


def legacy_protocols():
    yield ssl.PROTOCOL_SSLv3  # expect: ssl-proto-const
    yield ssl.PROTOCOL_TLS_CLIENT


lazy = lambda: ssl.PROTOCOL_TLSv1_1  # expect: ssl-proto-const


def try_each(sock):
    # A for loop over the constants selects each of them in turn. Only the comparison operator
    # `in` is a membership test.
    for proto in (ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_2):  # expect: ssl-proto-const
        ssl.SSLContext(proto).wrap_socket(sock)


def is_legacy(proto):
    # A sequence used only as the right side of `in` / `not in` is a membership test.
    if proto in [ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_1]:
        return True
    return proto not in {ssl.PROTOCOL_SSLv2, ssl.PROTOCOL_SSLv3}
