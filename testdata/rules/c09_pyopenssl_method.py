import OpenSSL
import OpenSSL.SSL
import OpenSSL.SSL as ossl
from OpenSSL import SSL
from OpenSSL import SSL as TlsLib
from OpenSSL.SSL import Context, TLSv1_METHOD
from OpenSSL.SSL import TLSv1_1_METHOD as PINNED_OLD

a = SSL.Context(SSL.TLSv1_METHOD)  # expect: pyopenssl-method
b = SSL.Context(method=SSL.SSLv3_METHOD)  # expect: pyopenssl-method
# SSLv2_METHOD no longer exists in pyOpenSSL 23 and later. The code is broken and still reported.
c = SSL.Context(SSL.SSLv2_METHOD)  # expect: pyopenssl-method
d = ossl.Context(ossl.TLSv1_1_METHOD)  # expect: pyopenssl-method
e = TlsLib.Context(TlsLib.TLSv1_METHOD)  # expect: pyopenssl-method
f = Context(TLSv1_METHOD)  # expect: pyopenssl-method
g = Context(PINNED_OLD)  # expect: pyopenssl-method
h = OpenSSL.SSL.Context(OpenSSL.SSL.SSLv3_METHOD)  # expect: pyopenssl-method

ok_pinned = SSL.Context(SSL.TLSv1_2_METHOD)
ok_flexible = SSL.Context(SSL.TLS_METHOD)
ok_client = ossl.Context(method=ossl.TLS_CLIENT_METHOD)
ok_server = TlsLib.Context(TlsLib.TLS_SERVER_METHOD)
ok_legacy_name = SSL.Context(SSL.SSLv23_METHOD)
ok_dtls = SSL.Context(SSL.DTLS_METHOD)


def any_callee_with_method_keyword(connect):
    return connect("host", method=SSL.TLSv1_METHOD)  # expect: pyopenssl-method
