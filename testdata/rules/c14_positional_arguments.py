import functools
import ssl

from mylib.net import make_tls_context, TlsFactory

ctx = make_tls_context(ssl.PROTOCOL_TLSv1, verify=False)  # expect: ssl-proto-const
ctx2 = make_tls_context(ssl.PROTOCOL_TLS_CLIENT)
factory = TlsFactory()
server_ctx = factory.build("srv.pem", ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
deferred = functools.partial(ssl.SSLContext, ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
nested = make_tls_context(make_tls_context(ssl.PROTOCOL_SSLv2))  # expect: ssl-proto-const
starred = make_tls_context(*[ssl.PROTOCOL_TLSv1])  # expect: ssl-proto-const


@functools.lru_cache(maxsize=None)
def cached(protocol):
    return ssl.SSLContext(protocol)


warm = cached(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
