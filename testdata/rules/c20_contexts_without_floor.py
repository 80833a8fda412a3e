# Version-flexible contexts with no explicit floor are secure on Python 3.10 and later, so they
# are not reported by default (only a "Python older than 3.10" mode would look at them).
import ssl
from OpenSSL import SSL

default_client = ssl.create_default_context()
bare = ssl.SSLContext()
client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ossl = SSL.Context(SSL.TLS_METHOD)
ossl_client = SSL.Context(SSL.TLS_CLIENT_METHOD)
