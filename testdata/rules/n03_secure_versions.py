import ssl
from OpenSSL import SSL

a = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
b = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
c.minimum_version = ssl.TLSVersion.TLSv1_2
c.minimum_version = ssl.TLSVersion.TLSv1_3
c.minimum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
c.maximum_version = ssl.TLSVersion.TLSv1_2
c.maximum_version = ssl.TLSVersion.TLSv1_3
c.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
d = SSL.Context(SSL.TLSv1_2_METHOD)
d.set_min_proto_version(SSL.TLS1_2_VERSION)
d.set_max_proto_version(SSL.TLS1_3_VERSION)
e = ssl.wrap_socket(object(), ssl_version=ssl.PROTOCOL_TLSv1_2)
f = ssl.get_server_certificate(("host.invalid", 443), ssl.PROTOCOL_TLSv1_2)


def defaults(version=ssl.PROTOCOL_TLSv1_2, method=SSL.TLS_METHOD):
    return version, method
