import ssl
from OpenSSL import SSL

context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
context.minimum_version = ssl.TLSVersion.TLSv1
method_context = SSL.Context(SSL.TLSv1_METHOD)
