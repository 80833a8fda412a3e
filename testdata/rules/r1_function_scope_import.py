def legacy_client():
    import ssl

    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


def legacy_server():
    from ssl import PROTOCOL_SSLv3 as OLD, SSLContext

    return SSLContext(OLD)  # expect: ssl-proto-const


def legacy_pyopenssl():
    from OpenSSL import SSL as ossl

    return ossl.Context(ossl.TLSv1_1_METHOD)  # expect: pyopenssl-method


class Connector:
    def connect(self):
        import ssl as tls

        ctx = tls.create_default_context()
        ctx.minimum_version = tls.TLSVersion.TLSv1  # expect: ssl-min-version
        return ctx
