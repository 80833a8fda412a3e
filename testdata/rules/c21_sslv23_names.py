# PROTOCOL_SSLv23 and SSLv23_METHOD mean "negotiate", not SSL 2 or 3. They are aliases of the
# version-flexible method and are not insecure versions.
import ssl
from OpenSSL import SSL
from ssl import PROTOCOL_SSLv23 as NEGOTIATE

a = ssl.SSLContext(ssl.PROTOCOL_SSLv23)
b = ssl.SSLContext(NEGOTIATE)
c = SSL.Context(SSL.SSLv23_METHOD)
d = SSL.Context(method=SSL.SSLv23_METHOD)
e = ssl.wrap_socket(object(), ssl_version=ssl.PROTOCOL_SSLv23)
f = getattr(ssl, "PROTOCOL_SSLv23")
