import ssl
from ssl import SSLContext


def legacy_listener():
    ctx = ssl.SSLContext(protocol=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
    ctx.load_cert_chain("listener.pem")
    return ctx


bare_ctor = SSLContext(protocol=ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
bare_ctor_ok = SSLContext(protocol=ssl.PROTOCOL_TLS_SERVER)
spaced = ssl.SSLContext( protocol = ssl.PROTOCOL_TLSv1 )  # expect: ssl-proto-const
