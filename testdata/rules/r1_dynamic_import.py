import importlib
from importlib import import_module

from testkit import import_helper

ssl = import_helper.import_module("ssl")
tls = importlib.import_module("ssl")
std = __import__("ssl")
direct = import_module("ssl")
ossl = importlib.import_module("OpenSSL.SSL")
not_stdlib = importlib.import_module("mypkg.ssl")


def dynamic_name(name):
    return importlib.import_module(name)


def uses():
    a = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
    b = tls.SSLContext(tls.PROTOCOL_TLS_SERVER)
    b.minimum_version = tls.TLSVersion.TLSv1_1  # expect: ssl-min-version
    c = std.SSLContext(std.PROTOCOL_SSLv3)  # expect: ssl-proto-const
    d = direct.SSLContext(protocol=direct.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
    e = ossl.Context(ossl.TLSv1_METHOD)  # expect: pyopenssl-method
    f = not_stdlib.SSLContext(not_stdlib.PROTOCOL_TLSv1)
    g = dynamic_name("ssl").PROTOCOL_TLSv1
    return a, b, c, d, e, f, g
