# pyOpenSSL's import name is OpenSSL. A module called pyOpenSSL does not exist, so these names
# are not bound to OpenSSL.SSL and nothing here is reported.
from pyOpenSSL import SSL

ctx = SSL.Context(SSL.TLSv1_METHOD)
ctx_kw = SSL.Context(method=SSL.SSLv3_METHOD)
