import ssl
from OpenSSL import SSL


def connect(host, port=443, version=ssl.PROTOCOL_TLSv1):  # expect: bad-default
    return ssl.SSLContext(version), host, port


def connect_kwonly(host, *, version=ssl.PROTOCOL_SSLv3):  # expect: bad-default
    return ssl.SSLContext(version), host


def connect_typed(host, version: int = ssl.PROTOCOL_TLSv1_1):  # expect: bad-default
    return ssl.SSLContext(version), host


def connect_floor(ctx, floor=ssl.TLSVersion.TLSv1):  # expect: bad-default
    ctx.minimum_version = floor


def connect_pyopenssl(method=SSL.TLSv1_METHOD):  # expect: bad-default
    return SSL.Context(method)


class Client:
    async def open(self, *, protocol: int = ssl.PROTOCOL_TLSv1):  # expect: bad-default
        return ssl.SSLContext(protocol)

    def reopen(
        self,
        retries=3,
        protocol=ssl.PROTOCOL_SSLv2,  # expect: bad-default
    ):
        return ssl.SSLContext(protocol), retries


make_ctx = lambda proto=ssl.PROTOCOL_TLSv1: ssl.SSLContext(proto)  # expect: bad-default
make_kwonly = lambda *, proto=ssl.PROTOCOL_SSLv3: ssl.SSLContext(proto)  # expect: bad-default
make_ok = lambda proto=ssl.PROTOCOL_TLS_CLIENT: ssl.SSLContext(proto)


def connect_ok(host, version=ssl.PROTOCOL_TLS_CLIENT, floor=ssl.TLSVersion.TLSv1_2):
    return ssl.SSLContext(version), host, floor


def connect_flexible(method=SSL.SSLv23_METHOD, legacy=ssl.PROTOCOL_SSLv23):
    return SSL.Context(method), legacy
