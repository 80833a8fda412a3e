# A star import of OpenSSL.SSL binds its names just as `from ssl import *` binds the standard
# module's, so the bare method name resolves to pyOpenSSL.
from OpenSSL.SSL import *

legacy = Context(TLSv1_METHOD)  # expect: pyopenssl-method
modern = Context(TLS_CLIENT_METHOD)
