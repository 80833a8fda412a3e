# Version-flexible names negotiate the highest version both sides support. Since Python 3.10
# their floor is TLS 1.2, so they are not insecure selections.
import ssl
from OpenSSL import SSL

flex1 = ssl.SSLContext(ssl.PROTOCOL_SSLv23)
flex2 = ssl.SSLContext(ssl.PROTOCOL_TLS)
flex3 = SSL.Context(SSL.SSLv23_METHOD)
flex4 = SSL.Context(SSL.TLS_METHOD)
flex5 = ssl.SSLContext()
flex6 = ssl.create_default_context()
flex7 = SSL.Context(SSL.TLS_CLIENT_METHOD)
flex8 = SSL.Context(SSL.TLS_SERVER_METHOD)
tunnel = ssl.wrap_socket(object(), ssl_version=ssl.PROTOCOL_SSLv23)
PREFERRED = ssl.PROTOCOL_SSLv23


def open_with(method=SSL.SSLv23_METHOD):
    return SSL.Context(method)
