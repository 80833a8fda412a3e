import ssl

from test.support import has_tls_protocol, is_protocol_available


def supports_protocol(proto):
    return proto is not None


def pick():
    if has_tls_protocol(ssl.PROTOCOL_TLSv1_1):
        return "1.1"
    if is_protocol_available(ssl.PROTOCOL_TLSv1):
        return "1.0"
    if supports_protocol(ssl.PROTOCOL_SSLv3) or ssl_protocol_supported(ssl.PROTOCOL_SSLv2):
        return "ssl"
    if tls_version_available(ssl.TLSVersion.TLSv1):
        return "floor"
    return None


def ssl_protocol_supported(proto):
    return False


def tls_version_available(version):
    return False
