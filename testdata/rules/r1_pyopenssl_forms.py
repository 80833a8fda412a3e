import OpenSSL.SSL as ossl
from OpenSSL import SSL
from OpenSSL import SSL as OpenSsl
from OpenSSL.SSL import Context, TLSv1_METHOD
from OpenSSL.SSL import SSLv3_METHOD as ANCIENT

a = ossl.Context(ossl.TLSv1_METHOD)  # expect: pyopenssl-method
b = SSL.Context(SSL.TLSv1_1_METHOD)  # expect: pyopenssl-method
c = OpenSsl.Context(method=OpenSsl.SSLv3_METHOD)  # expect: pyopenssl-method
d = Context(TLSv1_METHOD)  # expect: pyopenssl-method
e = Context(ANCIENT)  # expect: pyopenssl-method
b.set_min_proto_version(SSL.TLS1_VERSION)  # expect: pyopenssl-proto-version
fine = OpenSsl.Context(OpenSsl.TLS_METHOD)
fine.set_min_proto_version(OpenSsl.TLS1_2_VERSION)
